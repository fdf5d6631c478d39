"""print and notice print: a printout as a PDF file (the windows send the same bytes to a printer)."""
from __future__ import annotations

from app.cli.context import actor, add_actor_options
from app.services.system import write_file as write_atomically


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
    target = write_atomically(path, data)
    return {"out": str(target), "bytes": len(data)}


def _print(args, document: str) -> dict:
    from app.services.printing import print_document

    who = actor(args)
    data = print_document(who, args.number, document)
    result = write_pdf(args.out, data)
    result.update({"number": args.number.strip().upper(), "document": document})
    return result


def cmd_print(args):
    return _print(args, args.doc)


def cmd_notice_print(args):
    return _print(args, "notice")
