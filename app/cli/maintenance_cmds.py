"""history verify, backup, restore, user reset and user deactivate."""
from __future__ import annotations

import argparse
import getpass
import os
import sys

from app import i18n
from app.cli.context import actor, add_actor_options, db_target, password_from
from app.errors import DeskError, NotAllowed

i18n.register({
    "The history chain is broken at row {id} ({ref}, {action}, {at}): a history row was altered or deleted.":
        "历史记录链在第 {id} 行（{ref}，{action}，{at}）断开：有历史记录被修改或删除。",
    "The history was cut: headquarters acknowledged {count} rows and fewer are left. Restore the latest backup and ask headquarters to compare.":
        "历史记录被截断：总部已确认 {count} 条，现存记录更少。请恢复最新备份并请总部核对。",
    "The history was rewritten: row {count} no longer has the hash headquarters acknowledged ({ref}, {action}, {at}). Restore the latest backup and ask headquarters to compare.":
        "历史记录被改写：第 {count} 条记录的哈希值与总部确认的不一致（{ref}，{action}，{at}）。请恢复最新备份并请总部核对。",
    "backup and restore need a database file, not {target}": "备份与恢复需要数据库文件，而不是 {target}",
    "Highest number printed on paper (e.g. BJ01-2026-00042), empty if none: ":
        "纸面上打印过的最大编号（如 BJ01-2026-00042），没有请直接回车：",
    "Only a supervisor, the general manager or an admin may verify the history.": "只有主管、总经理或管理员可以校验历史记录。",
    "Backup password: ": "备份密码：",
    "The backup password again: ": "再次输入备份密码：",
    "The two backup passwords differ.": "两次输入的备份密码不一致。",
})

VERIFY_ROLES = ("supervisor", "admin", "general_manager", "hq")


def _user_subcommands(sub):
    """The ``user`` group's subcommands, created by setup_cmds (argparse refuses a second ``user`` parser)."""
    parser = sub.choices.get("user")
    if parser is None:
        return sub.add_parser("user", help="users of this desk").add_subparsers(dest="user_command", metavar="ACTION")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="user_command", metavar="ACTION")


def add_commands(sub) -> None:
    history = sub.add_parser("history", help="the tamper-evident history").add_subparsers(
        dest="history_command", metavar="ACTION")
    p = history.add_parser("verify", help="check the hash chain; report the first broken link")
    add_actor_options(p)
    p.set_defaults(handler=cmd_history_verify)

    p = sub.add_parser("backup", help="back up the database to a folder or USB stick (admin)")
    p.add_argument("--to", required=True, metavar="DIR")
    p.add_argument("--encrypt", action="store_true",
                   help="seal the backup with a password (CDESK_BACKUP_PASSWORD, or asked twice): a .cdbackup file")
    add_actor_options(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="replace the database with a checked backup (admin)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--last-number", action="append", default=[], metavar="NUMBER",
                   help="the highest slip or notice number already printed (repeatable)")
    p.add_argument("--manifest", default=None, metavar="BUNDLE|DIR",
                   help="the latest export bundle (or the folder holding it) to read the numbers issued from")
    p.add_argument("--no-last-number", action="store_true", help="no number was issued since the backup")
    add_actor_options(p)
    p.set_defaults(handler=cmd_restore)

    user = _user_subcommands(sub)
    p = user.add_parser("reset", help="give a user a new initial password (from CDESK_NEW_PASSWORD) (admin)")
    p.add_argument("username", metavar="USER")
    add_actor_options(p)
    p.set_defaults(handler=cmd_user_reset)
    p = user.add_parser("deactivate", help="stop a user from signing in (admin)")
    p.add_argument("username", metavar="USER")
    add_actor_options(p)
    p.set_defaults(handler=cmd_user_deactivate)


def cmd_history_verify(args):
    from app.records import history
    from app.services.actors import current_user
    from models import transaction

    who = actor(args)
    with transaction():
        if current_user(who).role not in VERIFY_ROLES:
            raise NotAllowed("Only a supervisor, the general manager or an admin may verify the history.")
        report = history.verify_chain()
    if not report["ok"]:
        from app.cli import emit

        emit(report)
        broken = report["first_broken"]
        if report.get("problem") == "cut":
            raise DeskError("The history was cut: headquarters acknowledged {count} rows and fewer are left. Restore "
                            "the latest backup and ask headquarters to compare.", count=report["anchor"]["count"])
        if report.get("problem") == "rewritten":
            raise DeskError("The history was rewritten: row {count} no longer has the hash headquarters acknowledged "
                            "({ref}, {action}, {at}). Restore the latest backup and ask headquarters to compare.",
                            count=report["anchor"]["count"], ref=broken["ref"], action=broken["action"],
                            at=broken["at"])
        raise DeskError("The history chain is broken at row {id} ({ref}, {action}, {at}): a history row was altered "
                        "or deleted.", **broken)
    return report


def _db_file(args) -> str:
    from app.services import backups

    target = db_target(args)
    backups.require_file(target)  # a server's database: said how it is backed up (its URL may hold a password)
    if "://" in target:
        raise DeskError("backup and restore need a database file, not {target}", target=target)
    return target


def cmd_backup(args):
    from app.services import backups

    path = _db_file(args)
    who = actor(args)
    secret = _new_backup_password() if args.encrypt else None
    return backups.manual_backup(who, path, args.to, password=secret)


def _new_backup_password() -> str:
    from app.services import backups

    secret = os.environ.get("CDESK_BACKUP_PASSWORD")
    if secret is None:
        if not (sys.stdin is not None and sys.stdin.isatty()):
            raise DeskError("No password: set {variable} or run the command in a terminal.",
                            variable="CDESK_BACKUP_PASSWORD")
        secret = getpass.getpass(i18n.t("Backup password: "))
        if getpass.getpass(i18n.t("The backup password again: ")) != secret:
            raise DeskError("The two backup passwords differ.")
    backups.check_backup_password(secret)
    return secret


def _backup_password(path) -> str | None:
    """The password of a sealed backup (CDESK_BACKUP_PASSWORD, or asked); None for a plain one."""
    from app.services import backups

    if not backups.is_sealed(path):
        return None
    return password_from("CDESK_BACKUP_PASSWORD", i18n.t("Backup password: "))


def cmd_restore(args):
    from app.services import backups

    path = _db_file(args)
    password = password_from("CDESK_PASSWORD", "Password: ")
    secret = _backup_password(args.file)
    numbers = list(args.last_number)
    try:
        return backups.restore(path, args.file, username=args.as_user, password=password, last_numbers=numbers,
                              manifest=args.manifest, no_last_number=args.no_last_number, backup_password=secret)
    except backups.NeedLastNumber:
        if not (sys.stdin is not None and sys.stdin.isatty()):
            raise
        answer = input(i18n.t("Highest number printed on paper (e.g. BJ01-2026-00042), empty if none: ")).strip()
        return backups.restore(path, args.file, username=args.as_user, password=password,
                              last_numbers=[answer] if answer else [], manifest=args.manifest,
                              no_last_number=not answer, backup_password=secret)


def cmd_user_reset(args):
    from app.cli.setup_cmds import new_password
    from app.services import admin

    return admin.reset_password(actor(args), args.username, new_password())


def cmd_user_deactivate(args):
    from app.services import admin

    return admin.deactivate_user(actor(args), args.username)
