"""Recusal in the windows (docs/rules.md R2, R9): a misconduct report that accuses the general manager never
reaches them, in the register or by its number, while an administrator who is not accused can open it."""
from __future__ import annotations

from app.services import cases
from ui import sample_data


def test_the_accused_general_manager_cannot_open_or_find_the_report_about_them(desk, qtbot):
    report = cases.register_case(desk.actors["wangfang"], sample_data.case_document(desk.now,
        kind="report", accused_person="郑国强", accused_department="总经理室",
        content="举报总经理在车辆定损中收受修理厂好处费。", summary="举报总经理"))
    assert report["routed_to"] == "headquarters"

    gm = desk.main_window("gm")
    assert gm.open_case(report["number"]) is None
    assert desk.prompts.errors and f"No case numbered {report['number']}" in desk.prompts.errors[-1][1]
    register = gm.go_to("register")
    register.search.setText(report["number"])
    register.search_entered()
    assert register.model.rowCount() == 0

    admin = desk.main_window("admin")
    window = admin.open_case(report["number"])
    assert window is not None and window.case["kind"] == "report"
