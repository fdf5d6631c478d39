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


class UuidCache:
    """id <-> uuid of referenced tables, loaded once per table."""

    def __init__(self):
        self._to_uuid: dict = {}
        self._to_id: dict = {}

    def _load(self, model):
        if model not in self._to_uuid:
            pairs = list(model.select(model.id, model.uuid).tuples())
            self._to_uuid[model] = dict(pairs)
            self._to_id[model] = {u: i for i, u in pairs}

    def uuid_of(self, model, row_id):
        self._load(model)
        return self._to_uuid[model].get(row_id)

    def id_of(self, model, uuid):
        self._load(model)
        return self._to_id[model].get(uuid)

    def add(self, model, row_id, uuid):
        self._load(model)
        self._to_uuid[model][row_id] = uuid
        self._to_id[model][uuid] = row_id


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


def digest(row: dict) -> str:
    """The content of a row as headquarters stores it (change_no left out: it is the version, not content)."""
    content = {k: v for k, v in row.items() if k != "change_no"}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

