"""The windows on a Windows branch PC: a second desk on the same database, a report open in Excel, a draft the
antivirus holds, and file dialogs that open in Documents (or where the user last was), never the program's
folder."""
from __future__ import annotations

import os

import pytest

from app.records import instance
from tests.conftest import ROOT
from tests.windows_conditions import HeldFiles, another_desk



@pytest.fixture
def held(monkeypatch):
    return HeldFiles(monkeypatch)


def test_a_second_desk_on_the_same_database_says_so_and_stops(desk, tmp_path):
    from ui.application import Desk

    db = tmp_path / "shared.sqlite3"
    db.write_bytes(b"")
    with another_desk(db) as first:
        second = Desk(desk.app, str(db), tmp_path)
        assert second.open() is False
        assert desk.prompts.errors, "the second desk must say why it stops"
        title, text = desk.prompts.errors[-1]
        assert title == "Complaint Desk is already open"
        assert "already open in Complaint Desk" in text and str(first.pid) in text
        assert db.read_bytes() == b""  # the second desk did not touch the file
    # the first desk is gone: this one may open it now
    again = Desk(desk.app, str(db), tmp_path)
    try:
        instance.ensure_free(db)
    finally:
        again.close()


def test_a_report_open_in_excel_offers_to_try_again_or_another_name(desk, qtbot, held, monkeypatch, tmp_path):
    from ui import dialogs, sample_data

    sample_data.populate(desk.actors, desk.now)
    view = desk.main_window("chenjing").go_to("reports")
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"open in Excel")
    held.hold_forever(target)
    questions, answers = [], ["retry", "other"]

    def file_in_use(parent, title, text):
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(dialogs, "file_in_use", file_in_use)
    offered = []

    def save_file(parent, title, suggested, pattern):
        offered.append(suggested)
        return suggested if len(offered) > 1 else str(target)

    monkeypatch.setattr(dialogs, "save_file", save_file)
    op = view.save_excel()
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    qtbot.waitUntil(lambda: "Saved to" in view.message.text(), timeout=5000)
    assert len(questions) == 2 and "open in another program (Excel or WPS?)" in questions[0]
    assert str(target) in questions[0] and "Errno" not in questions[0]
    assert offered[-1] == str(tmp_path / "report (2).xlsx")  # beside the held one, under another name
    assert (tmp_path / "report (2).xlsx").read_bytes()[:2] == b"PK"  # the workbook
    assert target.read_bytes() == b"open in Excel"
    assert str(tmp_path / "report (2).xlsx") in view.message.text()


def test_a_draft_held_by_the_antivirus_is_kept_and_a_lasting_failure_is_said(desk, qtbot, held):
    from tests.ui.test_slip import type_text

    main = desk.main_window("wangfang")
    slip = main.new_slip()
    draft = desk.data_dir / "drafts" / "slip-wangfang.json"
    held.hold_briefly(draft, attempts=2)  # a scan of the first draft
    type_text("欧阳娜娜", slip.intake.name)
    qtbot.waitUntil(draft.exists, timeout=5000)
    assert "欧阳娜娜" in draft.read_text(encoding="utf-8") and not slip.banner.isVisible()

    held.hold_forever(draft)  # held for good: said on the slip, never lost silently
    type_text("欧阳", slip.intake.contact_name)
    qtbot.waitUntil(lambda: slip.banner.isVisible() and "draft could not be saved" in slip.banner.text(),
                    timeout=5000)
    held.let_go(draft)
    slip.draft.write_now()  # the keeper's next try
    assert "欧阳" in draft.read_text(encoding="utf-8").split('"contact_name"')[1][:20]
    assert not slip.banner.isVisible()
    slip.draft.enabled = False


def test_file_dialogs_open_in_documents_then_where_the_user_last_was(desk_app, monkeypatch, tmp_path):
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    from ui import dialogs

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.chdir(ROOT)  # started from a shortcut: the current directory is the program's folder
    seen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda parent, title, start, pattern: (seen.append(start), (str(tmp_path / "out" / "ledger.xlsx"), ""))[1]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(
        lambda parent, title, start, pattern: (seen.append(start), ("", ""))[1]))
    documents = tmp_path / "Documents"
    documents.mkdir()
    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda location: str(documents)))

    assert dialogs.save_file(None, "Save", "ledger.xlsx", "*.xlsx") == str(tmp_path / "out" / "ledger.xlsx")
    assert seen[0] == str(documents / "ledger.xlsx")
    dialogs.open_file(None, "Open", "*.json")
    assert seen[1] == str(tmp_path / "out")  # remembered
    stick = tmp_path / "stick"
    stick.mkdir()
    dialogs.open_file(None, "Open", "*.json", folder=str(stick))
    assert seen[2] == str(stick)  # an exchange starts on the stick
    assert not any(s == str(ROOT) or s.startswith(str(ROOT) + os.sep) for s in seen)


def test_the_register_exported_over_a_csv_open_in_excel_waits_for_it_to_be_closed(desk, qtbot, held, monkeypatch,
                                                                                  tmp_path):
    from tests.ui.test_ledger import _register_view
    from ui import dialogs

    main, view, numbers = _register_view(desk)
    target = tmp_path / "register.csv"
    target.write_text("the copy open in Excel", encoding="utf-8")
    held.hold_forever(target)
    asked = []

    def file_in_use(parent, title, text):
        asked.append(text)
        held.let_go(target)  # the user closes it in Excel, then presses Try again
        return "retry"

    monkeypatch.setattr(dialogs, "file_in_use", file_in_use)
    op = view.start_export(str(target))
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    qtbot.waitUntil(lambda: "exported" in view.message.text(), timeout=5000)
    assert len(asked) == 1 and str(target) in asked[0] and "Excel or WPS" in asked[0]
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Number,") and len(lines) == len(numbers) + 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []


def test_giving_up_on_a_held_csv_leaves_it_and_no_partial_file(desk, qtbot, held, monkeypatch, tmp_path):
    from tests.ui.test_ledger import _register_view
    from ui import dialogs

    main, view, numbers = _register_view(desk)
    target = tmp_path / "register.csv"
    target.write_text("the copy open in Excel", encoding="utf-8")
    held.hold_forever(target)
    monkeypatch.setattr(dialogs, "file_in_use", lambda parent, title, text: None)  # Cancel
    op = view.start_export(str(target))
    qtbot.waitUntil(lambda: op.done, timeout=20000)
    assert target.read_text(encoding="utf-8") == "the copy open in Excel"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    assert "exported" not in view.message.text()


def test_the_exchange_files_are_offered_on_the_stick(desk_app, monkeypatch, tmp_path):
    from ui import exchange_dialogs

    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    monkeypatch.setattr(exchange_dialogs, "removable_drives", lambda: [("KINGSTON (E:)", str(stick), 8 << 30)])
    assert exchange_dialogs.first_stick() == str(stick)
    assert exchange_dialogs.on_stick("CDESK-POLICY.cdpolicy") == str(stick / "CDESK-POLICY.cdpolicy")
    monkeypatch.setattr(exchange_dialogs, "removable_drives", lambda: [])
    assert exchange_dialogs.on_stick("CDESK-POLICY.cdpolicy") == "CDESK-POLICY.cdpolicy"  # then last folder or Documents
