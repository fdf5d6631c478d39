"""An audited correction of an open case's intake fields: before and after in the history, nothing half-written."""
from __future__ import annotations

from datetime import datetime

import pytest

from app.errors import InvalidInput, NotAllowed, RuleViolation
from app.reports import printouts
from app.services import cases, reports
from models import History
from tests.core.test_my_work import complaint
from tests.core.test_workflow import act

NOW = datetime.fromisoformat("2026-11-20T10:00:00+08:00")


@pytest.fixture
def number(desk):
    return cases.register_case(desk.rec, complaint(), now=NOW)["number"]


def test_a_mistyped_mobile_is_corrected_with_before_and_after_in_the_history(desk, number):
    printouts.print_document(desk.rec, number, "slip", now=NOW)
    assert reports.paper_status(desk.rec, number)["reprint_due"] is False
    view = cases.correct_intake(desk.rec, number, {"complainant.mobile": "13900139000", "plate_no": "京A54321"},
                                now=datetime.fromisoformat("2026-11-20T10:30:00+08:00"))
    assert view["complainant"]["mobile"] == "13900139000" and view["plate_no"] == "京A54321"
    row = History.select().where(History.action == "correct").get()
    assert row.before == {"complainant.mobile": "13800138000", "plate_no": "京A12345"}
    assert row.after == {"complainant.mobile": "13900139000", "plate_no": "京A54321"}
    assert row.actor == "rec"
    assert reports.paper_status(desk.rec, number)["reprint_due"] is True  # the signed slip says the old number
    printouts.print_document(desk.rec, number, "slip", now=datetime.fromisoformat("2026-11-20T11:00:00+08:00"))
    assert reports.paper_status(desk.rec, number)["reprint_due"] is False


def test_a_bad_correction_names_its_field_and_changes_nothing(desk, number):
    with pytest.raises(InvalidInput) as refused:
        cases.correct_intake(desk.rec, number, {"plate_no": "京A54321", "complainant.mobile": "1390013"})
    assert refused.value.field == "complainant.mobile"
    assert cases.show_case(desk.rec, number)["plate_no"] == "京A12345"
    with pytest.raises(InvalidInput) as refused:
        cases.correct_intake(desk.rec, number, {"received_at": "2026-11-19T09:00:00+08:00"})
    assert refused.value.field == "received_at"
    assert not History.select().where(History.action == "correct").exists()


def test_who_may_correct_and_when(desk, number):
    with pytest.raises(NotAllowed):
        cases.correct_intake(desk.h2, number, {"summary": "改"})  # a handler who does not handle it
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-11-20T09:40:00")
    assert cases.correct_intake(desk.h1, number, {"summary": "理赔款到账慢（更正）"})["summary"] == "理赔款到账慢（更正）"
    act(desk.sup, number, "void", {"reason": "重复登记"}, now="2026-11-20T12:00:00")
    with pytest.raises(RuleViolation) as refused:
        cases.correct_intake(desk.sup, number, {"summary": "再改"})
    assert "已作废" in str(refused.value) or "voided" in str(refused.value)


def test_open_cases_alike_by_mobile_or_plate_and_only_open_ones(desk, number):
    alike = cases.open_cases_alike(desk.rec, mobile="13800138000")
    assert [(c["number"], c["same"]) for c in alike] == [(number, ["mobile"])]
    assert [c["same"] for c in cases.open_cases_alike(desk.rec, plate="京a12345")] == [["plate"]]
    assert cases.open_cases_alike(desk.rec, mobile="1380013") == []  # an unfinished number is not looked up
    act(desk.sup, number, "void", {"reason": "重复登记"}, now="2026-11-20T12:00:00")
    assert cases.open_cases_alike(desk.rec, mobile="13800138000") == []
