"""Unsaved input survives a crash: each unregistered slip's draft, as JSON in the data folder.

The form calls ``touch()`` on every edit; a short single-shot timer writes the draft (atomically: a
temporary file, then rename) so typing is never slowed by the disk. Every new slip window has a draft file of
its own (``slip-USER.json``, then ``slip-USER-2.json`` ...), so two slips never overwrite each other and closing
an empty slip never removes another slip's draft. ``user_drafts()`` lists a user's drafts (My work shows them,
Ctrl+N reopens the newest); ``clear()`` after the slip is registered or the user discards it.
"""
from __future__ import annotations

import json
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer

DEBOUNCE_MS = 400


def _safe(username: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", username) or "user"


def draft_path(data_dir: Path, username: str) -> Path:
    """The user's first draft file (older versions kept only this one)."""
    return Path(data_dir) / "drafts" / f"slip-{_safe(username)}.json"


def user_drafts(data_dir: Path, username: str) -> list[tuple[Path, dict]]:
    """The user's readable drafts as (path, document), the most recently saved first."""
    folder = Path(data_dir) / "drafts"
    pattern = re.compile(rf"slip-{re.escape(_safe(username))}(-\d+)?\.json")
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            if pattern.fullmatch(path.name):
                document = load(path)
                if document is not None:
                    found.append((path, document))
    found.sort(key=lambda pair: pair[1].get("saved_at") or "", reverse=True)
    return found


def free_path(data_dir: Path, username: str, taken: set[Path] = frozenset()) -> Path:
    """A draft file for a new slip: neither on disk nor used by an open slip window (``taken``)."""
    first = draft_path(data_dir, username)
    candidate, n = first, 1
    while candidate.exists() or candidate in taken:
        n += 1
        candidate = first.with_name(f"{first.stem}-{n}.json")
    return candidate


def load(path: Path) -> dict | None:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or not isinstance(document.get("fields"), dict):
        return None
    return document


def clear(path: Path) -> None:
    try:
        Path(path).unlink()
    except FileNotFoundError:
        pass


class DraftKeeper(QObject):
    """Writes ``collect()``'s dict to ``path`` a moment after the last edit."""

    def __init__(self, path: Path, collect: Callable[[], dict], parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._collect = collect
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.write_now)
        self.enabled = True

    def touch(self) -> None:
        if self.enabled:
            self._timer.start()

    def write_now(self) -> None:
        self._timer.stop()
        if not self.enabled:
            return
        document = {"saved_at": datetime.now().astimezone().isoformat(timespec="seconds"), "fields": self._collect()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)

    def discard(self) -> None:
        self._timer.stop()
        clear(self.path)
