"""The life of a case as data (docs/rules.md §6, R4-R12).

``TRANSITIONS`` maps (state, action) to the state after it; ``WHO`` says which relation to the case an actor
needs for an action (R12); each action's ``step`` checks its own rules and records what happened. The
services run a step inside one transaction, so a refused action leaves the case exactly as it was.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from app import i18n
from app.rules import deadlines, numbering
from app.rules.access import HANDLER_ROLES, check_actor, is_accused
from app.rules.contact import attempt_problem
from app.errors import InvalidInput, NotAllowed, RuleViolation
from app.rules.policy import Policy
from app.rules.templates import LETTER_PARAGRAPHS, PARAGRAPH_LIMIT
from app.rules.validation import Reader, action_payload
from models import (
    Approval, Case, Conclusion, ContactAttempt, InvestigationEntry, PendingMatter, RectificationNotice, Reply,
    Revisit, Transfer, User,
)
from models.entities import utcnow

i18n.register({
    "'{action}' is not possible while the case is {state}.": "案件处于“{state}”状态，不能执行“{action}”。",
    "unknown action '{action}'": "未知的操作“{action}”",
    "Your role may not register cases.": "您的角色无权登记案件。",
    "no active user named {name}": "没有名为 {name} 的在用账户",
    "this user may not handle cases": "该用户不能承办案件",
    "is already the handler": "已是当前承办人",
    "This case has been transferred {count} times: escalate it to the supervisor instead of transferring it again.":
        "此案件已转办 {count} 次：请上报主管，不能再次转办。",
    "must not be before the case was received": "不能早于受理时间",
    "Contact at {at} is not allowed ({problem}); the next allowed time is {next}. Give an override reason to log it anyway.":
        "{at} 不允许联系客户（{problem}），下一次可联系时间为 {next}。如确需联系，请填写例外原因。",
    "quiet hours 22:00-08:30 and 12:00-13:30": "22:00-08:30 及 12:00-13:30 禁止联系",
    "outside the window the customer named": "不在客户指定的时间段内",
    "less than 2 hours after the previous attempt": "距上次联系不足 2 小时",
    "must be one of: {choices}": "必须是以下之一：{choices}",
    "Submit needs: {missing}.": "提交审批前还缺少：{missing}。",
    "an investigation entry": "调查记录",
    "the reply to the customer": "回复客户记录",
    "the cause": "致诉原因",
    "the conclusion": "处理结论",
    "The reply must be recorded before the revisit.": "须先回复客户，才能回访。",
    "Closing needs: {missing}.": "结案前还缺少：{missing}。",
    "the supervisor's approval": "主管审批",
    "a satisfied or basically satisfied revisit": "满意或基本满意的回访",
    "every rectification notice verified": "所有整改通知书验证通过",
    "no department named {name}": "没有名为 {name} 的部门",
    "must not be before the notice was issued": "不能早于下发时间",
    "must not be in the past": "不能早于当前时间",
    "No further extension of the reply deadline is allowed under the {preset} policy.":
        "按当前“{preset}”时限方案，不能再延长回复期限。",
})

# the names shown for the codes a message carries ({state}, {action}, {preset}): never the code itself
i18n.register_codes("state", {
    "accepted": "accepted", "investigating": "under investigation", "pending_approval": "pending approval",
    "approved": "approved", "closed": "closed", "deferred": "a pending matter", "closed_abnormal": "closed non-normally",
    "voided": "voided", "issued": "issued", "reported": "reported on", "verified": "verified",
    "failed": "failed verification",
})
# an action keeps its code in English (the word the command line takes: 'submit'); Chinese names it (提交审批)
i18n.register_codes("action", {code: code for code in (
    "assign", "escalate", "contact", "investigate", "conclude", "reply", "submit", "approve", "return", "defer",
    "resume", "revisit", "close", "close_abnormal", "void", "notice", "feedback", "verify", "reopen", "extend")})
i18n.register_codes("preset", {"standard": "standard", "cbirc": "CBIRC 2020"})
i18n.register({
    "accepted": "已受理", "under investigation": "处理中", "pending approval": "待审批", "approved": "已审批",
    "closed": "已结案", "a pending matter": "未了事宜", "closed non-normally": "非正常结案", "voided": "已作废",
    "issued": "已下发", "reported on": "已反馈", "verified": "已验证", "failed verification": "验证未通过",
    "assign": "分派", "escalate": "上报主管", "contact": "记录联系", "investigate": "添加调查记录",
    "conclude": "处理结论", "reply": "记录答复", "submit": "提交审批", "approve": "审批通过", "return": "退回",
    "defer": "转未了事宜", "resume": "恢复处理", "revisit": "回访", "close": "结案", "close_abnormal": "非正常结案",
    "void": "作废", "notice": "下发整改通知书", "feedback": "填写整改报告", "verify": "验证", "reopen": "重新打开",
    "extend": "延长答复期限",
    "standard": "标准", "CBIRC 2020": "银保监会 2020 投诉管理办法",
})

OPEN_STATES = ("accepted", "investigating", "pending_approval", "approved", "deferred")
CLOSED_STATES = ("closed", "closed_abnormal", "voided")
PREVIOUS = "<previous>"  # resume returns to the state before defer
BY_SATISFACTION = "<by satisfaction>"  # a dissatisfied revisit opens a new round

_RUNNING = ("investigating", "deferred")
TRANSITIONS: dict[tuple[str, str], str] = {
    ("accepted", "assign"): "investigating",
    ("investigating", "assign"): "investigating",
    ("deferred", "assign"): "deferred",
    **{(state, "escalate"): state for state in ("accepted", "investigating", "deferred", "pending_approval")},
    **{(state, "contact"): state for state in ("investigating", "deferred", "approved")},
    **{(state, "investigate"): state for state in _RUNNING},
    ("investigating", "conclude"): "investigating",
    ("investigating", "reply"): "investigating",
    ("investigating", "submit"): "pending_approval",
    ("pending_approval", "approve"): "approved",
    ("pending_approval", "return"): "investigating",
    ("investigating", "defer"): "deferred",
    ("approved", "defer"): "deferred",
    ("deferred", "resume"): PREVIOUS,
    ("approved", "revisit"): BY_SATISFACTION,
    ("approved", "close"): "closed",
    **{(state, "close_abnormal"): "closed_abnormal" for state in OPEN_STATES},
    **{(state, "void"): "voided" for state in OPEN_STATES},
    **{(state, "notice"): state for state in ("investigating", "pending_approval", "approved", "deferred")},
    **{(state, "extend"): state for state in ("investigating", "deferred")},
    ("closed", "reopen"): "investigating",
    ("closed_abnormal", "reopen"): "investigating",
}

ACTIONS = tuple(dict.fromkeys(action for _, action in TRANSITIONS))

def target_state(case: Case, action: str) -> str:
    if action not in ACTIONS:
        raise InvalidInput("unknown action '{action}'", field="ACTION", action=action)
    target = TRANSITIONS.get((case.state, action))
    if target is None:
        raise RuleViolation("'{action}' is not possible while the case is {state}.", action=action, state=case.state)
    return target


def allowed_actions(user: User, case: Case) -> list[str]:
    out = []
    for (state, action) in TRANSITIONS:
        if state != case.state:
            continue
        try:
            check_actor(user, case, action)
        except NotAllowed:
            continue
        out.append(action)
    return out


# --- steps ---------------------------------------------------------------------------------------------------


@dataclass
class Step:
    """What a step needs: the acting user, the case, the policy, the moment, and the payload reader."""

    user: User
    case: Case
    policy: Policy
    now: datetime
    payload: Reader

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.policy.timezone)

    def at(self, key: str = "at") -> datetime:
        """A time in the payload: not in the future, not before the case was received; default now."""
        moment = self.payload.instant(key, required=False, zone=self.policy.timezone, not_future=True, now=self.now)
        if moment is None:
            return self.now
        if moment < self.case.received_at:
            raise InvalidInput("must not be before the case was received", field=key)
        return moment

    def text(self, key: str, **kw) -> str:
        return self.payload.text(key, **kw)


def _round_filter(model, case: Case):
    return (model.case == case) & (model.round == case.round)


def step_assign(step: Step) -> None:
    step.payload.refuse_unknown(("handler",))
    name = step.text("handler", required=True, nonempty=True, limit=64)
    target = User.get_or_none((User.username == name) & (User.active == True))  # noqa: E712
    if target is None:
        raise InvalidInput("no active user named {name}", field="handler", name=name)
    case = step.case
    if target.role not in HANDLER_ROLES or (case.kind == "report") != (target.role == "general_manager"):
        if not (case.kind == "report" and target.role == "admin"):
            raise InvalidInput("this user may not handle cases", field="handler")
    if is_accused(target, case):
        raise NotAllowed("The person complained about may not handle, approve or see this case.")
    if case.handler_id == target.id:
        raise InvalidInput("is already the handler", field="handler")
    previous = case.handler
    if previous is not None:
        # R8: a reassignment is a transfer; past 3 the case goes to the supervisor instead
        last_transfer = (Transfer.select().where(Transfer.case == case).order_by(Transfer.id.desc()).first())
        escalated_since = case.escalated_at is not None and (
            last_transfer is None or case.escalated_at > last_transfer.at)
        if case.transfers >= 3 and not escalated_since:
            raise RuleViolation("This case has been transferred {count} times: escalate it to the supervisor "
                                "instead of transferring it again.", count=case.transfers)
        case.transfers += 1
    Transfer.create(case=case, round=case.round, at=step.now, by=step.user, from_handler=previous, to_handler=target)
    case.handler = target
    if case.state == "deferred" and case.state_before_defer == "accepted":
        # a pending matter that came in before anyone handled it (an old register's 未了事宜): assigned now, it
        # resumes under investigation, where an assignment takes an accepted case
        case.state_before_defer = "investigating"


def step_escalate(step: Step) -> None:
    step.payload.refuse_unknown(("note",))
    step.text("note", limit=2000)  # kept in the history with the action
    step.case.escalated_at = step.now


PROBLEMS = {
    "quiet_hours": "quiet hours 22:00-08:30 and 12:00-13:30",
    "outside_customer_window": "outside the window the customer named",
    "too_soon": "less than 2 hours after the previous attempt",
}
CONTACT_METHODS = ("phone", "sms", "visit", "letter", "email", "wechat", "fax", "other")


def last_contact(case: Case) -> ContactAttempt | None:
    return ContactAttempt.select().where(ContactAttempt.case == case).order_by(ContactAttempt.at.desc()).first()


def customer_window(case: Case):
    return (case.contact_from, case.contact_to) if case.contact_from else None


def step_contact(step: Step) -> None:
    from app.rules.contact import next_allowed_contact

    step.payload.refuse_unknown(("at", "method", "reached", "note", "override_reason"))
    at = step.at()
    method = step.payload.choice("method", CONTACT_METHODS, required=True)
    reached = step.payload.boolean("reached", required=True)
    note = step.text("note", limit=2000)
    override = step.text("override_reason", limit=500)
    last = last_contact(step.case)
    last_at = last.at if last else None
    problem = attempt_problem(at, zone=step.zone, window=customer_window(step.case), last_attempt=last_at)
    if problem and not override:
        nxt = next_allowed_contact(at, zone=step.zone, window=customer_window(step.case), last_attempt=last_at)
        raise RuleViolation(
            "Contact at {at} is not allowed ({problem}); the next allowed time is {next}. Give an override reason "
            "to log it anyway.", field="at", at=at.astimezone(step.zone).strftime("%Y-%m-%d %H:%M"),
            problem=i18n.t(PROBLEMS[problem]), next=nxt.strftime("%Y-%m-%d %H:%M"))
    ContactAttempt.create(case=step.case, round=step.case.round, at=at, by=step.user, method=method, reached=reached,
                          note=note, override_reason=override if problem else "")
    if reached and step.case.acknowledged_at is None:
        step.case.acknowledged_at = at


def step_investigate(step: Step) -> None:
    step.payload.refuse_unknown(("at", "note"))
    at = step.at()
    note = step.text("note", required=True, nonempty=True, limit=5000)
    InvestigationEntry.create(case=step.case, round=step.case.round, at=at, by=step.user, note=note)


FACTS = ("true", "false", "unverifiable")


def established_from(facts: str) -> bool:
    """R6: established when the facts are true or cannot be verified (doubt goes to the customer)."""
    return facts != "false"


def step_conclude(step: Step) -> None:
    step.payload.refuse_unknown(("cause", "facts", "opinion", "result", "responsible_department", "responsible_person",
                              "fault_decision"))
    cause = step.text("cause", required=True, nonempty=True, limit=2000)
    facts = step.payload.choice("facts", FACTS, required=True)
    record = Conclusion.create(
        case=step.case, round=step.case.round, at=step.now, by=step.user, cause=cause, facts=facts,
        established=established_from(facts), opinion=step.text("opinion", limit=5000),
        result=step.text("result", limit=5000), responsible_department=step.text("responsible_department", limit=60),
        responsible_person=step.text("responsible_person", limit=60),
        fault_decision=step.text("fault_decision", limit=2000),
    )
    case = step.case
    case.cause, case.facts, case.established = record.cause, record.facts, record.established
    case.opinion, case.result = record.opinion, record.result


REPLY_CHANNELS = ("phone", "letter", "visit", "sms", "email", "wechat", "fax", "online", "other")


def step_reply(step: Step) -> None:
    step.payload.refuse_unknown(("at", "channel", "result", "letter"))
    at = step.at()
    channel = step.payload.choice("channel", REPLY_CHANNELS, required=True)
    result = step.text("result", required=True, nonempty=True, limit=5000)
    # the paragraphs of the written reply letter as the desk composed them (each optional: a paragraph left out is
    # written from the handling record when the letter is printed); kept with the action's input in the history
    letter = step.payload.obj("letter")
    if letter is not None:
        letter.refuse_unknown(LETTER_PARAGRAPHS)
        for name in LETTER_PARAGRAPHS:
            letter.text(name, limit=PARAGRAPH_LIMIT)
        step.payload.values["letter"] = {k: v for k, v in letter.values.items() if v}
    Reply.create(case=step.case, round=step.case.round, at=at, by=step.user, channel=channel, result=result)
    step.case.replied_at = at
    if step.case.acknowledged_at is None:
        step.case.acknowledged_at = at


def missing_for_submit(case: Case) -> list[str]:
    """R5: what the handling record still lacks before it can go to the supervisor."""
    missing = []
    if not InvestigationEntry.select().where(_round_filter(InvestigationEntry, case)).exists():
        missing.append("an investigation entry")
    if not Reply.select().where(_round_filter(Reply, case)).exists():
        missing.append("the reply to the customer")
    conclusion = Conclusion.select().where(_round_filter(Conclusion, case)).exists()
    if not case.cause or not conclusion:
        missing.append("the cause")
    if not conclusion:
        missing.append("the conclusion")
    return missing


def step_submit(step: Step) -> None:
    step.payload.refuse_unknown(())
    missing = missing_for_submit(step.case)
    if missing:
        raise RuleViolation("Submit needs: {missing}.", missing=missing)


def step_approve(step: Step) -> None:
    step.payload.refuse_unknown(("opinion",))
    Approval.create(case=step.case, round=step.case.round, at=step.now, by=step.user, decision="approve",
                    text=step.text("opinion", limit=2000))
    step.case.approved_at = step.now


def step_return(step: Step) -> None:
    step.payload.refuse_unknown(("reason",))
    reason = step.text("reason", required=True, nonempty=True, limit=2000)
    Approval.create(case=step.case, round=step.case.round, at=step.now, by=step.user, decision="return", text=reason)


def step_defer(step: Step) -> None:
    step.payload.refuse_unknown(("reason", "follow_up"))
    reason = step.text("reason", required=True, nonempty=True, limit=2000)
    follow_up = step.payload.date("follow_up")
    case = step.case
    PendingMatter.create(case=case, round=case.round, at=step.now, by=step.user, reason=reason, follow_up=follow_up)
    case.state_before_defer = case.state
    for name, value in paused_reply_clock(case.kind, case.severity, case.reply_by, case.replied_at, step.now,
                                          step.policy).items():
        setattr(case, name, value)


def paused_reply_clock(kind: str, severity, reply_by, replied_at, at: datetime, policy: Policy) -> dict:
    """R3: the reply clock pauses while the matter is pending (only if the reply is still owed), keeping what was
    left in the unit of its limit: ``paused_at`` and ``reply_remaining`` of the case, or nothing to change."""
    limit = deadlines.reply_limit(kind, severity, policy)
    if reply_by is None or replied_at is not None or limit is None:
        return {}
    return {"paused_at": at, "reply_remaining": deadlines.remaining_on_pause(reply_by, at, limit, policy)}


def step_resume(step: Step) -> None:
    step.payload.refuse_unknown(())
    case = step.case
    matter = (PendingMatter.select().where((PendingMatter.case == case) & (PendingMatter.resumed_at.is_null()))
              .order_by(PendingMatter.id.desc()).first())
    if matter is not None:
        matter.resumed_at = step.now
        matter.save()
    limit = deadlines.reply_limit(case.kind, case.severity, step.policy)
    if case.paused_at is not None and case.reply_remaining is not None and limit is not None:
        case.reply_by = deadlines.resume_reply_by(step.now, case.reply_remaining, limit, step.policy)
    case.paused_at = None
    case.reply_remaining = None


SATISFACTION = ("satisfied", "basic", "dissatisfied")
REVISIT_METHODS = ("phone", "visit", "sms", "letter", "email", "wechat", "other")


def step_revisit(step: Step) -> str:
    step.payload.refuse_unknown(("at", "method", "satisfaction", "comment"))
    case = step.case
    if case.replied_at is None:
        raise RuleViolation("The reply must be recorded before the revisit.")
    at = step.at()
    method = step.payload.choice("method", REVISIT_METHODS, required=True)
    satisfaction = step.payload.choice("satisfaction", SATISFACTION, required=True)
    Revisit.create(case=case, round=case.round, at=at, by=step.user, method=method, satisfaction=satisfaction,
                   comment=step.text("comment", limit=2000))
    if satisfaction == "dissatisfied":
        start_new_round(step)
        return "investigating"
    return case.state


def start_new_round(step: Step) -> None:
    """A dissatisfied revisit or a reopen: another round of handling with its own deadlines (R10)."""
    case = step.case
    case.round += 1
    case.round_started_at = step.now
    case.cause, case.facts, case.established, case.opinion, case.result = "", None, None, "", ""
    case.replied_at = case.approved_at = case.closed_at = None
    case.closure_reason = ""
    case.revisit_by = None
    limit = deadlines.reply_limit(case.kind, case.severity, step.policy)
    case.reply_by = deadlines.apply_limit(step.now, limit, step.policy) if limit else None


def open_notices(case: Case):
    return RectificationNotice.select().where(
        (RectificationNotice.case == case) & (RectificationNotice.state.in_(("issued", "reported"))))


def step_close(step: Step) -> None:
    step.payload.refuse_unknown(())
    case = step.case
    missing = []
    if not Approval.select().where(_round_filter(Approval, case) & (Approval.decision == "approve")).exists():
        missing.append("the supervisor's approval")
    if not Reply.select().where(_round_filter(Reply, case)).exists():
        missing.append("the reply to the customer")
    last = Revisit.select().where(_round_filter(Revisit, case)).order_by(Revisit.id.desc()).first()
    if last is None or last.satisfaction not in ("satisfied", "basic"):
        missing.append("a satisfied or basically satisfied revisit")
    if open_notices(case).exists():
        missing.append("every rectification notice verified")
    if missing:
        raise RuleViolation("Closing needs: {missing}.", missing=missing)
    case.closed_at = step.now


def step_close_abnormal(step: Step) -> None:
    """Non-normal closure 非正常结案 (demands beyond law or policy): a supervisor's decision with a reason."""
    step.payload.refuse_unknown(("reason",))
    reason = step.text("reason", required=True, nonempty=True, limit=2000)
    Approval.create(case=step.case, round=step.case.round, at=step.now, by=step.user, decision="close_abnormal",
                    text=reason)
    step.case.closure_reason = reason
    step.case.closed_at = step.now


