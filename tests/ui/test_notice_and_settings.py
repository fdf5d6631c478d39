"""The rectification notice form (feedback, verification, follow-up chain); the language switch in Settings;
sign-in with the forced password change."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import auth, cases, setup
from tests.ui.helpers import run_action
from ui import sample_data


def test_a_notice_is_issued_reported_failed_and_followed_up(desk, qtbot):
    numbers = sample_data.populate(desk.actors, desk.now)
    boss = desk.main_window("chenjing")
    case = boss.open_case(numbers["investigating"])
    run_action(qtbot, case, "notice", department="理赔部", problem="理赔材料积压", corrective="三日内清理",
               preventive="建立时效日报")
    notice_number = case.case["notices"][-1]["number"]
    assert "-ZG-" in notice_number

    admin = desk.main_window("admin")
    notice = admin.open_notice(notice_number)
    assert set(notice.action_buttons) >= {"feedback"}
    qtbot.mouseClick(notice.action_buttons["feedback"], Qt.MouseButton.LeftButton)
    notice.dialog.set_value("actions", "已清理积压案件12件")
    qtbot.mouseClick(notice.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert notice.notice["state"] == "reported", (notice.banner.text(), notice.dialog.message.text())

    notice = boss.open_notice(notice_number)
    notice.reload()
    qtbot.mouseClick(notice.action_buttons["verify"], Qt.MouseButton.LeftButton)
    notice.dialog.set_value("passed", False)
    notice.dialog.set_value("comment", "仍有积压")
    qtbot.mouseClick(notice.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert notice.notice["state"] == "failed"
    follow_up = notice.notice["follow_ups"][0]
    assert follow_up in notice.banner.text()
    chain = boss.view("rectification")
    chain.refresh()
    rows = {r["number"]: r for r in chain.rows}
    assert rows[follow_up]["follows"] == notice_number


def test_the_language_is_switched_in_settings_and_remembered(desk, qtbot):
    from ui import application, settings
    from ui.application import Desk

    app_desk = Desk(desk.app, str(desk.db_path), desk.data_dir)
    window = app_desk.show_main(desk.session("wangfang"))
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "My work"
    view = window.go_to("settings")
    view.language.setCurrentIndex(view.language.findData("zh_CN"))
    chinese = app_desk.window
    qtbot.addWidget(chinese)
    assert chinese is not window
    assert chinese.nav.item(0).text() == "我的工作"
    assert chinese.nav.item(1).text() == "登记台帐"
    assert chinese.current_page() == "settings"
    assert settings.language() == "zh_CN"
    register = chinese.go_to("register")
    assert register.model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    application.install_language(desk.app, "en")
    chinese.close()


def test_sign_in_asks_a_new_user_for_their_own_password(desk, qtbot):
    from ui.signin import SignInDialog

    setup.add_user(desk.actors["admin"], "newbie", display_name="新同事", role="reception", password="given-1",
                   department="客服部")
    dialog = SignInDialog("北京朝阳支公司")
    qtbot.addWidget(dialog)
    dialog.username.setText("newbie")
    dialog.password.setText("wrong")
    dialog.submit()
    assert dialog.message.text() == "Unknown user or wrong password."
    dialog.password.setText("given-1")
    dialog.submit()
    assert dialog.new_password.isVisibleTo(dialog)
    dialog.new_password.setText("mine-2026")
    dialog.repeat_password.setText("mine-2026")
    dialog.submit()
    assert dialog.actor is not None and dialog.actor.username == "newbie"
    assert auth.sign_in("newbie", "mine-2026").must_change_password is False


def test_a_reception_user_is_not_offered_what_they_may_not_do(desk, qtbot):
    numbers = sample_data.populate(desk.actors, desk.now)
    case = desk.main_window("wangfang").open_case(numbers["major"])
    assert "assign" not in case.action_buttons
    assert case.case["allowed_actions"] == cases.allowed_actions(desk.actors["wangfang"], numbers["major"])


def test_a_slip_and_a_notice_open_in_the_print_preview(desk, qtbot):
    numbers = sample_data.populate(desk.actors, desk.now)
    boss = desk.main_window("chenjing")
    case = boss.open_case(numbers["pending_approval"])
    preview = case.print_document("slip", "Complaint handling slip")
    assert preview is not None and preview.isVisible()
    assert preview.pdf_bytes.startswith(b"%PDF")
    preview.close()
    notice = boss.open_notice(case.case["notices"][0]["number"])
    preview = notice.print_notice()
    assert preview.pdf_bytes.startswith(b"%PDF")
    preview.close()


def test_the_desk_starts_signs_in_and_offers_the_last_draft(desk, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui import drafts
    from ui.application import Desk
    from ui.signin import SignInDialog

    path = drafts.draft_path(desk.data_dir, "wangfang")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"saved_at": "2026-11-20T09:00:00+08:00", "fields": {"kind": "complaint", '
                    '"complainant": {"name": "草稿客户"}}}', encoding="utf-8")

    def signed_in(dialog):
        dialog.username.setText("wangfang")
        dialog.password.setText(sample_data.PASSWORD)
        dialog.submit()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SignInDialog, "exec", signed_in)
    app_desk = Desk(desk.app, str(desk.db_path), desk.data_dir)
    assert app_desk.open()
    assert app_desk.sign_in()
    window = app_desk.window
    qtbot.addWidget(window)
    assert window.session.actor.username == "wangfang"
    qtbot.waitUntil(lambda: any(k.startswith("new-") for k in window.case_windows), timeout=2000)
    slip = next(w for k, w in window.case_windows.items() if k.startswith("new-"))
    assert slip.intake.name.text() == "草稿客户"
    slip.discard()
    window.close()


def test_the_admin_adds_resets_and_deactivates_users_in_settings(desk, qtbot):
    view = desk.main_window("admin").go_to("settings")
    view.new_username.setText("xiaoli")
    view.new_name.setText("小李")
    view.new_department.setEditText("客服部")
    view.new_password.setText("first-1")
    view.add_user()
    assert "xiaoli added" in view.message.text()
    names = [view.users.item(r, 0).text() for r in range(view.users.rowCount())]
    view.users.selectRow(names.index("xiaoli"))
    view.new_password.setText("again-2")
    view.reset_password()
    assert auth.sign_in("xiaoli", "again-2").must_change_password
    view.deactivate()
    assert "deactivated" in view.message.text()
