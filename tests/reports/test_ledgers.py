"""Ledgers, number reconciliation (gaps made by hand are found) and the paper status of slips."""
from __future__ import annotations

import io
import sqlite3
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.reports import ledgers
from app.errors import NotAllowed
from app.services import reports as service
from tests.reports.month import PERIOD


def case_entry(entries, year=2026):
    return next(e for e in entries if e["series"] == "case" and e["year"] == year)


def test_register_has_one_row_per_visible_case_in_number_order(desk, month):
    rows = service.ledger(desk.sup, "register")
    numbers = [r["number"] for r in rows]
    report = next(e.number for e in month.expect if e.kind == "report")
    assert report not in numbers  # R2: only the general manager and admin see a misconduct report
    assert numbers == sorted(e.number for e in month.expect if e.kind != "report")
    assert all(r["register_no"] == r["number"] for r in rows)
    assert report in [r["number"] for r in service.ledger(desk.gm, "register")]
    # a handler follows the ledgers too, with the complainants of cases he does not handle masked
    handler_rows = {r["number"]: r for r in service.ledger(desk.h1, "register")}
    assert set(handler_rows) == set(numbers)
    masked = [r for r in handler_rows.values() if "****" in r["mobile"]]
    assert masked and len(masked) < len(handler_rows)  # his own cases in full, the others masked
    with pytest.raises(NotAllowed):  # but the number check stays with reception and the managers
        service.reconcile(desk.h1)
    by_period = service.ledger(desk.sup, "register", period=PERIOD)
    assert len(by_period) == len(rows) - 1  # September's case is not in October


def test_register_masks_personal_data_for_headquarters_style_roles(desk, month):
    rows = {r["number"]: r for r in service.ledger(desk.gm, "register")}
    first = rows[month.expect[0].number]
    assert first["mobile"] == "138****8000" and first["complainant"].endswith("*")
    assert service.ledger(desk.rec, "register")[0]["mobile"] == "13800138000"


def test_pending_ledger_and_the_reminders_due_on_the_4th(desk, month):
    rows = service.ledger(desk.sup, "pending")
    deferred = {r["number"]: r for r in rows}
    n5, n6 = month.expect[4].number, month.expect[5].number
    assert deferred[n5]["open"] and deferred[n5]["follow_up"] == "2026-11-10" and deferred[n5]["reason"] == "配件延迟到货"
    assert not deferred[n6]["open"] and deferred[n6]["resumed_at"] == "2026-10-21 09:00"
    assert [r["number"] for r in service.ledger(desk.sup, "pending", open_only=True)] == [n5]
    reminders = service.reminder_list(desk.rec, today=date(2026, 11, 4))
    assert reminders["month"] == "2026-10" and reminders["due"] == "2026-11-04"
    assert reminders["status"] == "due_today"
    assert [r["number"] for r in reminders["rows"]] == [n5]
    assert service.reminder_list(desk.rec, today=date(2026, 11, 6))["status"] == "overdue"
    assert service.reminder_list(desk.rec, today=date(2026, 11, 2))["status"] == "due"


def test_notice_ledger_shows_state_deadline_and_overdue(desk, month):
    rows = service.ledger(desk.sup, "notices")
    assert len(rows) == 4  # three issued in October, and the follow-up of the failed one
    states = [r["state"] for r in rows]
    assert states.count("failed") == 1 and states.count("verified") == 2 and states.count("issued") == 1
    follow_up = next(r for r in rows if r["follows"])
    assert next(r for r in rows if r["number"] == follow_up["follows"])["state"] == "failed"
    overdue = {r["number"] for r in rows if r["overdue"]}
    assert overdue == set(service.report_figures(desk.sup, PERIOD)["notices"]["overdue_numbers"])


def test_ledger_excel_and_pdf_read_back(desk, month):
    for kind, title in (("register", "投诉登记台帐"), ("pending", "未了事宜台帐"), ("notices", "整改通知书台帐")):
        rows = service.ledger(desk.sup, kind)
        book = load_workbook(io.BytesIO(service.ledger_xlsx(desk.sup, kind)))
        sheet = book[title]
        assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
        assert sheet.max_row == len(rows) + 1
        assert [c.value for c in sheet[2]][0] == rows[0]["number"]
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(service.ledger_pdf(desk.sup, kind))).pages)
        assert title in text and rows[0]["number"] in text
    book = load_workbook(io.BytesIO(service.ledger_xlsx(desk.sup, "register")))
    header = [c.value for c in book["投诉登记台帐"][1]]
    assert header[:3] == ["编号（登记号）", "原件编号", "受理时间"]
    assert "已作废" in [c.value for c in book["投诉登记台帐"]["M"]]


