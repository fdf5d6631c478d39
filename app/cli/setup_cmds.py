"""init, user, policy and selftest commands."""
from __future__ import annotations

import sys

from app import i18n
from app.cli.context import actor, add_actor_options, add_db_option, db_target, open_db, password_from, read_json_arg

i18n.register({
    "No new password: set CDESK_NEW_PASSWORD.": "未提供新密码：请设置环境变量 CDESK_NEW_PASSWORD。",
    "warning: {warning}": "警告：{warning}",
})


def add_commands(sub) -> None:
    p = sub.add_parser("init", help="create a new database for a branch (or headquarters with --hq)")
    add_db_option(p)
    p.add_argument("--branch", required=True, metavar="CODE")
    p.add_argument("--branch-name", required=True, metavar="NAME")
    p.add_argument("--admin", required=True, metavar="USER")
    p.add_argument("--hq", action="store_true", help="headquarters mode")
    p.set_defaults(handler=cmd_init)

    user = sub.add_parser("user", help="users of this desk").add_subparsers(dest="user_command", metavar="ACTION")
    p = user.add_parser("add", help="add a user (initial password from CDESK_NEW_PASSWORD)")
    p.add_argument("username", metavar="USER")
    p.add_argument("--name", required=True, metavar="DISPLAY_NAME")
    p.add_argument("--role", required=True)
    p.add_argument("--department", default=None)
    p.add_argument("--supervisor", default=None)
    add_actor_options(p)
    p.set_defaults(handler=cmd_user_add)
    p = user.add_parser("passwd", help="change your password (new password from CDESK_NEW_PASSWORD)")
    p.add_argument("username", metavar="USER")
    add_actor_options(p)
    p.set_defaults(handler=cmd_user_passwd)
    p = user.add_parser("list", help="list users")
    add_actor_options(p)
    p.set_defaults(handler=cmd_user_list)

    policy = sub.add_parser("policy", help="deadline preset, calendar, thresholds").add_subparsers(
        dest="policy_command", metavar="ACTION")
    p = policy.add_parser("import", help="apply a policy JSON file")
    p.add_argument("file", metavar="FILE")
    add_actor_options(p)
    p.set_defaults(handler=cmd_policy_import)
    p = policy.add_parser("show", help="the policy in force")
    add_actor_options(p)
    p.set_defaults(handler=cmd_policy_show)
    from app.cli.exchange_cmds import add_policy_commands  # policy export (USB exchange, signed)

    add_policy_commands(policy)

    p = sub.add_parser("selftest", help="check fonts, database, calendar and printing")
    add_db_option(p)
    p.set_defaults(handler=cmd_selftest)


def new_password() -> str:
    import os

    from app.errors import DeskError

    value = os.environ.get("CDESK_NEW_PASSWORD")
    if value is None:
        raise DeskError("No new password: set CDESK_NEW_PASSWORD.")
    return value


def cmd_init(args):
    from app.services import setup

    password = password_from("CDESK_PASSWORD", "Admin password: ")
    open_db(args, must_exist=False)
    result = setup.init_database(args.branch, args.branch_name, args.admin, password, hq=args.hq)
    result["db"] = db_target(args)
    return result


def cmd_user_add(args):
    from app.services import setup

    who = actor(args)
    return setup.add_user(who, args.username, display_name=args.name, role=args.role, password=new_password(),
                          department=args.department, supervisor=args.supervisor)


def cmd_user_passwd(args):
    from app.services import auth

    who = actor(args)
    return auth.change_password(who, args.username, new_password())


def cmd_user_list(args):
    from app.services import setup

    return setup.list_users(actor(args))


def cmd_policy_import(args):
    """A policy JSON file, or headquarters' signed policy bundle (.cdpolicy), which is verified first."""
    from pathlib import Path

    from app.services import setup

    if args.file != "-" and Path(args.file).suffix.lower() == ".cdpolicy":
        from app.services.exchange import import_policy_bundle

        return import_policy_bundle(actor(args), args.file)
    who = actor(args)
    return setup.import_policy(who, read_json_arg(args.file, "FILE"))


def cmd_policy_show(args):
    from app.services import setup

    return setup.show_policy(actor(args))


def cmd_selftest(args):
    from app.services import selftest

    report = selftest.run(db_target(args))
    if not report["ok"]:
        from app.cli import emit
        from app.errors import DeskError

        emit(report)
        raise DeskError("selftest failed: {failed}",
                        failed=", ".join(c["name"] for c in report["checks"] if c["status"] == "failed"))
    for warning in report["warnings"]:  # the installation works, but something needs doing soon
        print(i18n.t("warning: {warning}", warning=warning), file=sys.stderr)
    return report
