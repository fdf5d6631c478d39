"""The monthly report: every figure against an independent count of a month built through the services, the
PDF and the Excel file read back, and who may see it."""
from __future__ import annotations

import io
from collections import Counter

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.errors import InvalidInput, NotAllowed
from app.services import reports as service
from tests.reports.month import PERIOD, Month


def expected_figures(m: Month) -> dict:
    """The report's figures counted from what the test did to each case (not from the database)."""
    counted = m.counted
    complaints = [e for e in counted if e.kind == "complaint"]
    concluded = [e for e in complaints if e.established is not None]
    ack = [e for e in counted if e.acknowledged_in_time is not None]
    replies = Counter(e.reply for e in counted)
    replied = [e for e in complaints if e.replied]
    revisits = [s for e in counted for s in e.revisits]
    closed = [e for e in counted if e.closed_hours is not None]
    mobiles = Counter(e.mobile for e in counted)
    issued = [n for e in counted for n in e.notices]
    causes = Counter(e.cause for e in counted if e.cause)
    return {
        "total": len(counted),
        "complaints": len(complaints),
        "closed": len(closed),
        "closed_abnormal": sum(e.closed_abnormal for e in counted),
        "open": sum(1 for e in counted if e.closed_hours is None),
        "deferred": sum(1 for e in counted if e.state == "deferred"),
        "second_round": sum(1 for e in counted if e.rounds >= 2),
        "by_kind": Counter(e.kind for e in counted),
        "by_category": Counter(e.category for e in counted),
        "by_channel": Counter(e.channel for e in counted),
        "by_department": Counter(e.department for e in counted),
        "by_origin": Counter(e.origin for e in counted),
        "by_severity": Counter(e.severity for e in complaints),
        "established": (sum(1 for e in concluded if e.established), len(concluded)),
        "acknowledged": (sum(1 for e in ack if e.acknowledged_in_time), len(ack)),
        "replied": (replies["in_time"], replies["late"], replies["overdue"]),
        "revisit": (sum(1 for e in replied if e.revisits), len(replied)),
        "satisfaction": Counter(revisits),
        "average_hours": round(sum(e.closed_hours for e in closed) / len(closed), 1),
        "repeat": sorted(n for n in mobiles.values() if n >= 2),
        "notices": (len(issued), sum(n["state"] == "verified" for n in issued),
                    sum(n["state"] == "failed" for n in issued), sum(n["overdue"] for n in issued)),
        "causes": causes,
    }


def nonzero(counts: dict) -> dict:
    return {k: v for k, v in counts.items() if v}


def test_every_figure_matches_an_independent_count(desk, month):
    want = expected_figures(month)
    got = service.report_figures(desk.sup, PERIOD)
    assert got["total"] == want["total"] == 12
    for key in ("complaints", "closed", "closed_abnormal", "open", "deferred", "second_round"):
        assert got[key] == want[key], key
    for key in ("by_kind", "by_category", "by_channel", "by_department", "by_origin", "by_severity"):
        assert nonzero(got[key]) == dict(want[key]), key
    assert "report" not in got["by_kind"]  # R2: misconduct reports are not complaint statistics
    e = got["established"]
    assert (e["established"], e["concluded"]) == want["established"] == (4, 5)
    assert e["rate"] == pytest.approx(4 / 5)
    a = got["acknowledged_in_time"]
    assert (a["in_time"], a["due"]) == want["acknowledged"]
    r = got["replied_in_time"]
    assert (r["in_time"], r["late"], r["overdue_unreplied"]) == want["replied"]
    assert r["due"] == sum(want["replied"])
    assert r["rate"] == pytest.approx(want["replied"][0] / sum(want["replied"]))
    v = got["revisit"]
    assert (v["revisited"], v["replied"]) == want["revisit"]
    s = got["satisfaction"]
    assert {k: s[k] for k in ("satisfied", "basic", "dissatisfied") if s[k]} == dict(want["satisfaction"])
    assert s["revisits"] == sum(want["satisfaction"].values())
    assert s["rate"] == pytest.approx((want["satisfaction"]["satisfied"] + want["satisfaction"]["basic"])
                                      / s["revisits"])
    assert got["average_handling_hours"] == want["average_hours"]
    assert sorted(row["cases"] for row in got["repeat_complainants"]["rows"]) == want["repeat"] == [2, 2]
    assert all("****" in row["mobile"] for row in got["repeat_complainants"]["rows"])
    n = got["notices"]
    assert (n["issued"], n["verified"], n["failed"], n["overdue"]) == want["notices"] == (4, 2, 1, 2)
    assert {c["cause"]: c["cases"] for c in got["top_causes"]} == dict(want["causes"])
    assert got["top_causes"][0] == {"cause": "单证流转延误", "cases": 3}


