"""The life of a case through the services (docs/rules.md R4-R13), each rule at its edges."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.errors import InvalidInput, NotAllowed, NotFound, RuleViolation
from app.services import cases, notices, queries
from tests.conftest import sample_case

CST = ZoneInfo("Asia/Shanghai")


def at(text: str) -> str:
    return text + "+08:00"


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


@pytest.fixture
def case(desk):
    """A general complaint received Friday 2026-11-20 09:30 (reply by Wednesday 25th)."""
    return cases.register_case(desk.rec, sample_case())["number"]


def act(actor, number, action, payload=None, now=None):
    return cases.do_action(actor, number, action, payload or {}, now=local(now) if now else None)


def handled_to_submit(desk, number, *, facts="true"):
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-11-20T09:40:00")
    act(desk.h1, number, "contact", {"at": at("2026-11-20T10:00:00"), "method": "phone", "reached": True,
                                     "note": "已联系客户"}, now="2026-11-20T10:00:00")
    act(desk.h1, number, "investigate", {"at": at("2026-11-20T11:00:00"), "note": "调阅理赔系统记录"},
        now="2026-11-20T11:00:00")
    act(desk.h1, number, "conclude", {"cause": "单证流转延误", "facts": facts, "opinion": "加急支付",
                                      "result": "赔款已到账"}, now="2026-11-20T15:00:00")
    act(desk.h1, number, "reply", {"at": at("2026-11-20T16:00:00"), "channel": "phone", "result": "已告知客户"},
        now="2026-11-20T16:00:00")


def dump(path) -> list:
    """Every row of every table, for 'nothing changed' checks."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table' order by name")]
        return [(t, conn.execute(f'select * from "{t}" order by 1').fetchall()) for t in tables]
    finally:
        conn.close()


# --- the whole life --------------------------------------------------------------------------------------------


def test_whole_life_from_intake_to_closed(desk, case):
    handled_to_submit(desk, case)
    view = act(desk.h1, case, "submit", now="2026-11-20T16:10:00")
    assert view["state"] == "pending_approval"
    view = act(desk.sup, case, "approve", {"opinion": "同意"}, now="2026-11-20T17:00:00")
    assert view["state"] == "approved"
    assert view["deadlines"]["revisit_by"] == "2026-11-23T23:59:59+08:00"
    view = act(desk.rec, case, "revisit", {"at": at("2026-11-21T10:00:00"), "method": "phone",
                                           "satisfaction": "satisfied", "comment": "满意"}, now="2026-11-21T10:00:00")
    assert view["state"] == "approved"
    view = act(desk.sup, case, "close", now="2026-11-21T11:00:00")
    assert view["state"] == "closed"
    assert view["established"] is True
    actions = [h["action"] for h in view["history"]]
    assert actions == ["register", "assign", "contact", "investigate", "conclude", "reply", "submit", "approve",
                       "revisit", "close"]
    # every history row says who and what changed
    assert view["history"][1]["by"] == "sup" and view["history"][1]["after"]["handler"] == "h1"
    assert view["allowed_actions"] == [] or set(view["allowed_actions"]) <= {"reopen"}


def test_closed_case_is_read_only_and_reopen_starts_a_round(desk, case):
    handled_to_submit(desk, case)
    act(desk.h1, case, "submit")
    act(desk.sup, case, "approve", {"opinion": "同意"})
    act(desk.rec, case, "revisit", {"method": "phone", "satisfaction": "basic"})
    act(desk.sup, case, "close")
    with pytest.raises(RuleViolation):
        act(desk.h1, case, "investigate", {"note": "补充"})
    view = act(desk.sup, case, "reopen", {"reason": "客户提供新证据"})
    assert view["state"] == "investigating" and view["round"] == 2
    assert view["closed_at"] is None and view["established"] is None
    assert len(view["conclusions"]) == 1 and view["conclusions"][0]["round"] == 1  # round 1 kept


