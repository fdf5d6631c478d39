"""Cases: register, show, and the workflow actions (one transaction each)."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from app import i18n
from app.records import history, readable
from app.rules import classify as classification, deadlines, numbering, policy as policy_module, workflow
from app.records import search  # noqa: F401 - registers the Case.save hook that keeps the search index current
from app.rules.contact import next_allowed_contact
from app.errors import InvalidInput, NotAllowed, NotFound
from app.services.actors import Actor, current_user
from app.services.setup import local_branch
from app.rules.validation import action_payload, case_to_json, validate_case
from models import (
    Approval, Case, Conclusion, ContactAttempt, History, InvestigationEntry, PendingMatter, RectificationNotice,
    Reply, Revisit, Transfer, User, transaction,
)
from models.entities import utcnow

i18n.register({
    "No case numbered {number}.": "没有编号为 {number} 的案件。",
})

# the case fields whose before/after the history keeps for every action
TRACKED = (
    "state", "round", "handler", "transfers", "severity", "established", "facts", "cause", "opinion", "result",
    "escalated_at", "acknowledged_at", "replied_at", "approved_at", "closed_at", "closure_reason", "void_reason",
    "reply_by", "determine_by", "revisit_by", "paused_at", "reply_remaining",
)


def _iso(moment: datetime | None, zone: ZoneInfo) -> str | None:
    return moment.astimezone(zone).isoformat(timespec="seconds") if moment else None


def snapshot(case: Case) -> dict:
    out = {}
    for name in TRACKED:
        value = getattr(case, name if name != "handler" else "handler_id")
        if name == "handler":
            value = case.handler.username if case.handler_id else None
        elif isinstance(value, datetime):
            value = value.astimezone(ZoneInfo("UTC")).isoformat(timespec="seconds")
        elif isinstance(value, Decimal):
            value = str(value)
        out[name] = value
    return out


def _diff(before: dict, after: dict) -> tuple[dict, dict]:
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def earlier_open_same_category(mobile: str, category: str, before: datetime) -> int:
    """R1 `repeat`: earlier complaints by the same mobile in the same category that are not closed."""
    if not mobile:
        return 0
    return (Case.select().where(
        (Case.mobile == mobile) & (Case.category == category) & (Case.kind == "complaint")
        & (Case.state.not_in(workflow.CLOSED_STATES)) & (Case.received_at <= before)).count())


def preview_classification(data: dict) -> dict:
    """Classification of a form being filled in, for the live badge; writes nothing. Incomplete input gives
    what can be known (an invalid field is reported, not raised)."""
    policy = policy_module.load_policy()
    try:
        flat = validate_case(data, categories=policy.categories, zone=policy.timezone)
    except InvalidInput as exc:
        return {"severity": None, "major_reasons": [], "error": exc.localized(), "field": exc.field}
    repeat = earlier_open_same_category(flat["mobile"], flat["category"], flat["received_at"])
    severity, reasons = classification.classify(flat, policy, earlier_open_same_category=repeat)
    return {"severity": severity, "major_reasons": reasons, "routed_to": classification.routed_to(flat["kind"]),
            "error": None, "field": None}


def register_case(actor: Actor, data: dict, *, now: datetime | None = None) -> dict:
    """Validate, classify, number and save a case in one transaction; answer with the case as ``show_case``."""
    with transaction():
        user = current_user(actor)
        if user.role not in workflow.REGISTER_ROLES:
            raise NotAllowed("Your role may not register cases.")
        policy = policy_module.load_policy()
        flat = validate_case(data, categories=policy.categories, zone=policy.timezone, now=now)
        if workflow.is_accused(user, Case(accused_person=flat["accused_person"],
                                          accused_department=flat["accused_department"])):
            raise NotAllowed("The person complained about may not handle, approve or see this case.")  # R9
        repeat = earlier_open_same_category(flat["mobile"], flat["category"], flat["received_at"])
        severity, reasons = classification.classify(flat, policy, earlier_open_same_category=repeat)
        branch = local_branch()
        zone = ZoneInfo(policy.timezone)
        year = flat["received_at"].astimezone(zone).year
        seq, number = numbering.allocate_number(branch.code, "case", year)
        due = deadlines.intake_deadlines(flat["kind"], severity, flat["received_at"], policy)
        moment = now or utcnow()
        case = Case.create(
            branch=branch, number=number, year=year, seq=seq, receiver=user, severity=severity,
            major_reasons=reasons, routed_to=classification.routed_to(flat["kind"]), state="accepted",
            round=1, round_started_at=flat["received_at"], created_at=moment, updated_at=moment,
            **{f"{k}": v for k, v in due.items()}, **flat,
        )
        history.record(actor.username, "case", case.uuid, case.number, "register", round=1,
                       after={"number": number, "kind": case.kind, "severity": severity, "major_reasons": reasons,
                              "state": "accepted"})
        return case_view(case, user, policy)


def _case_for(user: User, number: str) -> Case:
    case = readable.case_by_number((number or "").strip().upper())
    if case is None or not workflow.can_see(user, case):
        # the accused, and everyone but the general manager for a report, are told it does not exist
        raise NotFound("No case numbered {number}.", field="NUMBER", number=number)
    return case


def show_case(actor: Actor, number: str) -> dict:
    with transaction():
        user = current_user(actor)
        case = _case_for(user, number)
        return case_view(case, user, policy_module.load_policy())


def allowed_actions(actor: Actor, number: str) -> list[str]:
    user = current_user(actor)
    return workflow.allowed_actions(user, _case_for(user, number))


def do_action(actor: Actor, number: str, action: str, payload: dict | None, *, now: datetime | None = None) -> dict:
    """One workflow action; refused actions raise and leave the case exactly as it was."""
    with transaction():
        user = current_user(actor)
        case = _case_for(user, number)
        policy = policy_module.load_policy()
        before = snapshot(case)
        moment = now or utcnow()
        reader = action_payload(payload)
        workflow.run(user, case, action, reader, policy, now=moment)
        case.updated_at = moment
        case.save()
        old, new = _diff(before, snapshot(case))
        history.record(actor.username, "case", case.uuid, case.number, action, round=case.round,
                       before=old, after=_history_payload(action, reader.values, new))
        return case_view(case, user, policy)


def _history_payload(action: str, accepted: dict, changes: dict) -> dict:
    """What the history keeps of an action: the changes and the input as accepted (checked and normalised)."""
    detail = dict(changes)
    if accepted:
        detail["input"] = accepted
    return detail


# --- the case as the command line and the windows see it ----------------------------------------------------


def mask_mobile(value: str) -> str:
    return value[:3] + "****" + value[-4:] if len(value) >= 8 else ("*" * len(value))


def mask_name(value: str) -> str:
    return value[:1] + "*" * max(len(value) - 1, 1) if value else value


def sees_personal_data(user: User, case: Case) -> bool:
    """R13: the people who handle the case see the complainant in full; others see masked values."""
    if user.role in ("admin", "supervisor", "reception"):
        return True
    if case.kind == "report":
        return user.role == "general_manager"
    return case.handler_id == user.id or case.receiver_id == user.id


def _who(user_id, names: dict) -> str | None:
    if user_id is None:
        return None
    if user_id not in names:
        u = User.get_or_none(User.id == user_id)
        names[user_id] = u.username if u else None
    return names[user_id]


def deadline_status(moment: datetime | None, now: datetime, *, done: bool, paused: bool) -> str | None:
    if moment is None:
        return None
    if done:
        return "met"
    if paused:
        return "paused"
    if now > moment:
        return "overdue"
    return "due_soon" if (moment - now).total_seconds() <= 24 * 3600 else "due"


def case_view(case: Case, user: User, policy, *, now: datetime | None = None) -> dict:
    zone = ZoneInfo(policy.timezone)
    now = now or utcnow()
    names: dict = {}
    body = case_to_json(case)
    if not sees_personal_data(user, case):
        person = body["complainant"]
        person["name"] = mask_name(person["name"])
        person["mobile"] = mask_mobile(person["mobile"])
        person["phone"] = mask_mobile(person["phone"]) if person["phone"] else ""
        person["address"] = (person["address"][:6] + "…") if person["address"] else ""
        body["contact_name"] = mask_name(body["contact_name"])
    body["received_at"] = _iso(case.received_at, zone)

    open_case = case.state in workflow.OPEN_STATES
    paused = case.state == "deferred" and case.paused_at is not None
    done = {
        "escalate_by": case.escalated_at is not None or case.handler_id is not None,
        "acknowledge_by": case.acknowledged_at is not None,
        "determine_by": Conclusion.select().where((Conclusion.case == case) & (Conclusion.round == case.round)).exists(),
        "reply_by": case.replied_at is not None,
        "revisit_by": Revisit.select().where((Revisit.case == case) & (Revisit.round == case.round)).exists(),
    }
    due = {}
    status = {}
    for name in ("escalate_by", "acknowledge_by", "determine_by", "reply_by", "revisit_by"):
        value = getattr(case, name)
        if value is None:
            continue
        due[name] = _iso(value, zone)
        status[name] = deadline_status(value, now, done=done[name] or not open_case,
                                       paused=paused and name == "reply_by")

    last = workflow.last_contact(case)
    view = {
        "number": case.number,
        **body,
        "severity": case.severity,
        "major_reasons": list(case.major_reasons or []),
        "routed_to": case.routed_to,
        "state": case.state,
        "round": case.round,
        "established": case.established,
        "facts": case.facts,
        "cause": case.cause,
        "opinion": case.opinion,
        "result": case.result,
        "transfers": case.transfers,
        "handler": _who(case.handler_id, names),
        "receiver": _who(case.receiver_id, names),
        "handler_name": case.handler.display_name if case.handler_id else None,
        "receiver_name": case.receiver.display_name,
        "escalated_at": _iso(case.escalated_at, zone),
        "acknowledged_at": _iso(case.acknowledged_at, zone),
        "replied_at": _iso(case.replied_at, zone),
        "approved_at": _iso(case.approved_at, zone),
        "closed_at": _iso(case.closed_at, zone),
        "closure_reason": case.closure_reason,
        "void_reason": case.void_reason,
        "deadlines": due,
        "deadline_status": status,
        "paused": paused,
        "next_allowed_contact": _iso(next_allowed_contact(now, zone=zone, window=workflow.customer_window(case),
                                                          last_attempt=last.at if last else None), zone)
        if open_case else None,
        "contact_due_today": contact_due_today(case, policy, now),
    }

    def rows(model, fields):
        def item_of(r):
            item = {"round": r.round, "at": _iso(r.at, zone), "by": _who(r.by_id, names)}
            for f in fields:
                v = getattr(r, f)
                item[f] = v.isoformat() if hasattr(v, "isoformat") and not isinstance(v, datetime) else (
                    _iso(v, zone) if isinstance(v, datetime) else v)
            return item

        query = model.select().where(model.case == case).order_by(model.round, model.at, model.id)
        return [{"unreadable": item.message()} if isinstance(item, readable.Unreadable) else item
                for item in readable.each(query, convert=item_of)]

    view["investigations"] = rows(InvestigationEntry, ("note",))
    view["contacts"] = rows(ContactAttempt, ("method", "reached", "note", "override_reason"))
    view["conclusions"] = rows(Conclusion, ("cause", "facts", "established", "opinion", "result",
                                            "responsible_department", "responsible_person", "fault_decision"))
    view["replies"] = rows(Reply, ("channel", "result"))
    view["approvals"] = rows(Approval, ("decision", "text"))
    view["revisits"] = rows(Revisit, ("method", "satisfaction", "comment"))
    view["pending_matters"] = rows(PendingMatter, ("reason", "follow_up", "resumed_at"))
    view["transfer_log"] = [
        {"round": t.round, "at": _iso(t.at, zone), "by": _who(t.by_id, names),
         "from": _who(t.from_handler_id, names), "to": _who(t.to_handler_id, names)}
        for t in Transfer.select().where(Transfer.case == case).order_by(Transfer.id)
    ]
    view["notices"] = [notice_summary(n, zone) for n in
                       RectificationNotice.select().where(RectificationNotice.case == case).order_by(RectificationNotice.id)]
    view["history"] = [
        {"unreadable": h.message()} if isinstance(h, readable.Unreadable) else h
        for h in readable.each(History.select().where(History.entity_uuid == case.uuid).order_by(History.id),
                               convert=lambda h: {"at": _iso(h.at, zone), "by": h.actor, "action": h.action,
                                                  "round": h.round, "before": h.before, "after": h.after})
    ]
    view["allowed_actions"] = workflow.allowed_actions(user, case)
    return view


def notice_summary(n: RectificationNotice, zone: ZoneInfo) -> dict:
    return {
        "number": n.number, "state": n.state, "department": n.department, "problem": n.problem,
        "corrective": n.corrective, "preventive": n.preventive, "issued_at": _iso(n.issued_at, zone),
        "feedback_by": _iso(n.feedback_by, zone), "follows": n.follows.number if n.follows_id else None,
        "feedback_actions": n.feedback_actions, "feedback_at": _iso(n.feedback_at, zone),
        "verification_passed": n.verification_passed, "verification_comment": n.verification_comment,
    }


def contact_due_today(case: Case, policy, now: datetime) -> bool:
    """R4: while the customer has not been reached, one attempt is due every working day until reply_by."""
    if case.state not in ("investigating",) or case.replied_at is not None or case.reply_by is None:
        return False
    zone = ZoneInfo(policy.timezone)
    today = now.astimezone(zone).date()
    if today > case.reply_by.astimezone(zone).date() or not policy.calendar().is_workday(today):
        return False
    attempts = list(ContactAttempt.select().where((ContactAttempt.case == case) & (ContactAttempt.round == case.round)))
    if any(a.reached for a in attempts):
        return False
    return not any(a.at.astimezone(zone).date() == today for a in attempts)
