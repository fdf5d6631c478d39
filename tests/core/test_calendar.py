"""The working-day calendar (docs/rules.md R3): Chinese holidays, make-up working days 调休, the law for a year without data,
the policy's days and arranged years."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from app.rules import workcalendar
from app.rules.workcalendar import WorkCalendar, official_years

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
    assert 2026 in official_years()


# --- a year the official arrangement does not know: the statutory holidays by law, provisional --------------

def test_2027_is_not_in_the_official_data_so_the_law_decides_it():
    # the premise of the tests below: if a new chinese-calendar knows 2027, pick the next unknown year
    assert 2027 not in official_years()
    cal = WorkCalendar()
    assert cal.source(D("2026-12-31")) == workcalendar.OFFICIAL
    assert cal.source(D("2027-01-01")) == workcalendar.STATUTORY
    assert cal.is_provisional(D("2027-01-01")) and not cal.is_provisional(D("2026-12-31"))
    assert not cal.knows_year(2027) and cal.knows_year(2026)


@pytest.mark.parametrize("day, working", [
    ("2027-01-01", False),   # New Year's Day, a Friday: a holiday by law
    ("2027-01-04", True),    # Monday
    ("2027-02-04", True),    # Thursday before the eve
    ("2027-02-05", False),   # 除夕, Friday: the four days begin (2024 amendment)
    ("2027-02-08", False),   # 初三, Monday
    ("2027-02-09", False),   # in lieu of Saturday 初一
    ("2027-02-10", False),   # in lieu of Sunday 初二
    ("2027-02-11", True),
    ("2027-04-05", False),   # Qingming, Monday
    ("2027-05-03", False),   # Labour Day 1-2 May is a weekend: Monday and Tuesday in lieu
    ("2027-05-04", False),
    ("2027-05-05", True),
    ("2027-06-09", False),   # Dragon Boat
    ("2027-09-15", False),   # Mid-Autumn
    ("2027-10-01", False),   # National Day, Friday; 2 and 3 October fall on the weekend
    ("2027-10-04", False),
    ("2027-10-05", False),
    ("2027-10-06", True),
    ("2027-10-09", False),   # an ordinary Saturday: no make-up working day is known
])
def test_statutory_holidays_of_2027(day, working):
    assert WorkCalendar().is_workday(D(day)) is working


def test_the_law_gives_thirteen_festival_days_a_year():
    for year in range(2027, 2061):
        festivals = workcalendar.statutory_holidays(year)
        names = [n for value in festivals.values() for n in value.split("、")]
        assert [names.count(n) for n in ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")] == \
            [1, 4, 1, 2, 1, 1, 3], year
        spring = sorted(d for d, v in festivals.items() if "春节" in v)
        assert spring == [spring[0] + timedelta(days=n) for n in range(4)]   # the eve and the first three days


def test_a_weekend_festival_day_gives_the_next_weekday_in_lieu():
    off = workcalendar.statutory_days_off(2028)
    assert D("2028-01-01").weekday() == 5 and D("2028-01-03") in off and D("2028-01-02") not in off
    # 2039: Mid-Autumn is Sunday 2 October, a day of National Day too: two days in lieu of that Sunday
    off = workcalendar.statutory_days_off(2039)
    assert [d.day for d in off if d.month == 10] == [1, 2, 3, 4, 5, 6]
    # 2028: Mid-Autumn is Tuesday 3 October, also a day of National Day: the law gives nothing in lieu
    off = workcalendar.statutory_days_off(2028)
    assert [d.day for d in off if d.month == 10] == [1, 2, 3, 4]   # 4 October in lieu of Sunday 1st


def test_the_law_layer_agrees_with_the_holidays_package_for_years_it_computes():
    """The package computes the same days for every year it has no official data for (see the module's
    docstring for what is taken from it and what is worked out here)."""
    import holidays

    for year in range(2027, 2061):
        assert set(workcalendar.statutory_days_off(year)) == set(holidays.China(years=year)), year


def test_without_chinese_calendar_the_law_decides_every_year(monkeypatch):
    monkeypatch.setattr(workcalendar, "_cc", None)
    workcalendar.official_is_workday.cache_clear()
    workcalendar._official_years.cache_clear()
    try:
        assert list(official_years()) == []
        cal = WorkCalendar()
        assert cal.is_workday(D("2026-10-01")) is False          # National Day by law
        assert cal.is_workday(D("2026-02-14")) is False          # a Saturday: the make-up day is unknown
        assert cal.is_provisional(D("2026-11-23"))
    finally:
        workcalendar.official_is_workday.cache_clear()
        workcalendar._official_years.cache_clear()


def test_policy_days_override_the_official_calendar_and_the_law():
    cal = WorkCalendar(holidays=[D("2026-11-23"), D("2027-01-04")],
                       workdays=[D("2026-10-01"), D("2027-01-02")])
    assert cal.is_workday(D("2026-11-23")) is False     # an ordinary Monday declared a holiday
    assert cal.is_workday(D("2026-10-01")) is True      # National Day declared a working day
    assert cal.is_workday(D("2027-01-04")) is False     # overrides an ordinary Monday of the law layer
    assert cal.is_workday(D("2027-01-02")) is True      # a Saturday of an unknown year, declared working
    assert cal.source(D("2027-01-02")) == workcalendar.POLICY and not cal.is_provisional(D("2027-01-02"))
    assert cal.is_provisional(D("2027-01-05"))          # a day the policy does not name stays the law's
    assert cal.add_workdays(D("2026-12-31"), 1) == D("2027-01-02")
    assert cal.add_workdays(D("2026-12-31"), 2) == D("2027-01-05")
    # the plain calendar is not affected by another calendar's overrides
    assert WorkCalendar().is_workday(D("2026-11-23")) is True


def test_an_arranged_year_is_known_whole():
    """A year whose arrangement the policy holds: what it does not list is an ordinary weekday or weekend, and
    nothing in it is provisional (a make-up Saturday and a holiday the law does not give)."""
    cal = WorkCalendar(holidays=[D("2027-01-01"), D("2027-02-05"), D("2027-02-11")],
                       workdays=[D("2027-02-20")], arranged_years=[2027])
    assert cal.knows_year(2027)
    assert cal.is_workday(D("2027-02-11")) is False           # the arrangement's eighth day of Spring Festival
    assert cal.is_workday(D("2027-02-20")) is True            # its make-up Saturday
    assert cal.is_workday(D("2027-05-03")) is True            # the law's day in lieu is not the arrangement's
    assert cal.is_workday(D("2027-05-01")) is False           # an ordinary Saturday
    assert not cal.provisional_between(D("2026-12-30"), D("2027-12-31"))
    assert WorkCalendar().provisional_between(D("2026-12-30"), D("2027-01-05"))
    assert not WorkCalendar().provisional_between(D("2026-12-20"), D("2026-12-31"))


def test_days_off_of_a_year_for_the_settings_page():
    off = WorkCalendar().days_off(2026)
    assert off[D("2026-02-14")] == "workday" and off[D("2026-10-01")] == "holiday"
    assert D("2026-10-03") not in off            # a Saturday holiday is a Saturday all the same
    assert WorkCalendar().next_workday_from(D("2026-10-01")) == D("2026-10-08")
    assert WorkCalendar().next_workday_from(D("2026-10-08")) == D("2026-10-08")


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
    ("2026-12-31", 1, "2027-01-04"),   # into a year without official data: New Year's Day by law
    ("2026-12-30", 3, "2027-01-05"),
    ("2027-02-04", 1, "2027-02-11"),   # over the Spring Festival of 2027 and its days in lieu
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
