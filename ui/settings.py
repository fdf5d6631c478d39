"""Per-user preferences kept between sessions (language, ledger filters and columns, window geometry, the idle
time before the screen locks).

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


IDLE_LOCK_DEFAULT = 10  # minutes without input before the screen locks (issue 8); 0 = never


def idle_lock_minutes() -> int:
    try:
        return max(0, int(settings().value("idle_lock_minutes", IDLE_LOCK_DEFAULT)))
    except (TypeError, ValueError):
        return IDLE_LOCK_DEFAULT


def set_idle_lock_minutes(minutes: int) -> None:
    store = settings()
    store.setValue("idle_lock_minutes", max(0, int(minutes)))
    store.sync()