def step_void(step: Step) -> None:
    step.payload.refuse_unknown(("reason",))
    reason = step.text("reason", required=True, nonempty=True, limit=2000)
    case = step.case
    case.void_reason = reason
    numbering.record_void(case.branch.code, "case", case.year, case.seq, reason, step.user.username)


def step_extend(step: Step) -> None:
    """A complex case gets a longer reply limit with the supervisor's approval (CBIRC preset: 30, then 60 days
    from receipt). The extensions a preset allows are used in order; the standard preset allows none."""
    step.payload.refuse_unknown(("reason",))
    reason = step.text("reason", required=True, nonempty=True, limit=2000)
    case = step.case
    extensions = step.policy.limits.get("reply_extensions", [])
    used = Approval.select().where((Approval.case == case) & (Approval.round == case.round)
                                   & (Approval.decision == "extend")).count()
    if used >= len(extensions):
        raise RuleViolation("No further extension of the reply deadline is allowed under the {preset} policy.",
                            preset=step.policy.preset)
    start = case.round_started_at or case.received_at
    new_reply_by = deadlines.apply_limit(start, extensions[used], step.policy)
    Approval.create(case=case, round=case.round, at=step.now, by=step.user, decision="extend", text=reason)
    if case.paused_at is not None and case.reply_remaining is not None:
        # paused: lengthen what is left by the same amount the deadline moves
        limit = deadlines.reply_limit(case.kind, case.severity, step.policy)
        case.reply_remaining += deadlines.remaining_on_pause(new_reply_by, case.reply_by, limit, step.policy) or 0
    case.reply_by = max(case.reply_by, new_reply_by) if case.reply_by else new_reply_by


