"""Monthly close 月结 and the reconciliation statement 月度对账单 (docs/rules.md §2.6).

At the branch, ``build_statement`` counts a month: numbers opened (every case received in the month, whatever
its kind: a misconduct report takes a number too, but only its number and state are listed), closed in the
month, voided, carried over still open at the month's end (and of those, pending matters), the notices issued,
and the list of numbers. ``close_month`` stores the statement as an append-only, hash-chained history row
(entity ``statement``): the USB export carries every history row, so headquarters receives the statement with
the next export, with the branch's signature over the bundle.

At headquarters, ``compare_with_imports`` rebuilds the same statement from the cases it imported from that
branch and lists the discrepancies: numbers on the statement that did not arrive, numbers that arrived but are
not on it, counts that differ, and no statement at all. ``silent_branches`` lists the enrolled branches whose
last import is older than the allowed silence (``Setting`` ``exchange_max_silence_days``, default 35 days).
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from zoneinfo import ZoneInfo

from app import i18n
from app.records import history
from app.rules import numbering, policy as policy_module
from app.errors import InvalidInput
from app.reports.figures import Period, parse_period
from app.reports.overview import last_received, silent_for
from models import (
    Branch, Case, ExchangePeer, History, PendingMatter, RectificationNotice, Setting, VoidedNumber,
    new_uuid,
)
from models.entities import utcnow

i18n.register({
    "A month can be closed only once it has ended ({period} ends {end}).": "月份结束后才能月结（{period} 结束于 {end}）。",
    "Monthly close needs a month (YYYY-MM).": "月结需要指定月份（YYYY-MM）。",
})

STATEMENT_ENTITY = "statement"
STATEMENT_ACTION = "month_close"
SILENCE_SETTING = "exchange_max_silence_days"
DEFAULT_MAX_SILENCE_DAYS = 35
COUNTS = ("opened", "closed", "closed_abnormal", "voided", "carried_over", "pending_matters", "notices_issued")


def _zone() -> ZoneInfo:
    return ZoneInfo(policy_module.load_policy().timezone)


def _branch(code: str | None) -> Branch:
    if code:
        return Branch.get(Branch.code == code)
    return Branch.get(Branch.is_local == True)  # noqa: E712


def month_of(text: str) -> Period:
    period = parse_period(text, _zone())
    if not period.is_month:
        raise InvalidInput("Monthly close needs a month (YYYY-MM).", field="--period")
    return period


def build_statement(period: Period | str, branch_code: str | None = None) -> dict:
    """The month's figures for one branch (the local branch by default), as both sides compute them."""
    zone = _zone()
    if isinstance(period, str):
        period = month_of(period)
    branch = _branch(branch_code)
    in_branch = Case.branch == branch
    opened = list(Case.select().where(in_branch & (Case.received_at >= period.start) & (Case.received_at < period.end))
                  .order_by(Case.year, Case.seq))
    voids = {v.number: v for v in VoidedNumber.select().where(VoidedNumber.branch_code == branch.code)}
    numbers = []
    for c in opened:
        numbers.append({"number": c.number, "state": c.state, "received": c.received_at.astimezone(zone).strftime("%Y-%m-%d"),
                        "kind": "" if c.kind == "report" else c.kind})
    voided = [{"number": c.number, "reason": voids[c.number].reason if c.number in voids else c.void_reason}
              for c in opened if c.state == "voided"]
    # numbers voided without a case in this month's range (e.g. lost by a restore), voided during the month
    case_numbers = {c.number for c in opened}
    for v in voids.values():
        if v.series == "case" and v.number not in case_numbers and period.start <= v.voided_at < period.end \
                and not Case.select().where(Case.number == v.number).exists():
            voided.append({"number": v.number, "reason": v.reason})
    closed = list(Case.select().where(in_branch & (Case.closed_at >= period.start) & (Case.closed_at < period.end)
                                      & Case.state.in_(("closed", "closed_abnormal"))))
    carried = list(Case.select().where(
        in_branch & (Case.received_at < period.end) & (Case.state != "voided")
        & (Case.closed_at.is_null() | (Case.closed_at >= period.end))))
    carried_ids = [c.id for c in carried]
    pending = set()
    if carried_ids:
        for m in PendingMatter.select(PendingMatter.case).where(
                PendingMatter.case.in_(carried_ids) & (PendingMatter.at < period.end)
                & (PendingMatter.resumed_at.is_null() | (PendingMatter.resumed_at >= period.end))):
            pending.add(m.case_id)
    notices = list(RectificationNotice.select(RectificationNotice.number).where(
        (RectificationNotice.branch == branch) & (RectificationNotice.issued_at >= period.start)
        & (RectificationNotice.issued_at < period.end)).order_by(RectificationNotice.seq))
    seqs = sorted(c.seq for c in opened if c.seq > 0)  # slips only: imported cases have their own series
    statement = {
        "branch": branch.code, "branch_name": branch.name, "period": period.text,
        "from": period.start.isoformat(timespec="seconds"), "to": period.end.isoformat(timespec="seconds"),
        "counts": {
            "opened": len(opened), "closed": sum(1 for c in closed if c.state == "closed"),
            "closed_abnormal": sum(1 for c in closed if c.state == "closed_abnormal"),
            "voided": len(voided), "carried_over": len(carried), "pending_matters": len(pending),
            "notices_issued": len(notices),
        },
        "first_number": numbering.format_number("case", branch.code, period.year, seqs[0]) if seqs else None,
        "last_number": numbering.format_number("case", branch.code, period.year, seqs[-1]) if seqs else None,
        "numbers": numbers,
        "voided_numbers": voided,
        "carried_over_numbers": sorted(c.number for c in carried),
        "notice_numbers": [n.number for n in notices],
    }
    statement["digest"] = statement_digest(statement)
    return statement