# --- R5, R6 ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("skip", ["investigate", "reply", "conclude"])
def test_submit_needs_the_whole_handling_record(desk, case, skip):
    act(desk.sup, case, "assign", {"handler": "h1"})
    if skip != "investigate":
        act(desk.h1, case, "investigate", {"note": "调查"})
    if skip != "conclude":
        act(desk.h1, case, "conclude", {"cause": "原因", "facts": "true", "opinion": "o", "result": "r"})
    if skip != "reply":
        act(desk.h1, case, "reply", {"channel": "phone", "result": "已回复"})
    with pytest.raises(RuleViolation) as refused:
        act(desk.h1, case, "submit")
    expected = {"investigate": "investigation", "reply": "reply", "conclude": "conclusion"}[skip]
    from app import i18n

    i18n.set_language("en")
    assert expected in refused.value.localized()
    assert cases.show_case(desk.h1, case)["state"] == "investigating"


@pytest.mark.parametrize("facts, established", [("true", True), ("unverifiable", True), ("false", False)])
def test_established_follows_the_facts(desk, case, facts, established):
    act(desk.sup, case, "assign", {"handler": "h1"})
    view = act(desk.h1, case, "conclude", {"cause": "c", "facts": facts, "opinion": "", "result": ""})
    assert view["established"] is established


def test_conclude_refuses_unknown_facts(desk, case):
    act(desk.sup, case, "assign", {"handler": "h1"})
    with pytest.raises(InvalidInput) as refused:
        act(desk.h1, case, "conclude", {"cause": "c", "facts": "maybe"})
    assert refused.value.field == "facts"


# --- R7 ------------------------------------------------------------------------------------------------------------


def test_return_sends_back_to_the_handler_with_a_reason(desk, case):
    handled_to_submit(desk, case)
    act(desk.h1, case, "submit")
    with pytest.raises(InvalidInput):
        act(desk.sup, case, "return", {"reason": "  "})
    view = act(desk.sup, case, "return", {"reason": "调查不充分"})
    assert view["state"] == "investigating"
    assert view["approvals"][-1]["decision"] == "return" and view["approvals"][-1]["text"] == "调查不充分"


def test_nobody_approves_their_own_handling(desk, case):
    act(desk.sup, case, "assign", {"handler": "sup"})  # a supervisor may handle a case too
    act(desk.sup, case, "investigate", {"note": "亲自调查"})
    act(desk.sup, case, "conclude", {"cause": "c", "facts": "true", "opinion": "o", "result": "r"})
    act(desk.sup, case, "reply", {"channel": "phone", "result": "r"})
    act(desk.sup, case, "submit")
    with pytest.raises(NotAllowed):
        act(desk.sup, case, "approve", {"opinion": "自己批"})
    assert act(desk.sup2, case, "approve", {"opinion": "同意"})["state"] == "approved"


def test_handler_and_reception_cannot_approve(desk, case):
    handled_to_submit(desk, case)
    act(desk.h1, case, "submit")
    for who in (desk.h1, desk.h2, desk.rec):
        with pytest.raises(NotAllowed):
            act(who, case, "approve", {"opinion": "x"})


# --- R8 ------------------------------------------------------------------------------------------------------------


def test_transfers_are_counted_and_past_three_must_be_escalated(desk, case):
    view = act(desk.sup, case, "assign", {"handler": "h1"})
    assert view["transfers"] == 0  # the first assignment is not a transfer
    for n, handler in enumerate(("h2", "h1", "h2"), start=1):
        view = act(desk.sup, case, "assign", {"handler": handler})
        assert view["transfers"] == n
    with pytest.raises(RuleViolation):
        act(desk.sup, case, "assign", {"handler": "h1"})
    assert cases.show_case(desk.sup, case)["transfers"] == 3
    act(desk.h2, case, "escalate", {})
    view = act(desk.sup, case, "assign", {"handler": "sup"})
    assert view["transfers"] == 4 and view["handler"] == "sup"
    assert len(view["transfer_log"]) == 5


def test_only_managers_assign(desk, case):
    for who in (desk.rec, desk.h1):
        with pytest.raises(NotAllowed):
            act(who, case, "assign", {"handler": "h1"})
    with pytest.raises(InvalidInput) as refused:
        act(desk.sup, case, "assign", {"handler": "nobody"})
    assert refused.value.field == "handler"
    with pytest.raises(InvalidInput):
        act(desk.sup, case, "assign", {"handler": "rec"})  # reception does not handle cases


# --- R9 ------------------------------------------------------------------------------------------------------------


