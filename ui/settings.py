"""Per-user preferences kept between sessions (language, ledger filters and columns, window geometry).

QSettings in INI format under the organisation "ComplaintDesk"; tests redirect it with ``QSettings.setPath``.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QSettings

ORGANISATION = "ComplaintDesk"
APPLICATION = "ComplaintDesk"


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def get_json(key: str, default=None):
    raw = settings().value(key)
    if raw in (None, ""):
        return default
    try:
        return json.loads(raw)
    except (TypeError, ValueError):
        return default


def set_json(key: str, value) -> None:
    store = settings()
    store.setValue(key, json.dumps(value, ensure_ascii=False))
    store.sync()


def language() -> str:
    value = settings().value("language") or "zh_CN"
    return "en" if str(value).startswith("en") else "zh_CN"


def set_language(value: str) -> None:
    store = settings()
    store.setValue("language", value)
    store.sync()
