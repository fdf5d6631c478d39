"""Reports, ledgers, number reconciliation and monthly close as use cases (one transaction each).

Who may do what: reports and monthly statements for supervisors, admins, headquarters and
the general manager; ledgers and the number reconciliation also for reception (the desk keeps them); paper status and attachments for
reception, supervisors and admins; the monthly close for supervisors and admins (the branch manager signs
the printed statement); the headquarters comparison for admins and headquarters users of an HQ database.
Every service returns plain data; the ``*_pdf`` and ``*_xlsx`` ones return bytes.
"""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from app import i18n
from app.reports import excel, ledgers, monthly, figures as reports
from app.rules import access, policy as policy_module
from app.errors import InvalidInput, NotAllowed
from app.rules.branch import local_branch
from app.services.actors import Actor, current_user, require_role
from models import Branch, Case, transaction
from models.entities import utcnow

i18n.register({
    "Only headquarters reports on all branches.": "只有总部可以统计所有机构。",
    "This is not a headquarters database.": "这不是总部数据库。",
    "unknown ledger '{kind}' (use register, pending or notices)": "未知的台帐“{kind}”（可用 register、pending 或 notices）",
})

REPORT_ROLES = ("supervisor", "admin", "hq", "general_manager")
NUMBER_CHECK_ROLES = REPORT_ROLES + ("reception",)  # reception keeps the paper slips
LEDGER_ROLES = NUMBER_CHECK_ROLES + ("handler",)  # handlers follow their pending matters and notices
PAPER_ROLES = ("reception", "supervisor", "admin")
CLOSE_ROLES = ("supervisor", "admin")
HQ_ROLES = access.HEADQUARTERS_ROLES
LEDGER_KINDS = ("register", "pending", "notices")


def _scope(user, branch_code: str | None) -> str | None:
    """Which branch a report covers: a branch desk always its own; headquarters all (None) or the one asked."""
    local = local_branch()
    if local.is_hq:
        return branch_code or None
    if branch_code and branch_code != local.code:
        raise NotAllowed("Only headquarters reports on all branches.")
    return local.code


def report_figures(actor: Actor, period: str, *, branch_code: str | None = None,
                   now: datetime | None = None) -> dict:
    with transaction():
        user = current_user(actor)
        require_role(user, *REPORT_ROLES)
        data = reports.figures(period, _scope(user, branch_code), now=now)
        data["branch_name"] = _branch_name(data["branch"])
        return data


def _branch_name(code: str | None) -> str:
    if code:
        branch = Branch.get_or_none(Branch.code == code)
        return branch.name if branch else code
    return local_branch().name + "（全部机构）"


def report_pdf(actor: Actor, period: str, *, branch_code: str | None = None, now: datetime | None = None) -> bytes:
    from app.reports import documents as report_documents

    data = report_figures(actor, period, branch_code=branch_code, now=now)
    return report_documents.report_pdf(data, printed_by=actor.display_name, now=now)


def report_xlsx(actor: Actor, period: str, *, branch_code: str | None = None, now: datetime | None = None) -> bytes:
    data = report_figures(actor, period, branch_code=branch_code, now=now)
    return excel.report_workbook(data)


def report_file(actor: Actor, period: str, fmt: str, *, branch_code: str | None = None,
                now: datetime | None = None) -> tuple[dict, bytes]:
    """The report's figures and the report as ``fmt`` ("pdf" or "xlsx"), from one reading of the figures."""
    from app.reports import documents as report_documents

    data = report_figures(actor, period, branch_code=branch_code, now=now)
    if fmt == "pdf":
        return data, report_documents.report_pdf(data, printed_by=actor.display_name, now=now)
    return data, excel.report_workbook(data)


def reconcile_xlsx(actor: Actor, *, year: int | None = None, branch_code: str | None = None) -> bytes:
    return excel.reconcile_workbook(reconcile(actor, year=year, branch_code=branch_code))


# --- ledgers ------------------------------------------------------------------------------------------------------


def ledger(actor: Actor, kind: str, *, year: int | None = None, period: str | None = None,
           open_only: bool = False) -> list[dict]:
    if kind not in LEDGER_KINDS:
        raise InvalidInput("unknown ledger '{kind}' (use register, pending or notices)", field="--kind", kind=kind)
    with transaction():
        user = current_user(actor)
        require_role(user, *LEDGER_ROLES)
        if kind == "register":
            start = end = None
            if period:
                p = reports.parse_period(period)
                start, end = p.start, p.end
            return ledgers.register_rows(user, year=year, start=start, end=end)
        if kind == "pending":
            return ledgers.pending_rows(user, open_only=open_only)
        return ledgers.notice_rows(user, year=year)


def ledger_xlsx(actor: Actor, kind: str, **kw) -> bytes:
    rows = ledger(actor, kind, **kw)
    return excel.ledger_workbook(kind, rows, branch_name=_branch_name_tx())


def table_xlsx(title: str, headers: list[str], rows) -> bytes:
    """The rows a window shows (its columns, as displayed) as an Excel file whose cells are typed as text."""
    return excel.text_workbook(title, headers, rows)


