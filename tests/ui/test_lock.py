"""The automatic screen lock (issue 8): idle time, the lock screen, the password through the core, another user."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ui import drafts, sample_data


def test_idle_time_is_a_setting_of_ten_minutes_by_default(desk):
    from ui import settings

    assert settings.idle_lock_minutes() == 10
    window = desk.main_window("wangfang")
    assert window.idle.timer.interval() == 10 * 60_000 and window.idle.timer.isActive()
    view = window.go_to("settings")
    view.idle_lock.setValue(0)  # 0: never
    assert settings.idle_lock_minutes() == 0 and not window.idle.timer.isActive()


def test_input_anywhere_postpones_the_lock(desk, qtbot):
    window = desk.main_window("wangfang")
    window.idle.set_interval(10_000)
    qtbot.waitUntil(lambda: window.idle.timer.remainingTime() < 9_950, timeout=2_000)
    QTest.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.idle.timer.remainingTime() > 9_950


def test_the_lock_screen_hides_the_desk_and_wants_the_password(desk, qtbot):
    from models import User

    window = desk.main_window("wangfang")
    register = window.go_to("register")
    slip = window.new_slip(draft=sample_data.case_document(desk.now))
    window.idle.set_interval(150)
    qtbot.waitUntil(lambda: window.locked, timeout=3_000)
    screen = window.lock_screen
    assert screen.isVisible() and not window.content.isVisible() and not register.table.isVisible()
    assert not slip.isVisible() and not window.menuBar().isVisible()
    assert all(not shortcut.isEnabled() for shortcut in window.shortcuts)

    screen.password.setText("not the password")
    screen.submit()
    assert window.locked
    assert screen.message.text() == "Unknown user or wrong password."  # the core's message
    assert User.get(User.username == "wangfang").failed_sign_ins == 1  # counts toward the lockout
    assert screen.password.text() == ""

    QTest.keyClicks(screen.password, sample_data.PASSWORD)
    QTest.keyClick(screen.password, Qt.Key.Key_Return)
    assert not window.locked
    assert window.content.isVisible() and register.table.isVisible() and slip.isVisible()
    assert User.get(User.username == "wangfang").failed_sign_ins == 0
    assert window.idle.timer.isActive()
    slip.draft.enabled = False


def test_another_user_signs_in_at_the_lock_screen_and_the_drafts_stay(desk, qtbot):
    from ui.application import Desk

    program = Desk(desk.app, str(desk.db_path), desk.data_dir)
    window = program.show_main(desk.session("wangfang"))
    slip = window.new_slip(draft=sample_data.case_document(desk.now))
    qtbot.waitUntil(lambda: "my_work" in window.views)  # the first page, once the window is on screen
    window.lock()
    screen = window.lock_screen
    screen.username.setText("liuyang")
    screen.password.setText(sample_data.PASSWORD)
    screen.submit()
    successor = program.window
    qtbot.addWidget(successor)
    assert successor is not window and successor.session.actor.username == "liuyang"
    assert successor.isVisible() and not successor.locked
    assert not window.isVisible() and not slip.isVisible()
    assert desk.prompts.asked == []  # nobody is asked about wangfang's slip
    kept = drafts.load(drafts.draft_path(desk.data_dir, "wangfang"))
    assert kept is not None and kept["fields"]["complainant"]["name"]
    assert drafts.load(drafts.draft_path(desk.data_dir, "liuyang")) is None
