"""The export and import windows, driven with qtbot on real databases (offscreen)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from . import helpers  # noqa: E402


@pytest.fixture
def pair(tmp_path):
    return helpers.make_pair(tmp_path, str(tmp_path / "hq.sqlite3"))


def session_for(site):
    from ui.session import Session

    site.use()
    return Session(actor=site.admin, db_target=site.target, data_dir=Path(site.target).parent)


def test_export_then_import_several_files_through_the_windows(qtbot, pair):
    from app import i18n
    from ui.exchange_dialogs import ExportDialog, ImportDialog

    i18n.set_language("en")
    helpers.populate(pair.branch)
    dialog = ExportDialog(session_for(pair.branch), drives=[])
    qtbot.addWidget(dialog)
    assert "No removable drive" in dialog.banner.text()
    dialog.use_folder(str(pair.stick))
    op = dialog.start()
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert dialog.result_data and "Safe to remove" in dialog.banner.text()
    assert not dialog.export_button.isEnabled()
    [bundle_file] = list(pair.stick.glob("*.cdbundle"))
    # the whole file name, where it went and what it holds
    assert bundle_file.name in dialog.banner.text() and str(pair.stick) in dialog.banner.text()
    assert f"{dialog.result_data['counts']['case']} cases" in dialog.banner.text()
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(bundle_file.name)

    broken = pair.stick / "broken.cdbundle"
    broken.write_bytes(bundle_file.read_bytes()[:-7])
    window = ImportDialog(session_for(pair.hq))
    qtbot.addWidget(window)
    window.add_files([bundle_file, broken, bundle_file])
    assert window.table.rowCount() == 2
    op = window.start()
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert [r["status"] for r in window.results] == ["imported", "refused"]
    assert window.table.item(0, 1).text().startswith("Imported: ")
    assert "incomplete" in window.table.item(1, 1).text()
    assert "1 of 2 files imported, 1 refused" in window.banner.text()
    i18n.set_language("zh_CN")


def test_cancelling_the_export_leaves_nothing_on_the_drive(qtbot, pair):
    from ui.exchange_dialogs import ExportDialog

    helpers.populate(pair.branch)
    dialog = ExportDialog(session_for(pair.branch), drives=[("U盘", str(pair.stick), 8 * 1024 ** 3)])
    qtbot.addWidget(dialog)
    assert "8.0 GB" in dialog.drive.currentText()
    op = dialog.start()
    op.cancel()  # before the worker reaches the drive
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert dialog.result_data is None and list(pair.stick.iterdir()) == []
    assert dialog.export_button.isEnabled()


def test_listing_the_real_drives_does_not_fail(qtbot):
    from ui.exchange_dialogs import removable_drives

    for name, root, free in removable_drives():
        assert root and free >= 0


def test_exchange_menu_for_a_branch_admin_and_headquarters(qtbot, pair, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    from app import i18n
    from ui import dialogs
    from ui.exchange_dialogs import install_exchange_menu

    i18n.set_language("en")
    shown = []
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(tmp_path / "mine.json"))
    monkeypatch.setattr(dialogs, "info", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(dialogs, "error", lambda parent, title, text: shown.append("ERROR " + text))
    window = QMainWindow()
    qtbot.addWidget(window)
    window.session = session_for(pair.branch)
    window.session.branch = {"code": "BJ01", "name": "北京分公司", "hq": False}
    actions = {a.text(): a for a in install_exchange_menu(window)}
    assert "Export to headquarters…" in actions and "Export the policy for branches…" not in actions
    actions["Write this desk's enrolment file…"].trigger()
    assert shown and "Fingerprint" in shown[-1] and (tmp_path / "mine.json").exists()

    window.session = session_for(pair.hq)
    window.session.branch = {"code": "HQ", "name": "集团总部", "hq": True}
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(tmp_path / "p.cdpolicy"))
    actions = {a.text(): a for a in install_exchange_menu(window)}
    assert "Export to headquarters…" not in actions
    actions["Export the policy for branches…"].trigger()
    assert "Policy no. 1 written" in shown[-1] and (tmp_path / "p.cdpolicy").exists()
    i18n.set_language("zh_CN")


def test_the_import_window_lists_the_records_headquarters_kept_aside(qtbot, pair):
    import models
    from app import i18n
    from ui.exchange_dialogs import ImportDialog

    i18n.set_language("en")
    helpers.populate(pair.branch, count=2)
    pair.branch.use()
    spoilt = models.Case.select().order_by(models.Case.id).first()
    models.database.obj.execute_sql('UPDATE "case" SET complainant_count = ? WHERE id = ?', (2 ** 31, spoilt.id))
    exported = pair.export()
    window = ImportDialog(session_for(pair.hq))
    qtbot.addWidget(window)
    window.add_files([exported["file"]])
    op = window.start()
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert [r["status"] for r in window.results] == ["imported"]
    assert "1 kept aside" in window.table.item(0, 1).text()
    assert not window.aside.isHidden() and window.aside.rowCount() == 1
    assert window.aside.item(0, 0).text() == "BJ01"
    assert window.aside.item(0, 1).text() == f"Case {spoilt.number}"
    assert window.aside.item(0, 2).text() == "complainant count"
    assert "at most 100,000" in window.aside.item(0, 3).text()
    i18n.set_language("zh_CN")
    window.imported(window.results)  # in Chinese: the record and the field by their Chinese names
    assert window.aside.item(0, 1).text() == f"案件 {spoilt.number}"
    assert window.aside.item(0, 2).text() == "投诉人数"
    assert "不能大于 100,000" in window.aside.item(0, 3).text()