def test_the_accused_can_neither_handle_approve_nor_see(desk, case):
    # the example complains about 何俊 of 理赔部: desk.accused is that person
    with pytest.raises(NotAllowed):
        act(desk.sup, case, "assign", {"handler": "hejun"})
    with pytest.raises(NotFound):
        cases.show_case(desk.accused, case)
    assert case not in {r["number"] for r in queries.ledger_rows(desk.accused,
                                                                  queries.ledger_ids(desk.accused)).values()}
    # a colleague with another name in the same department sees it
    assert cases.show_case(desk.dept, case)["number"] == case


# --- R2: misconduct reports -----------------------------------------------------------------------------------------


def test_misconduct_report_is_seen_only_by_general_manager_and_admin(desk):
    report = sample_case(kind="report", **{"accused_department": "查勘部", "accused_person": "赵某"})
    number = cases.register_case(desk.rec, report)["number"]
    for who in (desk.rec, desk.h1, desk.sup):
        with pytest.raises(NotFound):
            cases.show_case(who, number)
        assert queries.ledger_count(who, {"kind": "report"}) == 0
    assert cases.show_case(desk.gm, number)["routed_to"] == "general_manager"
    assert cases.show_case(desk.admin, number)["kind"] == "report"
    with pytest.raises(NotFound):
        act(desk.sup, number, "assign", {"handler": "gm"})
    assert act(desk.gm, number, "assign", {"handler": "gm"})["handler"] == "gm"


# --- R4: contact rules -----------------------------------------------------------------------------------------------


@pytest.fixture
def assigned(desk, case):
    act(desk.sup, case, "assign", {"handler": "h1"}, now="2026-11-20T09:30:00")
    return case


@pytest.mark.parametrize("moment, allowed", [
    ("2026-11-21T08:29:00", False), ("2026-11-21T08:30:00", True), ("2026-11-20T11:59:00", True),
    ("2026-11-20T12:00:00", False), ("2026-11-20T13:29:00", False), ("2026-11-20T13:30:00", True),
    ("2026-11-20T21:59:00", True), ("2026-11-20T22:00:00", False),
])
def test_quiet_hours(desk, assigned, moment, allowed):
    payload = {"at": at(moment), "method": "phone", "reached": False, "note": "无人接听"}
    if allowed:
        act(desk.h1, assigned, "contact", payload, now="2026-11-21T23:00:00")
    else:
        with pytest.raises(RuleViolation) as refused:
            act(desk.h1, assigned, "contact", payload, now="2026-11-21T23:00:00")
        assert refused.value.field == "at"
        view = act(desk.h1, assigned, "contact", {**payload, "override_reason": "客户来电要求立即回电"},
                   now="2026-11-21T23:00:00")
        assert view["contacts"][-1]["override_reason"] == "客户来电要求立即回电"


def test_attempts_two_hours_apart_and_next_allowed_time(desk, assigned):
    act(desk.h1, assigned, "contact", {"at": at("2026-11-20T10:00:00"), "method": "phone", "reached": False},
        now="2026-11-20T10:00:00")
    with pytest.raises(RuleViolation):
        act(desk.h1, assigned, "contact", {"at": at("2026-11-20T11:59:00"), "method": "phone", "reached": False},
            now="2026-11-20T11:59:00")
    # 12:00 is two hours later but lunch time: the next allowed contact is 13:30
    view = cases.do_action(desk.h1, assigned, "investigate", {"note": "n"}, now=local("2026-11-20T11:00:00"))
    assert view["contacts"][0]["reached"] is False
    from app.rules.contact import next_allowed_contact

    nxt = next_allowed_contact(local("2026-11-20T11:00:00"), zone=CST, window=None,
                               last_attempt=local("2026-11-20T10:00:00"))
    assert nxt == local("2026-11-20T13:30:00")
    act(desk.h1, assigned, "contact", {"at": at("2026-11-20T13:30:00"), "method": "phone", "reached": True},
        now="2026-11-20T13:30:00")


def test_customer_window_replaces_office_hours(desk):
    number = cases.register_case(desk.rec, sample_case(contact_window={"from": "22:00", "to": "23:00"}))["number"]
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-11-20T09:30:00")
    with pytest.raises(RuleViolation):  # office hours, but not when the customer asked to be called
        act(desk.h1, number, "contact", {"at": at("2026-11-20T10:00:00"), "method": "phone", "reached": False},
            now="2026-11-20T23:30:00")
    view = act(desk.h1, number, "contact", {"at": at("2026-11-20T22:15:00"), "method": "phone", "reached": True},
               now="2026-11-20T23:30:00")
    assert view["contacts"][-1]["override_reason"] == ""


