"""Reply templates in the windows: the administrator edits them in Settings; each action form offers them,
filled for the case, from the list and by key + F3."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services import templates
from ui import sample_data


def test_the_administrator_adds_a_template_and_a_bad_one_is_marked(desk, qtbot):
    admin = desk.main_window("admin")
    view = admin.go_to("settings")
    dialog = view.edit_templates()
    qtbot.addWidget(dialog)
    dialog.action.setCurrentIndex(dialog.action.findData("reply"))
    dialog.title.setText("致歉")
    dialog.key.setText("qy")
    dialog.text.setPlainText("{客户姓名}，您好：给您带来不便，深表歉意。{手机}")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "{手机}" in dialog.message.text() and dialog.text.property("invalid")
    assert dialog.table.rowCount() == 0

    dialog.text.setPlainText("{客户姓名}，您好：给您带来不便，深表歉意。")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "致歉"
    assert dialog.table.item(0, 4).text() == "This branch"
    assert [t["title"] for t in templates.list_templates(desk.actors["admin"], "reply")] == ["致歉"]


def test_an_action_form_inserts_templates_from_the_list_and_by_key(desk, qtbot):
    admin = desk.actors["admin"]
    templates.save_template(admin, {"action": "contact", "title": "首次联系", "key": "lx",
                                    "text": "{客户姓名}您好，就编号{编号}与您联系。"})
    templates.save_template(admin, {"action": "contact", "title": "未接通", "text": "电话未接通，稍后再拨。"})
    numbers = sample_data.populate(desk.actors, desk.now)
    handler = desk.main_window("liuyang")
    number = numbers["investigating"]
    case = handler.open_case(number)
    qtbot.mouseClick(case.action_buttons["contact"], Qt.MouseButton.LeftButton)
    dialog = case.dialog
    button = dialog.templates.button
    assert button.isEnabled()
    assert [a.text() for a in dialog.templates.menu.actions()] == ["未接通", "首次联系  [lx]"]
    name = case.case["complainant"]["name"]

    note = dialog.inputs["note"]
    note.setFocus()
    dialog.templates.menu.actions()[0].trigger()
    assert note.toPlainText() == "电话未接通，稍后再拨。"

    note.setPlainText("")
    note.setFocus()
    QTest.keyClicks(note, "lx")
    QTest.keyClick(note, Qt.Key.Key_F3)
    assert note.toPlainText() == f"{name}您好，就编号{number}与您联系。"
    QTest.keyClicks(note, " zz")
    QTest.keyClick(note, Qt.Key.Key_F3)  # not a key: the text stays as typed
    assert note.toPlainText().endswith(" zz")
    dialog.reject()
