"""The reply letter's paragraphs in the windows: the administrator keeps their standard wording in Settings > Reply
templates; the reply form offers each paragraph's templates beside it, filled for the case (list, Ctrl+T, key + F3);
the printed letter carries the paragraphs."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.reports import printouts
from app.services import templates
from tests.printing.pdfcheck import all_text
from ui import sample_data


def test_the_administrator_adds_a_letter_paragraph_template(desk, qtbot):
    admin = desk.main_window("admin")
    dialog = admin.go_to("settings").edit_templates()
    qtbot.addWidget(dialog)
    assert not dialog.paragraph.isEnabled()  # a paragraph only for the reply letter
    dialog.action.setCurrentIndex(dialog.action.findData("letter"))
    assert dialog.paragraph.isEnabled()
    dialog.paragraph.setCurrentIndex(dialog.paragraph.findData("closing"))
    dialog.title.setText("结束语")
    dialog.key.setText("js")
    dialog.text.setPlainText("感谢{称呼}对我们工作的监督。")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Reply letter · Closing" and dialog.table.item(0, 2).text() == "结束语"
    saved = templates.list_templates(desk.actors["admin"], "letter")
    assert [(t["paragraph"], t["key"]) for t in saved] == [("closing", "js")]

    dialog.new()
    dialog.table.selectRow(0)  # shown again with its paragraph
    assert dialog.paragraph.currentData() == "closing" and dialog.paragraph.isEnabled()


def test_the_reply_form_composes_the_letter_from_templates_and_the_letter_prints_it(desk, qtbot):
    admin = desk.actors["admin"]
    templates.save_template(admin, {"action": "letter", "paragraph": "opening", "title": "受理致歉", "key": "kt",
                                    "text": "您于{受理日期}反映的问题（编号 {编号}）已收悉，给{称呼}带来不便，深表歉意。"})
    templates.save_template(admin, {"action": "letter", "paragraph": "handling", "title": "已处理",
                                    "text": "我们已按您的要求处理完毕。"})
    templates.save_template(admin, {"action": "reply", "title": "电话答复", "text": "已电话告知{客户姓名}。"})
    numbers = sample_data.populate(desk.actors, desk.now)
    window = desk.main_window("liuyang")
    number = numbers["investigating"]
    case = window.open_case(number)
    qtbot.mouseClick(case.action_buttons["reply"], Qt.MouseButton.LeftButton)
    dialog = case.dialog
    person = case.case["complainant"]
    greeting = person["name"] + {"male": "先生", "female": "女士"}.get(person.get("gender"), "")

    # the form's own list stays for the reply's text; each paragraph has its own beside it
    assert [a.text() for a in dialog.templates.menu.actions()] == ["电话答复"]
    opening = dialog.inputs["letter.opening"]
    assert [a.text() for a in dialog.field_templates["letter.opening"].menu.actions()] == ["受理致歉  [kt]"]
    assert not dialog.field_buttons["letter.facts"].isEnabled()  # none for the facts yet
    opening.setFocus()
    QTest.keyClicks(opening, "kt")
    QTest.keyClick(opening, Qt.Key.Key_F3)
    assert opening.toPlainText().startswith("您于") and f"编号 {number}）已收悉，给{greeting}带来不便" in opening.toPlainText()
    handling = dialog.inputs["letter.handling"]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    handling.setFocus()
    QTest.keyClick(handling, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # the paragraph's own list
    menu = dialog.field_templates["letter.handling"].menu
    qtbot.waitUntil(menu.isVisible)
    assert not dialog.field_templates["letter.opening"].menu.isVisible()
    menu.hide()
    dialog.field_templates["letter.handling"].menu.actions()[0].trigger()
    assert handling.toPlainText() == "我们已按您的要求处理完毕。"
    dialog.inputs["letter.facts"].setPlainText("经查，情况属实。")
    dialog.set_value("channel", "letter")
    dialog.set_value("result", "已书面答复客户")
    payload = dialog.payload()
    assert set(payload["letter"]) == {"opening", "facts", "handling"}
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert case.case["replies"][-1]["result"] == "已书面答复客户"

    text = all_text(printouts.print_document(desk.actors["liuyang"], number, "letter"))
    for expected in (f"尊敬的{greeting}：", f"编号{number}）已收悉，给{greeting}带来不便，深表歉意。", "经查，情况属实。",
                     "我们已按您的要求处理完毕。"):
        assert expected in text, expected

    # recorded again, the reply form starts from the letter as composed
    qtbot.mouseClick(case.action_buttons["reply"], Qt.MouseButton.LeftButton)
    assert case.dialog.inputs["letter.facts"].toPlainText() == "经查，情况属实。"
    case.dialog.reject()


def test_a_refused_paragraph_is_marked_in_the_form(desk, qtbot):
    numbers = sample_data.populate(desk.actors, desk.now)
    window = desk.main_window("liuyang")
    case = window.open_case(numbers["investigating"])
    qtbot.mouseClick(case.action_buttons["reply"], Qt.MouseButton.LeftButton)
    dialog = case.dialog
    dialog.set_value("result", "已答复")
    dialog.inputs["letter.closing"].setPlainText("谢" * 4001)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.inputs["letter.closing"].property("invalid")
    assert dialog.message.text().startswith("Closing: ")
    dialog.reject()
