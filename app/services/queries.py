"""Read-only queries for the windows: "my work" and the register (ledger) pages.

The register keeps only ids on the Qt side: ``ledger_count`` and ``ledger_ids`` answer from SQL with the
sort and filter applied there, and ``ledger_rows`` fills the row cache for the ids on screen.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import peewee
from peewee import fn

from app.records import search
from app.rules import access, policy as policy_module, workflow
from app.rules.access import visible_cases
from app.services.actors import Actor, current_user
from app.services.cases import deadline_status
from models import Case, ContactAttempt, RectificationNotice, Revisit, User
from models.entities import utcnow

SORTABLE = {
    "number": (Case.year, Case.seq), "received_at": (Case.received_at,), "state": (Case.state,),
    "severity": (Case.severity,), "category": (Case.category,), "reply_by": (Case.reply_by,),
    "complainant": (Case.complainant_name,), "updated_at": (Case.updated_at,), "kind": (Case.kind,),
    "handler": (Case.handler,), "channel": (Case.channel,),
}


def search_condition(text: str):
    """Cases whose number, complainant, mobile, plate, summary, reason or content contain ``text`` (app.records.search:
    a bigram index on SQLite, so a two-character Chinese word is found without reading every case)."""
    return search.search_condition(text.strip())


def _filtered(user: User, filters: dict | None):
    return _apply_filters(visible_cases(user), filters)


def _apply_filters(query, filters: dict | None):
    filters = filters or {}
    now = utcnow()
    if filters.get("text"):
        query = query.where(search_condition(filters["text"]))
    for key, column in (("state", Case.state), ("kind", Case.kind), ("severity", Case.severity),
                        ("category", Case.category), ("channel", Case.channel)):
        value = filters.get(key)
        if value:
            query = query.where(column.in_(value) if isinstance(value, (list, tuple)) else column == value)
    if filters.get("open_only"):
        query = query.where(Case.state.in_(workflow.OPEN_STATES))
    if filters.get("overdue"):
        query = query.where(Case.state.in_(workflow.OPEN_STATES) & Case.replied_at.is_null()
                            & (Case.reply_by < now) & Case.paused_at.is_null())
    if filters.get("year"):
        query = query.where(Case.year == int(filters["year"]))
    if filters.get("received_from"):
        query = query.where(Case.received_at >= filters["received_from"])
    if filters.get("received_to"):
        query = query.where(Case.received_at < filters["received_to"])
    if filters.get("handler"):
        query = query.join(User, on=(Case.handler == User.id)).where(User.username == filters["handler"])
    return query


def _count(condition=None, filters: dict | None = None) -> int:
    query = Case.select(peewee.fn.COUNT(peewee.SQL("*")))
    if condition is not None:
        query = query.where(condition)
    return _apply_filters(query, filters).scalar() or 0


def ledger_count(actor: Actor, filters: dict | None = None) -> int:
    """How many cases the user sees under ``filters``: all that match, less the hidden ones (reports, and the
    cases where the user is the accused). Counted this way every term is answered from an index (``SELECT
    count(*)`` with no condition walks the smallest index, a search alone is counted by the search index, the
    hidden cases are few), instead of reading a million rows to test each one's visibility."""
    user = current_user(actor)
    filters = filters or {}
    only_text = filters.get("text") and not any(v for k, v in filters.items() if k != "text")
    total = search.count_matches(filters["text"].strip()) if only_text else None
    if total is None:
        total = _count(None, filters)
    return total - _count(access.hidden_condition(user), filters)


def ledger_ids(actor: Actor, filters: dict | None = None, sort: str = "number", descending: bool = True,
               offset: int = 0, limit: int = 200) -> list[int]:
    columns = SORTABLE.get(sort, SORTABLE["number"])
    order = [c.desc() if descending else c.asc() for c in columns] + [Case.id.desc() if descending else Case.id.asc()]
    query = _filtered(current_user(actor), filters).select(Case.id).order_by(*order).offset(offset).limit(limit)
    return [row.id for row in query.namedtuples()]


def find_number(actor: Actor, text: str) -> str | None:
    """A scanned or typed slip number, if it is exactly one the user may see."""
    user = current_user(actor)
    case = visible_cases(user).where(Case.number == text.strip().upper()).first()
    return case.number if case else None


def ledger_rows(actor: Actor, ids: list[int]) -> dict[int, dict]:
    user = current_user(actor)
    policy = policy_module.load_policy()
    zone = ZoneInfo(policy.timezone)
    now = utcnow()
    Handler = User.alias()
    # only the columns a register row shows (a whole case is 70 columns, a dozen of them instants to parse)
    query = (visible_cases(user).select(
        Case.id, Case.number, Case.kind, Case.severity, Case.state, Case.round, Case.category, Case.channel,
        Case.received_at, Case.complainant_name, Case.mobile, Case.summary, Case.reason, Case.accused_department,
        Case.handler, Case.receiver, Case.reply_by, Case.replied_at, Case.paused_at, Case.major_reasons,
        Handler.id, Handler.username, Handler.display_name)
             .join(Handler, peewee.JOIN.LEFT_OUTER, on=(Case.handler == Handler.id))
             .where(Case.id.in_(ids)))
    out = {}
    for case in query:
        person = access.masked_fields({"complainant": case.complainant_name, "mobile": case.mobile},
                                      shown=access.sees_personal_data(user, case))  # R13, as in the case view
        open_case = case.state in workflow.OPEN_STATES
        status = deadline_status(case.reply_by, now, done=case.replied_at is not None or not open_case,
                                 paused=case.state == "deferred" and case.paused_at is not None)
        out[case.id] = {
            "id": case.id, "number": case.number, "kind": case.kind, "severity": case.severity,
            "state": case.state, "round": case.round, "category": case.category, "channel": case.channel,
            "received_at": case.received_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            "complainant": person["complainant"], "mobile": person["mobile"],
            "summary": case.summary or case.reason, "accused_department": case.accused_department,
            "handler": case.handler.display_name if case.handler_id else "",
            "reply_by": case.reply_by.astimezone(zone).strftime("%Y-%m-%d %H:%M") if case.reply_by else "",
            "deadline_status": status, "major_reasons": list(case.major_reasons or []),
        }
    return out