def test_unreached_customer_extends_determination_and_asks_for_a_daily_attempt(desk, assigned):
    view = act(desk.h1, assigned, "contact", {"at": at("2026-11-20T10:00:00"), "method": "phone",
                                              "reached": False}, now="2026-11-20T10:00:00")
    assert view["deadlines"]["determine_by"] == "2026-11-22T09:30:00+08:00"  # 48 hours instead of 24
    from app.rules import policy as policy_module
    from app.services.cases import contact_due_today
    from models import Case

    c = Case.get(Case.number == assigned)
    policy = policy_module.load_policy()
    assert not contact_due_today(c, policy, local("2026-11-20T15:00:00"))  # already tried today
    assert not contact_due_today(c, policy, local("2026-11-21T10:00:00"))  # Saturday
    assert contact_due_today(c, policy, local("2026-11-23T09:00:00"))  # Monday: one attempt due
    assert not contact_due_today(c, policy, local("2026-11-26T09:00:00"))  # past reply_by


def test_contact_time_cannot_be_in_the_future_or_before_receipt(desk, assigned):
    with pytest.raises(InvalidInput):
        act(desk.h1, assigned, "contact", {"at": at("2026-11-19T10:00:00"), "method": "phone", "reached": False},
            now="2026-11-20T10:00:00")
    with pytest.raises(InvalidInput):  # two days after the moment it is recorded
        act(desk.h1, assigned, "contact", {"at": at("2026-11-22T10:00:00"), "method": "phone", "reached": False},
            now="2026-11-20T10:00:00")


# --- pending matters: the reply clock pauses and resumes --------------------------------------------------------------


def test_defer_pauses_the_reply_clock_and_resume_continues_it(desk, assigned):
    # reply_by is Wednesday 25th; paused on Monday 23rd with 2 working days left (Tue, Wed)
    view = act(desk.h1, assigned, "defer", {"reason": "配件未到", "follow_up": "2026-11-30"}, now="2026-11-23T10:00:00")
    assert view["state"] == "deferred" and view["paused"] is True
    assert view["deadline_status"]["reply_by"] == "paused"
    with pytest.raises(RuleViolation):
        act(desk.h1, assigned, "submit")
    view = act(desk.h1, assigned, "resume", now="2026-11-26T15:00:00")  # resumed Thursday
    assert view["state"] == "investigating" and view["paused"] is False
    assert view["deadlines"]["reply_by"] == "2026-11-30T23:59:59+08:00"  # Fri 27th, Mon 30th
    assert view["pending_matters"][0]["resumed_at"] == "2026-11-26T15:00:00+08:00"


# --- R10: revisit, closure ---------------------------------------------------------------------------------------------


def approved(desk, number):
    handled_to_submit(desk, number)
    act(desk.h1, number, "submit", now="2026-11-20T16:10:00")
    act(desk.sup, number, "approve", {"opinion": "同意"}, now="2026-11-20T17:00:00")


def test_dissatisfied_revisit_opens_a_new_round_with_new_deadlines(desk, case):
    approved(desk, case)
    view = act(desk.rec, case, "revisit", {"method": "phone", "satisfaction": "dissatisfied", "comment": "不满意"},
               now="2026-11-23T10:00:00")
    assert view["state"] == "investigating" and view["round"] == 2
    assert view["handler"] == "h1"
    assert view["deadlines"]["reply_by"] == "2026-11-26T23:59:59+08:00"  # 3 working days from Monday
    assert view["revisits"][0]["round"] == 1 and view["replies"][0]["round"] == 1
    with pytest.raises(RuleViolation):  # round 2 needs its own handling record
        act(desk.h1, case, "submit")
    # round 2 to closed
    act(desk.h1, case, "investigate", {"note": "再次调查"})
    act(desk.h1, case, "conclude", {"cause": "c2", "facts": "true", "opinion": "o", "result": "r"})
    act(desk.h1, case, "reply", {"channel": "letter", "result": "书面回复"})
    act(desk.h1, case, "submit")
    act(desk.sup, case, "approve", {"opinion": "同意"})
    act(desk.rec, case, "revisit", {"method": "phone", "satisfaction": "satisfied"})
    assert act(desk.sup, case, "close")["state"] == "closed"


