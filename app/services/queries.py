"""Read-only queries for the windows: "my work" and the register (ledger) pages.

The register keeps only ids on the Qt side: ``ledger_count`` and ``ledger_ids`` answer from SQL with the
sort and filter applied there, and ``ledger_rows`` fills the row cache for the ids on screen.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import peewee
from peewee import fn

from app.records import search
from app.reports import figures
from app.rules import access, policy as policy_module, workflow
from app.rules.access import visible_cases
from app.services.actors import Actor, current_user
from app.services.cases import deadline_status
from models import Branch, Case, ContactAttempt, Department, RectificationNotice, Revisit, User
from models.entities import utcnow

SORTABLE = {
    "number": (Case.year, Case.seq), "received_at": (Case.received_at,), "state": (Case.state,),
    "severity": (Case.severity,), "category": (Case.category,), "reply_by": (Case.reply_by,),
    "complainant": (Case.complainant_name,), "updated_at": (Case.updated_at,), "kind": (Case.kind,),
    "handler": (Case.handler,), "channel": (Case.channel,),
}


PAGE = search.PAGE  # the ids the register asks for at a time (the search chooses its plan for a page of this size)
NUMBER_LIKE = re.compile(r"^[0-9A-Za-z\-]{5,40}$")
DEPARTMENT_ENDINGS = ("部", "科", "室", "处", "组", "中心", "站", "厅", "店", "队", "所")


def search_condition(text: str):
    """Cases whose number, complainant, mobile, plate, summary, reason or content contain ``text`` (app.records.search:
    a bigram index on SQLite, so a two-character Chinese word is found without reading every case); a single word
    also finds the cases it names exactly as their claim number 报案号 or landline (a word with a digit), or as the
    person or the department complained about."""
    text = text.strip()
    condition = search.search_condition(text)
    extra = _named_exactly(text) if condition is not None else None
    return condition if extra is None else (condition | extra)


def _named_exactly(text: str):
    """The condition for cases naming ``text`` exactly as claim number, landline, person or department complained
    about; None when no case does (so an ordinary word is counted and listed by the search index alone)."""
    if len(text.split()) != 1:
        return None
    if NUMBER_LIKE.match(text) and any(c.isdigit() for c in text):
        extra = (Case.claim_no == text.upper()) | (Case.claim_no == text) | (Case.phone == text)
    elif not any(c.isdigit() for c in text):
        # the person through its index; a department only for a word that names one (a department of the desk,
        # or a word ending as department names do: 理赔部, 客服中心), so an ordinary word costs no scan
        extra = None
        if Case.select(Case.id).where(Case.accused_person == text).exists():
            # the column itself, not "id IN (cases naming the person)": ORed with the search's hits, PostgreSQL
            # then reads both from their indexes (an IN there made it test every case)
            extra = Case.accused_person == text
        if (text.endswith(DEPARTMENT_ENDINGS) or Department.select().where(Department.name == text).exists()) \
                and Case.select(Case.id).where(Case.accused_department == text).exists():
            by_department = Case.accused_department == text
            extra = by_department if extra is None else (extra | by_department)
        return extra
    else:
        return None
    return extra if Case.select(Case.id).where(extra).exists() else None


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
        query = query.where(figures.overdue_condition(now))
    if filters.get("branch"):  # at headquarters: one branch's cases (the overview of the branches opens them so)
        query = query.where(Case.branch.in_(Branch.select(Branch.id).where(Branch.code == filters["branch"])))
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
    text = (filters.get("text") or "").strip()
    total = search.count_matches(text) if only_text and _named_exactly(text) is None else None
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
    today = bool(due) and status != "overdue" and due.astimezone(zone).date() == now.astimezone(zone).date()
    return {
        "number": case.number, "kind": case.kind, "severity": case.severity, "state": case.state,
        "summary": case.summary or case.reason, "what": what,
        "due": due.astimezone(zone).isoformat(timespec="seconds") if due else None, "status": status,
        "due_today": today, "_sort": due or now + timedelta(days=3650), **extra,
    }


def _customer(user: User, case: Case) -> dict:
    """The customer's name and telephone for work done with the customer (a revisit, a receipt), masked for a
    user who does not handle the case (R13)."""
    person = access.personal(user, case, name=case.complainant_name or "", phone=case.mobile or case.phone or "")
    return {"customer": person["name"], "customer_phone": person["phone"]}


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


def my_work(actor: Actor, limit: int = 200, *, now: datetime | None = None) -> list[dict]:
    """The user's list for the day, most urgent first: overdue, then by the nearest deadline; at most ``limit``
    items (each kind of work is read from SQL in deadline order, so the most urgent are never cut off; the
    register shows everything).

    Every role sees its own deadlines: the desk the receipts 受理回执 still to give and the unassigned complaints
    to report within the hour; the handler the reply, the responsibility determination (24 hours, amber on the
    slip) and today's contact attempt; supervisors assignment, approval, closure and the notices to verify;
    reception and supervisors the revisits (with the customer's name and telephone); a department the notices it
    must answer. Each item says whether it is overdue (``status``) or due later today (``due_today``)."""
    from app.services.cases import contact_due_today
    from models import Conclusion

    user = current_user(actor)
    policy = policy_module.load_policy()
    zone = ZoneInfo(policy.timezone)
    now = now or utcnow()
    items: list[dict] = []
    # only what the items show and the checks read (a busy desk has thousands of open cases)
    seen = visible_cases(user).select(
        Case.id, Case.number, Case.kind, Case.severity, Case.state, Case.summary, Case.reason, Case.round,
        Case.handler, Case.receiver, Case.escalate_by, Case.escalated_at, Case.acknowledge_by, Case.acknowledged_at,
        Case.determine_by, Case.reply_by, Case.revisit_by, Case.replied_at, Case.paused_at, Case.accused_person,
        Case.accused_department, Case.complainant_name, Case.mobile, Case.phone)
    open_ = Case.state.in_(workflow.OPEN_STATES)
    mine = list(seen.where(open_ & (Case.handler == user)).order_by(Case.reply_by).limit(limit))
    concluded = {(c.case_id, c.round) for c in Conclusion.select(Conclusion.case, Conclusion.round)
                 .where(Conclusion.case.in_([c.id for c in mine]))} if mine else set()
    for case in mine:
        if case.state == "investigating":
            items.append(_item(case, "handle" if case.replied_at is None else "submit",
                               case.reply_by if case.replied_at is None else None, now, zone))
            if case.determine_by is not None and (case.id, case.round) not in concluded:
                items.append(_item(case, "determine", case.determine_by, now, zone))
            if contact_due_today(case, policy, now):
                items.append(_item(case, "contact_today", None, now, zone, **_customer(user, case)))
        elif case.state == "deferred":
            items.append(_item(case, "pending_matter", None, now, zone))
    if user.role in ("reception", "supervisor", "admin", "handler"):
        # the receipt handed to the customer within 24 hours: the desk gives every one, others those they received
        to_receipt = open_ & Case.acknowledged_at.is_null() & Case.acknowledge_by.is_null(False)
        if user.role != "reception":
            to_receipt &= Case.receiver == user
        for case in seen.where(to_receipt).order_by(Case.acknowledge_by).limit(limit):
            items.append(_item(case, "receipt", case.acknowledge_by, now, zone, **_customer(user, case)))
    if user.role == "reception":
        # unassigned complaints are reported to the supervisor within the hour; the desk may do it
        unreported = ((Case.state == "accepted") & Case.escalated_at.is_null() & Case.escalate_by.is_null(False))
        for case in seen.where(unreported).order_by(Case.escalate_by).limit(limit):
            items.append(_item(case, "escalate", case.escalate_by, now, zone))
    managers = user.role in ("supervisor", "admin", "general_manager")
    department_name = user.department.name if user.department_id else None
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
        # notices still awaiting the department's feedback: to chase once the feedback is due today or late
        chase_from = now + timedelta(days=1)
        for notice in (RectificationNotice.select(RectificationNotice, Case).join(Case)
                       .where((RectificationNotice.state == "issued") & (RectificationNotice.feedback_by <= chase_from))
                       .order_by(RectificationNotice.feedback_by).limit(limit)):
            if access.can_see(user, notice.case) and notice.department != department_name:
                items.append(_item(notice.case, "chase_notice", notice.feedback_by, now, zone, notice=notice.number,
                                   department=notice.department))
    if user.role in ("reception", "supervisor"):
        # approved and replied, and no revisit yet in the current round (in SQL, so the limit keeps the right ones)
        revisited = Revisit.select(Revisit.id).where((Revisit.case == Case.id) & (Revisit.round == Case.round))
        to_revisit = (Case.state == "approved") & Case.replied_at.is_null(False) & ~fn.EXISTS(revisited)
        handled = _handled_this_round(user, to_revisit)
        for case in seen.where(to_revisit).order_by(Case.revisit_by).limit(limit):
            if (case.id, case.round) not in handled and case.handler_id != user.id:
                items.append(_item(case, "revisit", case.revisit_by, now, zone, **_customer(user, case)))
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
