"""The working-day calendar as the windows and the command line see it 工作日历: which years are known, the
warning while next year's arrangement is missing, a year's days, and entering a year's arrangement.

``set_calendar_year`` (Settings > Calendar) and a policy file or headquarters' policy bundle that carries a
calendar all end in ``apply_policy``: the policy is saved, the change goes into the history, and the
deadlines of open cases that depend on the calendar are computed again (app.records.calendar_change).
"""
from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app import i18n
from app.errors import InvalidInput
from app.records import calendar_change
from app.records.calendar_change import apply_policy  # noqa: F401 - the one path every policy change takes
from app.rules import policy as policy_module, workcalendar
from app.services.actors import Actor, current_user, require_role
from models import transaction
from models.entities import utcnow

i18n.register({
    "must be a year from {first} to {last}": "必须是 {first} 至 {last} 之间的年份",
    "cannot read '{word}' as a date: write 2027-02-05, 2027年2月5日 or 2月5日, a range as 2月5日至11日":
        "无法把“{word}”识别为日期：请写成 2027-02-05、2027年2月5日 或 2月5日，连续的日期写成 2月5日至11日",
    "{day} is not a date": "{day} 不是有效日期",
    "the range {dates} ends before it begins": "日期范围 {dates} 的结束早于开始",
    "{day} is not in {year} or next to it": "{day} 不在 {year} 年或其前后相邻的日子",
    "{day} is both a holiday and a working day": "{day} 同时被列为放假和上班",
    "{day} is a weekday: a make-up working day is a Saturday or Sunday":
        "{day} 是工作日：调休上班日应为星期六或星期日",
    "enter the holidays of {year}": "请填写 {year} 年的放假日期",
    "The holiday arrangement for {year} is not known yet: deadlines that reach into {year} are counted on the "
    "statutory holidays and may move. Enter it in Settings > Calendar when it is published, or import "
    "headquarters' policy.":
        "{year} 年的节假日安排尚未录入：延伸到 {year} 年的期限暂按法定节假日推算，安排公布后可能变动。"
        "请在公布后于“设置 > 工作日历”中录入，或导入总部下发的政策。",
})

WARNED_ROLES = ("admin", "supervisor", "hq")


def _today(policy, now: datetime | None) -> date:
    return (now or utcnow()).astimezone(ZoneInfo(policy.timezone)).date()


def missing_year(now: datetime | None = None) -> int | None:
    """The year whose arrangement should be known by now and is not (see workcalendar.missing_arrangement)."""
    policy = policy_module.load_policy()
    return workcalendar.missing_arrangement(policy.calendar(), _today(policy, now))


def missing_message(year: int) -> str:
    return i18n.t(
        "The holiday arrangement for {year} is not known yet: deadlines that reach into {year} are counted on "
        "the statutory holidays and may move. Enter it in Settings > Calendar when it is published, or import "
        "headquarters' policy.", year=year)


def calendar_status(actor: Actor, *, now: datetime | None = None) -> dict:
    """What the calendar knows, and whether this user is to be warned that a year's arrangement is missing
    (administrators and supervisors: they can enter it or see that it is)."""
    with transaction():
        user = current_user(actor)
        policy = policy_module.load_policy()
        official = workcalendar.official_years()
        missing = workcalendar.missing_arrangement(policy.calendar(), _today(policy, now))
        return {
            "official_years": [official.start, official.stop - 1] if official else [],
            "arranged_years": sorted(policy.arranged_years),
            "extend_to_workday": policy.extend_to_workday,
            "missing_year": missing,
            "warn": missing is not None and user.role in WARNED_ROLES,
            "can_edit": user.role in ("admin", "hq"),
        }


