"""Saving a file the desk produced (a report, a ledger, a PDF) where the user chose, as a user of Windows
expects: a file open in Excel or WPS gets "close it there" with the choice to try again or to save under
another name, never "[Errno 13] Permission denied"."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.errors import DeskError
from app.services import files
from ui import dialogs


def another_name(path: str) -> str:
    """``report.xlsx`` -> ``report (2).xlsx`` (the first such name not taken), to suggest beside the held file."""
    original = Path(path)
    for number in range(2, 1000):
        candidate = original.with_name(f"{original.stem} ({number}){original.suffix}")
        if not candidate.exists():
            return candidate.name
    return original.name


def _until_written(parent: QWidget | None, path: str, write, title: str, pattern: str) -> str | None:
    """``write(path)`` until it succeeds (the path written), asking what to do while another program holds the
    file: try again, or another name; None when the user gave up or the write was refused (said in a dialog)."""
    while True:
        try:
            return write(path)
        except files.FileInUse as exc:
            choice = dialogs.file_in_use(parent, title, exc.localized())
            if choice == "retry":
                continue
            if choice != "other":
                return None
            path = dialogs.save_file(parent, title, str(Path(path).with_name(another_name(path))), pattern)
            if not path:
                return None
        except DeskError as exc:
            dialogs.error(parent, title, exc.localized())
            return None


def save_bytes(parent: QWidget | None, path: str, data: bytes, title: str, pattern: str) -> str | None:
    """Write ``data`` to ``path`` (all or nothing); the path written, or None when the user gave up."""
    return _until_written(parent, path, lambda target: files.save_file(target, data), title, pattern)


def place_file(parent: QWidget | None, temporary: str, path: str, title: str, pattern: str) -> str | None:
    """Move a finished ``temporary`` file (written beside ``path``) to ``path``, or where the user chooses when
    another program holds ``path`` open; the path written, or None when the user gave up (the temporary file
    is then removed)."""
    written = None
    try:
        written = _until_written(parent, path, lambda target: files.move_into_place(temporary, target), title,
                                 pattern)
        return written
    finally:
        if written is None:
            try:
                files.remove_file(temporary)
            except OSError:
                pass
