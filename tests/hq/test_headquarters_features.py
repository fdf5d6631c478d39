"""Everything headquarters reads from its consolidated database works the same on SQLite and on PostgreSQL: the
register (count, sort, filter, search, rows, its Excel export), the monthly report, the number check and the
period list. Each test runs once per database kind (the ``hq`` fixture of tests/hq/conftest.py)."""
from __future__ import annotations

import io

import openpyxl
import pytest

from app.services import queries, reports

PERIOD = "2026-10"


@pytest.fixture
def zb(hq):
    hq.use()
    yield hq.zb
    import models

    models.close_db()


def seen(hq):
    """What headquarters' user may see: every case but the misconduct report (routed to the branch's general
    manager, R2)."""
    return [c for c in hq.cases if c.kind != "report"]


def numbers(actor, filters=None, **kw):
    ids = queries.ledger_ids(actor, filters, **kw)
    rows = queries.ledger_rows(actor, ids)
    return [rows[i]["number"] for i in ids]


def test_the_register_counts_sorts_and_filters_every_branch(hq, zb):
    visible = seen(hq)
    assert queries.ledger_count(zb) == len(visible) == 8
    newest_first = [c.number for c in sorted(visible, key=lambda c: c.received, reverse=True)]
    assert numbers(zb, sort="received_at", descending=True) == newest_first
    assert numbers(zb, sort="received_at", descending=False) == newest_first[::-1]
    # number order: year and sequence, the branch imported first before the other for the same sequence
    by_number = numbers(zb, sort="number", descending=False)
    assert [n.split("-", 1)[1] for n in by_number] == sorted(n.split("-", 1)[1] for n in by_number)
    assert by_number[:2] == ["BJ01-2026-00001", "SH01-2026-00001"]
    page = numbers(zb, sort="received_at", descending=True, offset=3, limit=2)
    assert page == newest_first[3:5]
    # filters, alone and together
    voided = sorted(c.number for c in visible if c.state == "voided")
    assert sorted(numbers(zb, {"state": "voided"})) == voided and len(voided) == 2
    assert queries.ledger_count(zb, {"state": "voided"}) == 2
    claims = sorted(c.number for c in visible if c.category == "claims")
    assert sorted(numbers(zb, {"category": "claims"})) == claims and len(claims) == 2
    assert numbers(zb, {"kind": "inquiry"}) == ["SH01-2026-00004"]
    assert queries.ledger_count(zb, {"category": "repair_quality", "state": "accepted"}) == 2


@pytest.mark.parametrize("text, expected", [
    ("缺货", ["BJ01-2026-00002"]),                        # two characters
    ("色差", ["SH01-2026-00003"]),
    ("异", ["BJ01-2026-00005"]),                          # one character
    ("态度恶劣", ["BJ01-2026-00003"]),                    # four characters
    ("配件 一个月", ["BJ01-2026-00002"]),                 # two words
    ("SH01-2026-0000", [f"SH01-2026-0000{i}" for i in (1, 2, 3, 4)]),  # a number with '-'
    ("sh01", [f"SH01-2026-0000{i}" for i in (1, 2, 3, 4)]),           # letters in either case
    ("好处", []),                                         # the report's words: hidden from headquarters (R2)
])
def test_the_register_search_finds_the_cases_of_every_branch(hq, zb, text, expected):
    assert sorted(numbers(zb, {"text": text})) == expected
    assert queries.ledger_count(zb, {"text": text}) == len(expected)


def test_the_register_rows_and_their_excel_export(hq, zb):
    ids = queries.ledger_ids(zb, {"text": "配件"}, sort="received_at", descending=False)
    rows = queries.ledger_rows(zb, ids)
    shown = [rows[i] for i in ids]
    assert [r["number"] for r in shown] == ["BJ01-2026-00002", "SH01-2026-00002"]
    assert shown[0]["received_at"] == "2026-10-12 10:30" and shown[1]["received_at"] == "2026-10-12 13:20"
    assert shown[0]["summary"] == "配件缺货等待一个月" and shown[0]["state"] == "voided"
    assert shown[0]["mobile"] != "13900001001"  # personal data masked for headquarters (R13)
    # the register window's export: the columns as shown, cells as text
    data = reports.table_xlsx("投诉登记台帐", ["编号", "受理时间", "内容概要"],
                              [[r["number"], r["received_at"], r["summary"]] for r in shown])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["BJ01-2026-00002", "2026-10-12 10:30", "配件缺货等待一个月"] in cells
    # the complaint register ledger of the month, in number order, every branch
    ledger = reports.ledger(zb, "register", period=PERIOD)
    assert [r["number"] for r in ledger] == [c for c in numbers(zb, sort="number", descending=False)]
    workbook = openpyxl.load_workbook(io.BytesIO(reports.ledger_xlsx(zb, "register", period=PERIOD)))
    text = {str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value}
    assert {c.number for c in seen(hq)} <= text and "BJ01-2026-00004" not in text


def test_the_monthly_report_counts_each_branch(hq, zb):
    everything = reports.report_figures(zb, PERIOD)
    # voided cases and misconduct reports are left out (docs/rules.md §2.7)
    assert everything["branch"] is None and everything["by_branch"] == {"BJ01": 3, "SH01": 3}
    assert everything["total"] == 6
    shanghai = reports.report_figures(zb, PERIOD, branch_code="SH01")
    assert shanghai["total"] == 3
    assert reports.report_pdf(zb, PERIOD).startswith(b"%PDF")
    workbook = openpyxl.load_workbook(io.BytesIO(reports.report_xlsx(zb, PERIOD, branch_code="BJ01")))
    assert len(workbook.worksheets) > 1
    assert PERIOD in reports.periods_with_cases(zb)


def test_the_number_check_of_every_branch(hq, zb):
    entries = {(e["branch"], e["series"]): e for e in reports.reconcile(zb, year=2026)}
    for code, issued in (("BJ01", 5), ("SH01", 4)):
        slips = entries[(code, "case")]
        assert slips["ok"], slips
        assert slips["issued"]["count"] == issued and slips["used"]["count"] == issued - 1
        assert [(v["number"], v["reason"]) for v in slips["voided"]["numbers"]] == [(f"{code}-2026-00002", "重复登记")]
    assert reports.reconcile_xlsx(zb, year=2026)[:2] == b"PK"
