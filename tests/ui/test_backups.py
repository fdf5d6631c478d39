"""Automatic backups while the desk runs and on exit (the copying itself is tested in tests/reliability)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.records import backup
from ui.backups import AutomaticBackups


def made(db_path):
    return [path for _, path in backup.automatic_backups(db_path)]


def test_a_backup_is_made_in_the_background_once_a_day(desk, qtbot):
    backups = AutomaticBackups(str(desk.db_path))
    results = []
    backups.finished.connect(results.append)
    backups.check().join()
    qtbot.waitUntil(lambda: len(results) == 1, timeout=5000)
    assert results[0]["file"] == str(made(desk.db_path)[0])
    assert backup.integrity(made(desk.db_path)[0]) == "ok"
    backups.check().join()  # the newest is minutes old: nothing due
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    assert results[1] is None and len(made(desk.db_path)) == 1


def test_the_first_check_and_the_hourly_ones_are_scheduled_and_postgresql_has_none(desk):
    backups = AutomaticBackups(str(desk.db_path))
    assert backups.first.isActive() and backups.timer.isActive()
    assert backups.timer.interval() == 60 * 60 * 1000
    remote = AutomaticBackups("postgresql://hq.example/desk")
    assert not remote.first.isActive() and not remote.timer.isActive() and remote.check() is None
    assert remote.on_exit() is None


def test_paused_while_the_file_is_damaged_no_backup_is_taken_even_on_exit(desk):
    backups = AutomaticBackups(str(desk.db_path))
    backups.pause()
    assert backups.check() is None and backups.on_exit() is None and made(desk.db_path) == []
    backups.pause(False)
    assert backups.on_exit() is None and len(made(desk.db_path)) == 1


def test_on_exit_a_backup_is_taken_unless_the_newest_is_under_an_hour_old(desk):
    backups = AutomaticBackups(str(desk.db_path))
    backup.auto_backup(desk.db_path, now=datetime.now(timezone.utc) - timedelta(hours=2))
    assert backups.on_exit() is None
    assert len(made(desk.db_path)) == 2  # the two-hour-old one and the one on exit
    assert backups.on_exit() is None
    assert len(made(desk.db_path)) == 2  # minutes old: not again
    assert not backups.timer.isActive()


def test_a_failed_backup_is_said_in_the_status_bar_and_the_desk_goes_on(desk, qtbot, monkeypatch):
    import errno

    from ui.application import Desk

    def full_disk(source, target, progress=None, **kw):
        target.write_bytes(b"half a copy")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_copy", full_disk)
    shell = Desk(desk.app, str(desk.db_path))
    shell.window = desk.main_window("wangfang")
    shell.start_backups()
    shell.backups.check().join()
    qtbot.waitUntil(lambda: shell.window.statusBar().currentMessage() != "", timeout=5000)
    shown = shell.window.statusBar().currentMessage()
    assert shown.startswith("Automatic backup failed: The drive is full: the backup was not written to "), shown
    folder = desk.db_path.parent / backup.BACKUP_FOLDER
    assert made(desk.db_path) == [] and list(folder.iterdir()) == []  # no half copy left behind
    message = shell.backups.on_exit()
    assert message.startswith("The drive is full") and str(folder) in message


def menu_action(window, text):
    return next(action for menu in window.menuBar().actions() for action in menu.menu().actions()
                if action.text() == text)


def test_an_administrator_backs_up_to_a_drive_from_the_menu(desk, qtbot, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    desk.prompts.folder = str(stick)
    window = desk.main_window("admin")
    menu_action(window, "Back up to a drive…").trigger()
    qtbot.waitUntil(lambda: bool(desk.prompts.infos or desk.prompts.errors), timeout=10000)
    assert desk.prompts.errors == []
    written = list(stick.glob("CDESK-BACKUP-*.sqlite3"))
    assert len(written) == 1 and backup.integrity(written[0]) == "ok"
    title, text = desk.prompts.infos[-1]
    assert title == "Backup" and str(written[0]) in text and "personal data unencrypted" in text
    assert desk.prompts.asked[-1][1].startswith("Write the backup without a password?")


def test_the_backup_is_sealed_with_the_password_given_or_not_written_when_the_user_declines(desk, qtbot, tmp_path):
    from app.records import sealed

    sealed.use_cost(2 ** 10)
    stick = tmp_path / "stick"
    stick.mkdir()
    desk.prompts.folder = str(stick)
    window = desk.main_window("admin")
    desk.prompts.answer = False  # no password, and no to writing it without one
    menu_action(window, "Back up to a drive…").trigger()
    assert list(stick.iterdir()) == [] and desk.prompts.infos == []
    desk.prompts.backup_secret = "保险柜-2026-十一月"
    try:
        menu_action(window, "Back up to a drive…").trigger()
        qtbot.waitUntil(lambda: bool(desk.prompts.infos or desk.prompts.errors), timeout=10000)
    finally:
        sealed.use_cost(2 ** 15)
    written = list(stick.iterdir())
    assert len(written) == 1 and written[0].suffix == ".cdbackup" and sealed.is_sealed(written[0])
    assert "sealed with its password" in desk.prompts.infos[-1][1]


def test_a_pulled_out_drive_is_said_and_others_do_not_see_the_backup(desk, qtbot, tmp_path):
    desk.prompts.folder = str(tmp_path / "gone")  # the stick was pulled out after it was chosen
    window = desk.main_window("admin")
    menu_action(window, "Back up to a drive…").trigger()
    qtbot.waitUntil(lambda: bool(desk.prompts.errors), timeout=10000)
    assert desk.prompts.errors[-1] == ("Backup", f"The folder {tmp_path / 'gone'} does not exist: is the drive "
                                                 "plugged in?")
    reception = desk.main_window("wangfang")
    assert all(action.text() != "Back up to a drive…" for menu in reception.menuBar().actions()
               for action in menu.menu().actions())


def test_the_backup_password_is_typed_twice_and_long_enough(desk):
    from ui.backups import BackupPasswordDialog

    dialog = BackupPasswordDialog()
    dialog.first.setText("保险柜-2026-十一月")
    dialog.second.setText("保险柜-2026-十二月")
    dialog.write_button.click()
    assert dialog.password is None and dialog.banner.text() == "The two passwords differ."
    dialog.first.setText("short")
    dialog.second.setText("short")
    dialog.write_button.click()
    assert dialog.password is None and "at least 8 characters" in dialog.banner.text()
    dialog.first.setText("保险柜-2026-十一月")
    dialog.second.setText("保险柜-2026-十一月")
    dialog.write_button.click()
    assert dialog.password == "保险柜-2026-十一月" and dialog.result() == 1
    empty = BackupPasswordDialog()
    empty.write_button.click()
    assert empty.password == ""  # none: the caller asks whether that is meant
