"""The working-day calendar (docs/rules.md R3): Chinese holidays, make-up working days 调休, a year without data,
overrides."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from app.rules import workcalendar
from app.rules.workcalendar import WorkCalendar, builtin_is_workday, builtin_years

D = date.fromisoformat


@pytest.mark.parametrize("day, working", [
    ("2026-02-13", True),    # Friday before the Spring Festival
    ("2026-02-14", True),    # Saturday, make-up working day 调休
    ("2026-02-15", False),   # Spring Festival holiday begins
    ("2026-02-17", False),   # 初一, a Tuesday
    ("2026-02-23", False),   # Monday, still holiday
    ("2026-02-24", True),    # back to work
    ("2026-02-28", True),    # Saturday, make-up working day
    ("2026-09-20", True),    # Sunday, make-up working day before National Day
    ("2026-10-01", False),   # National Day
    ("2026-10-07", False),   # last day of the Golden Week
    ("2026-10-08", True),    # Thursday after the holiday
    ("2026-10-10", True),    # Saturday, make-up working day
    ("2026-10-11", False),   # an ordinary Sunday
    ("2026-11-21", False),   # an ordinary Saturday
    ("2026-11-23", True),    # an ordinary Monday
    ("2026-01-01", False),   # New Year's Day (Thursday)
])
def test_2026_chinese_calendar(day, working):
    assert WorkCalendar().is_workday(D(day)) is working


def test_the_make_up_days_are_weekend_days_in_the_package_data():
    """Guard the fixtures above: the package really marks these weekend days as working days."""
    import chinese_calendar

    for day in ("2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10"):
        assert D(day).weekday() >= 5
        assert chinese_calendar.is_workday(D(day))
    assert 2026 in builtin_years()


def test_a_year_without_data_falls_back_to_monday_to_friday():
    year = max(builtin_years()) + 1
    assert year >= 2027
    cal = WorkCalendar()
    start = date(year, 1, 1)
    for offset in range(400):   # the whole year and into the next, never an exception
        day = start + timedelta(days=offset)
        assert cal.is_workday(day) is (day.weekday() < 5), day
    # 1 January 2027 is a Friday: without data it is a working day (no crash, no guess)
    assert cal.is_workday(date(2027, 1, 1)) is True
    assert cal.add_workdays(date(2027, 1, 1), 1) == date(2027, 1, 4)
    assert cal.workdays_between(date(2027, 1, 1), date(2027, 1, 8)) == 5


def test_without_the_package_everything_is_monday_to_friday(monkeypatch):
    monkeypatch.setattr(workcalendar, "_cc", None)
    workcalendar.builtin_is_workday.cache_clear()
    try:
        assert builtin_is_workday(D("2026-10-01")) is True       # a Thursday, the holiday is unknown
        assert builtin_is_workday(D("2026-02-14")) is False      # a Saturday, the make-up day is unknown
        assert list(builtin_years()) == []
    finally:
        workcalendar.builtin_is_workday.cache_clear()


def test_policy_days_override_the_builtin_calendar_and_the_fallback():
    cal = WorkCalendar(holidays=[D("2026-11-23"), D("2027-01-04")],
                       workdays=[D("2026-10-01"), D("2027-01-02")])
    assert cal.is_workday(D("2026-11-23")) is False     # an ordinary Monday declared a holiday
    assert cal.is_workday(D("2026-10-01")) is True      # National Day declared a working day
    assert cal.is_workday(D("2027-01-04")) is False     # overrides the Monday-Friday fallback
    assert cal.is_workday(D("2027-01-02")) is True      # a Saturday without data, declared working
    assert cal.add_workdays(D("2027-01-01"), 1) == D("2027-01-02")
    assert cal.add_workdays(D("2027-01-01"), 2) == D("2027-01-05")
    # the plain calendar is not affected by another calendar's overrides
    assert WorkCalendar().is_workday(D("2026-11-23")) is True


@pytest.mark.parametrize("start, n, expected", [
    ("2026-11-20", 3, "2026-11-25"),   # Friday + 3 skips the weekend
    ("2026-11-21", 1, "2026-11-23"),   # received on Saturday
    ("2026-09-30", 1, "2026-10-08"),   # across National Day
    ("2026-09-30", 2, "2026-10-09"),
    ("2026-09-30", 3, "2026-10-10"),   # the make-up Saturday counts
    ("2026-02-13", 1, "2026-02-14"),   # the make-up Saturday is the first working day
    ("2026-02-13", 2, "2026-02-24"),   # then the whole Spring Festival is skipped
    ("2026-09-18", 1, "2026-09-20"),   # Friday -> the make-up Sunday
    ("2026-11-20", 0, "2026-11-20"),
    ("2026-12-31", 1, "2027-01-01"),   # into a year without data: 1 Jan 2027 is an ordinary Friday
    ("2026-12-31", 2, "2027-01-04"),
])
def test_add_workdays(start, n, expected):
    assert WorkCalendar().add_workdays(D(start), n) == D(expected)


def test_workdays_between_counts_after_start_up_to_end():
    cal = WorkCalendar()
    assert cal.workdays_between(D("2026-09-30"), D("2026-10-08")) == 1
    assert cal.workdays_between(D("2026-02-13"), D("2026-02-24")) == 2
    assert cal.workdays_between(D("2026-11-25"), D("2026-11-20")) == 0
    assert cal.workdays_between(D("2026-11-20"), D("2026-11-20")) == 0


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
policy_days = st.lists(st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)), max_size=6)


@settings(max_examples=200, deadline=None)
@given(start=days, n=st.integers(min_value=1, max_value=40), holidays=policy_days, workdays=policy_days)
def test_add_workdays_properties(start, n, holidays, workdays):
    cal = WorkCalendar(holidays=holidays, workdays=workdays)
    end = cal.add_workdays(start, n)
    assert cal.is_workday(end)
    assert end > start
    assert cal.workdays_between(start, end) == n
    # strictly increasing in n, and no working day is skipped in between
    assert cal.add_workdays(start, n + 1) > end
    assert cal.workdays_between(start, end - timedelta(days=1)) == n - 1
