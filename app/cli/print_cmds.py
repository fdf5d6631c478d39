"""print and notice print: a printout as a PDF file (the windows send the same bytes to a printer)."""
from __future__ import annotations

import os
from pathlib import Path

from app import i18n
from app.cli.context import actor, add_actor_options
from app.errors import DeskError

i18n.register({
    "Cannot write {path}: {error}": "无法写入 {path}：{error}",
})


def add_commands(sub) -> None:
    p = sub.add_parser("print", help="print a case document to a PDF file")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--doc", required=True, choices=("slip", "receipt", "revisit", "letter"))
    p.add_argument("--out", required=True, metavar="FILE")
    add_actor_options(p)
    p.set_defaults(handler=cmd_print)


def add_notice_commands(notice_sub) -> None:
    p = notice_sub.add_parser("print", help="print a rectification notice to a PDF file")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--out", required=True, metavar="FILE")
    add_actor_options(p)
    p.set_defaults(handler=cmd_notice_print)


def write_pdf(path: str, data: bytes) -> dict:
    """Write next to the target and rename, so a full disk never leaves a half-written PDF behind."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.part")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise DeskError("Cannot write {path}: {error}", field="--out", path=path, error=exc.strerror or exc) from None
    return {"out": str(target), "bytes": len(data)}


def _print(args, document: str) -> dict:
    from app.printouts import print_document

    who = actor(args)
    data = print_document(who, args.number, document)
    result = write_pdf(args.out, data)
    result.update({"number": args.number.strip().upper(), "document": document})
    return result


def cmd_print(args):
    return _print(args, args.doc)


def cmd_notice_print(args):
    return _print(args, "notice")
