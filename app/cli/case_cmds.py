"""case and notice commands."""
from __future__ import annotations

from app.cli.context import actor, add_actor_options, read_json_arg


def add_commands(sub) -> None:
    case = sub.add_parser("case", help="complaint cases").add_subparsers(dest="case_command", metavar="ACTION")
    p = case.add_parser("add", help="register a case from the case JSON")
    p.add_argument("--json", required=True, metavar="FILE|-")
    add_actor_options(p)
    p.set_defaults(handler=cmd_case_add)
    p = case.add_parser("show", help="show a case")
    p.add_argument("number", metavar="NUMBER")
    add_actor_options(p)
    p.set_defaults(handler=cmd_case_show)
    p = case.add_parser("do", help="one workflow action")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("action", metavar="ACTION")
    p.add_argument("--json", default=None, metavar="FILE|-")
    add_actor_options(p)
    p.set_defaults(handler=cmd_case_do)

    notice = sub.add_parser("notice", help="rectification notices").add_subparsers(dest="notice_command",
                                                                                  metavar="ACTION")
    p = notice.add_parser("do", help="feedback or verify")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("action", metavar="ACTION")
    p.add_argument("--json", default=None, metavar="FILE|-")
    add_actor_options(p)
    p.set_defaults(handler=cmd_notice_do)
    p = notice.add_parser("show", help="show a notice")
    p.add_argument("number", metavar="NUMBER")
    add_actor_options(p)
    p.set_defaults(handler=cmd_notice_show)
    from app.cli.print_cmds import add_notice_commands

    add_notice_commands(notice)


def cmd_case_add(args):
    from app.services import cases

    document = read_json_arg(args.json)
    return cases.register_case(actor(args), document)


def cmd_case_show(args):
    from app.services import cases

    return cases.show_case(actor(args), args.number)


def cmd_case_do(args):
    from app.services import cases

    payload = read_json_arg(args.json) if args.json else {}
    return cases.do_action(actor(args), args.number, args.action, payload)


def cmd_notice_do(args):
    from app.services import notices

    payload = read_json_arg(args.json) if args.json else {}
    return notices.notice_action(actor(args), args.number, args.action, payload)


def cmd_notice_show(args):
    from app.services import notices

    return notices.show_notice(actor(args), args.number)
