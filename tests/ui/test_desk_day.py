"""A day at the desk: what a receptionist and a supervisor meet, through the real windows."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from tests.ui.helpers import run_action
from ui import sample_data


def _assigned_case(desk, qtbot, **changes) -> str:
    slip = desk.main_window("wangfang").new_slip(draft=sample_data.case_document(**changes))
    slip.register()
    run_action(qtbot, desk.main_window("chenjing").open_case(slip.number), "assign", handler="liuyang")
    return slip.number


def test_a_supervisor_extends_the_reply_deadline_of_a_complex_case_through_its_form(desk, qtbot):
    from app.services import setup

    setup.import_policy(desk.actors["admin"], {"preset": "cbirc"})
    number = _assigned_case(desk, qtbot)
    case = desk.main_window("chenjing").open_case(number)
    button = case.action_buttons["extend"]
    assert button.text() == "Extend reply deadline"
    before = case.case["deadlines"]["reply_by"]

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = case.dialog
    assert dialog is not None and dialog.isVisible()
    assert "reason" in dialog.inputs
    assert not case.banner.text()  # nothing refused before the supervisor typed a word
    dialog.set_value("reason", "涉及多个部门核实，案情复杂")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    after = case.case["deadlines"]["reply_by"]
    assert datetime.fromisoformat(after) > datetime.fromisoformat(before)
    assert case.case["approvals"][-1]["text"] == "涉及多个部门核实，案情复杂"
    assert "Reply deadline extended" in _table_texts(case)


def _table_texts(window) -> set[str]:
    from PySide6.QtWidgets import QTableWidget

    return {table.item(r, c).text() for table in window.findChildren(QTableWidget)
            for r in range(table.rowCount()) for c in range(table.columnCount()) if table.item(r, c)}
