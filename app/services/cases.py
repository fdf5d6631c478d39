"""Cases: register, show, and the workflow actions (one transaction each)."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from app import i18n
from app.errors import ChangedMeanwhile, InvalidInput, NotAllowed, NotFound, RuleViolation
from app.records import history, readable
from app.records import search  # noqa: F401 - registers the Case.save hook that keeps the search index current
from app.rules import access, classify as classification, deadlines, numbering, policy as policy_module, workflow
from app.rules.branch import local_branch
from app.rules.contact import next_allowed_contact
from app.rules.validation import action_payload, case_to_json, validate_case
from app.rules.validation import (  # noqa: F401 - the slip checks fields as typed
    check_mobile, check_phone, check_plate, check_printable, parse_instant,
)
from app.services.actors import Actor, current_user
from models import (
    Approval, Case, Conclusion, ContactAttempt, History, InvestigationEntry, PendingMatter, RectificationNotice,
    Reply, Revisit, Transfer, User, transaction,
)
from models.entities import utcnow

i18n.register({
    "Case {number} was changed by someone else after you opened it. It is shown again as it is now: check it, then do this again if it still applies.":
        "案件 {number} 在您打开后已被他人更改。现已重新显示其当前内容：请核对后，如仍需要再操作一次。",
    "Case {number} was changed after you opened it ({action} by {who} at {time}). It is shown again as it is now: check it, then do this again if it still applies.":
        "案件 {number} 在您打开后已被更改（{who} 于 {time} {action}）。现已重新显示其当前内容：请核对后，如仍需要再操作一次。",
    "No case numbered {number}.": "没有编号为 {number} 的案件。",
    "cannot be corrected here (only the customer's details and the matter; not the kind, time or classification)":
        "不能在此更正（只能更正客户信息和投诉事项，不能更正类型、受理时间或定级）",
    "Only the case's receiver or handler, a supervisor or an admin may correct its intake.":
        "只有受理人、承办人、主管或管理员可以更正受理信息。",
    "A case that is {state} cannot be corrected: reopen it first.": "案件已处于“{state}”状态，不能更正：请先重新打开。",
    "The handler would be the person complained about: assign another handler first.":
        "更正后承办人将成为被投诉人：请先改派承办人。",
    "Nothing was changed.": "没有任何更改。",
    "must be a text": "必须是文字",
})

# the intake fields an open case may have corrected (docs/rules.md §2.1): the customer's details and the matter. The kind,
# the time of receipt and what the classification rests on (amount, flags, number of complainants, category) stay:
# those change the deadlines and the severity, and are corrected by voiding and registering again.
CORRECTABLE = {
    "complainant.name": "complainant_name", "complainant.gender": "complainant_gender",
    "complainant.address": "complainant_address", "complainant.relation_to_insured": "relation_to_insured",
    "complainant.identity": "complainant_identity", "complainant.mobile": "mobile", "complainant.phone": "phone",
    "contact_name": "contact_name", "reason": "reason", "claim_no": "claim_no", "plate_no": "plate_no",
    "accused_department": "accused_department", "accused_person": "accused_person", "content": "content",
    "summary": "summary", "desired_remedy": "desired_remedy", "original_doc_no": "original_doc_no",
}
CORRECT_ROLES = ("reception", "handler", "supervisor", "admin")

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


def _route(flat: dict) -> str | None:
    return classification.routed_to(flat["kind"], accuses_general_manager=access.accuses_general_manager(
        flat["accused_person"], flat["accused_department"]))


def open_cases_alike(actor: Actor, *, mobile: str = "", plate: str = "", limit: int = 10) -> list[dict]:
    """Open cases the user may see with the same mobile or the same plate: at intake the desk is told before a
    second slip is registered for a complaint already being handled (read only)."""
    user = current_user(actor)
    try:
        mobile = check_mobile((mobile or "").strip())
    except InvalidInput:
        mobile = ""
    try:
        plate = check_plate((plate or "").strip())
    except InvalidInput:
        plate = ""
    condition = None
    if mobile:
        condition = Case.mobile == mobile
    if plate:
        # the plate through the search index (a plate has no index of its own), then exactly
        found = search.search_condition(plate)
        by_plate = (Case.plate_no == plate) if found is None else (found & (Case.plate_no == plate))
        condition = by_plate if condition is None else (condition | by_plate)
    if condition is None:
        return []
    zone = ZoneInfo(policy_module.load_policy().timezone)
    out = []
    for case in (Case.select().where(condition & Case.state.in_(workflow.OPEN_STATES))
                 .order_by(Case.received_at.desc()).limit(limit * 3)):
        if not access.can_see(user, case):
            continue
        out.append({"number": case.number, "state": case.state, "summary": case.summary or case.reason,
                    "received_at": _iso(case.received_at, zone),
                    "same": [k for k, ok in (("mobile", mobile and case.mobile == mobile),
                                             ("plate", plate and case.plate_no == plate)) if ok]})
        if len(out) >= limit:
            break
    return out


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
    return {"severity": severity, "major_reasons": reasons, "routed_to": _route(flat),
            "error": None, "field": None}


def register_case(actor: Actor, data: dict, *, now: datetime | None = None) -> dict:
    """Validate, classify, number and save a case in one transaction; answer with the case as ``show_case``."""
    with transaction():
        user = current_user(actor)
        if user.role not in access.REGISTER_ROLES:
            raise NotAllowed("Your role may not register cases.")
        policy = policy_module.load_policy()
        flat = validate_case(data, categories=policy.categories, zone=policy.timezone, now=now)
        if access.is_accused(user, Case(accused_person=flat["accused_person"],
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
            major_reasons=reasons, routed_to=_route(flat), state="accepted",
            round=1, round_started_at=flat["received_at"], created_at=moment, updated_at=moment,
            **{f"{k}": v for k, v in due.items()}, **flat,
        )
        history.record(actor.username, "case", case.uuid, case.number, "register", round=1,
                       after={"number": number, "kind": case.kind, "severity": severity, "major_reasons": reasons,
                              "state": "accepted"})
        return case_view(case, user, policy)


def _case_for(user: User, number: str, *, for_change: bool = False) -> Case:
    case = readable.case_by_number((number or "").strip().upper(), for_change=for_change)
    if case is None or not access.can_see(user, case):
        # the accused, and everyone but the general manager for a report, are told it does not exist
        raise NotFound("No case numbered {number}.", field="NUMBER", number=number)
    return case


def _unchanged_since(case: Case, version: int | None, zone: ZoneInfo) -> None:
    """Optimistic versions: ``version`` is the case's version as the user saw it (``case_view``'s "version"; None:
    the caller did not see it, e.g. a script). If somebody saved the case since, the user's action is refused
    rather than done over what they never saw; the message says who changed it, how and when."""
    if version is None or version == case.change_no:
        return
    last = (History.select().where((History.entity == "case") & (History.entity_uuid == case.uuid))
            .order_by(History.id.desc()).first())
    if last is None:
        raise ChangedMeanwhile("Case {number} was changed by someone else after you opened it. It is shown again as it "
                               "is now: check it, then do this again if it still applies.", number=case.number)
    raise ChangedMeanwhile("Case {number} was changed after you opened it ({action} by {who} at {time}). It is shown "
                           "again as it is now: check it, then do this again if it still applies.",
                           number=case.number, action=last.action, who=_display_name(last.actor),
                           time=last.at.astimezone(zone).strftime("%H:%M"))


def _display_name(username: str) -> str:
    user = User.get_or_none(User.username == username)
    return user.display_name if user is not None and user.display_name else username


def show_case(actor: Actor, number: str) -> dict:
    with transaction():
        user = current_user(actor)
        case = _case_for(user, number)
        return case_view(case, user, policy_module.load_policy())


def allowed_actions(actor: Actor, number: str) -> list[str]:
    user = current_user(actor)
    return workflow.allowed_actions(user, _case_for(user, number))


def do_action(actor: Actor, number: str, action: str, payload: dict | None, *, now: datetime | None = None,
              version: int | None = None) -> dict:
    """One workflow action; refused actions raise and leave the case exactly as it was. ``version``: the case's
    version as the user saw it (``case_view``); if someone saved the case since, ``ChangedMeanwhile`` is raised."""
    with transaction():
        user = current_user(actor)
        case = _case_for(user, number, for_change=True)
        policy = policy_module.load_policy()
        _unchanged_since(case, version, ZoneInfo(policy.timezone))
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


def may_correct(user: User, case: Case) -> bool:
    """Whether ``user`` may correct the intake of ``case`` now (``correct_intake``)."""
    return (user.role in CORRECT_ROLES and not (user.role == "handler" and case.handler_id != user.id)
            and case.state in workflow.OPEN_STATES and access.sees_personal_data(user, case))


def correct_intake(actor: Actor, number: str, changes: dict, *, now: datetime | None = None,
                   version: int | None = None) -> dict:
    """An audited correction 更正 of an open case's intake fields (a mistyped mobile, a wrong plate), in one
    transaction: ``changes`` maps case-JSON paths (``complainant.mobile``) to new values, checked by the same rules
    as at registration. The history keeps before and after; the printed slip is then due for a reprint 补打."""
    with transaction():
        user = current_user(actor)
        case = _case_for(user, number, for_change=True)
        _unchanged_since(case, version, ZoneInfo(policy_module.load_policy().timezone))
        if not may_correct(user, case) and case.state in workflow.OPEN_STATES:
            raise NotAllowed("Only the case's receiver or handler, a supervisor or an admin may correct its intake.")
        if case.state not in workflow.OPEN_STATES:
            raise RuleViolation("A case that is {state} cannot be corrected: reopen it first.", state=case.state)
        if not isinstance(changes, dict):
            raise InvalidInput("must be a JSON object")
        document = case_to_json(case)
        for path, value in changes.items():
            if path not in CORRECTABLE:
                raise InvalidInput("cannot be corrected here (only the customer's details and the matter; not the "
                                   "kind, time or classification)", field=path)
            if not isinstance(value, str):
                raise InvalidInput("must be a text", field=path)
            target = document
            *parents, leaf = path.split(".")
            for part in parents:
                target = target[part]
            target[leaf] = value
        policy = policy_module.load_policy()
        categories = list(policy.categories) + ([case.category] if case.category not in policy.categories else [])
        flat = validate_case(document, categories=categories, zone=policy.timezone,
                             now=max(now or utcnow(), case.received_at))
        before, after = {}, {}
        for path, column in CORRECTABLE.items():
            if flat[column] != getattr(case, column):
                before[path], after[path] = getattr(case, column), flat[column]
                setattr(case, column, flat[column])
        if not after:
            raise InvalidInput("Nothing was changed.")
        if access.is_accused(user, case):
            raise NotAllowed("The person complained about may not handle, approve or see this case.")  # R9
        if case.handler_id is not None and access.is_accused(case.handler, case):
            raise RuleViolation("The handler would be the person complained about: assign another handler first.")
        case.updated_at = now or utcnow()
        case.save()
        history.record(actor.username, "case", case.uuid, case.number, "correct", round=case.round,
                       before=before, after=after)
        return case_view(case, user, policy)


def _history_payload(action: str, accepted: dict, changes: dict) -> dict:
    """What the history keeps of an action: the changes and the input as accepted (checked and normalised)."""
    detail = dict(changes)
    if accepted:
        detail["input"] = accepted
    return detail


# --- the case as the command line and the windows see it ----------------------------------------------------


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
    shown = access.sees_personal_data(user, case)
    body["complainant"] = access.masked_fields(body["complainant"], shown=shown)
    body["contact_name"] = access.masked_fields({"contact_name": body["contact_name"]}, shown=shown)["contact_name"]
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
        "version": case.change_no,  # give it back with an action: someone's change in between is then noticed
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
        # deadlines counted over days only the law decides (next year's arrangement not known): they may move
        "provisional_deadlines": [name for name, start in (
            ("reply_by", case.round_started_at or case.received_at), ("revisit_by", case.replied_at))
            if open_case and name in due and deadlines.is_provisional(start, getattr(case, name), policy)],
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
    view["may_correct"] = may_correct(user, case)
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
