"""The command line (DOMAIN section 5): a thin shell over the same services the windows use.

Each command group lives in its own module with ``add_commands(subparsers)``; a handler receives the parsed
arguments and returns a JSON-serialisable value, printed on stdout (exit 0). A ``DeskError`` becomes one
line on stderr in the user's language (exit 1); nothing else escapes as a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import json
import logging
import sqlite3
import sys

from app import i18n
from app.errors import DeskError
from models.db import StorageFull

# command modules, each contributing subcommands; new groups add their module here
COMMAND_MODULES = [
    "app.cli.setup_cmds",
    "app.cli.case_cmds",
    "app.cli.print_cmds",
    "app.cli.maintenance_cmds",
    "app.cli.exchange_cmds",
    "app.cli.report_cmds",
]


i18n.register({
    "The database file is damaged or is not a Complaint Desk database ({detail}): restore it from a backup.":
        "数据库文件已损坏或不是本程序的数据库（{detail}）：请从备份恢复。",
    "The database is busy (another program is writing to it); try again in a moment.":
        "数据库正被其他程序写入，请稍后再试。",
    "Cannot read or write {path}: {detail}.": "无法读写 {path}：{detail}。",
    "Unexpected error: {detail}. Nothing was saved; the log file has the details.":
        "意外错误：{detail}。未保存任何内容，详情见日志文件。",
    "Unexpected error: {detail}. Nothing was saved; the details are in {log}.":
        "意外错误：{detail}。未保存任何内容，详情见日志文件 {log}。",
    "This database was written by a newer version of the program; update the program first.":
        "该数据库由更新版本的程序写入，请先升级程序。",
})


def describe_unexpected(exc: Exception) -> str:
    """One line, in the user's language, for a failure that is not a refusal of the rules."""
    import peewee

    from models.migrations import SchemaTooNew

    if isinstance(exc, StorageFull):  # a full disk is not a damaged file: the save was rolled back
        from app.records.integrity import storage_full_error

        return storage_full_error().localized()
    if isinstance(exc, SchemaTooNew):
        return i18n.t("This database was written by a newer version of the program; update the program first.")
    if isinstance(exc, (peewee.OperationalError, sqlite3.OperationalError)) and "locked" in str(exc):
        return i18n.t("The database is busy (another program is writing to it); try again in a moment.")
    if isinstance(exc, (peewee.DatabaseError, sqlite3.DatabaseError)):
        return i18n.t("The database file is damaged or is not a Complaint Desk database ({detail}): restore it "
                      "from a backup.", detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    if isinstance(exc, OSError):
        return i18n.t("Cannot read or write {path}: {detail}.", path=exc.filename or "", detail=exc.strerror or exc)
    from app import logs

    detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
    if logs.log_file() is not None:  # name the file the details went to
        return i18n.t("Unexpected error: {detail}. Nothing was saved; the details are in {log}.", detail=detail,
                      log=str(logs.log_file()))
    return i18n.t("Unexpected error: {detail}. Nothing was saved; the log file has the details.", detail=detail)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit 1, like every other refusal."""

    def error(self, message):  # noqa: D401 - argparse API
        raise DeskError("usage: {detail}", detail=message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="complaint-desk", description="Complaint Desk command line")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(sub)
    return parser


def emit(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def main(argv: list[str] | None = None) -> int:
    i18n.language_from_environment()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help()
            return 0
        result = args.handler(args)
    except DeskError as exc:
        from app.errors import AuthError

        if isinstance(exc, AuthError) and exc.field is None:
            exc.field = "--as"  # a refused sign-in or account names the option that chose the user
        sys.stderr.write(exc.localized().replace("\n", " ") + "\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write(i18n.t("Interrupted.") + "\n")
        return 1
    except Exception as exc:  # never a traceback on the desk: one line, the details in the log
        sys.stderr.write(describe_unexpected(exc) + "\n")
        logging.getLogger("complaint_desk.cli").exception("command failed")
        return 1
    finally:
        from models.db import close_db

        close_db()
    if result is not None:
        emit(result)
    return 0
