"""The values headquarters accepts in an imported record 导入记录的取值检查, by the definition the branch uses.

``rows.stored_column`` checks what a column's type needs (text is text, integers fit, instants parse); here each
field is checked for what the domain allows, with ``app.rules.values`` and the choices of ``app.rules``: text
without control characters (line breaks and tabs in long texts only) and within its length, moments and dates
in 2000-2099, money not negative with two decimals, counts within their range, states, kinds, channels and
the like among their choices. A column is checked as a whole first (C-speed regular expressions and set
operations over the whole list); only a column that fails is looked at record by record, so that the import
can keep the bad records aside with their reason and write the rest.
"""
from __future__ import annotations

from decimal import Decimal

import peewee

import models
from app import i18n
from app.rules import validation, values, workflow
from models.fields import InstantField, JSONField

# the longest text of a TextField that the desk's forms and actions accept is 20,000 characters; a field the
# desk does not limit itself (a setting, a statement) may hold more, never a megabyte
TEXT_LIMITS = {"content": validation.LONG, "desired_remedy": validation.LONG}
TEXT_LIMIT = 100_000
JSON_LIMIT = 1_000_000
_FIRST_INSTANT, _LAST_INSTANT = "2000-01-01 00:00:00.000000", "2100-01-01 00:00:00.000000"
_FIRST_DATE, _LAST_DATE = values.FIRST_DATE.isoformat(), values.LAST_DATE.isoformat()

STATES = workflow.OPEN_STATES + workflow.CLOSED_STATES


def domain_choices() -> dict:
    """{(model, field name): the values the domain allows}."""
    m = models
    return {
        (m.Case, "kind"): validation.KINDS, (m.Case, "origin"): validation.ORIGINS,
        (m.Case, "channel"): validation.CHANNELS, (m.Case, "complainant_gender"): validation.GENDERS,
        (m.Case, "amount_line"): validation.AMOUNT_LINES, (m.Case, "state"): STATES,
        (m.Case, "state_before_defer"): STATES, (m.Case, "severity"): ("major", "general"),
        (m.Case, "facts"): workflow.FACTS, (m.Conclusion, "facts"): workflow.FACTS,
        (m.ContactAttempt, "method"): workflow.CONTACT_METHODS, (m.Reply, "channel"): workflow.REPLY_CHANNELS,
        (m.Revisit, "method"): workflow.REVISIT_METHODS, (m.Revisit, "satisfaction"): workflow.SATISFACTION,
        (m.RectificationNotice, "state"): ("issued", "reported", "verified", "failed"),
        (m.User, "role"): ("reception", "handler", "supervisor", "admin", "general_manager", "hq"),
    }


def _ranges() -> dict:
    m = models
    return {
        (m.Case, "complainant_count"): (1, validation.MAX_COUNT), (m.Case, "round"): (1, 10_000),
        (m.Case, "transfers"): (0, 10_000), (m.Case, "year"): (2000, 2099), (m.Case, "seq"): (0, 10 ** 7),
        (m.RectificationNotice, "year"): (2000, 2099), (m.RectificationNotice, "seq"): (0, 10 ** 7),
    }


i18n.register({"does not fit this field": "与该字段的类型不符"})


class Refused(ValueError):
    """A value the domain does not allow: ``field``, ``problem`` (an English message of ``app.rules.values``) and
    the message's ``params``; ``localized()`` in the user's language."""

    def __init__(self, field: str, problem: str, **params):
        super().__init__(f"{field}: {problem}")
        self.field, self.problem, self.params = field, problem, params

    def localized(self) -> str:
        return i18n.t(self.problem, **self.params)


def check_column(model, field: peewee.Field, column: list) -> None:
    """Raise Refused if a value of the column is not allowed (the column holds stored values, None allowed where
    the field is nullable: ``rows.stored_column`` checked that)."""
    present = [v for v in column if v is not None] if None in column else column
    if not present:
        return
    name = field.name
    key = (model, name)
    choices = domain_choices().get(key)
    if choices is not None:
        if not set(present) <= set(choices):
            raise Refused(name, "must be one of: {choices}", choices=", ".join(choices))
        return
    if isinstance(field, peewee.ForeignKeyField):
        return
    if isinstance(field, InstantField):
        if min(present) < _FIRST_INSTANT or max(present) >= _LAST_INSTANT:
            raise Refused(name, "must lie between {first} and {last}", first=_FIRST_DATE, last=_LAST_DATE)
    elif isinstance(field, peewee.DateField):
        if min(present) < _FIRST_DATE or max(present) > _LAST_DATE:
            raise Refused(name, "must lie between {first} and {last}", first=_FIRST_DATE, last=_LAST_DATE)
    elif isinstance(field, peewee.DecimalField):
        numbers = [Decimal(v) if not isinstance(v, Decimal) else v for v in present]
        if min(numbers) < 0:
            raise Refused(name, "must not be negative")
        if max(numbers) >= values.MAX_AMOUNT:
            raise Refused(name, "must be less than {limit}", limit=f"{values.MAX_AMOUNT:,}")
        wrong = next((n for n in numbers if n != n.quantize(values.FEN)), None)
        if wrong is not None:
            raise Refused(name, "must have at most 2 decimal places (fen): {value} is not rounded, correct it",
                          value=str(wrong))
    elif isinstance(field, peewee.BooleanField):
        return
    elif isinstance(field, peewee.IntegerField):
        low, high = _ranges().get(key, values.INT32)
        if min(present) < low:
            raise Refused(name, "must be at least {low}", low=low)
        if max(present) > high:
            raise Refused(name, "must be at most {high}", high=f"{high:,}")
    elif isinstance(field, JSONField):
        if max(map(len, present)) > JSON_LIMIT:
            raise Refused(name, "is too long (at most {limit} characters)", limit=JSON_LIMIT)
    elif isinstance(field, peewee.TextField):
        limit = TEXT_LIMITS.get(name, TEXT_LIMIT) if model is models.Case else TEXT_LIMIT
        _text(name, "\n".join(present), multiline=True)
        if max(map(len, present)) > limit:
            raise Refused(name, "is too long (at most {limit} characters)", limit=limit)
    elif isinstance(field, peewee.CharField):
        # one line: joined with a space, since a line break between two values is not in either of them
        _text(name, " ".join(present), multiline=False)


def _text(name: str, joined: str, *, multiline: bool) -> None:
    problem = values.text_problem(joined, multiline=multiline)
    if problem:
        bad = values.control_character(joined, multiline=multiline)
        raise Refused(name, problem, code=f"U+{ord(bad):04X}" if bad else "?")


def refused_records(model, fields: list[peewee.Field], columns: dict[str, list]) -> dict[int, Refused]:
    """{index: why} of the records of a table (stored values by field name) that the domain does not allow; empty
    for a clean table (the usual case: every column passes as a whole)."""
    out: dict[int, Refused] = {}
    for field in fields:
        column = columns[field.name]
        try:
            check_column(model, field, column)
        except Refused:
            for at, value in enumerate(column):
                if at in out:
                    continue
                try:
                    check_column(model, field, [value])
                except Refused as exc:
                    out[at] = exc
    return out
