"""The command line (README, "Command line"): a thin shell over the same services the windows use.

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
from contextlib import contextmanager

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
    "app.cli.register_cmds",
    "app.cli.branch_cmds",
]


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit 1, like every other refusal."""

    def error(self, message):  # noqa: D401 - argparse API
        raise DeskError("usage: {detail}", detail=message)


# argparse's own words for a usage error (it words them through gettext, with %-placeholders), so that a
# mistyped command is refused in the user's language like every other refusal
ARGPARSE_MESSAGES = {
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
    "expected one argument": "缺少取值",
    "expected at most one argument": "最多只能有一个取值",
    "expected at least one argument": "至少需要一个取值",
    "expected %s argument": "需要 %s 个取值",
    "expected %s arguments": "需要 %s 个取值",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的 %(type)s 值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须提供以下参数之一：%s",
    "ignored explicit argument %r": "多余的取值 %r",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}
i18n.register(ARGPARSE_MESSAGES)


@contextmanager
def _argparse_in_language():
    """While the command line is parsed, argparse's error messages come from the catalogue above (its help
    texts stay as they are)."""
    saved = argparse._, argparse.ngettext

    def gettext(text):
        return i18n.t(text) if text in ARGPARSE_MESSAGES else saved[0](text)

    def ngettext(singular, plural, count):
        return gettext(singular if count == 1 else plural)

    argparse._, argparse.ngettext = gettext, ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def build_parser() -> argparse.ArgumentParser:
    from app.cli.context import add_db_option

    parser = _Parser(prog="complaint-desk", description="Complaint Desk command line")
    add_db_option(parser)  # before the command as well as after it (the one after it wins)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(sub)
    return parser


def use_utf8_streams() -> None:
    """Standard output and error speak UTF-8 whatever the console's code page (a Chinese Windows console is
    GBK, code page 936, which has no 𠮷): scripts reading the JSON get UTF-8, a Windows console window shows
    every character (Python writes to it in UTF-16), and no character can make the output fail."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors="backslashreplace")
        except (ValueError, OSError):  # already written to in another encoding: keep it, but never fail on a character
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def emit(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    use_utf8_streams()
    i18n.language_from_environment()
    try:
        parser = build_parser()
        with _argparse_in_language():
            args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help()
            return 0
        result = args.handler(args)
        if result is not None:  # inside the error handling: a closed pipe is one line, never a traceback
            emit(result)
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
        from app.services.system import close_db

        close_db()
    return 0
