"""The working-day calendar 工作日历: Chinese public holidays and make-up working days 调休 (R3).

Three layers decide whether a day is a working day; the first that knows the day wins:

1. **policy**: the arrangement headquarters distributes (or the administrator enters in Settings > Calendar):
   single days declared holidays or working days, and the years whose whole arrangement it holds
   (``arranged_years``: in such a year a day it does not list is an ordinary weekday or weekend).
2. **official**: the State Council's yearly arrangement, from the ``chinese-calendar`` package.
3. **statutory**: for a year neither knows, the statutory holidays by law (全国年节及纪念日放假办法 as amended
   in 2024), with a weekday in lieu 补假 when one falls on a Saturday or Sunday (art. 6). A day decided here is
   *provisional*: the real arrangement, published late in the year before, moves days around (调休).

The statutory layer takes the dates of the lunar and solar-term festivals from the ``holidays`` package
(its China calendar computes them for any year) and applies the law's rules itself, because the package
follows the rules of the year it computes and of its own data:

- 春节 is four days from the eve 除夕 (2024 amendment): the first day of the package's 春节 is 初一, and the
  eve and 初一 to 初三 are taken from it, whatever the package lists;
- 元旦 1 January, 劳动节 1-2 May and 国庆节 1-3 October are fixed by the law and set here;
- 清明节, 端午节 and 中秋节 are the package's dates;
- days in lieu are worked out here, by art. 6: each festival day on a Saturday or Sunday gives the next
  weekday that is neither a festival day nor already given in lieu (two festivals on the same weekend day,
  中秋节 on a Sunday of 国庆节, give two; two on the same weekday give none, as the law says nothing of it). Substituted days and extended holidays
  from the package's yearly data (调休, which also moves weekends to working days that the package does not
  list) are ignored.

For the years the package has no official data for this agrees with its own output (checked in
tests/core/test_calendar.py over 2027-2060).
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

try:  # the package is a dependency; the guard keeps a broken install from taking the desk down
    import chinese_calendar as _cc
except Exception:  # pragma: no cover - exercised only when the package is missing
    _cc = None

try:
    import holidays as _holidays
except Exception:  # pragma: no cover - exercised only when the package is missing
    _holidays = None

POLICY, OFFICIAL, STATUTORY, WEEKDAYS = "policy", "official", "statutory", "weekdays"

# the festivals of the national holidays regulation (2024) whose dates the ``holidays`` package computes
_LUNAR_FESTIVALS = ("清明节", "端午节", "中秋节")


def official_years() -> range:
    """Years whose official arrangement the ``chinese-calendar`` package holds (empty when it is missing)."""
    return _official_years()


@lru_cache(maxsize=1)
def _official_years() -> range:
    if _cc is None:
        return range(0)
    years = sorted({d.year for d in getattr(_cc, "holidays", {})})
    return range(years[0], years[-1] + 1) if years else range(0)


# kept for callers of the earlier name
builtin_years = official_years


@lru_cache(maxsize=4096)
def official_is_workday(day: date) -> bool | None:
    """The official arrangement for ``day``, or None when the package does not know its year."""
    if _cc is None or day.year not in official_years():
        return None
    try:
        return bool(_cc.is_workday(day))
    except Exception:  # NotImplementedError past its data; anything else from a damaged install
        return None


def _festival_dates(year: int) -> dict[str, list[date]]:
    """The package's dates of the festivals, by their Chinese name (without its 推定 mark)."""
    out: dict[str, list[date]] = {}
    if _holidays is None:
        return out
    # the names in Chinese whatever the machine's locale (the package would follow LANG)
    table = _holidays.China(years=year, observed=False, language="zh_CN")
    for day, names in table.items():
        for name in str(names).split("; "):
            out.setdefault(name.split("（")[0].strip(), []).append(day)
    return out


@lru_cache(maxsize=64)
def statutory_holidays(year: int) -> dict[date, str]:
    """The festival days of ``year`` by the national holidays regulation (2024), each with its Chinese name."""
    days: dict[date, str] = {}

    def add(day: date, name: str) -> None:
        days[day] = f"{days[day]}、{name}" if day in days and name not in days[day].split("、") else name

    add(date(year, 1, 1), "元旦")
    found = _festival_dates(year)
    if found.get("春节"):
        first = min(found["春节"])  # 初一
        add(first - timedelta(days=1), "春节")  # 除夕
        for offset in range(3):
            add(first + timedelta(days=offset), "春节")
    for name in _LUNAR_FESTIVALS:
        for day in found.get(name, []):
            add(day, name)
    add(date(year, 5, 1), "劳动节")
    add(date(year, 5, 2), "劳动节")
    for d in (1, 2, 3):
        add(date(year, 10, d), "国庆节")
    return dict(sorted(days.items()))