def test_reconciliation_accounts_for_every_number(desk, month):
    entries = service.reconcile(desk.sup, year=2026)
    slips = case_entry(entries)
    assert slips["issued"]["count"] == len(month.expect) == 15
    assert slips["gaps"] == [] and slips["ok"]
    voided = [e.number for e in month.expect if e.voided]
    assert [v["number"] for v in slips["voided"]["numbers"]] == voided
    assert slips["voided"]["numbers"][0]["reason"] == "重复登记"
    assert slips["used"]["count"] == 14 and voided[0] not in slips["used"]["numbers"]
    notices = next(e for e in entries if e["series"] == "notice")
    assert notices["issued"]["count"] == 4 and notices["ok"]


def test_a_deleted_case_row_is_reported_as_a_gap(desk, month):
    victim = month.expect[6].number  # BJ01-2026-00007
    conn = sqlite3.connect(desk.db)
    conn.execute("PRAGMA foreign_keys = ON")
    case_id = conn.execute('select id from "case" where number = ?', (victim,)).fetchone()[0]
    conn.execute('delete from rectification_notice where case_id = ?', (case_id,))
    conn.execute('delete from "case" where id = ?', (case_id,))
    conn.commit()
    conn.close()
    slips = case_entry(service.reconcile(desk.sup))
    assert not slips["ok"]
    assert slips["gaps"] == [{"from": victim, "to": victim, "count": 1}]
    notices = next(e for e in service.reconcile(desk.sup) if e["series"] == "notice")
    assert notices["gap_count"] == 1 and not notices["ok"]


def test_a_bumped_series_is_reported_as_a_gap_at_the_end(desk, month):
    conn = sqlite3.connect(desk.db)
    conn.execute("update number_series set last = last + 3 where series = 'case' and year = 2026")
    conn.commit()
    conn.close()
    slips = case_entry(service.reconcile(desk.sup))
    assert slips["gaps"] == [{"from": "BJ01-2026-00016", "to": "BJ01-2026-00018", "count": 3}]
    assert slips["gap_count"] == 3 and not slips["ok"]
    summary = case_entry(service.reconcile_summary(desk.sup))
    assert summary["gaps"] == slips["gaps"]


def test_paper_status_of_slips(desk, month, tmp_path):
    from app.reports.printouts import print_document

    first, second = month.expect[0].number, month.expect[1].number
    print_document(desk.rec, first, "slip")
    print_document(desk.rec, second, "slip")
    summary = case_entry(service.reconcile_summary(desk.sup))
    assert summary["unsigned_slips"] == [first, second]
    assert first not in summary["unprinted_slips"]
    service.set_paper_status(desk.rec, first, signed_returned=True)
    summary = case_entry(service.reconcile_summary(desk.sup))
    assert summary["unsigned_slips"] == [second] and summary["not_filed_slips"] == [first]
    scan = tmp_path / "签字单.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0 scanned signed slip" * 50)
    view = service.attach_paper(desk.rec, first, scan)
    service.set_paper_status(desk.rec, first, filed=True, location="2026年10月案宗")
    attachment = view["attachments"][0]
    stored = desk.db.parent / "attachments" / attachment["stored"]
    assert stored.read_bytes() == scan.read_bytes()
    import hashlib

    assert attachment["sha256"] == hashlib.sha256(scan.read_bytes()).hexdigest()
    entry = case_entry(service.reconcile(desk.sup))
    slip = next(s for s in entry["paper"]["slips"] if s["number"] == first)
    assert slip == {**slip, "printed": True, "signed_returned": True, "filed": True, "attachments": 1,
                    "location": "2026年10月案宗"}
    assert ledgers.verify_attachments() == []
    stored.write_bytes(b"changed")
    assert ledgers.verify_attachments()[0]["problem"] == "changed"
    with pytest.raises(NotAllowed):
        service.set_paper_status(desk.h1, first, signed_returned=True)


def test_reconcile_excel(desk, month):
    from app.reports import excel

    book = load_workbook(io.BytesIO(excel.reconcile_workbook(service.reconcile(desk.sup))))
    assert book.sheetnames == ["编号核对", "缺号", "作废编号", "纸质单据"]
    assert [c.value for c in book["作废编号"][2]][:2] == [month.expect[8].number, "重复登记"]
