"""Reading stored records that may not be readable 读取损坏记录: a reader never stops on one record.

A record written by an older version, or by hand, may hold a value the program cannot read back (a moment of
year 1, a document that is not JSON). A register, a ledger, an export or a report must not fail because of
it: ``each`` yields every record of a query that can be read and, in its place, an ``Unreadable`` for each one
that cannot (its id, its label such as the case number, and why), which the caller shows as such or skips.
Every unreadable record is written to the log once per reading.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Iterator

from app import i18n

log = logging.getLogger("complaint_desk.records.readable")

i18n.register({
    "This record cannot be read ({error}): it is skipped. Restore it from a backup or ask support.":
        "该记录无法读取（{error}）：已跳过。请从备份恢复或联系技术支持。",
    "Case {number} is stored damaged and cannot be shown ({error}). Restore it from a backup or ask support.":
        "案件 {number} 的存储数据已损坏，无法显示（{error}）。请从备份恢复或联系技术支持。",
})

READ_ERRORS = (ValueError, TypeError, OverflowError, KeyError, AttributeError, ArithmeticError,
               json.JSONDecodeError, UnicodeError)


@dataclass
class Unreadable:
    """A stored record that could not be read: ``id``, ``label`` (its number, when it has one) and ``error``."""

    id: int | None
    label: str
    error: str

    def message(self) -> str:
        return i18n.t("This record cannot be read ({error}): it is skipped. Restore it from a backup or ask "
                      "support.", error=self.error)


def case_by_number(number: str, *, for_change: bool = False):
    """The case numbered ``number`` (None if there is none); a case stored damaged is refused with a message that
    names it and what cannot be read, never an "unexpected error". ``for_change``: the case is about to be changed
    in this transaction: on PostgreSQL its row is locked until the transaction ends (SELECT ... FOR UPDATE), so that
    two people acting on it at once act one after the other, the second on what the first left, instead of both on
    what they read and the later write silently undoing the earlier. (On SQLite the transaction already holds the
    database's write lock.)"""
    from app.errors import RuleViolation
    from models import Case
    from models.db import is_sqlite

    try:
        query = Case.select().where(Case.number == number)
        if for_change and not is_sqlite():
            query = query.for_update()
        return query.first()
    except READ_ERRORS as exc:
        log.error("unreadable case %s: %s", number, describe(exc))
        raise RuleViolation("Case {number} is stored damaged and cannot be shown ({error}). Restore it from a backup "
                            "or ask support.", field="NUMBER", number=number, error=describe(exc)) from None


def describe(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def each(query, label=None, *, convert=None) -> Iterator:
    """The records of ``query`` (a peewee model select) in its order; an ``Unreadable`` in place of each one
    that cannot be read. ``label``: a text field of the model (read for the unreadable ones, e.g. the number);
    ``convert(record)``: also run per record (building a row), an error there makes it unreadable too."""
    model = query.model
    keys_query = query.clone()
    keys_query._returning = [model.id] + ([label] if label is not None else [])
    keys = None
    wrapper = query.clone().execute()
    at = 0
    while True:
        try:
            record = wrapper.iterate(False)
        except StopIteration:
            return
        except READ_ERRORS as exc:
            if keys is None:  # only when needed: the ids and labels in the same order
                keys = list(keys_query.tuples())
            key = keys[at] if at < len(keys) else (None, "")
            yield _unreadable(model, key, exc)
            at += 1
            continue
        at += 1
        if convert is None:
            yield record
            continue
        try:
            yield convert(record)
        except READ_ERRORS as exc:
            yield _unreadable(model, (record.id, getattr(record, label.name, "") if label is not None else ""), exc)


def _unreadable(model, key, exc) -> Unreadable:
    row_id, label = key[0], (key[1] if len(key) > 1 else "")
    item = Unreadable(row_id, str(label or ""), describe(exc))
    log.error("unreadable %s record id=%s %s: %s", model._meta.table_name, row_id, item.label, item.error)
    return item
