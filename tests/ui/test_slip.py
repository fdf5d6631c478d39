"""The complaint slip: registering from the keyboard, a whole case through three people's windows, refusals."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from PySide6.QtTest import QTest

from tests.ui.helpers import focused, run_action, shortcut, tab, type_text
from ui import sample_data


def test_register_a_case_from_the_keyboard_alone_and_find_it_in_the_register(desk, qtbot):
    main = desk.main_window("wangfang")
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=2000)
    main.nav.setFocus()
    shortcut(main, Qt.Key.Key_N)  # Ctrl+N: a new slip
    slips = [w for k, w in main.case_windows.items() if k.startswith("new-")]
    assert len(slips) == 1
    slip = slips[0]
    qtbot.waitUntil(lambda: focused() is slip.intake.kind, timeout=2000)

    # the paper's order: kind, channel, received at, origin, original document no., then the complainant
    tab(5)
    assert focused() is slip.intake.name
    type_text("黄晓明")
    tab(4)  # gender, relation, identity
    assert focused() is slip.intake.contact_name
    tab()
    type_text("1391234")  # as you type: incomplete mobile is marked
    assert slip.intake.mobile.property("invalid") is True
    type_text("5678")
    assert slip.intake.mobile.property("invalid") is False
    tab(2)
    type_text("北京市朝阳区望京街10号")
    tab(2)  # VIP box
    assert focused() is slip.intake.reason
    type_text("保单退费未到账")
    tab(3)  # category, claim no.
    assert focused() is slip.intake.plate_no
    type_text("京Q1234")  # an unfinished plate is marked
    assert slip.intake.plate_no.property("invalid") is True
    type_text("5")
    assert slip.intake.plate_no.property("invalid") is False
    slip.intake.content.setFocus()
    type_text("客户称退保后一个月退费仍未到账。")
    tab()
    type_text("退费未到账")
    QTest.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter registers

    assert slip.number and slip.number.startswith("BJ01-")
    assert "Registered as" in slip.banner.text()
    assert not (desk.data_dir / "drafts" / "slip-wangfang.json").exists()

    register = main.go_to("register")
    register.search.setFocus()
    type_text("黄晓明")
    QTest.keyClick(register.search, Qt.Key.Key_Return)
    assert register.model.rowCount() == 1
    assert register.model.row_at(0)["number"] == slip.number


def test_the_badge_shows_major_and_its_reasons_while_the_form_is_filled(desk, qtbot):
    main = desk.main_window("wangfang")
    slip = main.new_slip(draft=sample_data.case_document(desk.now, amount={"line": "auto", "value": 3000}))
    slip.update_badge()
    assert slip.badge.text() == "General complaint"
    slip.intake.amount_value.setValue(10000)
    slip.intake.flags["media"].setChecked(True)
    qtbot.waitUntil(lambda: slip.badge.text() == "Major complaint", timeout=2000)
    assert "amount over the threshold" in slip.reasons_label.text()
    assert "media or internet involved" in slip.reasons_label.text()
    slip.discard()


def test_a_future_receipt_time_is_refused_as_it_is_typed(desk, qtbot):
    main = desk.main_window("wangfang")
    slip = main.new_slip(draft=sample_data.case_document(desk.now))
    from PySide6.QtCore import QDateTime

    slip.intake.received_at.setDateTime(QDateTime.currentDateTime().addDays(2))
    assert slip.intake.received_at.property("invalid") is True
    slip.register()
    assert slip.number is None
    assert "future" in slip.banner.text()
    slip.discard()


def test_a_case_from_intake_to_closed_through_the_windows_of_three_people(desk, qtbot):
    received = sample_data.working_morning(3, now=desk.now)
    at = lambda hours: (received + timedelta(hours=hours)).isoformat()  # noqa: E731

    reception = desk.main_window("wangfang")
    slip = reception.new_slip(draft=sample_data.case_document(desk.now, received_at=received.isoformat()))
    slip.register()
    number = slip.number
    assert number

    boss = desk.main_window("chenjing")
    case = boss.open_case(number)
    assert "assign" in case.action_buttons
    run_action(qtbot, case, "assign", handler="liuyang")
    assert case.case["state"] == "investigating"

    handler = desk.main_window("liuyang")
    work = handler.view("my_work")
    assert any(item["number"] == number for item in work.items)
    case = handler.open_case(number)
    assert "approve" not in case.action_buttons
    run_action(qtbot, case, "contact", at=at(1), method="phone", reached=True, note="已联系客户")
    run_action(qtbot, case, "investigate", at=at(2), note="向理赔部核实，材料齐全")
    run_action(qtbot, case, "conclude", cause="理赔人员疏忽", facts="true", opinion="加急赔付", result="已赔付")
    run_action(qtbot, case, "reply", at=at(5), channel="phone", result="电话告知客户已赔付并致歉")
    run_action(qtbot, case, "submit")
    assert case.case["state"] == "pending_approval"
    assert case.case["established"] is True

    case = boss.open_case(number)
    case.reload()
    run_action(qtbot, case, "approve", opinion="同意")
    assert case.case["state"] == "approved"

    case = reception.open_case(number)
    case.reload()
    assert "revisit" in case.action_buttons
    run_action(qtbot, case, "revisit", at=at(26), method="phone", satisfaction="satisfied", comment="满意")

    case = boss.open_case(number)
    case.reload()
    run_action(qtbot, case, "close")
    assert case.case["state"] == "closed"
    assert case.action_buttons.get("close") is None
    assert [h["action"] for h in case.case["history"]][:2] == ["register", "assign"]


def test_a_refused_action_shows_the_cores_message_and_keeps_the_case(desk, qtbot):
    reception = desk.main_window("wangfang")
    slip = reception.new_slip(draft=sample_data.case_document(desk.now))
    slip.register()
    boss = desk.main_window("chenjing")
    run_action(qtbot, boss.open_case(slip.number), "assign", handler="liuyang")

    case = desk.main_window("liuyang").open_case(slip.number)
    run_action(qtbot, case, "submit")  # nothing recorded yet (R5)
    assert case.banner.isVisible() or case.banner.text()
    assert case.banner.text().startswith("Submit needs:")
    assert "an investigation entry" in case.banner.text()
    assert case.case["state"] == "investigating"

    # a refused form stays open with the message, and nothing typed is lost
    dialog = run_action(qtbot, case, "investigate", note="")
    assert dialog.isVisible()
    assert dialog.message.text()
    dialog.set_value("note", "补充调查")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert len(case.case["investigations"]) == 1


def test_refusals_are_shown_in_chinese_when_the_desk_speaks_chinese(desk, qtbot):
    from ui import application

    application.install_language(desk.app, "zh_CN")
    reception = desk.main_window("wangfang")
    slip = reception.new_slip(draft=sample_data.case_document(desk.now))
    slip.register()
    run_action(qtbot, desk.main_window("chenjing").open_case(slip.number), "assign", handler="liuyang")
    case = desk.main_window("liuyang").open_case(slip.number)
    assert case.action_buttons["submit"].text() == "提交审批"
    run_action(qtbot, case, "submit")
    assert case.banner.text().startswith("提交审批前还缺少")


def test_a_draft_survives_a_crash_and_is_offered_back(desk, qtbot):
    main = desk.main_window("wangfang")
    slip = main.new_slip()
    type_text("欧阳娜娜", slip.intake.name)
    draft = desk.data_dir / "drafts" / "slip-wangfang.json"
    qtbot.waitUntil(draft.exists, timeout=3000)
    slip.hide()  # the program dies here: no close, no discard
    slip.draft.enabled = False

    again = desk.main_window("wangfang")
    restored = again.offer_draft()
    assert desk.prompts.asked
    assert restored is not None
    assert restored.intake.name.text() == "欧阳娜娜"
    restored.discard()
    assert not draft.exists()


def test_closing_an_unregistered_slip_asks_whether_to_keep_the_draft(desk, qtbot):
    main = desk.main_window("wangfang")
    draft = desk.data_dir / "drafts" / "slip-wangfang.json"
    slip = main.new_slip()
    type_text("13800138000", slip.intake.mobile)
    desk.prompts.answer = False
    slip.close()
    assert desk.prompts.asked[-1][0] == "Unsaved slip"
    assert not draft.exists()

    slip = main.new_slip()
    type_text("13800138000", slip.intake.mobile)
    desk.prompts.answer = True
    slip.close()
    assert draft.exists()


def test_f6_jumps_to_the_handling_and_ctrl_p_prints_the_slip(desk, qtbot):
    numbers = sample_data.populate(desk.actors, desk.now)
    main = desk.main_window("chenjing")
    case = main.open_case(numbers["pending_approval"])
    case.resize(1000, 700)
    qtbot.waitExposed(case)
    case.activateWindow()
    qtbot.waitUntil(case.isActiveWindow, timeout=2000)
    QTest.keyClick(case, Qt.Key.Key_F6)
    assert case.scroll.verticalScrollBar().value() > 0
    QTest.keyClick(case, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert case.preview.pdf_bytes.startswith(b"%PDF")
    case.preview.close()


def test_the_signed_paper_slip_is_recorded_for_the_number_check(desk, qtbot):
    from app.services import reports

    numbers = sample_data.populate(desk.actors, desk.now)
    case = desk.main_window("wangfang").open_case(numbers["investigating"])
    case.signed_box.setChecked(True)
    case.location.setText("2026年11月卷宗")
    case.location.editingFinished.emit()
    paper = reports.paper_status(desk.actors["wangfang"], numbers["investigating"])
    assert paper["signed_returned_at"] and paper["location"] == "2026年11月卷宗"


def test_a_contact_in_quiet_hours_is_refused_until_an_override_reason_is_given(desk, qtbot):
    received = sample_data.working_morning(2, now=desk.now)
    reception = desk.main_window("wangfang")
    slip = reception.new_slip(draft=sample_data.case_document(desk.now, received_at=received.isoformat()))
    slip.register()
    run_action(qtbot, desk.main_window("chenjing").open_case(slip.number), "assign", handler="liuyang")
    case = desk.main_window("liuyang").open_case(slip.number)
    assert case.findChild(QLabel, "nextContact").text().startswith("Next allowed contact:")

    late = received.replace(hour=23, minute=0).isoformat()
    dialog = run_action(qtbot, case, "contact", at=late, method="phone", reached=False, note="无人接听")
    assert dialog.isVisible()
    assert "quiet hours" in dialog.message.text() and "next allowed time" in dialog.message.text()
    dialog.set_value("override_reason", "客户要求当晚回电")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert case.case["contacts"][0]["override_reason"] == "客户要求当晚回电"