def statement_digest(statement: dict) -> str:
    content = {k: v for k, v in statement.items() if k not in ("digest", "closed_by", "closed_at", "statement_id")}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def close_month(username: str, display_name: str, period_text: str, *, now: datetime | None = None) -> dict:
    """Build and store the statement of an ended month (a later close of the same month supersedes it)."""
    zone = _zone()
    period = month_of(period_text)
    now = now or utcnow()
    if now < period.end:
        raise InvalidInput("A month can be closed only once it has ended ({period} ends {end}).", field="--period",
                           period=period.text, end=period.end.astimezone(zone).strftime("%Y-%m-%d %H:%M"))
    statement = build_statement(period)
    statement["closed_by"] = display_name
    statement["closed_at"] = now.astimezone(zone).isoformat(timespec="seconds")
    statement["statement_id"] = new_uuid()
    previous = stored_statement(statement["branch"], period.text)
    statement["supersedes"] = previous["statement_id"] if previous else None
    history.record(username, STATEMENT_ENTITY, statement["statement_id"], f"{statement['branch']}:{period.text}",
                   STATEMENT_ACTION, after=statement)
    return statement


def stored_statement(branch_code: str, period_text: str, *, origin: str = "") -> dict | None:
    """The latest statement of a branch's month: written here (``origin`` ""), or at headquarters imported from
    that branch (``origin`` its code: a bundle of one branch cannot supply another branch's statement)."""
    row = (History.select().where((History.entity == STATEMENT_ENTITY) & (History.action == STATEMENT_ACTION)
                                  & (History.ref == f"{branch_code}:{period_text}") & (History.origin == origin))
           .order_by(History.at.desc(), History.id.desc()).first())
    return dict(row.after) if row else None


def statements(branch_code: str | None = None) -> list[dict]:
    query = History.select().where((History.entity == STATEMENT_ENTITY) & (History.action == STATEMENT_ACTION))
    latest: dict[str, dict] = {}
    for row in query.order_by(History.at, History.id):
        if branch_code and not row.ref.startswith(branch_code + ":"):
            continue
        latest[row.ref] = row.after
    return [{k: s.get(k) for k in ("branch", "period", "counts", "closed_by", "closed_at", "digest")}
            for _, s in sorted(latest.items())]


# --- at headquarters --------------------------------------------------------------------------------------------


def compare_with_imports(branch_code: str, period_text: str) -> dict:
    """A branch's stored statement against what headquarters holds for that branch and month."""
    period = month_of(period_text)
    statement = stored_statement(branch_code, period.text, origin=branch_code)
    here = build_statement(period, branch_code)
    problems: list[dict] = []
    if statement is None:
        problems.append({"kind": "no_statement", "detail": f"{branch_code} {period.text}"})
        return {"branch": branch_code, "period": period.text, "ok": False, "discrepancies": problems,
                "statement": None, "imported": here["counts"]}
    on_statement = {n["number"] for n in statement.get("numbers", [])}
    imported = {n["number"] for n in here["numbers"]}
    for number in sorted(on_statement - imported):
        problems.append({"kind": "missing_number", "number": number})
    for number in sorted(imported - on_statement):
        problems.append({"kind": "unexpected_number", "number": number})
    for key in COUNTS:
        stated, found = statement.get("counts", {}).get(key), here["counts"].get(key)
        if stated != found:
            problems.append({"kind": "count_differs", "count": key, "statement": stated, "imported": found})
    stated_voids = {v["number"] for v in statement.get("voided_numbers", [])}
    found_voids = {v["number"] for v in here["voided_numbers"]}
    for number in sorted(stated_voids ^ found_voids):
        problems.append({"kind": "voided_differs", "number": number,
                         "statement": number in stated_voids, "imported": number in found_voids})
    return {"branch": branch_code, "period": period.text, "ok": not problems, "discrepancies": problems,
            "statement": {k: statement.get(k) for k in ("counts", "closed_by", "closed_at", "digest")},
            "imported": here["counts"]}


def max_silence_days() -> int:
    row = Setting.get_or_none(Setting.key == SILENCE_SETTING)
    try:
        return int(row.value) if row and row.value is not None else DEFAULT_MAX_SILENCE_DAYS
    except (TypeError, ValueError):
        return DEFAULT_MAX_SILENCE_DAYS


def silent_branches(*, now: datetime | None = None, max_days: int | None = None) -> list[dict]:
    """Enrolled branches that have sent nothing for longer than policy allows (never sent: since enrolment)."""
    now = now or utcnow()
    days = max_days if max_days is not None else max_silence_days()
    zone = _zone()
    received = last_received()  # one query for every branch
    out = []
    for peer in ExchangePeer.select().where(ExchangePeer.kind == "branch").order_by(ExchangePeer.code):
        last = received.get(peer.code)
        since = last.at if last else peer.enrolled_at
        if silent_for(since, now, days):
            out.append({"branch": peer.code, "name": peer.name, "last_import": last.at.astimezone(zone).isoformat(
                timespec="seconds") if last else None, "since": since.astimezone(zone).isoformat(timespec="seconds"),
                "days": (now - since).days})
    return out


def hq_discrepancies(period_text: str, *, now: datetime | None = None) -> dict:
    """Every enrolled branch's statement for the month compared with its imports, and the silent branches."""
    branches = [p.code for p in ExchangePeer.select().where(ExchangePeer.kind == "branch").order_by(ExchangePeer.code)]
    results = [compare_with_imports(code, period_text) for code in branches]
    return {"period": period_text, "branches": results, "silent": silent_branches(now=now),
            "ok": all(r["ok"] for r in results)}