def test_a_year_holds_the_month_and_the_month_before(desk, month):
    year = service.report_figures(desk.sup, "2026")
    assert year["total"] == 13  # October's 12 and September's last-minute case
    assert service.report_figures(desk.sup, "2026-09")["total"] == 1
    assert service.report_figures(desk.sup, "2026-11")["total"] == 0


def test_period_must_be_a_month_or_a_year(desk):
    for bad in ("2026-13", "26-10", "2026/10", ""):
        with pytest.raises(InvalidInput) as refused:
            service.report_figures(desk.sup, bad)
        assert refused.value.field == "--period"


def test_who_may_see_reports(desk, month):
    for who in (desk.rec, desk.h1):
        with pytest.raises(NotAllowed):
            service.report_figures(who, PERIOD)
    assert service.report_figures(desk.gm, PERIOD)["total"] == 12  # the GM sees reports, still without 举报
    assert service.report_figures(desk.admin, PERIOD)["total"] == 12
    with pytest.raises(NotAllowed):
        service.report_figures(desk.sup, PERIOD, branch_code="SH01")  # only headquarters reports on others


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_report_pdf_reads_back(desk, month):
    data = service.report_pdf(desk.sup, PERIOD)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for expected in ("客户投诉处理月报表", "北京分公司", "主要指标", "受理总数", "投诉成立率", "80.0%", "及时回复率",
                     "回访满意度", "投诉类别", "受理渠道", "被投诉部门", "主要致诉原因", "单证流转延误", "重复投诉人",
                     "138****8000", "整改通知书", "不含举报"):
        assert expected in text.replace(" ", "").replace("\n", "") or expected in text, expected
    assert "13800138000" not in text  # the mobile is masked on the report
    voided = [e.number for e in month.expect if e.voided][0]
    report = [e.number for e in month.expect if e.kind == "report"][0]
    assert voided not in text and report not in text
    fonts = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("WenQuanYi" in f for f in fonts), fonts  # no base-14 font: Chinese everywhere


def test_annual_report_is_titled_as_such(desk, month):
    assert "客户投诉处理年报表" in pdf_text(service.report_pdf(desk.sup, "2026"))


def test_report_excel_has_one_sheet_per_table(desk, month):
    data = service.report_xlsx(desk.sup, PERIOD)
    figures = service.report_figures(desk.sup, PERIOD)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames[:3] == ["概要", "比率", "按类型"]
    for name in ("按类别", "按受理渠道", "按被投诉部门", "按严重程度", "按来源", "回访满意度", "主要致诉原因",
                 "重复投诉人", "整改通知书"):
        assert name in book.sheetnames
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet["A1"].font.bold, sheet.title
        assert sheet.column_dimensions["A"].width >= 8
    kinds = {row[0]: row[1] for row in book["按类型"].iter_rows(min_row=2, values_only=True)}
    assert kinds == {"投诉": 9, "咨询": 1, "建议": 1, "求助": 1}
    categories = {row[0]: row[1] for row in book["按类别"].iter_rows(min_row=2, values_only=True)}
    assert categories["理赔"] == figures["by_category"]["claims"] == 5
    rates = {row[0]: row for row in book["比率"].iter_rows(min_row=2, values_only=True)}
    assert rates["投诉成立率"][1:] == (4, 5, pytest.approx(0.8))
    assert book["比率"]["D2"].number_format == "0.0%"
    notices = {row[0]: row[1] for row in book["整改通知书"].iter_rows(min_row=2, values_only=True)}
    assert notices["下发"] == 4 and notices["超期"] == 2 and notices["验证未通过"] == 1


def test_the_period_picker_offers_every_month_since_the_first_case(desk, month):
    months = service.periods_with_cases(desk.sup)
    assert months == sorted(months, reverse=True)
    assert months[-1] == "2026-09" and "2026-10" in months


def test_running_deadlines_are_not_judged_yet(desk):
    from datetime import datetime, timedelta

    from app.services import cases
    from tests.conftest import sample_case
    from tests.reports.month import CST

    received = datetime(2026, 11, 18, 9, 0, tzinfo=CST)
    cases.register_case(desk.rec, sample_case(received_at=received.isoformat(timespec="seconds")), now=received)
    figures = service.report_figures(desk.sup, "2026-11", now=received + timedelta(hours=1))  # an hour later
    assert figures["total"] >= 1
    assert figures["acknowledged_in_time"]["due"] == 0  # 24 hours to acknowledge: still running
    assert figures["replied_in_time"]["due"] == 0
