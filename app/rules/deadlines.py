"""The deadline calculator (docs/rules.md R3).

Hour limits run on the clock; "workdays" limits end at 23:59:59 of the N-th working day after the day the
clock starts (that day not counted); "days" limits likewise on calendar days, and when the last of them is a
holiday or rest day the limit ends on the next working day instead (Civil Code art. 203; the policy's
``extend_to_workday``, on by default). Days are days in the policy's
time zone (Asia/Shanghai by default), so a case received at 23:30 local time belongs to that local day.
A paused reply clock (a pending matter) keeps what was left, in the unit of its limit, and resumes from the
day of resumption.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.rules.policy import Policy

END_OF_DAY = time(23, 59, 59)


def local_zone(policy: Policy) -> ZoneInfo:
    return ZoneInfo(policy.timezone)


def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, END_OF_DAY, tzinfo=zone)


def apply_limit(start: datetime, limit, policy: Policy) -> datetime:
    """The moment a limit (unit, amount) that starts at ``start`` runs out, in local time."""
    unit, amount = limit
    zone = local_zone(policy)
    local = start.astimezone(zone)
    if unit == "hours":
        return local + timedelta(hours=amount)
    if unit == "workdays":
        return end_of_day(policy.calendar().add_workdays(local.date(), amount), zone)
    if unit == "days":
        last = local.date() + timedelta(days=amount)
        if policy.extend_to_workday:
            last = policy.calendar().next_workday_from(last)
        return end_of_day(last, zone)
    raise ValueError(f"unknown limit unit {unit!r}")


def is_provisional(start: datetime | None, deadline: datetime | None, policy: Policy) -> bool:
    """True when a deadline counted in days from ``start`` depends on a day only the law decides (a year whose
    official arrangement is not known yet): it may move when the arrangement is published."""
    if start is None or deadline is None:
        return False
    zone = local_zone(policy)
    return policy.calendar().provisional_between(start.astimezone(zone).date(), deadline.astimezone(zone).date())


def reply_limit(kind: str, severity: str | None, policy: Policy):
    replies = policy.limits["reply"]
    if kind == "complaint":
        return replies["major" if severity == "major" else "general"]
    return replies.get(kind)


def intake_deadlines(kind: str, severity: str | None, received_at: datetime, policy: Policy,
                     *, customer_unreached: bool = False) -> dict[str, datetime]:
    """Deadlines that start at receipt. A misconduct report has none (it goes to the general manager)."""
    limits = policy.limits
    out: dict[str, datetime] = {}
    if kind == "complaint":
        out["escalate_by"] = apply_limit(received_at, limits["escalate"], policy)
        out["acknowledge_by"] = apply_limit(received_at, limits["acknowledge"], policy)
        determine = limits["determine_unreached" if customer_unreached else "determine"]
        out["determine_by"] = apply_limit(received_at, determine, policy)
    limit = reply_limit(kind, severity, policy)
    if limit is not None:
        out["reply_by"] = apply_limit(received_at, limit, policy)
    return out


def revisit_deadline(replied_at: datetime, policy: Policy) -> datetime:
    return apply_limit(replied_at, policy.limits["revisit"], policy)


def notice_feedback_deadline(issued_at: datetime, policy: Policy) -> datetime:
    return apply_limit(issued_at, policy.limits["notice_feedback"], policy)


def remaining_on_pause(reply_by: datetime, paused_at: datetime, limit, policy: Policy) -> int | None:
    """What is left of the reply clock when it is paused, in the unit of the limit; None when already overdue."""
    if paused_at >= reply_by:
        return None
    unit = limit[0]
    zone = local_zone(policy)
    if unit == "hours":
        return int((reply_by - paused_at).total_seconds())
    start, end = paused_at.astimezone(zone).date(), reply_by.astimezone(zone).date()
    if unit == "workdays":
        return policy.calendar().workdays_between(start, end)
    return (end - start).days


def resume_reply_by(resumed_at: datetime, remaining: int, limit, policy: Policy) -> datetime:
    """The new reply deadline when a paused clock resumes at ``resumed_at`` with ``remaining`` units left."""
    unit = limit[0]
    if unit == "hours":
        return resumed_at.astimezone(local_zone(policy)) + timedelta(seconds=remaining)
    return apply_limit(resumed_at, (unit, remaining), policy)
