"""What every command needs: the database from --db, and the acting user from --as and CDESK_PASSWORD."""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from app import i18n
from app.errors import DeskError
from app.paths import default_db_target

i18n.register({
    "usage: {detail}": "用法错误：{detail}",
    "Interrupted.": "已中断。",
    "No password: set {variable} or run the command in a terminal.": "未提供密码：请设置环境变量 {variable}，或在终端中运行以输入密码。",
    "No database at {path}: create one with 'init' first.": "数据库 {path} 不存在：请先用 init 命令创建。",
})


def add_db_option(parser) -> None:
    """``--db``, which the command line takes before the command and after it: left out, it sets nothing, so
    that the command's own parser does not undo a ``--db`` given before the command."""
    parser.add_argument("--db", default=argparse.SUPPRESS,
                        help="database file or postgresql:// URL (default: the user's data folder)")


def add_actor_options(parser) -> None:
    add_db_option(parser)
    parser.add_argument("--as", dest="as_user", required=True, metavar="USER", help="act as this user")


def db_target(args) -> str:
    return getattr(args, "db", None) or default_db_target()


def open_db(args, *, must_exist: bool = True) -> None:
    from app.services.system import open_database

    target = db_target(args)
    if must_exist and "://" not in target and not Path(target).exists():
        raise DeskError("No database at {path}: create one with 'init' first.", path=target)
    open_database(target)


def password_from(variable: str, prompt: str) -> str:
    value = os.environ.get(variable)
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise DeskError("No password: set {variable} or run the command in a terminal.", variable=variable)


def actor(args):
    """Open the database and sign in as ``--as`` with the password from CDESK_PASSWORD."""
    from app.services import auth

    open_db(args)
    return auth.sign_in(args.as_user, password_from("CDESK_PASSWORD", "Password: "))


def read_json_arg(source: str, option: str = "--json"):
    """Read a JSON document from a file path or '-' (standard input); broken JSON names the problem.
    ``option`` is how the command line names the file (``--json``, or ``FILE`` for ``policy import``)."""
    from app.services.system import parse_json_text

    if source == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise DeskError("File not found: {path}", field=option, path=source) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise DeskError("Cannot read {path}: {error}", field=option, path=source, error=str(exc)) from None
    return parse_json_text(text)
