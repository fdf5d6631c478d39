"""Policy: deadline preset, thresholds for major complaints, categories, calendar, time zone.

The calendar (``{"holidays": [...], "workdays": [...], "arranged_years": [...]}``) is the first layer of the
working-day calendar (app.rules.workcalendar): listed days override the official arrangement and the law;
``arranged_years`` names the years whose whole arrangement it holds, and a document naming a year there
replaces what the calendar held for that year.

Policy is data: branches get it from headquarters (a signed policy bundle) or from ``policy import``. It is
stored as one JSON document in the ``Setting`` table under the key ``policy``; what is left out falls back to
the defaults below.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date

from app import i18n
from app.errors import InvalidInput

i18n.register({
    "unknown preset '{value}' (use standard or cbirc)": "未知的时限方案“{value}”（可选 standard 或 cbirc）",
    "unknown key": "未知的字段",
    "must be a non-negative number": "必须是不小于零的数字",
    "must be a whole number of at least 1": "必须是不小于 1 的整数",
    "must be a list of dates (YYYY-MM-DD)": "必须是日期列表（格式 YYYY-MM-DD）",
    "must be a JSON object": "必须是 JSON 对象",
    "must be a list of category codes": "必须是类别代码的列表",
    "must be a list of years (for example 2027)": "必须是年份列表（例如 2027）",
    "must be true or false": "必须是 true 或 false",
    "must be a list of templates": "必须是常用语的列表",
})

# years a calendar arrangement may be given for
FIRST_YEAR, LAST_YEAR = 2000, 2100

# A limit is (unit, amount): "hours" on the clock, "workdays" ending at 23:59:59 of the N-th working day
# after the day of receipt, "days" ending at 23:59:59 of the N-th calendar day after it.
PRESETS: dict[str, dict] = {
    # Branch practice (docs/rules.md R3, the table of §4).
    "standard": {
        "escalate": ["hours", 1],
        "acknowledge": ["hours", 24],
        "determine": ["hours", 24],
        "determine_unreached": ["hours", 48],
        "reply": {
            "inquiry": ["workdays", 1],
            "suggestion": ["workdays", 1],
            "help": ["workdays", 1],
            "general": ["workdays", 3],
            "major": ["workdays", 2],
        },
        "notice_feedback": ["days", 3],
        "revisit": ["days", 3],
        "reply_extensions": [],
    },
    # Insurance branches: the 2020 CBIRC complaint measures (decision within 15 days of receipt).
    "cbirc": {
        "escalate": ["hours", 1],
        "acknowledge": ["hours", 24],
        "determine": ["hours", 24],
        "determine_unreached": ["hours", 48],
        "reply": {
            "inquiry": ["days", 15],
            "suggestion": ["days", 15],
            "help": ["days", 15],
            "general": ["days", 15],
            "major": ["days", 15],
        },
        "notice_feedback": ["days", 3],
        "revisit": ["days", 3],
        # a complex case may take 30 days from receipt, and a further 30 with the supervisor's approval
        "reply_extensions": [["days", 30], ["days", 60]],
    },
}

DEFAULT_THRESHOLDS = {"auto": 10000, "property": 50000, "accident_health": 50000, "repair": 10000, "group": 3}

# failed sign-ins in a row that lock an account, and for how long
DEFAULT_LOCKOUT = {"attempts": 5, "minutes": 15}

DEFAULT_CATEGORIES = [
    "product_quality", "service_attitude", "service_quality", "repair_quality", "delay", "parts_delay",
    "price", "claims", "safety", "other",
]


@dataclass
class Policy:
    preset: str = "standard"
    thresholds: dict = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    holidays: list[date] = field(default_factory=list)
    workdays: list[date] = field(default_factory=list)
    categories: list[str] = field(default_factory=lambda: list(DEFAULT_CATEGORIES))
    timezone: str = "Asia/Shanghai"
    lockout: dict = field(default_factory=lambda: dict(DEFAULT_LOCKOUT))
    # years whose whole arrangement the calendar above holds (a day it does not list is an ordinary weekday or
    # weekend); other listed days override the built-in calendar one by one
    arranged_years: list[int] = field(default_factory=list)
    # Civil Code art. 203: a limit in days whose last day is a holiday or rest day ends on the next working day
    extend_to_workday: bool = True
    # headquarters' reply templates 常用语 (app.rules.templates), distributed with the policy
    templates: list[dict] = field(default_factory=list)

    @property
    def limits(self) -> dict:
        return PRESETS[self.preset]

    def to_json(self) -> dict:
        return {
            "preset": self.preset,
            "thresholds": dict(self.thresholds),
            "calendar": {
                "holidays": [d.isoformat() for d in sorted(self.holidays)],
                "workdays": [d.isoformat() for d in sorted(self.workdays)],
                "arranged_years": sorted(self.arranged_years),
            },
            "extend_to_workday": self.extend_to_workday,
            "categories": list(self.categories),
            "timezone": self.timezone,
            "lockout": dict(self.lockout),
            "templates": [dict(t) for t in self.templates],
        }

    def calendar(self):
        from app.rules.workcalendar import WorkCalendar

        return WorkCalendar(holidays=self.holidays, workdays=self.workdays, arranged_years=self.arranged_years)


def _dates(value, name: str) -> list[date]:
    if not isinstance(value, list):
        raise InvalidInput("must be a list of dates (YYYY-MM-DD)", field=name)
    out = []
    for item in value:
        try:
            out.append(date.fromisoformat(item))
        except (TypeError, ValueError):
            raise InvalidInput("must be a list of dates (YYYY-MM-DD)", field=name) from None
    return out


def _years(value, name: str) -> list[int]:
    if not isinstance(value, list) or not all(
            isinstance(y, int) and not isinstance(y, bool) and FIRST_YEAR <= y <= LAST_YEAR for y in value):
        raise InvalidInput("must be a list of years (for example 2027)", field=name)
    return list(value)


def merge(base: Policy, update: dict) -> Policy:
    """Apply a policy document (the ``policy import`` shape) on top of ``base``; every key may be left out."""
    if not isinstance(update, dict):
        raise InvalidInput("must be a JSON object", field="policy")
    policy = copy.deepcopy(base)
    for key, value in update.items():
        if key == "preset":
            if value not in PRESETS:
                raise InvalidInput("unknown preset '{value}' (use standard or cbirc)", field="preset", value=value)
            policy.preset = value
        elif key == "thresholds":
            if not isinstance(value, dict):
                raise InvalidInput("must be a JSON object", field="thresholds")
            for name, amount in value.items():
                path = f"thresholds.{name}"
                if name not in DEFAULT_THRESHOLDS:
                    raise InvalidInput("unknown key", field=path)
                if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount < 0:
                    raise InvalidInput("must be a non-negative number", field=path)
                if name == "group" and (not isinstance(amount, int) or amount < 1):
                    raise InvalidInput("must be a whole number of at least 1", field=path)
                policy.thresholds[name] = amount
        elif key == "calendar":
            if not isinstance(value, dict):
                raise InvalidInput("must be a JSON object", field="calendar")
            holidays, workdays = set(policy.holidays), set(policy.workdays)
            arranged = set(_years(value["arranged_years"], "calendar.arranged_years")) \
                if "arranged_years" in value else set()
            # a year's arrangement replaces whatever the calendar held for that year
            holidays = {d for d in holidays if d.year not in arranged}
            workdays = {d for d in workdays if d.year not in arranged}
            policy.arranged_years = sorted(set(policy.arranged_years) | arranged)
            for name, days in value.items():
                if name == "arranged_years":
                    continue
                named = set(_dates(days, f"calendar.{name}")) if name in ("holidays", "workdays") else None
                if name == "holidays":
                    holidays, workdays = holidays | named, workdays - named
                elif name == "workdays":
                    holidays, workdays = holidays - named, workdays | named
                else:
                    raise InvalidInput("unknown key", field=f"calendar.{name}")
            policy.holidays, policy.workdays = sorted(holidays), sorted(workdays)
        elif key == "extend_to_workday":
            if not isinstance(value, bool):
                raise InvalidInput("must be true or false", field=key)
            policy.extend_to_workday = value
        elif key == "categories":
            if not isinstance(value, list) or not value or not all(isinstance(c, str) and c for c in value):
                raise InvalidInput("must be a list of category codes", field="categories")
            policy.categories = list(dict.fromkeys(value))
        elif key == "lockout":
            if not isinstance(value, dict):
                raise InvalidInput("must be a JSON object", field="lockout")
            for name, amount in value.items():
                if name not in DEFAULT_LOCKOUT:
                    raise InvalidInput("unknown key", field=f"lockout.{name}")
                if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
                    raise InvalidInput("must be a whole number of at least 1", field=f"lockout.{name}")
                policy.lockout[name] = amount
        elif key == "timezone":
            from zoneinfo import ZoneInfo

            try:
                ZoneInfo(str(value))
            except Exception:
                raise InvalidInput("unknown key", field="timezone") from None
            policy.timezone = str(value)
        elif key == "templates":
            if not isinstance(value, list):
                raise InvalidInput("must be a list of templates", field="templates")
            policy.templates = value  # checked below, against the categories of this same document
        else:
            raise InvalidInput("unknown key", field=key)
    if "templates" in update:
        from app.rules.templates import check_template

        checked = []
        for i, item in enumerate(policy.templates):
            template = check_template(item, categories=policy.categories, path=f"templates[{i}]")
            template["id"] = template["id"] or f"hq-{i + 1}"
            checked.append(template)
        policy.templates = checked
    return policy


def from_json(document: dict | None) -> Policy:
    return merge(Policy(), document or {})


# --- storage ------------------------------------------------------------------------------------------------

_cache: dict = {}


def load_policy() -> Policy:
    """The policy in force in the open database (defaults when none was imported)."""
    from models import Setting

    row = Setting.get_or_none(Setting.key == "policy")
    document = row.value if row else None
    key = (id(Setting._meta.database.obj), repr(document))
    cached = _cache.get("policy")
    if cached and cached[0] == key:
        return cached[1]
    policy = from_json(document)
    _cache["policy"] = (key, policy)
    return policy


def save_policy(policy: Policy) -> None:
    from models import Setting

    row = Setting.get_or_none(Setting.key == "policy")
    if row is None:
        Setting.create(key="policy", value=policy.to_json())
    else:
        row.value = policy.to_json()
        row.save()
    _cache.clear()
