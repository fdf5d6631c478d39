"""register import: bring in the register a branch kept before (Excel or CSV)."""
from __future__ import annotations

from app.cli.context import actor, add_actor_options, read_json_arg


def add_commands(sub) -> None:
    register = sub.add_parser("register", help="the complaint register").add_subparsers(
        dest="register_command", metavar="ACTION")
    p = register.add_parser("import", help="import an old register (.xlsx, .xls, .csv in UTF-8 or GBK)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--sheet", default=None, metavar="NAME", help="the workbook's sheet (default: the first)")
    p.add_argument("--map", dest="mapping", default=None, metavar="MAPPING.json",
                   help='{"header_row": N, "columns": {"title": "field"|null}, "defaults": {...}, "values": {...}}')
    p.add_argument("--dry-run", action="store_true", help="check every row and say what would happen; write nothing")
    p.add_argument("--refused-out", default=None, metavar="FILE.xlsx",
                   help="where to write the refused rows (default: beside FILE, NAME-未导入.xlsx)")
    add_actor_options(p)
    p.set_defaults(handler=cmd_register_import)


def cmd_register_import(args):
    from app.services import legacy

    mapping = read_json_arg(args.mapping, "--map") if args.mapping else None
    return legacy.import_register(actor(args), args.file, sheet=args.sheet, mapping=mapping, dry_run=args.dry_run,
                                  refused_out=args.refused_out)
