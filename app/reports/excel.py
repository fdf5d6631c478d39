"""Excel workbooks (openpyxl): the report with one sheet per table, and the ledgers.

Every sheet has Chinese column titles in bold on a shaded, frozen first row, sensible column widths, and
an auto-filter; numbers are numbers and rates are percentages, so the branch can keep working in Excel.
"""
from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.reports.documents import (
    DIMENSIONS, LEDGER_COLUMNS, LEDGER_TITLES, SATISFACTION, SEVERITY, cell, key_figures, label, report_title,
)

HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
HEADER_FONT = Font(bold=True)
PERCENT = "0.0%"
TEXT = "@"  # Excel's text format: 13800138000 never becomes 1.38E+10, 2024-001 never a date


def text_workbook(title: str, headers: list[str], rows, *, widths: list[float] | None = None) -> bytes:
    """A table whose every cell is text, typed as text (a register exported from the windows: the mobile, the
    number and the dates arrive in Excel exactly as shown). Written in streaming mode, so 100,000 rows fit."""
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31] or "Sheet1")
    for i, header in enumerate(headers, start=1):
        width = widths[i - 1] if widths and i - 1 < len(widths) else max(10, min(40, len(header) * 2 + 4))
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    head = []
    for header in headers:
        c = WriteOnlyCell(sheet, value=header)
        c.font, c.fill = HEADER_FONT, HEADER_FILL
        head.append(c)
    sheet.append(head)
    count = 0
    for row in rows:
        cells = []
        for value in row:
            c = WriteOnlyCell(sheet, value="" if value is None else str(value))
            c.number_format = TEXT
            cells.append(c)
        sheet.append(cells)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(headers), 1))}{count + 1}"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet(book: Workbook, title: str, headers: list[tuple[str, float]]):
    sheet = book.create_sheet(title=title[:31])
    sheet.append([h for h, _ in headers])
    for i, (_, width) in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
        c = sheet.cell(row=1, column=i)
        c.font, c.fill = HEADER_FONT, HEADER_FILL
        c.alignment = Alignment(horizontal="center", vertical="center")
    sheet.freeze_panes = "A2"
    return sheet


def _finish(sheet) -> None:
    if sheet.max_row >= 1 and sheet.max_column >= 1:
        sheet.auto_filter.ref = f"A1:{get_column_letter(sheet.max_column)}{max(sheet.max_row, 1)}"


def _bytes(book: Workbook) -> bytes:
    if "Sheet" in book.sheetnames and len(book.sheetnames) > 1:
        del book["Sheet"]
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_workbook(data: dict) -> bytes:
    book = Workbook()
    summary = _sheet(book, "概要", [("指标", 22), ("数值", 40)])
    summary.append(["报表", report_title(data)])
    summary.append(["机构", data.get("branch_name") or data.get("branch") or "全部"])
    summary.append(["期间", f"{data['from'][:10]} 至 {data['to'][:10]}（不含）"])
    for name, value in key_figures(data):
        summary.append([name, value])
    _finish(summary)

    rates = _sheet(book, "比率", [("指标", 22), ("分子", 10), ("分母", 10), ("比率", 10)])
    for name, key, num, den in (("投诉成立率", "established", "established", "concluded"),
                                ("及时受理率", "acknowledged_in_time", "in_time", "due"),
                                ("及时回复率", "replied_in_time", "in_time", "due"),
                                ("回访率", "revisit", "revisited", "replied")):
        part = data[key]
        rates.append([name, part[num], part[den], part["rate"]])
    s = data["satisfaction"]
    rates.append(["满意率", s.get("satisfied", 0) + s.get("basic", 0), s["revisits"], s["rate"]])
    for row in rates.iter_rows(min_row=2, min_col=4, max_col=4):
        row[0].number_format = PERCENT
    _finish(rates)

    for key, title, table in DIMENSIONS:
        sheet = _sheet(book, title.replace("（投诉）", ""), [("项目", 22), ("件数", 10), ("占比", 10)])
        counts = data[key]
        total = sum(counts.values())
        for code, n in counts.items():
            sheet.append([label(table, code), n, (n / total) if total else None])
            sheet.cell(row=sheet.max_row, column=3).number_format = PERCENT
        _finish(sheet)
    if not data.get("branch"):
        sheet = _sheet(book, "按机构", [("机构", 22), ("件数", 10)])
        for code, n in data["by_branch"].items():
            sheet.append([code, n])
        _finish(sheet)

    sheet = _sheet(book, "回访满意度", [("满意度", 16), ("回访次数", 10)])
    for k in ("satisfied", "basic", "dissatisfied"):
        sheet.append([SATISFACTION[k], s.get(k, 0)])
    _finish(sheet)

    sheet = _sheet(book, "主要致诉原因", [("序号", 8), ("致诉原因", 50), ("件数", 10)])
    for i, c in enumerate(data["top_causes"], start=1):
        sheet.append([i, c["cause"], c["cases"]])
    _finish(sheet)

    sheet = _sheet(book, "重复投诉人", [("手机", 16), ("投诉人", 10), ("件数", 8), ("编号", 60)])
    for r in data["repeat_complainants"]["rows"]:
        sheet.append([r["mobile"], r["name"], r["cases"], "、".join(r["numbers"])])
    _finish(sheet)

    n = data["notices"]
    sheet = _sheet(book, "整改通知书", [("项目", 18), ("份数", 10)])
    for name, key in (("下发", "issued"), ("其中再次下发", "follow_ups"), ("已反馈待验证", "reported"),
                      ("验证通过", "verified"), ("验证未通过", "failed"), ("未完成", "open"), ("超期", "overdue")):
        sheet.append([name, n[key]])
    _finish(sheet)
    return _bytes(book)