@lru_cache(maxsize=64)
def statutory_days_off(year: int) -> dict[date, str]:
    """Every day off of ``year`` by law: the festival days and the weekdays in lieu 补假 (art. 6)."""
    festivals = statutory_holidays(year)
    days = dict(festivals)
    for day, names in festivals.items():
        if day.weekday() < 5:
            continue
        for name in names.split("、"):  # two festivals on one weekend day give two days in lieu
            lieu = day + timedelta(days=1)
            while lieu.weekday() >= 5 or lieu in days:
                lieu += timedelta(days=1)
            days[lieu] = f"{name}（补假）"
    return dict(sorted(days.items()))


def statutory_is_workday(day: date) -> bool:
    if _holidays is None:  # pragma: no cover - only a broken install
        return day.weekday() < 5
    return day.weekday() < 5 and day not in statutory_days_off(day.year)


# from this month on, next year's arrangement is expected (the State Council publishes it in the autumn)
WARN_FROM_MONTH = 10


def missing_arrangement(calendar: "WorkCalendar", today: date) -> int | None:
    """The year whose arrangement should be known by ``today`` but is not: this year at any time, next year
    from 1 October. None when nothing is missing."""
    if not calendar.knows_year(today.year):
        return today.year
    if today.month >= WARN_FROM_MONTH and not calendar.knows_year(today.year + 1):
        return today.year + 1
    return None


def official_name(day: date) -> str:
    """The Chinese name of the festival an official holiday or make-up working day belongs to ("" if none)."""
    if _cc is None or official_is_workday(day) is None:
        return ""
    try:
        _, name = _cc.get_holiday_detail(day)
        names = {h.value: h.chinese for h in _cc.Holiday}
        return names.get(name, "") if name else ""
    except Exception:
        return ""


class WorkCalendar:
    def __init__(self, holidays=(), workdays=(), arranged_years=()):
        self._holidays = frozenset(holidays)
        self._workdays = frozenset(workdays)
        self._arranged = frozenset(int(y) for y in arranged_years)

    def source(self, day: date) -> str:
        """The layer that decides ``day``: policy, official or statutory."""
        if day in self._workdays or day in self._holidays or day.year in self._arranged:
            return POLICY
        if official_is_workday(day) is not None:
            return OFFICIAL
        return STATUTORY

    def is_workday(self, day: date) -> bool:
        if day in self._workdays:
            return True
        if day in self._holidays:
            return False
        if day.year in self._arranged:
            return day.weekday() < 5
        official = official_is_workday(day)
        if official is not None:
            return official
        return statutory_is_workday(day)

    def knows_year(self, year: int) -> bool:
        """True when the policy or the official arrangement holds ``year``: its days are not provisional."""
        return year in self._arranged or year in official_years()

    def is_provisional(self, day: date) -> bool:
        """True when only the law decides ``day`` (a year whose arrangement is not known yet)."""
        return self.source(day) == STATUTORY

    def provisional_between(self, start: date, end: date) -> bool:
        """True when a day d with start < d <= end is provisional: a deadline counted over them may move."""
        return any(not self.knows_year(year) for year in range(start.year, end.year + 1)) and any(
            self.is_provisional(start + timedelta(days=n)) for n in range(1, (end - start).days + 1))

    def add_workdays(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (``day`` itself not counted); ``count`` 0 is ``day``."""
        current = day
        remaining = count
        while remaining > 0:
            current += timedelta(days=1)
            if self.is_workday(current):
                remaining -= 1
        return current

    def next_workday_from(self, day: date) -> date:
        """``day`` when it is a working day, else the first working day after it (Civil Code art. 203)."""
        current = day
        while not self.is_workday(current):
            current += timedelta(days=1)
        return current

    def workdays_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end (0 when end <= start)."""
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_workday(current):
                count += 1
        return count

    def days_off(self, year: int) -> dict[date, str]:
        """The non-weekend days off and the make-up working days of ``year`` as this calendar sees them, for the
        settings page: {day: "holiday"|"workday"}."""
        out = {}
        day = date(year, 1, 1)
        while day.year == year:
            working = self.is_workday(day)
            if working != (day.weekday() < 5):
                out[day] = "workday" if working else "holiday"
            day += timedelta(days=1)
        return out
