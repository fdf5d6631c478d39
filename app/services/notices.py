"""Rectification notices 整改通知书: feedback from the receiving department and verification.

A failed verification issues a follow-up notice linked to the first (再次下整改通知书), until one passes.
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from app import i18n
from app.records import history
from app.rules import access, policy as policy_module, workflow
from app.errors import InvalidInput, NotAllowed, NotFound, RuleViolation
from app.services.actors import Actor, current_user
from app.services.cases import notice_summary
from app.rules.validation import action_payload
from models import RectificationNotice, transaction
from models.db import is_sqlite
from models.entities import utcnow

i18n.register({
    "No notice numbered {number}.": "没有编号为 {number} 的整改通知书。",
    "Only a user of the receiving department ({department}) or an admin may report on this notice.":
        "只有被通知部门（{department}）的人员或管理员可以填写整改报告。",
    "'{action}' is not possible while the notice is {state}.": "整改通知书处于“{state}”状态，不能执行“{action}”。",
    "Case {case} is {state}: reopen it before changing its notices.": "案件 {case} 已处于“{state}”状态：须先重新打开案件，才能更改其整改通知书。",
    "unknown action '{action}' (use feedback or verify)": "未知的操作“{action}”（可用 feedback 或 verify）",
})

NOTICE_TRANSITIONS = {("issued", "feedback"): "reported", ("reported", "verify"): None}


def _notice_for(user, number: str, *, for_change: bool = False) -> RectificationNotice:
    """The notice ``number`` as ``user`` may see it. ``for_change``: locked until the transaction ends (PostgreSQL;
    SQLite's transaction holds the write lock), so that two reports on one notice come one after the other and the
    second is refused by the notice's new state instead of writing over the first."""
    query = RectificationNotice.select().where(RectificationNotice.number == (number or "").strip().upper())
    notice = (query.for_update() if for_change and not is_sqlite() else query).first()
    if notice is None or not access.can_see(user, notice.case):
        raise NotFound("No notice numbered {number}.", field="NUMBER", number=number)
    return notice


def show_notice(actor: Actor, number: str) -> dict:
    with transaction():
        user = current_user(actor)
        notice = _notice_for(user, number)
        return notice_view(notice)


def notice_view(notice: RectificationNotice) -> dict:
    zone = ZoneInfo(policy_module.load_policy().timezone)
    view = notice_summary(notice, zone)
    view.update({
        "case": notice.case.number, "issued_by": notice.issued_by.username,
        "feedback_person": notice.feedback_person,
        "verified_by": notice.verified_by.username if notice.verified_by_id else None,
        # people by their names in the windows and on paper; the user names stay for scripts
        "issued_by_name": notice.issued_by.display_name,
        "verified_by_name": notice.verified_by.display_name if notice.verified_by_id else None,
        "verified_at": notice.verified_at.astimezone(zone).isoformat(timespec="seconds") if notice.verified_at else None,
        "follow_ups": [n.number for n in notice.follow_ups.order_by(RectificationNotice.id)],
    })
    return view


def notice_action(actor: Actor, number: str, action: str, payload: dict | None, *,
                  now: datetime | None = None) -> dict:
    if action not in ("feedback", "verify"):
        raise InvalidInput("unknown action '{action}' (use feedback or verify)", field="ACTION", action=action)
    with transaction():
        user = current_user(actor)
        notice = _notice_for(user, number, for_change=True)
        if (notice.state, action) not in NOTICE_TRANSITIONS:
            raise RuleViolation("'{action}' is not possible while the notice is {state}.", action=action,
                                state=notice.state)
        if access.is_accused(user, notice.case):
            raise NotAllowed("The person complained about may not handle, approve or see this case.")
        if notice.case.state in workflow.CLOSED_STATES:
            # R10: a closed case is read-only, its notices included; a correction is a reopen
            raise RuleViolation("Case {case} is {state}: reopen it before changing its notices.",
                                case=notice.case.number, state=notice.case.state)
        policy = policy_module.load_policy()
        now = now or utcnow()
        reader = action_payload(payload)
        before = {"state": notice.state}
        if action == "feedback":
            department = user.department.name if user.department_id else None
            if user.role != "admin" and department != notice.department:
                raise NotAllowed("Only a user of the receiving department ({department}) or an admin may report on "
                                 "this notice.", department=notice.department)
            reader.refuse_unknown(("actions", "at", "person"))
            notice.feedback_actions = reader.text("actions", required=True, nonempty=True, limit=5000)
            at = reader.instant("at", required=False, zone=policy.timezone, not_future=True, now=now) or now
            if at < notice.issued_at:
                raise InvalidInput("must not be before the notice was issued", field="at")
            notice.feedback_at = at
            notice.feedback_person = reader.text("person", limit=60) or user.display_name
            notice.feedback_user = user
            notice.state = "reported"
        else:
            if user.role not in access.manager_roles(notice.case):
                raise NotAllowed("Only a supervisor or admin may do this.")
            reader.refuse_unknown(("passed", "comment"))
            passed = reader.boolean("passed", required=True)
            notice.verification_passed = passed
            notice.verification_comment = reader.text("comment", limit=2000)
            notice.verified_by = user
            notice.verified_at = now
            notice.state = "verified" if passed else "failed"
        notice.save()
        follow_up = None
        if action == "verify" and not notice.verification_passed:
            follow_up = workflow.issue_notice(
                notice.case, user, policy, now, department=notice.department, problem=notice.problem,
                corrective=notice.corrective, preventive=notice.preventive, feedback_by=None, follows=notice)
        history.record(actor.username, "notice", notice.uuid, notice.number, action, round=notice.case.round,
                       before=before, after={"state": notice.state, "input": reader.values,
                                             "follow_up": follow_up.number if follow_up else None})
        history.record(actor.username, "case", notice.case.uuid, notice.case.number, f"notice_{action}",
                       round=notice.case.round, after={"notice": notice.number, "state": notice.state,
                                                       "follow_up": follow_up.number if follow_up else None})
        return notice_view(notice)