def ledger_pdf(actor: Actor, kind: str, **kw) -> bytes:
    from app.reports import documents as report_documents

    rows = ledger(actor, kind, **kw)
    return report_documents.ledger_pdf(kind, rows, branch_name=_branch_name_tx(), printed_by=actor.display_name)


def _branch_name_tx() -> str:
    with transaction():
        return local_branch().name


def reminder_list(actor: Actor, *, today: date | None = None) -> dict:
    with transaction():
        user = current_user(actor)
        require_role(user, *LEDGER_ROLES)
        return ledgers.reminder_list(user, today=today)


# --- numbers and paper -------------------------------------------------------------------------------------------


def reconcile(actor: Actor, *, year: int | None = None, branch_code: str | None = None) -> list[dict]:
    with transaction():
        user = current_user(actor)
        require_role(user, *NUMBER_CHECK_ROLES)
        # the paper stays at the branch (its status is not exchanged): headquarters reconciles numbers only
        return ledgers.reconcile(year=year, branch_code=_scope(user, branch_code), paper=not local_branch().is_hq)


def reconcile_summary(actor: Actor, *, year: int | None = None, branch_code: str | None = None) -> list[dict]:
    """What the command line prints: per series, the ranges and lists without the per-slip detail."""
    out = []
    for entry in reconcile(actor, year=year, branch_code=branch_code):
        item = {k: entry[k] for k in ("branch", "series", "year", "issued", "voided", "gaps", "gap_count",
                                      "beyond_last_issued", "voided_without_record", "ok")}
        item["used"] = entry["used"]["count"]
        item["used_numbers"] = entry["used"]["numbers"]
        if "paper" in entry:
            item["unsigned_slips"] = entry["paper"]["unsigned"]
            item["unprinted_slips"] = entry["paper"]["not_printed"]
            item["not_filed_slips"] = entry["paper"]["not_filed"]
        out.append(item)
    return out


def set_paper_status(actor: Actor, number: str, **kw) -> dict:
    with transaction():
        user = current_user(actor)
        require_role(user, *PAPER_ROLES)
        return ledgers.set_paper_status(user, number, **kw)


def attach_paper(actor: Actor, number: str, path, **kw) -> dict:
    with transaction():
        user = current_user(actor)
        require_role(user, *PAPER_ROLES)
        return ledgers.attach_paper(user, number, path, **kw)


def paper_status(actor: Actor, number: str, document: str = "slip") -> dict:
    with transaction():
        user = current_user(actor)
        require_role(user, *NUMBER_CHECK_ROLES)
        return ledgers.paper_view(document, number.strip().upper())


# --- monthly close --------------------------------------------------------------------------------------------------


def month_statement(actor: Actor, period: str) -> dict:
    """The stored statement of a month, or (not yet closed) the statement as it would be now."""
    with transaction():
        user = current_user(actor)
        require_role(user, *REPORT_ROLES)
        code = local_branch().code
        month = monthly.month_of(period)
        stored = monthly.stored_statement(code, month.text)
        statement = stored or {**monthly.build_statement(period), "closed_by": None, "closed_at": None}
        # whether the month may be closed yet, so a window says so before it asks for a confirmation
        zone = ZoneInfo(policy_module.load_policy().timezone)
        return {**statement, "ended": utcnow() >= month.end,
                "ends_at": month.end.astimezone(zone).isoformat(timespec="seconds")}


def close_month(actor: Actor, period: str, *, now: datetime | None = None) -> dict:
    with transaction():
        user = current_user(actor)
        require_role(user, *CLOSE_ROLES)
        return monthly.close_month(user.username, user.display_name, period, now=now)


def statement_pdf(actor: Actor, statement: dict, *, now: datetime | None = None) -> bytes:
    from app.reports import documents as report_documents

    return report_documents.statement_pdf(statement, printed_by=actor.display_name, now=now)


def hq_compare(actor: Actor, period: str, *, branch_code: str | None = None, now: datetime | None = None) -> dict:
    with transaction():
        user = current_user(actor)
        require_role(user, *HQ_ROLES)
        if not local_branch().is_hq:
            raise NotAllowed("This is not a headquarters database.")
        if branch_code:
            return {"period": period, "branches": [monthly.compare_with_imports(branch_code, period)],
                    "silent": monthly.silent_branches(now=now)}
        return monthly.hq_discrepancies(period, now=now)


def periods_with_cases(actor: Actor) -> list[str]:
    """The months from the first case to now, newest first (for the period picker)."""
    from zoneinfo import ZoneInfo

    with transaction():
        user = current_user(actor)
        require_role(user, *REPORT_ROLES)
        zone = ZoneInfo(policy_module.load_policy().timezone)
        now = utcnow().astimezone(zone)
        first = Case.select(Case.received_at).order_by(Case.received_at).first()
        start = first.received_at.astimezone(zone) if first else now
        months = []
        year, month = now.year, now.month
        while (year, month) >= (start.year, start.month) and len(months) < 240:
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return months  # newest first, from this month back to the first case (at most 20 years)


def print_counter_set(actor: Actor, number: str, *, now=None) -> bytes:
    """The slip and the receipt of a case as one PDF, both recorded as printed (the one step at the counter after
    registering: the customer signs the slip and takes the receipt)."""
    from app.reports import printouts

    return printouts.print_set(actor, number, printouts.COUNTER_SET, now=now)
