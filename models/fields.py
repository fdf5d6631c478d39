"""Column types shared by the models: UTC instants and JSON documents."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import peewee

_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


class InstantField(peewee.Field):
    """A point in time, stored in UTC as sortable text (SQLite) or TIMESTAMP (PostgreSQL).

    Python values are timezone-aware datetimes; naive values are refused so that a local time can never be
    stored as if it were UTC.
    """

    field_type = "DATETIME"

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if value.tzinfo is None:
            raise ValueError(f"{self.name}: naive datetime refused")
        return value.astimezone(timezone.utc).strftime(_FORMAT)

    def python_value(self, value):
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value
        text = str(value)
        try:  # the stored form; fromisoformat is C code, several times faster than strptime on every row read
            parsed = datetime.fromisoformat(text)
            return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed.astimezone(timezone.utc)
        except ValueError:
            pass
        for fmt in (_FORMAT, "%Y-%m-%d %H:%M:%S"):
            try:
                return datetime.strptime(text, fmt).replace(tzinfo=timezone.utc)
            except ValueError:
                continue
        raise ValueError(f"{self.name}: the stored time {text[:40]!r} cannot be read")


class JSONField(peewee.TextField):
    """A JSON document stored as text, with Chinese kept readable (ensure_ascii off)."""

    def db_value(self, value):
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def python_value(self, value):
        if value is None:
            return None
        try:
            return json.loads(value)
        except ValueError:
            raise ValueError(f"{self.name}: the stored document cannot be read") from None
