"""The command line: report, ledger reconcile / export, month close; and the Excel files opened by LibreOffice."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sqlite3

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.conftest import CLI, PASSWORD
from tests.reports.month import PERIOD


@pytest.fixture
def month_cli(desk, month):
    return month, CLI(desk.db)


def test_report_command_writes_pdf_and_excel(month_cli, tmp_path):
    month, cli = month_cli
    out = cli.ok("report", "--period", PERIOD, "--out", str(tmp_path / "月报.pdf"), "--as", "sup", password=PASSWORD)
    assert out["total"] == 12 and out["figures"]["established"]["established"] == 4
    text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "月报.pdf")).pages)
    assert "客户投诉处理月报表" in text
    out = cli.ok("report", "--period", "2026", "--out", str(tmp_path / "年报.xlsx"), "--as", "admin",
                 password=PASSWORD)
    assert out["total"] == 13
    assert "概要" in load_workbook(tmp_path / "年报.xlsx").sheetnames
    refused = cli.run("report", "--period", PERIOD, "--out", str(tmp_path / "x.pdf"), "--as", "h1", password=PASSWORD)
    assert refused.code == 1 and not (tmp_path / "x.pdf").exists()
    refused = cli.run("report", "--period", PERIOD, "--out", str(tmp_path / "x.docx"), "--as", "sup",
                      password=PASSWORD)
    assert refused.code == 1 and "--out" in refused.err


def test_ledger_reconcile_prints_json(month_cli):
    month, cli = month_cli
    result = cli.ok("ledger", "reconcile", "--year", "2026", "--as", "sup", password=PASSWORD)
    slips = next(e for e in result if e["series"] == "case")
    for key in ("series", "issued", "used", "voided", "gaps", "unsigned_slips"):
        assert key in slips
    assert slips["issued"]["count"] == 15 and slips["used"] == 14 and slips["gaps"] == []
    assert slips["voided"]["numbers"][0]["reason"] == "重复登记"
    conn = sqlite3.connect(cli.db)
    conn.execute("update number_series set last = last + 1 where series = 'case'")
    conn.commit()
    conn.close()
    result = cli.ok("ledger", "reconcile", "--as", "sup", password=PASSWORD)
    slips = next(e for e in result if e["series"] == "case")
    assert slips["gaps"] == [{"from": "BJ01-2026-00016", "to": "BJ01-2026-00016", "count": 1}]


def test_ledger_export_and_month_close(month_cli, tmp_path):
    month, cli = month_cli
    for kind in ("register", "pending", "notices"):
        out = cli.ok("ledger", "export", "--kind", kind, "--out", str(tmp_path / f"{kind}.xlsx"), "--as", "sup",
                     password=PASSWORD)
        assert out["rows"] == load_workbook(tmp_path / f"{kind}.xlsx").active.max_row - 1
    out = cli.ok("ledger", "export", "--kind", "register", "--out", str(tmp_path / "register.pdf"), "--as", "rec",
                 password=PASSWORD)
    assert out["rows"] == 14
    out = cli.ok("month", "close", "--period", PERIOD, "--out", str(tmp_path / "对账单.pdf"), "--as", "sup",
                 password=PASSWORD)
    assert out["statement"]["counts"]["opened"] == 14
    assert "分公司负责人" in "".join(p.extract_text() for p in PdfReader(out["file"]).pages)
    reminders = cli.ok("ledger", "reminders", "--as", "rec", password=PASSWORD)
    assert "rows" in reminders and "due" in reminders


def _soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed but CI is set: .ci/run must install it "
                        "(apt-get install libreoffice-calc-nogui)")
        pytest.skip("soffice not found: the test that opens our Excel files in LibreOffice is skipped; install "
                    "LibreOffice Calc (apt-get install libreoffice-calc-nogui) to run it")
    return found


def test_excel_files_open_in_libreoffice(month_cli, tmp_path):
    soffice = _soffice()
    month, cli = month_cli
    cli.ok("ledger", "export", "--kind", "register", "--out", str(tmp_path / "register.xlsx"), "--as", "sup",
           password=PASSWORD)
    cli.ok("report", "--period", PERIOD, "--out", str(tmp_path / "report.xlsx"), "--as", "sup", password=PASSWORD)
    profile = (tmp_path / "lo-profile").as_uri()
    out = tmp_path / "csv"
    for name in ("register.xlsx", "report.xlsx"):
        proc = subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to",
             "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(tmp_path / name)],
            capture_output=True, text=True, timeout=180)
        assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO((out / "register.csv").read_text(encoding="utf-8"))))
    assert rows[0][:3] == ["编号（登记号）", "原件编号", "受理时间"]
    assert [r[0] for r in rows[1:]] == sorted(e.number for e in month.expect if e.kind != "report")
    assert any("已作废" in r for r in rows)
    summary = list(csv.reader(io.StringIO((out / "report.csv").read_text(encoding="utf-8"))))
    assert summary[0] == ["指标", "数值"] and ["受理总数", "12"] in summary
