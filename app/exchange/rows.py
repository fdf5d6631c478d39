"""Rows as exchanged 交换记录: each record as a JSON object keyed by field name, foreign keys as the referenced
record's uuid, instants as ISO 8601 UTC with microseconds, money as a decimal string.

Which tables travel: every ``Record`` table except ``Setting`` (local: printer, keys, the policy that comes
*from* headquarters), plus ``History`` (append-only, no change number: exported by id above the last id
headquarters acknowledged). Sign-in state of users (password hash, lockout) never leaves the branch.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation

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
    """id <-> uuid of referenced tables: loaded whole per table (``uuid_of``, ``id_of``), or only the ids or uuids
    asked for, a batch at a time (``uuids_of``, ``ids_of``: one query per IN_CHUNK of them)."""

    def __init__(self):
        self._to_uuid: dict = {}
        self._to_id: dict = {}
        self._whole: set = set()

    def _maps(self, model):
        return self._to_uuid.setdefault(model, {}), self._to_id.setdefault(model, {})

    def _load(self, model):
        if model not in self._whole:
            to_uuid, to_id = self._maps(model)
            for row_id, uuid in model.select(model.id, model.uuid).tuples():
                to_uuid[row_id], to_id[uuid] = uuid, row_id
            self._whole.add(model)

    def uuid_of(self, model, row_id):
        self._load(model)
        return self._to_uuid[model].get(row_id)

    def id_of(self, model, uuid):
        self._load(model)
        return self._to_id[model].get(uuid)

    def uuids_of(self, model, row_ids) -> dict:
        """{id: uuid} for these ids (those not found are left out)."""
        to_uuid, to_id = self._maps(model)
        if model not in self._whole:
            missing = sorted({i for i in row_ids if i is not None and i not in to_uuid})
            for row_id, uuid in select_in(model, ["id", "uuid"], "id", missing):
                to_uuid[row_id], to_id[uuid] = uuid, row_id
        return to_uuid

    def ids_of(self, model, uuids) -> dict:
        """{uuid: id} for these uuids (those not found are left out)."""
        to_uuid, to_id = self._maps(model)
        if model not in self._whole:
            missing = sorted({u for u in uuids if u is not None and u not in to_id})
            for row_id, uuid in select_in(model, ["id", "uuid"], "uuid", missing):
                to_uuid[row_id], to_id[uuid] = uuid, row_id
        return to_id

    def add(self, model, row_id, uuid):
        to_uuid, to_id = self._maps(model)
        to_uuid[row_id] = uuid
        to_id[uuid] = row_id


def to_json_value(field: peewee.Field, value, cache: UuidCache):
    if value is None:
        return None
    if isinstance(field, peewee.ForeignKeyField):
        return cache.uuid_of(field.rel_model, value)
    if isinstance(field, InstantField):
        if isinstance(value, str):
            value = field.python_value(value)
        return value.astimezone(timezone.utc).isoformat(timespec="microseconds")
    if isinstance(field, peewee.DateField):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(field, peewee.DecimalField):
        places = Decimal(1).scaleb(-field.decimal_places)
        return str(Decimal(value).quantize(places))
    if isinstance(field, peewee.BooleanField):
        return bool(value)
    if isinstance(field, peewee.IntegerField):
        return int(value)
    if isinstance(field, JSONField):
        return value
    return str(value)


class BadValue(ValueError):
    pass


def from_json_value(field: peewee.Field, value):
    """The Python value for ``field`` (a foreign key stays a uuid here); wrong types raise BadValue."""
    if value is None:
        if not field.null and not isinstance(field, JSONField):
            raise BadValue(field.name)
        return None
    try:
        if isinstance(field, peewee.ForeignKeyField):
            if not isinstance(value, str) or len(value) > 32:
                raise BadValue(field.name)
            return value
        if isinstance(field, InstantField):
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                raise BadValue(field.name)
            return parsed.astimezone(timezone.utc)
        if isinstance(field, peewee.DateField):
            return date.fromisoformat(value)
        if isinstance(field, peewee.DecimalField):
            if not isinstance(value, str):
                raise BadValue(field.name)
            number = Decimal(value)
            if not number.is_finite() or abs(number) >= Decimal(10) ** (field.max_digits - field.decimal_places):
                raise BadValue(field.name)
            return number
        if isinstance(field, peewee.BooleanField):
            if not isinstance(value, bool):
                raise BadValue(field.name)
            return value
        if isinstance(field, peewee.IntegerField):
            if isinstance(value, bool) or not isinstance(value, int) or not -2 ** 31 <= value < 2 ** 31:
                raise BadValue(field.name)
            return value
        if isinstance(field, JSONField):
            if "\\u0000" in json.dumps(value):
                raise BadValue(field.name)
            return value
        if not isinstance(value, str) or "\x00" in value:
            raise BadValue(field.name)
        max_length = getattr(field, "max_length", None)
        if isinstance(field, peewee.CharField) and max_length and len(value) > max_length:
            raise BadValue(field.name)
        return value
    except (TypeError, ValueError, InvalidOperation) as exc:
        if isinstance(exc, BadValue):
            raise
        raise BadValue(field.name) from None


def serialize(instance, cache: UuidCache) -> dict:
    model = type(instance)
    row = {}
    for field in exchanged_fields(model):
        raw = instance.__data__.get(field.name)
        if isinstance(field, peewee.ForeignKeyField):
            row[field.name] = None if raw is None else cache.uuid_of(field.rel_model, raw)
        else:
            row[field.name] = to_json_value(field, raw, cache)
    return row


_DIGEST_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
_STORED_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))  # as JSONField writes


def digest(row: dict) -> str:
    """The content of a row as headquarters stores it (change_no left out: it is the version, not content)."""
    content = dict(row)
    content.pop("change_no", None)
    return hashlib.sha256(_DIGEST_JSON.encode(content).encode("utf-8")).hexdigest()



# --- whole tables at a time: plain tuples from the cursor, one converter per column, no model instance per row ---


def _stored_text(value):
    return value if value is None or value.__class__ is str else str(value)


def _json_converter(field: peewee.Field):
    """The function from a stored value (as the cursor gives it) to its exchanged JSON value: the same result as
    ``to_json_value(field, field.python_value(value))``, with a short cut for the common stored forms."""

    def general(value):
        return None if value is None else to_json_value(field, field.python_value(value), None)

    if isinstance(field, InstantField):
        def instant(value):  # stored in SQLite as "YYYY-MM-DD HH:MM:SS.ffffff" (UTC)
            if value.__class__ is str and len(value) == 26 and value[10] == " " and value[19] == ".":
                return f"{value[:10]}T{value[11:]}+00:00"
            return general(value)
        return instant
    if isinstance(field, peewee.DateField):
        return lambda value: value if value.__class__ is str and len(value) == 10 else general(value)
    if isinstance(field, peewee.BooleanField):
        return lambda value: None if value is None else bool(value)
    if isinstance(field, peewee.IntegerField):
        return lambda value: value if value is None or value.__class__ is int else int(value)
    if isinstance(field, JSONField):
        return lambda value: None if value is None else json.loads(value)
    if isinstance(field, peewee.DecimalField):
        return general
    return _stored_text


def serialize_table(model, query, cache: UuidCache) -> list[dict]:
    """The rows of ``query`` (a select of ``model``, any fields) as exchanged records, like ``serialize`` but read
    as plain tuples: each column converted at once, foreign keys looked up for the whole column."""
    from models import database

    fields = exchanged_fields(model)
    sql, params = query.select(*fields).sql()
    stored = database.obj.execute_sql(sql, params).fetchall()
    if not stored:
        return []
    columns = []
    for field, column in zip(fields, zip(*stored)):
        if isinstance(field, peewee.ForeignKeyField):
            to_uuid = cache.uuids_of(field.rel_model, set(column))
            columns.append([None if v is None else to_uuid.get(v) for v in column])
        else:
            columns.append(list(map(_json_converter(field), column)))
    names = [f.name for f in fields]
    order = sorted(range(len(names)), key=names.__getitem__)  # keys in sorted order, as canonical JSON has them
    names = [names[i] for i in order]
    columns = [columns[i] for i in order]
    return [dict(zip(names, values)) for values in zip(*columns)]


def _stored_converter(field: peewee.Field):
    """The function from an exchanged JSON value to the value to store (what ``field.db_value`` gives for
    ``from_json_value``; a foreign key stays a uuid): the same checks and results, with a short cut for the
    common values. Wrong types raise BadValue."""

    def general(value):
        return field.db_value(from_json_value(field, value))

    if isinstance(field, peewee.ForeignKeyField):
        return lambda value: value if value.__class__ is str and len(value) <= 32 else from_json_value(field, value)
    if isinstance(field, InstantField):
        def instant(value):  # as exported: "YYYY-MM-DDTHH:MM:SS.ffffff+00:00"
            if value.__class__ is str and len(value) == 32 and value[10] == "T" and value[26:] == "+00:00":
                try:
                    datetime.fromisoformat(value)
                except ValueError:
                    raise BadValue(field.name) from None
                return f"{value[:10]} {value[11:26]}"
            return general(value)
        return instant
    if isinstance(field, JSONField):
        def document(value):  # stored as JSONField.db_value writes it; refused if it holds a NUL character
            if value is None:
                return None
            text = _STORED_JSON.encode(value)
            if "\\u0000" in text:
                raise BadValue(field.name)
            return text
        return document
    if isinstance(field, (peewee.DateField, peewee.DecimalField)):
        return general
    if isinstance(field, peewee.BooleanField):
        return lambda value: value if value is True or value is False else general(value)
    if isinstance(field, peewee.IntegerField):
        return lambda value: (value if value.__class__ is int and -2 ** 31 <= value < 2 ** 31
                              else general(value))
    limit = getattr(field, "max_length", None) if isinstance(field, peewee.CharField) else None
    limit = limit or float("inf")
    return lambda value: (value if value.__class__ is str and len(value) <= limit and "\x00" not in value
                          else general(value))


def stored_converters(model) -> list[tuple[str, object]]:
    """(field name, converter to the stored value) for each exchanged field of ``model``, in field order."""
    return [(field.name, _stored_converter(field)) for field in exchanged_fields(model)]


def table_json(table: list[dict]) -> bytes:
    """``bundle.canonical(table)`` for the rows of ``serialize_table``, whose keys are already in sorted order (so
    the same bytes, without sorting every record's keys again)."""
    return json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