def ledger_workbook(kind: str, rows: list[dict], *, branch_name: str = "") -> bytes:
    book = Workbook()
    columns = LEDGER_COLUMNS[kind]
    sheet = _sheet(book, LEDGER_TITLES[kind], [(c[1], c[3]) for c in columns])
    for r in rows:
        sheet.append([r.get(c[0]) if c[4] == "count" else cell(r.get(c[0]), c[4]) for c in columns])
    counts = {i for i, c in enumerate(columns) if c[4] == "count"}
    for row in sheet.iter_rows(min_row=2):
        for i, c in enumerate(row):
            c.alignment = Alignment(vertical="top", wrap_text=True)
            if i not in counts:
                c.number_format = TEXT  # a mobile or a number stays text when it is edited in Excel
    _finish(sheet)
    book.properties.title = f"{branch_name} {LEDGER_TITLES[kind]}".strip()
    return _bytes(book)


def reconcile_workbook(entries: list[dict]) -> bytes:
    """Number reconciliation: a summary sheet per series and year, gaps, voided numbers, slips' paper status."""
    book = Workbook()
    summary = _sheet(book, "编号核对", [("机构", 8), ("编号类别", 12), ("年度", 8), ("已发放至", 20), ("已用", 8),
                                      ("作废", 8), ("缺号", 8), ("结论", 10)])
    gaps = _sheet(book, "缺号", [("机构", 8), ("编号类别", 12), ("自", 20), ("至", 20), ("个数", 8)])
    voids = _sheet(book, "作废编号", [("编号", 20), ("作废原因", 40), ("作废人", 10), ("作废时间", 17)])
    paper = _sheet(book, "纸质单据", [("编号", 20), ("已打印", 8), ("签字返回", 10), ("已归档", 8), ("扫描件", 8),
                                     ("存放位置", 20)])
    for e in entries:
        summary.append([e["branch"], e["series_label"], e["year"], e["issued"]["last"] or "", e["used"]["count"],
                        e["voided"]["count"], e["gap_count"], "无误" if e["ok"] else "有缺号/异常"])
        for g in e["gaps"]:
            gaps.append([e["branch"], e["series_label"], g["from"], g["to"], g["count"]])
        for v in e["voided"]["numbers"]:
            voids.append([v["number"], v["reason"], v["by"], v["at"]])
        for s in e.get("paper", {}).get("slips", []):
            paper.append([s["number"], "是" if s["printed"] else "否", "是" if s["signed_returned"] else "否",
                          "是" if s["filed"] else "否", s["attachments"], s["location"]])
    for sheet in (summary, gaps, voids, paper):
        _finish(sheet)
    return _bytes(book)


__all__ = ["report_workbook", "ledger_workbook", "reconcile_workbook", "text_workbook", "SEVERITY"]
