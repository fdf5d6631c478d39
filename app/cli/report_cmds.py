"""report, ledger and month commands: reports, ledgers, number reconciliation, monthly close."""
from __future__ import annotations

from pathlib import Path

from app import i18n
from app.services.system import write_file as write_atomically
from app.cli.context import actor, add_actor_options
from app.errors import DeskError

i18n.register({
    "--out must end in {choices}": "--out 的扩展名必须是 {choices}",
    "Cannot write {path}: {error}": "无法写入 {path}：{error}",
})


def add_commands(sub) -> None:
    p = sub.add_parser("report", help="monthly or annual report as PDF or Excel")
    p.add_argument("--period", required=True, metavar="YYYY-MM|YYYY")
    p.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx")
    p.add_argument("--branch", default=None, metavar="CODE", help="at headquarters: one branch (default: all)")
    add_actor_options(p)
    p.set_defaults(handler=cmd_report)

    ledger = sub.add_parser("ledger", help="ledgers and number reconciliation").add_subparsers(
        dest="ledger_command", metavar="ACTION")
    p = ledger.add_parser("reconcile", help="every number of every series accounted for (JSON)")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--branch", default=None, metavar="CODE")
    p.add_argument("--out", default=None, metavar="FILE.xlsx", help="also write the reconciliation as Excel")
    add_actor_options(p)
    p.set_defaults(handler=cmd_reconcile)
    p = ledger.add_parser("export", help="a ledger as Excel or PDF")
    p.add_argument("--kind", required=True, choices=("register", "pending", "notices"))
    p.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.pdf")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--period", default=None, metavar="YYYY-MM|YYYY")
    add_actor_options(p)
    p.set_defaults(handler=cmd_ledger_export)
    p = ledger.add_parser("reminders", help="last month's pending matters due for customer reminders on the 4th")
    add_actor_options(p)
    p.set_defaults(handler=cmd_reminders)
    p = ledger.add_parser("paper", help="record the signed paper of a slip: returned, filed, scan attached")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--signed", action="store_true", help="the customer's signed copy came back")
    p.add_argument("--filed", action="store_true", help="the signed paper is filed")
    p.add_argument("--location", default=None, help="where it is filed")
    p.add_argument("--attach", default=None, metavar="FILE", help="a scan or photograph of the signed paper")
    add_actor_options(p)
    p.set_defaults(handler=cmd_paper)

    month = sub.add_parser("month", help="monthly close").add_subparsers(dest="month_command", metavar="ACTION")
    p = month.add_parser("close", help="close a month: store and print the reconciliation statement")
    p.add_argument("--period", required=True, metavar="YYYY-MM")
    p.add_argument("--out", default=None, metavar="FILE.pdf")
    add_actor_options(p)
    p.set_defaults(handler=cmd_month_close)
    p = month.add_parser("compare", help="at headquarters: branches' statements against the imported cases")
    p.add_argument("--period", required=True, metavar="YYYY-MM")
    p.add_argument("--branch", default=None, metavar="CODE")
    add_actor_options(p)
    p.set_defaults(handler=cmd_month_compare)


def _suffix(path: str, allowed: tuple[str, ...]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise DeskError("--out must end in {choices}", field="--out", choices=" / ".join(allowed))
    return suffix


def write_file(path: str, data: bytes) -> str:
    return str(write_atomically(path, data))


def cmd_report(args):
    from app.services import reports

    suffix = _suffix(args.out, (".pdf", ".xlsx"))
    who = actor(args)
    data, content = reports.report_file(who, args.period, suffix.lstrip("."), branch_code=args.branch)
    path = write_file(args.out, content)
    return {"file": path, "bytes": len(content), "period": data["period"], "branch": data["branch"],
            "total": data["total"], "figures": data}


def cmd_reconcile(args):
    from app.services import reports

    who = actor(args)
    summary = reports.reconcile_summary(who, year=args.year, branch_code=args.branch)
    if args.out:
        _suffix(args.out, (".xlsx",))
        write_file(args.out, reports.reconcile_xlsx(who, year=args.year, branch_code=args.branch))
    return summary


def cmd_ledger_export(args):
    from app.services import reports

    suffix = _suffix(args.out, (".xlsx", ".pdf"))
    who = actor(args)
    kw = {"year": args.year, "period": args.period} if args.kind == "register" else (
        {"year": args.year} if args.kind == "notices" else {})
    rows = reports.ledger(who, args.kind, **kw)
    content = (reports.ledger_pdf if suffix == ".pdf" else reports.ledger_xlsx)(who, args.kind, **kw)
    return {"file": write_file(args.out, content), "kind": args.kind, "rows": len(rows)}


def cmd_reminders(args):
    from app.services import reports

    return reports.reminder_list(actor(args))


def cmd_paper(args):
    from app.services import reports

    who = actor(args)
    result = None
    if args.signed or args.filed or args.location is not None:
        result = reports.set_paper_status(who, args.number, signed_returned=True if args.signed else None,
                                          filed=True if args.filed else None, location=args.location)
    if args.attach:
        result = reports.attach_paper(who, args.number, args.attach)
    return result or reports.paper_status(who, args.number)


def cmd_month_close(args):
    from app.services import reports

    who = actor(args)
    if args.out:
        _suffix(args.out, (".pdf",))
    statement = reports.close_month(who, args.period)
    result = {"statement": statement}
    if args.out:
        result["file"] = write_file(args.out, reports.statement_pdf(who, statement))
    return result


def cmd_month_compare(args):
    from app.services import reports

    return reports.hq_compare(actor(args), args.period, branch_code=args.branch)
