"""Registers as branches keep them (投诉登记台帐), written as .xlsx, .xls and .csv for the import tests."""
from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from app import i18n

TITLE = "北京分公司2024年客户投诉登记台帐"
HEADERS = ["序号", "受理日期", "客户姓名", "联系电话", "车牌号", "投诉类别", "投诉内容", "被投诉部门", "处理结果", "处理状态"]

# (old number, date as typed, name, phone as Excel kept it, plate, category, content, department, result, status)
ROWS = [
    ("2024-001", datetime(2024, 3, 5, 9, 30), "张伟", 13800138000, "京A12345", "理赔", "理赔款迟迟未到账，多次催问无果。",
     "理赔部", "已协调财务付款，客户认可。", "已结案"),
    ("2024-002", "2024/3/5", "李娜", 13912345678.0, "", "服务态度", "柜面人员态度冷淡，不耐烦。", "客服部",
     "已向客户致歉并对员工进行批评教育。", "已结案"),
    ("2024-003", "2024年3月8日", "王强", "１３７００１３７０００", "京B54321", "维修质量", "车辆维修后仍有异响。", "售后部",
     "", "处理中"),
    ("2024-004", 45362, "赵敏", "010-65551234", "", "时效延误", "报案后查勘员两天未联系。", "理赔部", "", "未结案"),
    ("2024-005", "2024-03-12", "刘洋", "1.38E+10", "", "理赔", "定损金额与实际维修费差距大。", "理赔部", "", "处理中"),
    ("2024-006", "2024/13/40", "陈静", 13600136000, "", "其他", "发票开具错误。", "财务部", "", "处理中"),
    ("2024-007", "2024-03-15 14:20", "孙磊", 15011112222, "沪C88888", "配件延误", "配件迟迟未到，车辆停在店里十天。",
     "配件部", "配件已到并完成维修。", "已办结"),
]


def register_rows(rows=ROWS):
    return [list(r) for r in rows]


def write_xlsx(path: Path, rows=ROWS, *, sheet: str = "2024年") -> Path:
    """Title row merged across the table, a blank row, a subtitle, the header, the rows, a total and a signature
    line; the phone column holds numbers, as Excel stores a mobile typed without care."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append([TITLE])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws.append(["填报单位：北京分公司客服部", None, None, None, None, None, None, None, "单位：件"])
    ws.append([])
    ws.append(HEADERS)
    for r in register_rows(rows):
        ws.append(r)
    for row in ws.iter_rows(min_row=5, min_col=4, max_col=4):
        if isinstance(row[0].value, (int, float)):
            row[0].number_format = "0.00E+00"  # shown as 1.38E+10, as in an untidy register
    ws.append(["合计", f"{len(rows)} 件"])
    ws.append(["制表人：王芳", None, None, None, None, None, "审核人：刘经理"])
    book.save(str(path))
    return path


def write_xls(path: Path, rows=ROWS) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("台帐")
    ws.write_merge(0, 0, 0, len(HEADERS) - 1, TITLE)
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for c, h in enumerate(HEADERS):
        ws.write(2, c, h)
    for r, row in enumerate(register_rows(rows), start=3):
        for c, value in enumerate(row):
            if isinstance(value, datetime):
                ws.write(r, c, value, date_style)
            else:
                ws.write(r, c, value)
    book.save(str(path))
    return path


def write_csv(path: Path, rows=ROWS, *, encoding: str = "gbk") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        out = csv.writer(handle)
        out.writerow([TITLE])
        out.writerow(HEADERS)
        for r in register_rows(rows):
            out.writerow([v.strftime("%Y/%m/%d %H:%M") if isinstance(v, datetime) else v for v in r])
    return path


PENDING_TITLE = "北京分公司2026年未了事宜台帐"
PENDING_HEADERS = ["编号", "受理日期", "投诉人", "联系电话", "投诉内容", "未了事项", "转入日期", "预计完成日期", "责任人", "状态"]

# (old number, received, complainant, phone, content, what is pending, pending since, follow-up date, who follows up,
# status)
PENDING_ROWS = [
    ("WL-001", "2026-11-16", "周杰", 13811112222, "车辆维修后仍漏油。", "油底壳配件订货中，到货后安排维修", "2026-11-17",
     "2026-12-05", "赵敏", "未了"),
    ("WL-002", "2026/11/18", "吴芳", "13922223333", "理赔款金额有争议。", "客户出差，约定回来后面谈", None, "2026年12月1日",
     "赵敏", "跟进中"),
    ("WL-003", "2026-11-02", "郑涛", "13733334444", "发票开具错误。", "等待税务系统重新开票", "2026-11-03", "2026-11-10",
     "钱会计", "已完成"),
    ("WL-004", "2026-11-19", "冯丽", "13644445555", "保单批改未生效。", "核保部审核中", None, "2026/13/01", "孙强", "未了"),
    ("WL-005", "2026-11-19", "陈晨", "13555556666", "退保手续费有争议。", "等待总部答复", None, "2026-11-10", "孙强", "未了"),
    ("WL-006", "2026-11-20", "林峰", "13466667777", "定损金额有争议。", "客户要求重新定损", None, None, "孙强", "未了"),
]


def write_pending_xlsx(path: Path, rows=PENDING_ROWS, *, title: str = PENDING_TITLE,
                       headers=PENDING_HEADERS) -> Path:
    """The pending-matters register 未了事宜台帐 as a branch keeps it: a merged title, the header, the rows."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "未了事宜"
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.append(headers)
    for r in rows:
        ws.append(list(r))
    book.save(str(path))
    return path


@pytest.fixture(autouse=True)  # where a test module imports it
def chinese():
    """The registers' tests read the import's messages in Chinese (the language is put back after each test)."""
    i18n.set_language("zh_CN")
