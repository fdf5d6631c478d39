"""The core's message catalogue.

English is the source language; each module registers its Simplified Chinese translations with
``register({english: chinese})`` next to the code that raises them, so a message and its translation live
together. The language is chosen once per process (``set_language``); the command line takes it from
``CDESK_LANG`` (``zh_CN`` by default, ``en`` for English), the windows from Settings.
"""
from __future__ import annotations

import os

_ZH: dict[str, str] = {}
_language = "zh_CN"

SUPPORTED = ("zh_CN", "en")


_CONFLICTS: list[tuple[str, str, str]] = []


def register(catalogue: dict[str, str]) -> None:
    for english, chinese in catalogue.items():
        if english in _ZH and _ZH[english] != chinese:
            _CONFLICTS.append((english, _ZH[english], chinese))  # reported by the catalogue test
    _ZH.update(catalogue)


_CODES: dict[str, dict[str, str]] = {}


def register_codes(kind: str, names: dict[str, str]) -> None:
    """English display names of the program's codes of one kind (``state``, ``action``, ``preset``): a message
    parameter of that name shows the name, never the code (``accepted`` reads 已受理 / Accepted). Register the
    Chinese of each name with ``register``."""
    _CODES.setdefault(kind, {}).update(names)


def code_name(kind: str, code) -> str:
    """The display name of ``code`` in the current language; a code nobody named is shown as it is."""
    english = _CODES.get(kind, {}).get(code) if isinstance(code, str) else None
    return t(english) if english else code


def code_kinds() -> dict[str, dict[str, str]]:
    return {kind: dict(names) for kind, names in _CODES.items()}


def conflicts() -> list[tuple[str, str, str]]:
    """Messages registered twice with different translations (whichever came last would win)."""
    return list(_CONFLICTS)


def set_language(language: str | None) -> str:
    global _language
    if language:
        language = "en" if language.lower().startswith("en") else "zh_CN"
        _language = language
    return _language


def language() -> str:
    return _language


def language_from_environment() -> str:
    return set_language(os.environ.get("CDESK_LANG") or "zh_CN")


def t(text: str, **params) -> str:
    """Translate ``text`` into the current language and fill in ``{named}`` parameters."""
    template = _ZH.get(text, text) if _language == "zh_CN" else text
    return template.format(**params) if params else template


def join(items) -> str:
    """Translate each item of a list and join them the way the language lists things."""
    return ("、" if _language == "zh_CN" else ", ").join(t(item) for item in items)


def missing_translations(texts) -> list[str]:
    return [s for s in texts if s not in _ZH]