def step_reopen(step: Step) -> None:
    step.payload.refuse_unknown(("reason",))
    reason = step.text("reason", required=True, nonempty=True, limit=2000)
    Approval.create(case=step.case, round=step.case.round, at=step.now, by=step.user, decision="reopen", text=reason)
    start_new_round(step)


def issue_notice(case: Case, user: User, policy: Policy, now: datetime, *, department: str, problem: str,
                 corrective: str, preventive: str, feedback_by: datetime | None,
                 follows: RectificationNotice | None = None) -> RectificationNotice:
    year = now.astimezone(ZoneInfo(policy.timezone)).year
    seq, number = numbering.allocate_number(case.branch.code, "notice", year)
    return RectificationNotice.create(
        branch=case.branch, number=number, year=year, seq=seq, case=case, follows=follows, department=department,
        problem=problem, corrective=corrective, preventive=preventive, issued_by=user, issued_at=now,
        feedback_by=feedback_by or deadlines.notice_feedback_deadline(now, policy),
    )


def step_notice(step: Step) -> RectificationNotice:
    from models import Department

    step.payload.refuse_unknown(("department", "problem", "corrective", "preventive", "feedback_by"))
    department = step.text("department", required=True, nonempty=True, limit=60)
    if not Department.select().where(Department.name == department).exists():
        raise InvalidInput("no department named {name}", field="department", name=department)
    feedback_by = step.payload.instant("feedback_by", required=False, zone=step.policy.timezone)
    if feedback_by is not None and feedback_by < step.now:
        raise InvalidInput("must not be in the past", field="feedback_by")
    return issue_notice(
        step.case, step.user, step.policy, step.now, department=department,
        problem=step.text("problem", required=True, nonempty=True, limit=5000),
        corrective=step.text("corrective", required=True, nonempty=True, limit=5000),
        preventive=step.text("preventive", required=True, nonempty=True, limit=5000), feedback_by=feedback_by,
    )