def test_revisit_never_by_the_handler(desk, case):
    approved(desk, case)
    with pytest.raises(NotAllowed):
        act(desk.h1, case, "revisit", {"method": "phone", "satisfaction": "satisfied"})
    with pytest.raises(NotAllowed):
        act(desk.h2, case, "revisit", {"method": "phone", "satisfaction": "satisfied"})


def test_close_needs_a_satisfied_revisit(desk, case):
    approved(desk, case)
    with pytest.raises(RuleViolation):
        act(desk.sup, case, "close")


def test_abnormal_closure_needs_a_manager_and_a_reason(desk, case):
    act(desk.sup, case, "assign", {"handler": "h1"})
    with pytest.raises(NotAllowed):
        act(desk.h1, case, "close_abnormal", {"reason": "x"})
    with pytest.raises(InvalidInput):
        act(desk.sup, case, "close_abnormal", {})
    view = act(desk.sup, case, "close_abnormal", {"reason": "客户要求超出法律规定"})
    assert view["state"] == "closed_abnormal" and view["closure_reason"] == "客户要求超出法律规定"


def test_void_keeps_the_number_and_the_next_case_does_not_reuse_it(desk, case):
    view = act(desk.sup, case, "void", {"reason": "重复登记"})
    assert view["state"] == "voided" and view["void_reason"] == "重复登记"
    from models import VoidedNumber

    assert VoidedNumber.get(VoidedNumber.number == case).reason == "重复登记"
    nxt = cases.register_case(desk.rec, sample_case())["number"]
    assert nxt == "BJ01-2026-00002"


# --- rectification notices ------------------------------------------------------------------------------------------------


def test_notice_feedback_verification_and_follow_up(desk, case):
    approved(desk, case)
    view = act(desk.sup, case, "notice", {"department": "理赔部", "problem": "理赔单证流转慢",
                                          "corrective": "三日内清理积压", "preventive": "建立时限提醒"},
               now="2026-11-20T17:30:00")
    first = view["notices"][0]
    assert first["number"] == "BJ01-ZG-2026-0001"
    assert first["feedback_by"] == "2026-11-23T23:59:59+08:00"
    act(desk.rec, case, "revisit", {"method": "phone", "satisfaction": "satisfied"}, now="2026-11-21T10:00:00")
    with pytest.raises(RuleViolation):  # the notice is still open
        act(desk.sup, case, "close", now="2026-11-21T11:00:00")

    def notice(actor, number, action, payload, when):
        return notices.notice_action(actor, number, action, payload, now=local(when))

    with pytest.raises(NotAllowed):  # feedback comes from the receiving department
        notice(desk.h1, first["number"], "feedback", {"actions": "已整改"}, "2026-11-23T09:00:00")
    with pytest.raises(RuleViolation):  # nothing to verify yet
        notice(desk.sup, first["number"], "verify", {"passed": True}, "2026-11-23T09:00:00")
    notice(desk.dept, first["number"], "feedback", {"actions": "已清理积压单证"}, "2026-11-23T10:00:00")
    with pytest.raises(NotAllowed):
        notice(desk.dept, first["number"], "verify", {"passed": True}, "2026-11-23T11:00:00")
    failed = notice(desk.sup, first["number"], "verify", {"passed": False, "comment": "仍有积压"}, "2026-11-23T15:00:00")
    assert failed["state"] == "failed" and failed["follow_ups"] == ["BJ01-ZG-2026-0002"]
    follow = notices.show_notice(desk.sup, "BJ01-ZG-2026-0002")
    assert follow["follows"] == first["number"] and follow["state"] == "issued"
    assert follow["feedback_by"] == "2026-11-26T23:59:59+08:00"  # 3 days from the failed verification
    with pytest.raises(RuleViolation):
        act(desk.sup, case, "close", now="2026-11-23T16:00:00")
    notice(desk.dept, "BJ01-ZG-2026-0002", "feedback", {"actions": "全部清理完毕"}, "2026-11-24T10:00:00")
    notice(desk.sup, "BJ01-ZG-2026-0002", "verify", {"passed": True, "comment": "通过"}, "2026-11-24T15:00:00")
    assert act(desk.sup, case, "close", now="2026-11-24T16:00:00")["state"] == "closed"