def _item(case: Case, what: str, due: datetime | None, now: datetime, zone: ZoneInfo, **extra) -> dict:
    status = deadline_status(due, now, done=False, paused=False) if due else "due"
    return {
        "number": case.number, "kind": case.kind, "severity": case.severity, "state": case.state,
        "summary": case.summary or case.reason, "what": what,
        "due": due.astimezone(zone).isoformat(timespec="seconds") if due else None, "status": status,
        "_sort": due or now + timedelta(days=3650), **extra,
    }


def _handled_this_round(user: User, condition) -> set[tuple[int, int]]:
    """(case id, round) of the cases matching ``condition`` where the user recorded handling (an investigation,
    contact, conclusion or reply): ``access.handled_this_round`` for many cases in four queries, not 4 x N."""
    from models import Conclusion, InvestigationEntry, Reply

    cases = Case.select(Case.id).where(condition)
    out: set[tuple[int, int]] = set()
    for model in (InvestigationEntry, ContactAttempt, Conclusion, Reply):
        out.update((r.case_id, r.round) for r in model.select(model.case, model.round)
                   .where((model.by == user) & model.case.in_(cases)))
    return out


def my_work(actor: Actor, limit: int = 200) -> list[dict]:
    """What the user has to do, most urgent first: overdue, then by the nearest deadline; at most ``limit``
    items (each kind of work is read from SQL in deadline order, so the most urgent are never cut off; the
    register shows everything)."""
    from app.services.cases import contact_due_today

    user = current_user(actor)
    policy = policy_module.load_policy()
    zone = ZoneInfo(policy.timezone)
    now = utcnow()
    items: list[dict] = []
    # only what the items show and the checks read (a busy desk has thousands of open cases)
    seen = visible_cases(user).select(
        Case.id, Case.number, Case.kind, Case.severity, Case.state, Case.summary, Case.reason, Case.round,
        Case.handler, Case.receiver, Case.escalate_by, Case.determine_by, Case.reply_by, Case.revisit_by,
        Case.replied_at, Case.paused_at, Case.accused_person, Case.accused_department)
    open_ = Case.state.in_(workflow.OPEN_STATES)
    mine = list(seen.where(open_ & (Case.handler == user)).order_by(Case.reply_by).limit(limit))
    for case in mine:
        if case.state == "investigating":
            due = case.reply_by if case.replied_at is None else case.determine_by
            items.append(_item(case, "handle", due, now, zone))
            if contact_due_today(case, policy, now):
                items.append(_item(case, "contact_today", None, now, zone))
        elif case.state == "deferred":
            items.append(_item(case, "pending_matter", None, now, zone))
    managers = user.role in ("supervisor", "admin", "general_manager")
    if managers:
        for case in seen.where(Case.state == "accepted").order_by(Case.escalate_by).limit(limit):
            if user.role == "general_manager" and case.kind != "report":
                continue
            items.append(_item(case, "assign", case.escalate_by, now, zone))
        waiting = Case.state == "pending_approval"
        handled = _handled_this_round(user, waiting)
        for case in seen.where(waiting).order_by(Case.reply_by).limit(limit):
            if (case.id, case.round) not in handled and case.handler_id != user.id:
                items.append(_item(case, "approve", case.reply_by, now, zone))
        for case in seen.where(Case.state == "approved").order_by(Case.revisit_by).limit(limit):
            items.append(_item(case, "close", case.revisit_by, now, zone))
        for notice in (RectificationNotice.select(RectificationNotice, Case).join(Case)
                       .where(RectificationNotice.state == "reported")
                       .order_by(RectificationNotice.feedback_by).limit(limit)):
            if access.can_see(user, notice.case):
                items.append(_item(notice.case, "verify_notice", notice.feedback_by, now, zone, notice=notice.number))
    if user.role in ("reception", "supervisor"):
        # approved and replied, and no revisit yet in the current round (in SQL, so the limit keeps the right ones)
        revisited = Revisit.select(Revisit.id).where((Revisit.case == Case.id) & (Revisit.round == Case.round))
        to_revisit = (Case.state == "approved") & Case.replied_at.is_null(False) & ~fn.EXISTS(revisited)
        handled = _handled_this_round(user, to_revisit)
        for case in seen.where(to_revisit).order_by(Case.revisit_by).limit(limit):
            if (case.id, case.round) not in handled and case.handler_id != user.id:
                items.append(_item(case, "revisit", case.revisit_by, now, zone))
    department = user.department.name if user.department_id else None
    if department:
        for notice in (RectificationNotice.select(RectificationNotice, Case).join(Case)
                       .where((RectificationNotice.state == "issued") & (RectificationNotice.department == department))
                       .order_by(RectificationNotice.feedback_by).limit(limit)):
            items.append(_item(notice.case, "notice_feedback", notice.feedback_by, now, zone, notice=notice.number))
    items.sort(key=lambda i: (0 if i["status"] == "overdue" else 1, i["_sort"]))
    del items[limit:]
    for item in items:
        item.pop("_sort")
    return items