def calendar_year(actor: Actor, year: int) -> dict:
    """A year as the calendar sees it: who decides it, and its days off on weekdays and working weekend days."""
    _check_year(year)
    with transaction():
        current_user(actor)
        policy = policy_module.load_policy()
        cal = policy.calendar()
        days = []
        for day, kind in cal.days_off(year).items():
            source = cal.source(day)
            name = ""
            if source == "statutory":
                name = workcalendar.statutory_days_off(year).get(day, "")
            elif source == "official":
                name = workcalendar.official_name(day)
            days.append({"date": day.isoformat(), "kind": kind, "source": source, "name": name})
        if year in policy.arranged_years:
            source = "policy"
        elif year in workcalendar.official_years():
            source = "official"
        else:
            source = "statutory"
        return {"year": year, "source": source, "provisional": source == "statutory", "days": days,
                "holidays": [d.isoformat() for d in policy.holidays if d.year == year],
                "workdays": [d.isoformat() for d in policy.workdays if d.year == year]}


def _check_year(year) -> None:
    first, last = policy_module.FIRST_YEAR, policy_module.LAST_YEAR
    if isinstance(year, bool) or not isinstance(year, int) or not first <= year <= last:
        raise InvalidInput("must be a year from {first} to {last}", field="year", first=first, last=last)


# --- entering an arrangement ----------------------------------------------------------------------------------

_DATE = r"(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
_RANGE = re.compile(_DATE + r"(?:\s*(?:至|到|~|～|—|–|\.\.)\s*(?:" + _DATE + r"|(\d{1,2})\s*日))?")
_NOTES = re.compile(r"[（(][^）)]*[）)]|共\s*\d+\s*天")  # (星期五), (周日), 共7天: ignored
_WORDS = re.compile(r"[^\d\s]+")


def parse_days(text: str, year: int, *, field: str) -> list[date]:
    """Dates written or pasted by a person: 2027-02-05, 2027/2/5, 2027年2月5日, 2月5日 (of ``year``), and ranges
    such as 2月5日至11日 or 2027-02-05~2027-02-11; separated by spaces, commas or 、. Words without digits
    (放假, 上班, 春节：) and notes in brackets are ignored, so a line of the State Council's notice can be pasted."""
    _check_year(year)
    days: set[date] = set()
    cleaned = _NOTES.sub(" ", text or "")
    pos = 0
    for match in _RANGE.finditer(cleaned):
        _refuse_leftover(cleaned[pos:match.start()], field)
        pos = match.end()
        y1, m1, d1, y2, m2, d2, d_only = match.groups()
        start = _date(y1 or year, m1, d1, match.group(0), field)
        if m2 is None and d_only is None:
            end = start
        elif d_only is not None:
            end = _date(start.year, start.month, d_only, match.group(0), field)
        else:
            end = _date(y2 or start.year, m2, d2, match.group(0), field)
        if end < start:
            raise InvalidInput("the range {dates} ends before it begins", field=field, dates=match.group(0).strip())
        for n in range((end - start).days + 1):
            day = date.fromordinal(start.toordinal() + n)
            if abs(day.year - year) > 1 or (day.year != year and not _next_to(day, year)):
                raise InvalidInput("{day} is not in {year} or next to it", field=field, day=day.isoformat(),
                                   year=year)
            days.add(day)
    _refuse_leftover(cleaned[pos:], field)
    return sorted(days)


def _next_to(day: date, year: int) -> bool:
    """The end of December before and the beginning of January after (New Year holidays span the turn)."""
    return (day.year == year - 1 and day.month == 12) or (day.year == year + 1 and day.month == 1)


def _refuse_leftover(text: str, field: str) -> None:
    for word in re.split(r"[\s,，、;；。:：]+", text):
        if word and not _WORDS.fullmatch(word):
            raise InvalidInput("cannot read '{word}' as a date: write 2027-02-05, 2027年2月5日 or 2月5日, a range as "
                               "2月5日至11日", field=field, word=word)


def _date(y, m, d, written: str, field: str) -> date:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        raise InvalidInput("{day} is not a date", field=field, day=written.strip()) from None


