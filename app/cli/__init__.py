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
import sys

from app import i18n
from app.errors import DeskError
from app.services.failures import describe as describe_unexpected

# command modules, each contributing subcommands; new groups add their module here
COMMAND_MODULES = [
    "app.cli.setup_cmds",
    "app.cli.case_cmds",
    "app.cli.print_cmds",
    "app.cli.maintenance_cmds",
    "app.cli.exchange_cmds",
    "app.cli.report_cmds",
]


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
