"""A damaged database found at start-up, and the way out in the window: restore a backup (docs/rules.md R11 kept)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

import models
from app.records import backup
from app.records.integrity import startup_check
from app.services import cases, ui_queries
from ui import sample_data
from ui.restore import RestoreDialog


def damage(path):
    """Overwrite a stretch of the file's pages in the middle, as a failing disk would."""
    ui_queries.close_database()
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2 - (size // 2) % 4096)
        handle.write(b"\xff" * 8192)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def backed_up_then_one_more_case(desk) -> str:
    sample_data.populate(desk.actors, desk.now)
    backup.auto_backup(desk.db_path)
    view = cases.register_case(desk.actors["wangfang"], sample_data.case_document(desk.now, summary="备份之后登记的一件"))
    return view["number"]


def test_a_damaged_file_is_restored_from_the_latest_backup_and_the_lost_number_voided(desk):
    number = backed_up_then_one_more_case(desk)
    damage(desk.db_path)
    result = startup_check(desk.db_path)
    assert not result.ok and result.latest_backup

    dialog = RestoreDialog(result)
    assert dialog.file.text() == result.latest_backup
    dialog.username.setText("admin")
    dialog.password.setText(sample_data.PASSWORD)
    dialog.restore_button.click()  # the damaged file cannot say which numbers were printed since
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.banner.text().startswith("The damaged file does not tell which numbers were issued")

    dialog.numbers.setText(number)
    dialog.restore_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.restored["voided"] == [number]
    assert backup.integrity(desk.db_path) == "ok"
    kept = dialog.restored["previous_kept_as"]
    assert kept and models.VoidedNumber.get(models.VoidedNumber.number == number).reason == backup.LOST_BY_RESTORE
    title, text = desk.prompts.infos[-1]
    assert title == "Restored" and number in text


def test_a_wrong_password_or_no_backup_chosen_is_said_and_nothing_changes(desk):
    backed_up_then_one_more_case(desk)
    damage(desk.db_path)
    damaged = desk.db_path.read_bytes()
    dialog = RestoreDialog(startup_check(desk.db_path))
    dialog.username.setText("admin")
    dialog.password.setText("wrong")
    dialog.none_issued.setChecked(True)
    dialog.restore_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.banner.text()
    dialog.file.setText("")
    dialog.restore_button.click()
    assert dialog.banner.text() == "Choose the backup to restore first."
    assert desk.db_path.read_bytes() == damaged


def test_the_desk_checks_the_file_in_the_background_and_offers_the_restore(desk, qtbot, monkeypatch):
    from ui.application import Desk

    backed_up_then_one_more_case(desk)
    shell = Desk(desk.app, str(desk.db_path))
    window = shell.window = desk.main_window("wangfang")
    offered, quits = [], []
    monkeypatch.setattr(shell, "offer_restore", lambda result, parent=None: offered.append(result) or False)
    monkeypatch.setattr(desk.app, "quit", lambda: quits.append(True))
    shell.check_in_background()
    shell.startup_check.thread.join()
    qtbot.wait(50)
    assert offered == [] and quits == []  # a sound file: nothing shown, nobody waited
    assert window.isVisible()

    damage(desk.db_path)
    shell.startup_check = None  # the next start
    shell.check_in_background()
    shell.startup_check.thread.join()
    shell.start_backups()
    qtbot.waitUntil(lambda: len(offered) == 1, timeout=5000)
    assert not offered[0].ok and offered[0].latest_backup
    assert quits == [True]  # not restored: the program closes rather than work on a damaged file
    assert shell.backups.paused and shell.backups.check() is None  # no copy of the damaged file is tried


def test_a_file_that_cannot_even_be_opened_is_checked_before_the_desk_opens(desk, monkeypatch):
    from ui.application import Desk

    backed_up_then_one_more_case(desk)
    ui_queries.close_database()
    with open(desk.db_path, "r+b") as handle:
        handle.write(b"this is no database!" * 5)  # the header itself
    shell = Desk(desk.app, str(desk.db_path))
    offered = []
    monkeypatch.setattr(shell, "offer_restore", lambda result, parent=None: offered.append(result) or False)
    assert shell.open() is False  # not restored: the desk does not open
    assert len(offered) == 1 and not offered[0].ok and offered[0].latest_backup


def test_an_administrator_restores_a_backup_on_purpose_from_the_menu(desk, monkeypatch):
    from tests.ui.test_backups import menu_action

    number = backed_up_then_one_more_case(desk)
    window = desk.main_window("admin")
    shown = []

    def answer(dialog):
        shown.append(dialog)
        assert dialog.numbers.isHidden()  # a sound file tells the numbers issued itself
        dialog.username.setText("admin")
        dialog.password.setText(sample_data.PASSWORD)
        dialog.restore_button.click()
        return dialog.result()

    monkeypatch.setattr(RestoreDialog, "exec", answer)
    menu_action(window, "Restore from a backup…").trigger()
    assert len(shown) == 1 and shown[0].restored["voided"] == [number]
    assert not window.isVisible()  # everyone signs in again on the restored file
    assert not models.Case.select().where(models.Case.number == number).exists()
    assert models.VoidedNumber.get(models.VoidedNumber.number == number).reason == backup.LOST_BY_RESTORE


def test_a_sealed_backup_is_restored_with_its_own_password(desk, tmp_path):
    from app.records import sealed

    sealed.use_cost(2 ** 10)
    try:
        stick = tmp_path / "stick"
        stick.mkdir()
        sample_data.populate(desk.actors, desk.now)
        made = backup.manual_backup(desk.actors["admin"], desk.db_path, stick, password="保险柜-2026-十一月")
        number = cases.register_case(desk.actors["wangfang"], sample_data.case_document(desk.now))["number"]
        damage(desk.db_path)
        dialog = RestoreDialog(startup_check(desk.db_path))
        assert dialog.backup_password.isHidden()  # no sealed backup chosen yet
        dialog.file.setText(made["file"])
        assert not dialog.backup_password.isHidden()
        dialog.username.setText("admin")
        dialog.password.setText(sample_data.PASSWORD)
        dialog.numbers.setText(number)
        dialog.restore_button.click()
        assert dialog.banner.text() == "This backup is sealed: enter its backup password."
        dialog.backup_password.setText("保险柜-2026-十一月")
        dialog.restore_button.click()
        assert dialog.result() == QDialog.DialogCode.Accepted and dialog.restored["voided"] == [number]
    finally:
        sealed.use_cost(2 ** 15)
