"""Who may do what (docs/rules.md R12), recusal (R9), misconduct reports (R2) and masking of personal data (R13), walked
through the services for every role and relation to the case. The expected sets are written out from docs/rules.md,
not taken from the workflow table."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

import models
from app.errors import NotAllowed, NotFound
from app.services import cases, notices, queries
from tests.conftest import sample_case

CST = ZoneInfo("Asia/Shanghai")
EVERYONE = ("admin", "sup", "sup2", "rec", "h1", "h2", "claims", "hejun", "gm")
MANAGERS = {"admin", "sup", "sup2"}


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def actor(desk, name):
    return {"claims": desk.dept, "hejun": desk.accused}.get(name) or getattr(desk, name)


def act(desk, who, number, action, payload=None, now="2026-11-20T10:00:00"):
    return cases.do_action(actor(desk, who), number, action, payload or {}, now=local(now))


def allowed(desk, number, action, payload, now, *, notice=False) -> set[str]:
    """Try ``action`` as everyone, each attempt rolled back; the set of users the core let through."""
    db = models.database.obj
    out = set()
    for who in EVERYONE:
        with db.atomic() as attempt:
            try:
                if notice:
                    notices.notice_action(actor(desk, who), number, action, payload)
                else:
                    act(desk, who, number, action, payload, now)
                out.add(who)
            except (NotAllowed, NotFound):
                pass
            attempt.rollback()
    return out


# --- states to act on -------------------------------------------------------------------------------------------


def registered(desk, **changes) -> str:
    return cases.register_case(desk.rec, sample_case(**changes))["number"]


def investigating(desk, handler="h1", **changes) -> str:
    number = registered(desk, **changes)
    act(desk, "sup" if handler != "gm" else "admin", number, "assign", {"handler": handler}, now="2026-11-20T09:40:00")
    return number


def ready(desk, handler="h1", **changes) -> str:
    number = investigating(desk, handler, **changes)
    act(desk, handler, number, "contact", {"at": "2026-11-20T10:00:00+08:00", "method": "phone", "reached": True},
        now="2026-11-20T10:00:00")
    act(desk, handler, number, "investigate", {"note": "调阅记录"}, now="2026-11-20T11:00:00")
    act(desk, handler, number, "conclude", {"cause": "单证流转延误", "facts": "true"}, now="2026-11-20T15:00:00")
    act(desk, handler, number, "reply", {"channel": "phone", "result": "已告知客户"}, now="2026-11-20T16:00:00")
    return number


def pending(desk, handler="h1", **changes) -> str:
    number = ready(desk, handler, **changes)
    act(desk, handler, number, "submit", now="2026-11-20T16:10:00")
    return number


def approved(desk, handler="h1", approver="sup2", **changes) -> str:
    number = pending(desk, handler, **changes)
    act(desk, approver, number, "approve", now="2026-11-20T17:00:00")
    return number


def revisited(desk, handler="h1", **changes) -> str:
    number = approved(desk, handler, **changes)
    act(desk, "rec" if changes.get("kind") != "report" else "admin", number, "revisit",
        {"method": "phone", "satisfaction": "satisfied"}, now="2026-11-21T10:00:00")
    return number


def closed(desk) -> str:
    number = revisited(desk)
    act(desk, "sup", number, "close", now="2026-11-21T11:00:00")
    return number


def deferred(desk) -> str:
    number = investigating(desk)
    act(desk, "h1", number, "defer", {"reason": "等待配件", "follow_up": "2026-12-01"}, now="2026-11-20T11:00:00")
    return number


NOTICE = {"department": "理赔部", "problem": "理赔流转慢", "corrective": "加急", "preventive": "建立时限"}

# (action, state, payload, when, who may: R12)
MATRIX = [
    ("assign", registered, {"handler": "h2"}, "2026-11-20T09:40:00", MANAGERS),
    ("assign", investigating, {"handler": "h2"}, "2026-11-20T10:00:00", MANAGERS),  # a transfer
    ("contact", investigating, {"at": "2026-11-20T10:00:00+08:00", "method": "phone", "reached": False},
     "2026-11-20T10:00:00", {"h1"}),
    ("investigate", investigating, {"note": "查"}, "2026-11-20T10:00:00", {"h1"}),
    ("conclude", investigating, {"cause": "c", "facts": "false"}, "2026-11-20T10:00:00", {"h1"}),
    ("reply", investigating, {"channel": "phone", "result": "r"}, "2026-11-20T10:00:00", {"h1"}),
    ("defer", investigating, {"reason": "等", "follow_up": "2026-12-01"}, "2026-11-20T10:00:00", {"h1"}),
    ("submit", ready, {}, "2026-11-20T16:10:00", {"h1"}),
    ("resume", deferred, {}, "2026-11-20T12:00:00", {"h1"}),
    ("approve", pending, {"opinion": "同意"}, "2026-11-20T17:00:00", MANAGERS),
    ("return", pending, {"reason": "补充"}, "2026-11-20T17:00:00", MANAGERS),
    ("revisit", approved, {"method": "phone", "satisfaction": "satisfied"}, "2026-11-21T10:00:00",
     {"rec", "sup", "sup2"}),
    ("close", revisited, {}, "2026-11-21T11:00:00", MANAGERS),
    ("close_abnormal", investigating, {"reason": "诉求超出政策"}, "2026-11-20T10:00:00", MANAGERS),
    ("void", investigating, {"reason": "重复登记"}, "2026-11-20T10:00:00", MANAGERS),
    ("notice", investigating, NOTICE, "2026-11-20T10:00:00", MANAGERS),
    ("reopen", closed, {"reason": "更正"}, "2026-11-22T10:00:00", MANAGERS),
]


@pytest.mark.parametrize("action,state,payload,when,expected", MATRIX,
                         ids=[f"{m[0]}-{m[1].__name__}" for m in MATRIX])
def test_who_may_act_on_a_complaint(desk, action, state, payload, when, expected):
    number = state(desk)
    assert allowed(desk, number, action, payload, when) == expected


# a supervisor may handle a case too; another supervisor or an admin then approves, and the revisit is not theirs
SUPERVISOR_HANDLING = [
    ("investigate", investigating, {"note": "查"}, "2026-11-20T10:00:00", {"sup"}),
    ("approve", pending, {}, "2026-11-20T17:00:00", {"admin", "sup2"}),
    ("return", pending, {"reason": "补充"}, "2026-11-20T17:00:00", {"admin", "sup2"}),
    ("revisit", approved, {"method": "phone", "satisfaction": "satisfied"}, "2026-11-21T10:00:00", {"rec", "sup2"}),
]


@pytest.mark.parametrize("action,state,payload,when,expected", SUPERVISOR_HANDLING,
                         ids=[m[0] for m in SUPERVISOR_HANDLING])
def test_a_supervisor_who_handled_does_not_approve_or_revisit(desk, action, state, payload, when, expected):
    number = state(desk, handler="sup") if state is not approved else approved(desk, handler="sup",
                                                                                 approver="sup2")
    assert allowed(desk, number, action, payload, when) == expected


def test_notice_feedback_and_verification(desk):
    number = investigating(desk)
    notice = act(desk, "sup", number, "notice", NOTICE)["notices"][0]["number"]
    # feedback: a user of the receiving department (理赔部), or admin; the accused 何俊 is of 理赔部 but recused
    assert allowed(desk, notice, "feedback", {"actions": "已整改"}, None, notice=True) == {"claims", "admin"}
    notices.notice_action(desk.dept, notice, "feedback", {"actions": "已整改"})
    assert allowed(desk, notice, "verify", {"passed": True}, None, notice=True) == MANAGERS


def test_who_may_register(desk):
    db = models.database.obj
    ok = set()
    for who in EVERYONE:
        with db.atomic() as attempt:
            try:
                cases.register_case(actor(desk, who), sample_case(accused_person="", accused_department=""))
                ok.add(who)
            except NotAllowed:
                pass
            attempt.rollback()
    assert ok == {"admin", "sup", "sup2", "rec", "h1", "h2", "claims", "hejun"}
    # the person complained about may not register the complaint against himself (he would see it)
    with pytest.raises(NotAllowed):
        cases.register_case(desk.accused, sample_case())


# --- R9 recusal and R2 reports: who sees the case at all ---------------------------------------------------------


def sees(desk, number) -> set[str]:
    out = set()
    for who in EVERYONE:
        try:
            cases.show_case(actor(desk, who), number)
            out.add(who)
        except NotFound:
            pass
    return out


def in_ledger(desk, number) -> set[str]:
    case_id = models.Case.get(number=number).id
    out = set()
    for who in EVERYONE:
        a = actor(desk, who)
        ids = queries.ledger_ids(a, {}, limit=1000)
        rows = queries.ledger_rows(a, [case_id])
        assert (case_id in ids) == (case_id in rows) == (queries.find_number(a, number) == number)
        if case_id in ids:
            out.add(who)
    return out


def test_the_accused_never_sees_the_case(desk):
    number = investigating(desk)
    everyone_but = set(EVERYONE) - {"hejun"}
    assert sees(desk, number) == everyone_but
    assert in_ledger(desk, number) == everyone_but
    with pytest.raises(NotFound):
        cases.allowed_actions(desk.accused, number)
    # nor can he be made its handler
    with pytest.raises(NotAllowed):
        act(desk, "sup", number, "assign", {"handler": "hejun"})


def test_a_misconduct_report_is_seen_by_the_general_manager_and_admin_only(desk):
    number = registered(desk, kind="report", accused_person="", accused_department="")
    assert sees(desk, number) == {"gm", "admin"}
    assert in_ledger(desk, number) == {"gm", "admin"}
    assert all(number not in [i["number"] for i in queries.my_work(actor(desk, w))] for w in EVERYONE
               if w not in ("gm", "admin"))
    # routed to the general manager, who assigns and handles it; admin approves; not counted as a complaint
    assert allowed(desk, number, "assign", {"handler": "gm"}, "2026-11-20T09:40:00") == {"gm", "admin"}
    act(desk, "gm", number, "assign", {"handler": "gm"}, now="2026-11-20T09:40:00")
    assert allowed(desk, number, "investigate", {"note": "核查"}, "2026-11-20T10:00:00") == {"gm"}
    for action, payload, when in (("contact", {"at": "2026-11-20T10:00:00+08:00", "method": "phone", "reached": True},
                                   "2026-11-20T10:00:00"),
                                  ("investigate", {"note": "核查"}, "2026-11-20T11:00:00"),
                                  ("conclude", {"cause": "c", "facts": "true"}, "2026-11-20T12:00:00"),
                                  ("reply", {"channel": "phone", "result": "r"}, "2026-11-20T14:00:00"),
                                  ("submit", {}, "2026-11-20T15:00:00")):
        act(desk, "gm", number, action, payload, now=when)
    assert allowed(desk, number, "approve", {}, "2026-11-20T16:00:00") == {"admin"}


# --- R13 masking ------------------------------------------------------------------------------------------------


FULL = {"name": "陈志远", "mobile": "13912345678"}
MASKED = {"name": "陈**", "mobile": "139****5678"}


def person_in_view(desk, who, number) -> dict:
    view = cases.show_case(actor(desk, who), number)
    return {"name": view["complainant"]["name"], "mobile": view["complainant"]["mobile"]}


def person_in_ledger(desk, who, number) -> dict:
    case_id = models.Case.get(number=number).id
    row = queries.ledger_rows(actor(desk, who), [case_id])[case_id]
    return {"name": row["complainant"], "mobile": row["mobile"]}


def person_in_register(desk, who, number) -> dict:
    """The register ledger 登记台帐 (Excel and PDF)."""
    from app.reports import ledgers

    rows = ledgers.register_rows(models.User.get_by_id(actor(desk, who).id))
    row = next(r for r in rows if r["number"] == number)
    return {"name": row["complainant"], "mobile": row["mobile"]}


READERS = [person_in_view, person_in_ledger, person_in_register]
READER_IDS = ["case_view", "ledger_rows", "register_ledger"]


@pytest.mark.parametrize("reader", READERS, ids=READER_IDS)
def test_personal_data_is_masked_for_those_who_do_not_handle_the_case(desk, reader):
    number = investigating(desk)
    seen = {who: reader(desk, who, number) for who in EVERYONE if who != "hejun"}
    full = {who for who, person in seen.items() if person == FULL}
    masked = {who for who, person in seen.items() if person == MASKED}
    # the handler, the receptionist who took it, supervisors and admin handle it; the rest see it masked
    assert full == {"h1", "rec", "sup", "sup2", "admin"}
    assert masked == {"h2", "claims", "gm"}
    view = cases.show_case(desk.h2, number)
    assert "学院路37号院" not in str(view["complainant"]) and view["contact_name"] == "陈**"
    # after a transfer the former handler sees it masked, the new one in full
    act(desk, "sup", number, "assign", {"handler": "h2"})
    assert reader(desk, "h1", number) == MASKED and reader(desk, "h2", number) == FULL


@pytest.mark.parametrize("reader", READERS, ids=READER_IDS)
def test_a_report_is_in_full_for_the_general_manager(desk, reader):
    number = registered(desk, kind="report", accused_person="", accused_department="")
    assert reader(desk, "gm", number) == FULL and reader(desk, "admin", number) == FULL
