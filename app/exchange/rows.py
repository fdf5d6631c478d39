"""Rows as exchanged 交换记录: a table as one list of values per field (see "a table as exchanged" below),
references as the referenced record's uuid.

Which tables travel: every ``Record`` table except ``Setting`` (local: printer, keys, the policy that comes
*from* headquarters), plus ``History`` (append-only, no change number: exported by id above the last id
headquarters acknowledged). Sign-in state of users (password hash, lockout) never leaves the branch.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import orjson
import peewee

from models import ALL_MODELS, History, Record, Setting, User
from models.fields import InstantField, JSONField

LOCAL_ONLY_TABLES = {Setting}
USER_LOCAL_FIELDS = {"password_hash", "must_change_password", "failed_sign_ins", "locked_until"}


def exchanged_models() -> list[type[peewee.Model]]:
    """Record tables in dependency order (as in ALL_MODELS), then History."""
    tables = [m for m in ALL_MODELS if issubclass(m, Record) and m not in LOCAL_ONLY_TABLES]
    return tables + [History]


def table_name(model) -> str:
    return model._meta.table_name


def by_table_name() -> dict[str, type[peewee.Model]]:
    return {table_name(m): m for m in exchanged_models()}


def exchanged_fields(model) -> list[peewee.Field]:
    fields = [f for f in model._meta.sorted_fields if f.name != "id"]
    if model is User:
        fields = [f for f in fields if f.name not in USER_LOCAL_FIELDS]
    return fields


IN_CHUNK = 500  # uuids or ids per IN list: well under SQLite's and PostgreSQL's limits on parameters


def chunks(items: list, size: int = IN_CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def select_in(model, columns: list[str], key: str, keys) -> list[tuple]:
    """The rows (the given columns of ``model``'s table) whose column ``key`` is one of ``keys``, read as plain
    tuples with one query per IN_CHUNK keys."""
    from models import database

    db = database.obj
    head = f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{table_name(model)}" WHERE "{key}" IN '
    out = []
    for chunk in chunks(list(keys)):
        out.extend(db.execute_sql(head + "(" + ", ".join(db.param for _ in chunk) + ")", chunk).fetchall())
    return out


class UuidCache:
    """id <-> uuid of referenced tables, filled with the ids or uuids asked for, a batch at a time (``uuids_of``,
    ``ids_of``: one query per IN_CHUNK of them), and with the records an import writes (``add``)."""

    def __init__(self):
        self._to_uuid: dict = {}
        self._to_id: dict = {}

    def _maps(self, model):
        return self._to_uuid.setdefault(model, {}), self._to_id.setdefault(model, {})

    def uuids_of(self, model, row_ids) -> dict:
        """{id: uuid} for these ids (those not found are left out)."""
        return self._look_up(model, "id", row_ids)

    def ids_of(self, model, uuids) -> dict:
        """{uuid: id} for these uuids (those not found are left out)."""
        return self._look_up(model, "uuid", uuids)

    def _look_up(self, model, column: str, keys) -> dict:
        """The map from ``column`` ("id" or "uuid") to the other one, with what was not cached yet read."""
        to_uuid, to_id = self._maps(model)
        known = to_uuid if column == "id" else to_id
        missing = sorted({key for key in keys if key is not None and key not in known})
        for row_id, uuid in select_in(model, ["id", "uuid"], column, missing):
            to_uuid[row_id], to_id[uuid] = uuid, row_id
        return known

    def add(self, model, row_id, uuid):
        to_uuid, to_id = self._maps(model)
        to_uuid[row_id] = uuid
        to_id[uuid] = row_id


# --- a table as exchanged: one list of values per field ------------------------------------------------------------
#
# ``tables/<table>.json`` is {"fields": [field names], "columns": [[the values of the first field], ...]}: every
# column as long as the table. A column of one type is written and checked as a whole (a JSON array of plain
# values encodes and parses at C speed, and the checks below run over the whole list at once) instead of one
# object with its keys repeated per record. Values travel in their stored form: text as text, integers,
# true/false, instants "YYYY-MM-DD HH:MM:SS.ffffff" in UTC, dates "YYYY-MM-DD", money as a decimal string,
# JSON documents as their text, and references as the referenced record's uuid.

_INSTANT = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", re.ASCII)
_DATE = re.compile(r"\d{4}-\d\d-\d\d", re.ASCII)
_INT_RANGE = (-2 ** 31, 2 ** 31)


class BadValue(ValueError):
    """A value that does not fit its field; ``str(exc)`` is the field's name."""


def exported_column(field: peewee.Field, column: tuple) -> "tuple | list":
    """One column as read from the cursor, converted to its exchanged values. Text and integers travel as the
    cursor gives them (SQLite's column affinity makes them str and int; headquarters checks every value anyway);
    instants as stored are checked as a whole and kept."""
    if isinstance(field, InstantField):
        if set(map(type, column)) <= {str, type(None)} and all(map(_INSTANT.fullmatch, filter(None, column))):
            return column
        return [None if v is None else _exported_instant(field, v) for v in column]
    if isinstance(field, peewee.DateField):
        return [v if v is None or v.__class__ is str else v.isoformat() for v in column]
    if isinstance(field, peewee.DecimalField):
        places = Decimal(1).scaleb(-field.decimal_places)
        return [None if v is None else str(Decimal(str(v)).quantize(places)) for v in column]
    if isinstance(field, peewee.BooleanField):
        return [None if v is None else bool(v) for v in column]
    return column


def _exported_instant(field, value):
    """An instant in its exchanged form; one that cannot be read is sent as stored (as text), for headquarters to
    keep aside and name in its receipt: an export never fails because of one record."""
    try:
        return field.db_value(field.python_value(value))
    except (ValueError, OverflowError):
        return str(value)


def export_columns(model, query, cache: UuidCache) -> tuple[list[str], list[list]]:
    """(field names, columns) of the rows of ``query`` (a select of ``model``, any fields), read as plain tuples:
    each column converted at once, references looked up for the whole column."""
    from models import database

    fields = exchanged_fields(model)
    sql, params = query.select(*fields).sql()
    stored = database.obj.execute_sql(sql, params).fetchall()
    names = [f.name for f in fields]
    if not stored:
        return names, [[] for _ in fields]
    columns = []
    for field, column in zip(fields, zip(*stored)):
        if isinstance(field, peewee.ForeignKeyField):
            to_uuid = cache.uuids_of(field.rel_model, set(column))
            columns.append([None if v is None else to_uuid.get(v) for v in column])
        else:
            columns.append(exported_column(field, column))
    return names, columns


def table_document(names: list[str], columns: list[list]) -> bytes:
    """``{"fields": names, "columns": columns}`` as compact UTF-8 JSON (orjson: a table is millions of values)."""
    return orjson.dumps({"fields": names, "columns": columns})


def read_table_document(data: bytes, max_rows: int) -> tuple[int, dict[str, list]] | None:
    """(row count, {field name: column}) of a table entry, or None if it is not one (not JSON, not the shape above,
    columns of different lengths, a name twice, more than ``max_rows`` rows). The values are not checked here."""
    try:
        document = orjson.loads(data)  # strict: UTF-8 only, no NaN, integers within 64 bits
    except orjson.JSONDecodeError:
        return None
    if not isinstance(document, dict) or document.keys() != {"fields", "columns"}:
        return None
    names, columns = document["fields"], document["columns"]
    if (not isinstance(names, list) or not isinstance(columns, list) or len(names) != len(columns)
            or not all(isinstance(n, str) for n in names) or len(set(names)) != len(names)
            or not all(isinstance(c, list) for c in columns)):
        return None
    lengths = {len(c) for c in columns}
    if len(lengths) > 1 or (lengths and lengths.pop() > max_rows):
        return None
    return (len(columns[0]) if columns else 0), dict(zip(names, columns))


def _decimal(field: peewee.Field, value):
    if not isinstance(value, str):
        raise BadValue(field.name)
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise BadValue(field.name) from None
    if not number.is_finite() or abs(number) >= Decimal(10) ** (field.max_digits - field.decimal_places):
        raise BadValue(field.name)
    return field.db_value(number)


def stored_column(field: peewee.Field, values: list) -> list:
    """The values to store for one exchanged column (a reference stays a uuid here), checked as a whole: the type
    of every value, lengths, ranges, formats, no NUL character. Raises BadValue naming the field."""
    present = [v for v in values if v is not None] if None in values else values
    if len(present) != len(values) and not field.null:
        raise BadValue(field.name)
    kinds = set(map(type, present))

    def require(condition):
        if not condition:
            raise BadValue(field.name)

    try:
        if isinstance(field, peewee.ForeignKeyField):
            require(kinds <= {str} and max(map(len, present), default=0) <= 32)
        elif isinstance(field, InstantField):
            require(kinds <= {str} and all(map(_INSTANT.fullmatch, present)))
            for _ in map(datetime.fromisoformat, present):  # a real date and time (no 13th month)
                pass
        elif isinstance(field, peewee.DateField):
            require(kinds <= {str} and all(map(_DATE.fullmatch, present)))
            for _ in map(date.fromisoformat, present):
                pass
        elif isinstance(field, peewee.DecimalField):
            return [None if v is None else _decimal(field, v) for v in values]
        elif isinstance(field, peewee.BooleanField):
            require(kinds <= {bool})
        elif isinstance(field, peewee.IntegerField):
            low, high = _INT_RANGE
            require(kinds <= {int} and (not present or (min(present) >= low and max(present) < high)))
        elif isinstance(field, JSONField):
            require(kinds <= {str})
            text = "\n".join(present)
            require("\x00" not in text and "\\u0000" not in text)
            for value in present:
                orjson.loads(value)
        else:
            require(kinds <= {str} and "\x00" not in "".join(present))
            limit = getattr(field, "max_length", None) if isinstance(field, peewee.CharField) else None
            require(not limit or max(map(len, present), default=0) <= limit)
    except (TypeError, ValueError) as exc:
        if isinstance(exc, BadValue):
            raise
        raise BadValue(field.name) from None
    return values


def digest(values) -> str:
    """The content of a record as headquarters stores it (its stored values in field order, references as uuids,
    the change number left out: it is the version, not the content)."""
    return hashlib.sha256(orjson.dumps(values, default=str)).hexdigest()
