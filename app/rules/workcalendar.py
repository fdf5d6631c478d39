"""The working-day calendar 工作日历: Chinese public holidays and make-up working days 调休.

Out of the box it asks the ``chinese-calendar`` package, which knows the State Council's schedule year by
year. For a year the package has no data for, it falls back to Monday-Friday, so the program never stops
working on 1 January; headquarters' calendar updates (policy ``calendar``) override both.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

try:  # the package is a dependency; the guard keeps a broken install from taking the desk down
    import chinese_calendar as _cc
except Exception:  # pragma: no cover - exercised only when the package is missing
    _cc = None


@lru_cache(maxsize=4096)
def builtin_is_workday(day: date) -> bool:
    if _cc is not None:
        try:
            return bool(_cc.is_workday(day))
        except NotImplementedError:
            pass
        except Exception:
            pass
    return day.weekday() < 5


def builtin_years() -> range:
    """Years for which the built-in data knows holidays (empty when the package is missing)."""
    if _cc is None:
        return range(0)
    years = sorted({d.year for d in getattr(_cc, "holidays", {})})
    return range(years[0], years[-1] + 1) if years else range(0)


class WorkCalendar:
    def __init__(self, holidays=(), workdays=()):
        self._holidays = frozenset(holidays)
        self._workdays = frozenset(workdays)

    def is_workday(self, day: date) -> bool:
        if day in self._workdays:
            return True
        if day in self._holidays:
            return False
        return builtin_is_workday(day)

    def add_workdays(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (``day`` itself not counted); ``count`` 0 is ``day``."""
        current = day
        remaining = count
        while remaining > 0:
            current += timedelta(days=1)
            if self.is_workday(current):
                remaining -= 1
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
