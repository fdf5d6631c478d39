"""USB exchange commands: export, import, receipt import, enrol export/import, policy export.

``import`` takes any of the exchange files: a branch's data bundle (at headquarters), a policy bundle or a
receipt (at a branch); several files are imported one by one, each all or nothing, and the result of each is
printed. ``policy export`` joins the ``policy`` group of setup_cmds through ``add_policy_commands``.
"""
from __future__ import annotations

from pathlib import Path

from app import i18n
from app.cli.context import actor, add_actor_options, add_db_option, open_db
from app.errors import DeskError

i18n.register({
    "{refused} of {total} files were refused (see the list printed above); the others were imported.":
        "{total} 个文件中有 {refused} 个被拒绝（见上方列表）；其余已导入。",
    "The file was refused.": "文件被拒绝。",
})


def add_commands(sub) -> None:
    p = sub.add_parser("export", help="write everything headquarters has not acknowledged to a drive (branch)")
    p.add_argument("--to", required=True, metavar="DIR", help="the folder on the removable drive")
    p.add_argument("--full", action="store_true", help="everything, not only what headquarters has not confirmed")
    add_actor_options(p)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", help="import bundles (headquarters), policy bundles or receipts (branch)")
    p.add_argument("files", nargs="+", metavar="FILE")
    add_actor_options(p)
    p.set_defaults(handler=cmd_import)

    quarantine = sub.add_parser("quarantine", help="records headquarters kept aside").add_subparsers(
        dest="quarantine_command", metavar="ACTION")
    p = quarantine.add_parser("list", help="the imported records kept aside because a value was refused")
    p.add_argument("--branch", metavar="CODE", help="one branch's only")
    add_actor_options(p)
    p.set_defaults(handler=cmd_quarantine_list)

    receipt = sub.add_parser("receipt", help="headquarters' receipts").add_subparsers(
        dest="receipt_command", metavar="ACTION")
    p = receipt.add_parser("import", help="import headquarters' receipt for an exported bundle (branch)")
    p.add_argument("file", metavar="FILE")
    add_actor_options(p)
    p.set_defaults(handler=cmd_receipt_import)

    enrol = sub.add_parser("enrol", help="exchange public keys between a branch and headquarters").add_subparsers(
        dest="enrol_command", metavar="ACTION")
    p = enrol.add_parser("export", help="write this database's enrolment file (public keys only)")
    p.add_argument("--out", required=True, metavar="FILE")
    add_db_option(p)
    p.set_defaults(handler=cmd_enrol_export)
    p = enrol.add_parser("import", help="enrol a branch (at headquarters) or headquarters (at a branch)")
    p.add_argument("file", metavar="FILE")
    add_actor_options(p)
    p.set_defaults(handler=cmd_enrol_import)


def add_policy_commands(policy) -> None:
    """Called by setup_cmds with its ``policy`` subparsers: ``policy export`` (headquarters, signed)."""
    p = policy.add_parser("export", help="write the policy in force as a signed policy bundle (headquarters)")
    p.add_argument("--out", required=True, metavar="FILE")
    add_actor_options(p)
    p.set_defaults(handler=cmd_policy_export)


def cmd_export(args):
    from app.services.exchange import export_bundle

    return export_bundle(actor(args), args.to, full=args.full)


def cmd_import(args):
    from app.cli import emit
    from app.services.exchange import import_files

    results = import_files(actor(args), args.files)
    refused = sum(1 for result in results if result.get("status") == "refused")
    if refused:
        emit(results)
        if len(args.files) == 1:
            raise DeskError(results[0]["error"])  # already in the user's language
        raise DeskError("{refused} of {total} files were refused (see the list printed above); the others were "
                        "imported.", refused=refused, total=len(args.files))
    return results


def cmd_quarantine_list(args):
    from app.services.exchange import quarantined

    return quarantined(actor(args), args.branch)


def cmd_receipt_import(args):
    from app.services.exchange import import_receipt

    return import_receipt(actor(args), args.file)


def cmd_enrol_export(args):
    from app.services.exchange import write_enrolment

    open_db(args)
    return write_enrolment(Path(args.out))


def cmd_enrol_import(args):
    from app.services.exchange import import_enrolment

    return import_enrolment(actor(args), args.file)


def cmd_policy_export(args):
    from app.services.exchange import export_policy

    return export_policy(actor(args), args.out)