STEPS = {
    "assign": step_assign, "escalate": step_escalate, "contact": step_contact, "investigate": step_investigate,
    "conclude": step_conclude, "reply": step_reply, "submit": step_submit, "approve": step_approve,
    "return": step_return, "defer": step_defer, "resume": step_resume, "revisit": step_revisit,
    "close": step_close, "close_abnormal": step_close_abnormal, "void": step_void, "notice": step_notice,
    "reopen": step_reopen, "extend": step_extend,
}


def run(user: User, case: Case, action: str, payload, policy: Policy, now: datetime | None = None) -> str:
    """Check and apply one action to ``case`` (not yet saved); return the new state. Raises on refusal.
    ``payload``: the action's JSON object, or a ``Reader`` of it (whose ``values`` are then what was accepted)."""
    target = target_state(case, action)
    check_actor(user, case, action)
    reader = payload if isinstance(payload, Reader) else action_payload(payload)
    s = Step(user=user, case=case, policy=policy, now=now or utcnow(), payload=reader)
    outcome = STEPS[action](s)
    if target == PREVIOUS:
        target = case.state_before_defer or "investigating"
        case.state_before_defer = None
    elif target == BY_SATISFACTION:
        target = outcome
    case.state = target
    refresh_deadlines(case, policy)
    return target


def refresh_deadlines(case: Case, policy: Policy) -> None:
    """Recompute the deadlines that depend on what has happened (determine_by, revisit_by)."""
    if case.kind == "complaint":
        start = case.round_started_at or case.received_at
        contacts = list(ContactAttempt.select(ContactAttempt.reached).where(_round_filter(ContactAttempt, case)))
        unreached = bool(contacts) and not any(c.reached for c in contacts)
        limit = policy.limits["determine_unreached" if unreached else "determine"]
        case.determine_by = deadlines.apply_limit(start, limit, policy)
    case.revisit_by = deadlines.revisit_deadline(case.replied_at, policy) if case.replied_at else None
