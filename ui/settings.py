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


# --- window geometry ---------------------------------------------------------------------------------------------

SMALLEST_SCREEN = (1366, 768)  # the branch PCs' common screen: every window is usable on it


def fitted_size(window, width: int, height: int) -> tuple[int, int]:
    """``width`` x ``height`` made to fit the screen's free area (task bar excluded)."""
    from PySide6.QtGui import QGuiApplication

    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return width, height
    free = screen.availableGeometry()
    return min(width, free.width()), min(height, free.height())


def restore_geometry(window, key: str, width: int, height: int) -> None:
    """The window's size and place as the user left it; the first time ``width`` x ``height`` fitted to the screen.
    A saved place that no longer fits (a smaller screen now) falls back to the fitted default."""
    from PySide6.QtCore import QByteArray

    raw = settings().value(f"geometry/{key}")
    if raw and window.restoreGeometry(QByteArray(raw) if not isinstance(raw, QByteArray) else raw):
        free = window.screen().availableGeometry() if window.screen() else None
        if free is None or (window.width() <= free.width() and window.height() <= free.height()):
            return
    window.resize(*fitted_size(window, width, height))


def save_geometry(window, key: str) -> None:
    store = settings()
    store.setValue(f"geometry/{key}", window.saveGeometry())
    store.sync()