def test_only_managers_issue_notices_and_the_department_must_exist(desk, case):
    act(desk.sup, case, "assign", {"handler": "h1"})
    payload = {"department": "理赔部", "problem": "p", "corrective": "c", "preventive": "v"}
    with pytest.raises(NotAllowed):
        act(desk.h1, case, "notice", payload)
    with pytest.raises(InvalidInput) as refused:
        act(desk.sup, case, "notice", {**payload, "department": "不存在部"})
    assert refused.value.field == "department"


# --- refusals change nothing ----------------------------------------------------------------------------------------------


def test_a_refused_action_leaves_the_database_exactly_as_it_was(desk, case):
    act(desk.sup, case, "assign", {"handler": "h1"})
    act(desk.h1, case, "investigate", {"note": "n"})
    before = dump(desk.db)
    refusals = [
        (desk.h1, "submit", {}),  # R5
        (desk.h2, "investigate", {"note": "not mine"}),  # R12
        (desk.h1, "approve", {"opinion": "x"}),  # R7
        (desk.sup, "close", {}),  # wrong state
        (desk.h1, "contact", {"at": at("2026-11-20T23:00:00"), "method": "phone", "reached": False}),  # R4
        (desk.h1, "conclude", {"cause": "c", "facts": "true", "unknown": 1}),  # unknown field
        (desk.sup, "notice", {"department": "理赔部"}),  # missing fields
        (desk.h1, "fly", {}),  # unknown action
    ]
    for who, action, payload in refusals:
        with pytest.raises((RuleViolation, NotAllowed, InvalidInput)):
            act(who, case, action, payload)
    assert dump(desk.db) == before


def test_history_is_chained_and_tampering_is_found(desk, case):
    from app.records import history
    from models import History

    handled_to_submit(desk, case)
    assert history.verify_chain()["ok"]
    row = History.select().where(History.action == "conclude").get()
    History.update(actor="someone_else").where(History.id == row.id).execute()
    result = history.verify_chain()
    assert not result["ok"] and result["first_broken"]["id"] == row.id


def test_personal_data_is_masked_for_users_who_do_not_handle_the_case(desk, case):
    assert cases.show_case(desk.h2, case)["complainant"]["mobile"] == "139****5678"
    act(desk.sup, case, "assign", {"handler": "h1"})
    assert cases.show_case(desk.h1, case)["complainant"]["mobile"] == "13912345678"
    assert cases.show_case(desk.h2, case)["complainant"]["name"] == "陈**"


def test_my_work_orders_by_urgency(desk, case):
    other = cases.register_case(desk.rec, sample_case(received_at="2026-11-21T10:00:00+08:00"))["number"]
    act(desk.sup, case, "assign", {"handler": "h1"})
    act(desk.sup, other, "assign", {"handler": "h1"})
    work = queries.my_work(desk.h1)
    assert [w["number"] for w in work if w["what"] == "handle"] == [case, other]
    handled_to_submit_rest = [w for w in queries.my_work(desk.sup) if w["what"] == "approve"]
    assert handled_to_submit_rest == []


def test_cbirc_extensions_need_a_manager_and_run_out(desk):
    from app.services import setup

    setup.import_policy(desk.admin, {"preset": "cbirc"})
    number = cases.register_case(desk.rec, sample_case())["number"]
    view = cases.show_case(desk.sup, number)
    # 15 days after 20 Nov is Saturday 5 Dec: the next working day (Civil Code art. 203)
    assert view["deadlines"]["reply_by"] == "2026-12-07T23:59:59+08:00"
    act(desk.sup, number, "assign", {"handler": "h1"})
    with pytest.raises(NotAllowed):
        act(desk.h1, number, "extend", {"reason": "案情复杂"})
    # 30 days: Sunday 20 Dec, so Monday 21
    assert act(desk.sup, number, "extend", {"reason": "案情复杂"})["deadlines"]["reply_by"] == "2026-12-21T23:59:59+08:00"
    assert act(desk.sup, number, "extend", {"reason": "需总部核实"})["deadlines"]["reply_by"] == "2027-01-19T23:59:59+08:00"
    with pytest.raises(RuleViolation):
        act(desk.sup, number, "extend", {"reason": "再延"})


def test_standard_preset_has_no_extension(desk, case):
    act(desk.sup, case, "assign", {"handler": "h1"})
    with pytest.raises(RuleViolation):
        act(desk.sup, case, "extend", {"reason": "x"})
