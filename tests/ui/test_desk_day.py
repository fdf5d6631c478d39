"""A day at the desk: what a receptionist and a supervisor meet, through the real windows."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from tests.ui.helpers import run_action
from ui import sample_data


def _assigned_case(desk, qtbot, **changes) -> str:
    slip = desk.main_window("wangfang").new_slip(draft=sample_data.case_document(desk.now, **changes))
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


def test_a_kept_draft_is_reopened_by_ctrl_n_and_an_empty_slip_never_deletes_it(desk, qtbot):
    from PySide6.QtTest import QTest

    from tests.ui.helpers import type_text

    main = desk.main_window("wangfang")
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=2000)
    QTest.keyClick(main, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    slip = next(w for k, w in main.case_windows.items() if k.startswith("new-"))
    type_text("欧阳娜娜", slip.intake.name)
    desk.prompts.answer = True  # keep it as a draft
    slip.activateWindow()
    qtbot.waitUntil(slip.isActiveWindow, timeout=2000)
    QTest.keyClick(slip.intake.name, Qt.Key.Key_Escape)
    assert desk.prompts.asked[-1][0] == "Unsaved slip"
    qtbot.waitUntil(lambda: not any(k.startswith("new-") for k in main.case_windows), timeout=2000)
    kept = main.kept_drafts()
    assert len(kept) == 1 and kept[0][1]["fields"]["complainant"]["name"] == "欧阳娜娜"

    # Ctrl+N brings the draft back, not an empty slip
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=2000)
    QTest.keyClick(main, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    again = next(w for k, w in main.case_windows.items() if k.startswith("new-"))
    assert again.intake.name.text() == "欧阳娜娜"
    assert "draft" in again.banner.text()

    # a second Ctrl+N while the draft is open: an empty slip with a file of its own; closing it empty keeps the draft
    empty = main.new_slip()
    assert empty is not again and empty.intake.name.text() == ""
    empty.close()
    assert kept[0][0].exists()
    again.close()  # still has its input: asked again, kept
    assert [d["fields"]["complainant"]["name"] for _p, d in main.kept_drafts()] == ["欧阳娜娜"]

    # My work lists it; opening the row reopens it
    work = main.go_to("my_work")
    row = next(r for r in range(work.table.rowCount()) if "欧阳娜娜" in work.table.item(r, 7).text())
    assert work.table.item(row, 0).text() == "Unregistered slip (draft)"
    assert "One unregistered slip kept as a draft." in work.summary.text()
    work.table.setCurrentCell(row, 0)
    work.open_selected()
    reopened = next(w for k, w in main.case_windows.items() if k.startswith("new-"))
    assert reopened.intake.name.text() == "欧阳娜娜"
    reopened.discard()
    assert main.kept_drafts() == []


def test_my_work_opens_with_what_is_overdue_and_refreshes_itself(desk, qtbot):
    from app.services import cases

    number = cases.register_case(desk.actors["wangfang"], sample_data.case_document(desk.now,
        received_at=sample_data.working_morning(3, now=desk.now).isoformat()))["number"]
    main = desk.main_window("wangfang")
    work = main.go_to("my_work")
    rows = {work.table.item(r, 0).text(): r for r in range(work.table.rowCount())
            if work.table.item(r, 1).text() == number}
    assert "Give the customer the receipt" in rows and "Report to the supervisor" in rows
    receipt = rows["Give the customer the receipt"]
    assert "Overdue" in work.table.item(receipt, 5).text()
    assert work.table.item(receipt, 7).text() == "张伟 13800138000"
    assert not work.alert.isHidden()
    assert work.alert.text().startswith("Overdue: 2.") and number in work.alert.text()
    assert "2 overdue" in main.statusBar().currentMessage()

    # another desk registers a case: the list picks it up by itself, without F5
    other = cases.register_case(desk.actors["wangfang"], sample_data.case_document(desk.now,
        complainant={"name": "李娜", "mobile": "13912345678"}))["number"]
    work.timer.timeout.emit()
    assert any(work.table.item(r, 1).text() == other for r in range(work.table.rowCount()))


def test_the_handlers_list_has_the_responsibility_deadline(desk, qtbot):
    number = _assigned_case(desk, qtbot)
    work = desk.main_window("liuyang").go_to("my_work")
    todo = [work.table.item(r, 0).text() for r in range(work.table.rowCount())
            if work.table.item(r, 1).text() == number]
    assert "Determine responsibility" in todo and "Handle and reply" in todo


def test_the_administrator_sets_the_branch_profile_in_settings(desk, qtbot):
    from app.services import setup
    from tests.ui.helpers import type_text

    view = desk.main_window("admin").go_to("settings")
    type_text("请拨打客服", view.profile["phone"])
    qtbot.mouseClick(view.profile_save, Qt.MouseButton.LeftButton)
    assert view.message.text().startswith("Telephone: must be a telephone number")
    assert view.profile["phone"].property("invalid") is True
    view.profile["phone"].clear()
    type_text("021-58881234", view.profile["phone"])
    type_text("上海市浦东新区世纪大道100号1楼", view.profile["address"])
    qtbot.keyClick(view.profile["address"], Qt.Key.Key_Return)  # Enter saves
    assert setup.branch_profile(desk.actors["admin"])["phone"] == "021-58881234"
    assert setup.branch_profile(desk.actors["admin"])["address"] == "上海市浦东新区世纪大道100号1楼"
    assert view.profile["phone"].property("invalid") is False


def test_register_and_print_the_slip_and_the_receipt_in_one_step(desk, qtbot):
    import io

    import pypdf

    from app.services import reports

    main = desk.main_window("wangfang")
    slip = main.new_slip(draft=sample_data.case_document(desk.now))
    slip.activateWindow()
    qtbot.waitUntil(slip.isActiveWindow, timeout=2000)
    slip.intake.first_field().setFocus()
    qtbot.keyClick(slip.intake.first_field(), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert slip.number
    preview = slip.preview
    assert preview.isVisible()
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(preview.pdf_bytes)).pages]
    assert len(pages) == 2  # the slip on one sheet, the two-part receipt on the other
    assert "客户投诉处理单" in pages[0] and slip.number in pages[0]
    assert "客户联" in pages[1] and slip.number in pages[1]
    assert reports.paper_status(desk.actors["wangfang"], slip.number)["printed"] == 1
    preview.close()


def test_the_administrator_adds_a_user_with_enter_and_corrects_a_user_later(desk, qtbot):
    from app.services import setup
    from tests.ui.helpers import type_text
    from ui import application

    application.install_language(desk.app, "zh_CN")
    view = desk.main_window("admin").go_to("settings")
    type_text("wangfang", view.new_username)
    type_text("王芳", view.new_name)
    type_text("initial-pass-9", view.new_password)
    qtbot.keyClick(view.new_password, Qt.Key.Key_Return)  # Enter adds
    assert view.message.text() == "用户名: 用户 wangfang 已存在"
    view.new_username.clear()
    type_text("sunli", view.new_username)
    qtbot.keyClick(view.new_username, Qt.Key.Key_Return)
    assert any(u["username"] == "sunli" for u in setup.list_users(desk.actors["admin"]))

    row = next(r for r in range(view.users.rowCount()) if view.users.item(r, 0).text() == "liuyang")
    assert view.users.item(row, 4).text() == "陈静"  # the supervisor by name, not by user name
    view.users.setCurrentCell(row, 0)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    editor = view.editor
    editor.name.clear()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.message.text() == "姓名: 不能为空"
    type_text("刘阳", editor.name)
    editor.department.setEditText("理赔部")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    user = next(u for u in setup.list_users(desk.actors["admin"]) if u["username"] == "liuyang")
    assert (user["display_name"], user["department"], user["supervisor"]) == ("刘阳", "理赔部", "chenjing")
    from models import History

    row = History.select().where((History.entity == "user") & (History.action == "edit")).get()
    assert row.before["display_name"] == "刘洋" and row.after["display_name"] == "刘阳"
    assert row.after["department"] == "理赔部" and row.actor == "admin"


def test_a_quick_enter_never_records_a_satisfaction_or_a_verification_nobody_chose(desk, qtbot):
    from app.services import cases

    numbers = sample_data.populate(desk.actors, desk.now)
    cases.do_action(desk.actors["chenjing"], numbers["pending_approval"], "approve", {"opinion": "同意"})
    reception = desk.main_window("wangfang")
    approved = reception.open_case(numbers["pending_approval"])
    qtbot.mouseClick(approved.action_buttons["revisit"], Qt.MouseButton.LeftButton)
    dialog = approved.dialog
    assert dialog.inputs["satisfaction"].currentText() == "— please choose —"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.message.text() == "Satisfaction: please choose one."
    assert dialog.inputs["satisfaction"].property("invalid") is True
    assert approved.case["revisits"] == []
    dialog.reject()

    boss = desk.main_window("chenjing")
    case = boss.open_case(numbers["investigating"])
    run_action(qtbot, case, "notice", department="理赔部", problem="理赔材料积压", corrective="三日内清理",
               preventive="建立时效日报")
    assert "issued to 理赔部" in case.banner.text() and case.case["notices"][-1]["number"] in case.banner.text()
    qtbot.waitUntil(lambda: bool(desk.prompts.asked), timeout=2000)
    assert desk.prompts.asked[-1][0] == "Rectification notice"  # offered to print at once
    notice_preview = boss.case_windows[f"notice:{case.case['notices'][-1]['number']}"].preview
    assert notice_preview.pdf_bytes.startswith(b"%PDF")
    notice_preview.close()
    number = case.case["notices"][-1]["number"]
    from app.services import notices

    notices.notice_action(desk.actors["admin"], number, "feedback", {"actions": "已清理积压案件12件"})
    notice = boss.open_notice(number)
    notice.reload()
    qtbot.mouseClick(notice.action_buttons["verify"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(notice.dialog.ok_button, Qt.Key.Key_Return)
    assert notice.dialog.isVisible()
    assert notice.dialog.message.text() == "Is the rectification effective?: please choose one."
    assert notice.notice["state"] == "reported"  # nothing recorded, no follow-up notice
    notice.dialog.set_value("passed", True)
    qtbot.mouseClick(notice.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert notice.notice["state"] == "verified"
    assert "陈静" in [label.text() for label in notice.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QLabel)]


def test_an_action_forms_refusal_names_the_forms_field_not_the_cores(desk, qtbot):
    from app.services import setup

    setup.import_policy(desk.actors["admin"], {"preset": "cbirc"})
    number = _assigned_case(desk, qtbot)
    case = desk.main_window("chenjing").open_case(number)
    dialog = run_action(qtbot, case, "extend", reason="")
    assert dialog.isVisible()
    assert dialog.message.text().startswith("Why the case is complex: ")
    assert "reason" not in dialog.message.text()


def test_every_window_is_usable_at_1366_by_768_and_its_size_is_remembered(desk, qtbot):
    from app.services import cases

    numbers = sample_data.populate(desk.actors, desk.now)
    boss = desk.main_window("chenjing")
    for page in ("my_work", "register", "pending", "rectification", "reports", "numbers", "settings"):
        boss.go_to(page)
        hint = boss.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768, page
    admin = desk.main_window("admin")
    admin.go_to("settings")
    assert admin.minimumSizeHint().height() <= 768
    notice_number = cases.show_case(desk.actors["chenjing"], numbers["pending_approval"])["notices"][0]["number"]
    for window in (boss.new_slip(), boss.open_case(numbers["pending_approval"]), boss.open_notice(notice_number)):
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 768, window.windowTitle()
        assert window.width() <= 1366 and window.height() <= 768  # the first size fits the screen

    notice = boss.open_notice(notice_number)  # (the offscreen test screen is 800 x 800)
    notice.resize(760, 540)
    notice.close()
    qtbot.waitUntil(lambda: f"notice:{notice_number}" not in boss.case_windows, timeout=2000)  # gone for good
    again = boss.open_notice(notice_number)
    assert again is not notice
    assert (again.width(), again.height()) == (760, 540)
    boss.resize(790, 610)
    boss.close()
    assert (desk.main_window("chenjing").width(), desk.main_window("chenjing").height()) == (790, 610)


def test_a_mistyped_mobile_is_corrected_in_the_slip_window_and_the_slip_is_due_for_reprint(desk, qtbot):
    from app.reports import printouts
    from tests.ui.helpers import type_text

    main = desk.main_window("wangfang")
    slip = main.new_slip(draft=sample_data.case_document(desk.now))
    slip.register()
    printouts.print_document(desk.actors["wangfang"], slip.number, "slip")
    slip.reload()
    qtbot.mouseClick(slip.action_buttons["correct"], Qt.MouseButton.LeftButton)
    assert not slip.intake.mobile.isReadOnly() and not slip.intake.kind.isEnabled()
    slip.intake.mobile.clear()
    type_text("1391234", slip.intake.mobile)
    qtbot.mouseClick(slip.action_buttons["save_correction"], Qt.MouseButton.LeftButton)
    assert slip.banner.text().startswith("Mobile: ")  # the form's caption, and nothing saved
    assert slip.intake.mobile.property("invalid") is True
    type_text("5678", slip.intake.mobile)
    qtbot.mouseClick(slip.action_buttons["save_correction"], Qt.MouseButton.LeftButton)
    assert slip.case["complainant"]["mobile"] == "13912345678"
    assert "Intake corrected (Mobile)" in slip.banner.text()
    assert slip.reprint_label.text() == "Corrected after printing: reprint due"
    texts = _table_texts(slip)
    assert "Intake corrected" in texts


def test_intake_warns_when_the_mobile_or_the_plate_already_has_open_cases(desk, qtbot):
    from tests.ui.helpers import type_text

    main = desk.main_window("wangfang")
    first = main.new_slip(draft=sample_data.case_document(desk.now,
        complainant={"mobile": "13700137000"}, plate_no="沪B77889"))
    first.register()

    slip = main.new_slip()
    type_text("13700137000", slip.intake.mobile)
    qtbot.waitUntil(lambda: not slip.alike.isHidden(), timeout=3000)
    assert first.number in slip.alike.text() and "this mobile" in slip.alike.text()
    slip.intake.mobile.clear()
    type_text("13600136000", slip.intake.mobile)
    qtbot.waitUntil(lambda: slip.alike.isHidden(), timeout=3000)
    type_text("沪B77889", slip.intake.plate_no)
    qtbot.waitUntil(lambda: not slip.alike.isHidden(), timeout=3000)
    assert first.number in slip.alike.text() and "this plate" in slip.alike.text()
    slip.discard()


def test_f1_opens_the_chinese_user_guide_with_every_roles_daily_tasks(desk, qtbot):
    from PySide6.QtTest import QTest

    main = desk.main_window("wangfang")
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=2000)
    QTest.keyClick(main.nav, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(main, "guide", None) is not None and main.guide.isVisible(), timeout=2000)
    text = main.guide.text()
    for section in ("我的工作", "前台受理员", "承办人", "主管", "管理员", "快捷键", "Ctrl+Shift+Enter", "回访", "整改通知书"):
        assert section in text, section
    main.guide.close()
    help_menu = main.menuBar().actions()[-1].menu()
    titles = [a.text() for a in help_menu.actions() if a.text()]
    assert titles == ["&User guide", "&Keyboard shortcuts", "&About Complaint Desk"]


def test_every_problem_is_listed_at_once_and_the_banner_goes_once_they_are_fixed(desk, qtbot):
    from tests.ui.helpers import type_text

    main = desk.main_window("wangfang")
    slip = main.new_slip(draft=sample_data.case_document(desk.now, complainant={"mobile": "1380013"}, plate_no="京Q12"))
    slip.register()
    assert slip.number is None
    lines = slip.banner.text().splitlines()
    assert any(line.startswith("Mobile: ") for line in lines) and any(line.startswith("Plate number: ") for line in lines)
    type_text("8000", slip.intake.mobile)
    assert slip.banner.text()  # the plate is still wrong
    type_text("345", slip.intake.plate_no)
    assert slip.banner.isHidden()
    slip.discard()

    # a registered case shows masked numbers without calling them mistakes
    from app.services import cases

    number = cases.register_case(desk.actors["wangfang"], sample_data.case_document(desk.now))["number"]
    window = desk.main_window("liuyang").open_case(number)
    assert "****" in window.intake.mobile.text()
    assert not window.intake.mobile.property("invalid")


def _arrow_points_down(header, section: int) -> bool:
    """Read the sort arrow off the painted header: a downward triangle has more dark pixels in its upper half."""
    image = header.grab().toImage()
    left = header.sectionViewportPosition(section)
    right = left + header.sectionSize(section)
    dark = [(x, y) for x in range(right - 24, right) for y in range(image.height())
            if image.pixelColor(x, y).lightness() < 140]
    assert dark, "no sort arrow drawn"
    middle = (min(y for _x, y in dark) + max(y for _x, y in dark)) / 2
    top = sum(1 for _x, y in dark if y < middle)
    bottom = sum(1 for _x, y in dark if y > middle)
    return top > bottom


def test_the_registers_sort_arrow_points_the_way_the_list_runs(desk, qtbot):
    from PySide6.QtCore import Qt as QtCore_Qt

    sample_data.populate(desk.actors, desk.now)
    main = desk.main_window("chenjing")
    main.resize(1366, 768)
    register = main.go_to("register")
    header = register.table.horizontalHeader()
    numbers = [register.model.row_at(i)["number"] for i in range(3)]
    assert numbers == sorted(numbers, reverse=True)  # newest first
    assert _arrow_points_down(header, 0)
    header.setSortIndicator(0, QtCore_Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: register.model.row_at(0)["number"] < register.model.row_at(1)["number"], timeout=3000)
    assert not _arrow_points_down(header, 0)


def test_tab_from_the_search_box_goes_to_the_results(desk, qtbot):
    from PySide6.QtTest import QTest

    sample_data.populate(desk.actors, desk.now)
    main = desk.main_window("chenjing")
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=2000)
    register = main.go_to("register")
    register.search.setFocus()
    state_before = register.state.currentIndex()
    QTest.keyClick(register.search, Qt.Key.Key_Tab)
    assert register.table.hasFocus()
    QTest.keyClick(register.table, Qt.Key.Key_Down)
    assert register.state.currentIndex() == state_before  # no filter changed under the user's hands
