"""Exchange > Import an old register…, driven with qtbot: the preview of the mapping and the first rows, a change
of the mapping, the check (dry run) and the import with refused rows reported by row and reason."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

import models  # noqa: E402
from tests.registers import samples  # noqa: E402


@pytest.fixture
def english():
    from app import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


def session_for(desk):
    from ui.session import Session

    return Session(actor=desk.admin, db_target=str(desk.db), data_dir=Path(desk.db).parent)


def field_box(dialog, title):
    for row in range(dialog.columns.rowCount()):
        if dialog.columns.item(row, 0).text() == title:
            return dialog.columns.cellWidget(row, 1)
    raise AssertionError(title)


def test_preview_check_and_import_through_the_window(qtbot, desk, tmp_path, english):
    from ui.register_import import RegisterImportDialog

    path = samples.write_xlsx(tmp_path / "reg.xlsx")
    dialog = RegisterImportDialog(session_for(desk), path=str(path))
    qtbot.addWidget(dialog)
    assert dialog.header_row.value() == 4
    assert field_box(dialog, "联系电话").currentData() == "phone"
    assert field_box(dialog, "序号").currentData() == "old_no"
    assert dialog.columns.item(3, 2).text().startswith("13800138000 | 13912345678")
    verdicts = [dialog.rows.item(r, 1).text() for r in range(dialog.rows.rowCount())]
    assert verdicts[:3] == ["Imported, closed", "Imported, closed", "Imported, open"]
    assert verdicts[4].startswith("Refused: 联系电话: ") and "1.38E+10" in verdicts[4]

    # the check goes through the whole file and writes nothing
    op = dialog.start(dry_run=True)
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    assert "nothing written" in dialog.banner.text() and "5 rows would be imported" in dialog.banner.text()
    assert models.Case.select().count() == 0

    # not importing the result column: the two rows without a status column still come in by their status
    field_box(dialog, "处理结果").setCurrentIndex(0)
    assert dialog.mapping()["columns"]["处理结果"] is None
    op = dialog.start(dry_run=False)
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    text = dialog.banner.text()
    assert "Imported 5 rows (3 closed, 2 open)" in text and "2 refused" in text
    assert "Row 9: 联系电话" in text and "Row 10: 受理日期" in text
    assert "BJ01-LS-2024-00001 to BJ01-LS-2024-00005" in text
    assert Path(dialog.summary["refused_file"]).exists()
    assert models.Case.select().where(models.Case.result != "").count() == 0
    assert models.Case.get(models.Case.original_doc_no == "2024-001").state == "closed"
    assert dialog.rows.item(0, 1).text() == "Already imported as BJ01-LS-2024-00001"
    assert dialog.rows.item(4, 1).text().startswith("Refused: ")

    op = dialog.start(dry_run=False)  # the same file again
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    assert "Imported 0 rows" in dialog.banner.text() and "5 were already imported" in dialog.banner.text()
    assert models.Case.select().count() == 5


def test_a_file_that_is_not_a_register_is_explained_and_nothing_can_start(qtbot, desk, tmp_path, english):
    from ui.register_import import RegisterImportDialog

    path = tmp_path / "numbers.csv"
    path.write_text("1,2\n3,4\n", encoding="utf-8")
    dialog = RegisterImportDialog(session_for(desk), path=str(path))
    qtbot.addWidget(dialog)
    assert "No header row found" in dialog.banner.text()
    assert not dialog.import_button.isEnabled() and not dialog.check_button.isEnabled()


def test_the_exchange_menu_offers_the_import_to_a_branch_admin(qtbot, desk, english):
    from PySide6.QtWidgets import QMainWindow

    from ui.exchange_dialogs import install_exchange_menu

    window = QMainWindow()
    qtbot.addWidget(window)
    window.session = session_for(desk)
    window.session.branch = {"code": "BJ01", "hq": False}
    texts = [a.text() for a in install_exchange_menu(window)]
    assert "Import an old register…" in texts


def test_a_pending_matters_register_is_recognised_and_previewed_in_the_window(qtbot, desk, tmp_path, english):
    from ui.register_import import RegisterImportDialog

    path = samples.write_pending_xlsx(tmp_path / "未了事宜台帐.xlsx")
    dialog = RegisterImportDialog(session_for(desk), path=str(path))
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    assert dialog.register.currentData() == "pending" and "Pending-matters register" in dialog.register.currentText()
    assert field_box(dialog, "未了事项").currentData() == "pending_reason"
    assert field_box(dialog, "未了事项").currentText() == "Pending reason"
    assert field_box(dialog, "预计完成日期").currentData() == "follow_up"
    assert field_box(dialog, "转入日期").currentData() == "pending_since"
    assert field_box(dialog, "责任人").currentData() == "handler"
    verdicts = [dialog.rows.item(r, 1).text() for r in range(dialog.rows.rowCount())]
    assert verdicts[:3] == ["Imported, a pending matter (follow up 2026-12-05)",
                            "Imported, a pending matter (follow up 2026-12-01)", "Imported, closed"]
    assert verdicts[3] == "Refused: 预计完成日期: 2026/13/01 is not a real date"
    assert verdicts[5] == "Refused: 预计完成日期: is empty: give the date to follow the matter up"

    # said to be a complaint register, the open rows come in accepted
    widgets_register = dialog.register
    widgets_register.setCurrentIndex(widgets_register.findData("complaints"))
    assert dialog.mapping()["register"] == "complaints"
    assert dialog.rows.item(1, 1).text().startswith("Imported, a pending matter")  # it gives its pending reason
    widgets_register.setCurrentIndex(widgets_register.findData("pending"))

    op = dialog.start(dry_run=False)
    qtbot.waitUntil(lambda: op.done, timeout=30000)
    text = dialog.banner.text()
    assert "Imported 3 rows (1 closed, 2 open)" in text and "2 are pending matters" in text and "3 refused" in text
    assert models.PendingMatter.select().count() == 3
    assert models.Case.get(models.Case.original_doc_no == "WL-001").state == "deferred"
    dialog.grab().save(str(tmp_path / "pending-import.png"))
