"""Values as offices type them in their registers: dates, telephone numbers kept by Excel, full-width digits,
and the column titles of their own registers."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.exchange import registers

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize("typed,expected", [
    ("2024/3/5", "2024-03-05 00:00"), ("2024年3月5日", "2024-03-05 00:00"), ("2024-03-05 14:30", "2024-03-05 14:30"),
    ("2024.3.5", "2024-03-05 00:00"), ("20240305", "2024-03-05 00:00"), ("２０２４／３／５", "2024-03-05 00:00"),
    ("2024年3月5日 9时30分", "2024-03-05 09:30"), (45356, "2024-03-05 00:00"), (45356.5, "2024-03-05 12:00"),
    ("45356", "2024-03-05 00:00"), (datetime(2024, 3, 5, 8, 0), "2024-03-05 08:00"),
])
def test_dates_in_the_forms_offices_type(typed, expected):
    assert registers.parse_date(typed, ZONE).strftime("%Y-%m-%d %H:%M") == expected


@pytest.mark.parametrize("typed", ["三月五日", "2024/2/30", "next week", ""])
def test_what_is_not_a_date_is_refused(typed):
    with pytest.raises(ValueError):
        registers.parse_date(typed, ZONE)


@pytest.mark.parametrize("typed,expected", [
    (13800138000, "13800138000"), (13800138000.0, "13800138000"), ("1.3800138000E+10", "13800138000"),
    ("１３８００１３８０００", "13800138000"), ("010-65551234", "010-65551234"), ("13800138000.0", "13800138000"),
])
def test_telephone_numbers_kept_by_excel(typed, expected):
    assert registers.parse_number_text(typed) == expected


@pytest.mark.parametrize("typed", ["1.38E+10", "1.3800138E+10", 1.38e10 + 0.5])
def test_a_number_excel_cut_short_is_refused_not_guessed(typed):
    with pytest.raises(registers.ValueProblem):
        registers.parse_number_text(typed)


@pytest.mark.parametrize("title,field", [
    ("投诉人", "name"), ("客户姓名", "name"), ("姓名", "name"), ("联系电话", "phone"), ("手机", "mobile"),
    ("电话", "phone"), ("受理日期", "received_at"), ("投诉日期", "received_at"), ("日期", "received_at"),
    ("车牌号", "plate_no"), ("车牌", "plate_no"), ("投诉内容", "content"), ("问题描述", "content"),
    ("处理结果", "result"), ("处理情况", "result"), ("状态", "status"), ("处理状态", "status"),
    ("被投诉部门", "accused_department"), ("责任部门", "accused_department"), ("类别", "category"),
    ("投诉类别", "category"), ("编号", "old_no"), ("序号", "old_no"), ("联系电话（必填）", "phone"),
    ("受理\n日期", "received_at"), ("客户手机号码", "mobile"), ("备注", None),
])
def test_column_titles_by_their_usual_synonyms(title, field):
    assert registers.match_column(title) == field


def test_the_header_is_found_below_title_rows():
    rows = [["2024年投诉登记台帐", "2024年投诉登记台帐", None], ["单位：客服部", None, None], [None, None, None],
            ["序号", "投诉人", "联系电话"], [1, "张三", 13800138000]]
    assert registers.find_header(rows) == 3
