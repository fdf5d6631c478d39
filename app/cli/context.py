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
    "standard input": "标准输入",
    "{source} is not UTF-8 text (byte {position}): save the JSON as UTF-8 and try again.":
        "{source}不是 UTF-8 文本（第 {position} 字节）：请将 JSON 另存为 UTF-8 编码后重试。",
})


def decode_json_bytes(data: bytes, source: str, option: str) -> str:
    """JSON text is UTF-8 (RFC 8259), with or without the byte-order mark that Notepad writes. It is never
    read in the console's code page: UTF-8 read as GBK would be stored as mojibake (张伟 as 寮犱紵) without a
    word, so bytes that are not UTF-8 are refused instead."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DeskError("{source} is not UTF-8 text (byte {position}): save the JSON as UTF-8 and try again.",
                        field=option, source=source, position=exc.start + 1) from None


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
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # no standard input, or a text stream without bytes underneath (tests)
            text = sys.stdin.read() if sys.stdin is not None else ""
        else:
            text = decode_json_bytes(stream.read(), i18n.t("standard input"), option)
    else:
        try:
            data = Path(source).read_bytes()
        except FileNotFoundError:
            raise DeskError("File not found: {path}", field=option, path=source) from None
        except OSError as exc:
            raise DeskError("Cannot read {path}: {error}", field=option, path=source, error=str(exc)) from None
        text = decode_json_bytes(data, source, option)
    return parse_json_text(text)
