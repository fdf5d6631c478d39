"""Contacting the customer (docs/rules.md R4).

No contact 22:00-08:30 or 12:00-13:30, unless the customer named a window, in which case contact is made
inside that window only; attempts at least 2 hours apart; while the customer has not been reached, at least
one attempt every working day until the reply deadline.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.rules.validation import in_window

QUIET_HOURS = (("22:00", "08:30"), ("12:00", "13:30"))
SPACING = timedelta(hours=2)


def _window_end(moment: datetime, start: str, end: str) -> datetime:
    """The first moment after ``moment`` at which the window start-end (local, may cross midnight) ends."""
    end_t = time.fromisoformat(end)
    candidate = moment.replace(hour=end_t.hour, minute=end_t.minute, second=0, microsecond=0)
    if candidate <= moment:
        candidate += timedelta(days=1)
    return candidate


def _window_start(moment: datetime, start: str) -> datetime:
    start_t = time.fromisoformat(start)
    candidate = moment.replace(hour=start_t.hour, minute=start_t.minute, second=0, microsecond=0)
    if candidate < moment:
        candidate += timedelta(days=1)
    return candidate


def hour_problem(moment: datetime, window: tuple[str, str] | None) -> str | None:
    """Why ``moment`` (local time) is outside the allowed hours, or None."""
    if window and window[0]:
        return None if in_window(moment, *window) else "outside_customer_window"
    for start, end in QUIET_HOURS:
        if in_window(moment, start, end):
            return "quiet_hours"
    return None


def next_allowed_contact(after: datetime, *, zone: ZoneInfo, window: tuple[str, str] | None,
                         last_attempt: datetime | None) -> datetime:
    """The earliest moment at or after ``after`` when the rules allow another attempt."""
    moment = after.astimezone(zone)
    if last_attempt is not None:
        moment = max(moment, (last_attempt + SPACING).astimezone(zone))
    for _ in range(8):
        problem = hour_problem(moment, window)
        if problem is None:
            return moment
        if problem == "outside_customer_window":
            moment = _window_start(moment, window[0])
        else:
            for start, end in QUIET_HOURS:
                if in_window(moment, start, end):
                    moment = _window_end(moment, start, end)
                    break
    return moment


def attempt_problem(at: datetime, *, zone: ZoneInfo, window, last_attempt: datetime | None) -> str | None:
    """Why an attempt at ``at`` breaks R4 (quiet_hours, outside_customer_window, too_soon), or None."""
    if last_attempt is not None and at < last_attempt + SPACING:
        return "too_soon"
    return hour_problem(at.astimezone(zone), window)