def _check_arrangement(year: int, holidays: list[date], workdays: list[date]) -> None:
    if not holidays:
        raise InvalidInput("enter the holidays of {year}", field="holidays", year=year)
    both = sorted(set(holidays) & set(workdays))
    if both:
        raise InvalidInput("{day} is both a holiday and a working day", field="workdays", day=both[0].isoformat())
    for day in workdays:
        if day.weekday() < 5:
            raise InvalidInput("{day} is a weekday: a make-up working day is a Saturday or Sunday", field="workdays",
                               day=day.isoformat())


def _dates(values, field: str) -> list[date]:
    try:
        return sorted({v if isinstance(v, date) else date.fromisoformat(v) for v in values})
    except (TypeError, ValueError):
        raise InvalidInput("must be a list of dates (YYYY-MM-DD)", field=field) from None


def set_calendar_year(actor: Actor, year: int, holidays, workdays, *, now: datetime | None = None) -> dict:
    """Enter a year's arrangement (an administrator in Settings > Calendar): its holidays and make-up working
    days replace whatever the calendar held for that year. Open cases' deadlines are computed again."""
    _check_year(year)
    holidays, workdays = _dates(holidays, "holidays"), _dates(workdays, "workdays")
    _check_arrangement(year, holidays, workdays)
    document = {"calendar": {"arranged_years": [year], "holidays": [d.isoformat() for d in holidays],
                             "workdays": [d.isoformat() for d in workdays]}}
    with transaction():
        user = current_user(actor)
        require_role(user, "admin", "hq")
        before = policy_module.load_policy()
        after = policy_module.merge(before, document)
        result = apply_policy(actor.username, before, after, action="calendar", reason=f"calendar {year}", now=now)
    return {"year": year, "holidays": document["calendar"]["holidays"],
            "workdays": document["calendar"]["workdays"], **result}


def remove_calendar_year(actor: Actor, year: int, *, now: datetime | None = None) -> dict:
    """Take a year's arrangement out of the policy: the official arrangement or the law decides it again."""
    _check_year(year)
    with transaction():
        user = current_user(actor)
        require_role(user, "admin", "hq")
        before = policy_module.load_policy()
        document = before.to_json()
        calendar = document["calendar"]
        calendar["arranged_years"] = [y for y in calendar["arranged_years"] if y != year]
        calendar["holidays"] = [d for d in calendar["holidays"] if not d.startswith(f"{year}-")]
        calendar["workdays"] = [d for d in calendar["workdays"] if not d.startswith(f"{year}-")]
        after = policy_module.from_json(document)
        result = apply_policy(actor.username, before, after, action="calendar", reason=f"calendar {year} removed",
                              now=now)
    return {"year": year, **result}


def recompute_deadlines(actor: Actor, *, now: datetime | None = None) -> dict:
    """Compute the open deadlines again under the calendar in force (an administrator, after a program update
    that changed how the calendar counts, e.g. the statutory holidays for a year not yet announced)."""
    with transaction():
        user = current_user(actor)
        require_role(user, "admin", "hq")
        policy = policy_module.load_policy()
        return calendar_change.recompute_open_deadlines(policy, policy, actor.username, reason="recomputed",
                                                        now=now, force=True)


def reprints_due(actor: Actor) -> list[dict]:
    """Printed slips, receipts, revisit records and notices whose deadline changed after they were printed and
    that were not printed again: to reprint (补打). Times in the office's zone."""
    with transaction():
        user = current_user(actor)
        require_role(user, "admin", "hq", "supervisor")
        zone = ZoneInfo(policy_module.load_policy().timezone)

        def local(text):
            return datetime.fromisoformat(text).astimezone(zone).isoformat(timespec="seconds") if text else None

        return [{**item, "before": local(item["before"]), "after": local(item["after"])}
                for item in calendar_change.reprints_due()]
