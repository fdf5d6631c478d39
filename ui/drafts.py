"""Unsaved input survives a crash: each unregistered slip's draft, as JSON in the data folder.

The form calls ``touch()`` on every edit; a short single-shot timer writes the draft (atomically: a
temporary file, then rename) so typing is never slowed by the disk. Every new slip window has a draft file of
its own (``slip-USER.json``, then ``slip-USER-2.json`` ...), so two slips never overwrite each other and closing
an empty slip never removes another slip's draft. ``user_drafts()`` lists a user's drafts (My work shows them,
Ctrl+N reopens the newest); ``clear()`` after the slip is registered or the user discards it.

Windows: an antivirus scanner or the indexer may hold the draft for a moment, so the rename is tried again
briefly; when the draft still cannot be written (a full disk, a folder taken away) the form is told
(``trouble``) and the keeper tries again a little later, so a draft is never lost without a word.
"""
from __future__ import annotations

import json
import logging
import re
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.services.files import remove_file, replace_file

DEBOUNCE_MS = 400
RETRY_MS = 5000  # after a failed write, the next try
log = logging.getLogger("complaint_desk.drafts")


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
        remove_file(path)
    except OSError as exc:  # held past the retries: the next start offers it back, which the user can discard
        log.warning("draft %s could not be removed: %s", path, exc)


class DraftKeeper(QObject):
    """Writes ``collect()``'s dict to ``path`` a moment after the last edit. ``trouble`` carries the reason
    when the draft could not be written (and "" once it could again)."""

    trouble = Signal(str)

    def __init__(self, path: Path, collect: Callable[[], dict], parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self._collect = collect
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.write_now)
        self.enabled = True
        self.problem = ""

    def touch(self) -> None:
        if self.enabled:
            self._timer.start(DEBOUNCE_MS)

    def write_now(self) -> None:
        self._timer.stop()
        if not self.enabled:
            return
        document = {"saved_at": datetime.now().astimezone().isoformat(timespec="seconds"), "fields": self._collect()}
        temporary = self.path.with_suffix(".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
            replace_file(temporary, self.path)  # tried again for a moment while another program holds it
        except OSError as exc:
            log.warning("draft %s could not be written: %s", self.path, exc)
            self.problem = QCoreApplication.translate(
                "Drafts", "The draft could not be saved ({reason}); it will be tried again. Register the slip "
                "or keep this window open.").format(reason=exc.strerror or str(exc))
            self.trouble.emit(self.problem)
            self._timer.start(RETRY_MS)
            return
        if self.problem:
            self.problem = ""
            self.trouble.emit("")

    def discard(self) -> None:
        self._timer.stop()
        clear(self.path)
