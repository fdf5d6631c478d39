"""One desk per database 单实例: a lock file next to the database, held by the desk for as long as it runs.

A second desk started on the same file (a second double click, a second user session on the same PC with a
shared data folder) is told which process has it and since when, instead of two desks racing each other's
backups, drafts and restores. A restore from the command line refuses while a desk holds the lock: it would
replace the file under the desk's feet (on Windows: WinError 32).

The lock is an operating-system lock (``msvcrt.locking`` on Windows, ``fcntl.flock`` elsewhere) on the first
byte of ``<database>.lock``, so it is released when the process ends, even when it crashes: a stale lock file
never keeps anyone out. The rest of the file says who holds it (readable while the first byte is locked).
No Qt here.
"""
from __future__ import annotations

import json
import os
from contextlib import contextmanager
import socket
import sys
from datetime import datetime
from pathlib import Path

from app import i18n
from app.errors import DeskError

i18n.register({
    "This database is already open in Complaint Desk (process {pid} on {host}, since {since}): switch to that "
    "window, or close it first.":
        "该数据库已在投诉台中打开（{host} 上的进程 {pid}，自 {since} 起）：请切换到那个窗口，或先将其关闭。",
    "This database is already open in Complaint Desk: switch to that window, or close it first.":
        "该数据库已在投诉台中打开：请切换到那个窗口，或先将其关闭。",
})


class DatabaseInUse(DeskError):
    """Another desk holds this database."""


def lock_path(db_path: str | Path) -> Path:
    return Path(str(db_path) + ".lock")


def _try_lock(handle) -> bool:
    handle.seek(0)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle) -> None:
    try:
        handle.seek(0)
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    except OSError:
        pass


def holder(db_path: str | Path) -> dict | None:
    """Who holds the lock, as written in the lock file (None when unreadable)."""
    try:
        with open(lock_path(db_path), "rb") as handle:
            handle.seek(1)  # the first byte is the locked one
            return json.loads(handle.read().decode("utf-8"))
    except (OSError, ValueError):
        return None


def _refusal(db_path) -> DatabaseInUse:
    who = holder(db_path)
    if who and who.get("pid"):
        return DatabaseInUse("This database is already open in Complaint Desk (process {pid} on {host}, since {since}): "
                             "switch to that window, or close it first.", pid=who.get("pid"),
                             host=who.get("host", "?"), since=who.get("since", "?"))
    return DatabaseInUse("This database is already open in Complaint Desk: switch to that window, or close it first.")


class DeskLock:
    """The desk's hold on one database. ``acquire()`` raises ``DatabaseInUse`` when another process has it."""

    def __init__(self, db_path: str | Path):
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self, *, now: datetime | None = None) -> "DeskLock":
        if self._handle is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # never truncates the holder's note before the lock is ours
        if not _try_lock(handle):
            handle.close()
            raise _refusal(self.db_path)
        note = {"pid": os.getpid(), "host": socket.gethostname(),
                "since": (now or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M")}
        try:
            handle.seek(1)
            handle.truncate()
            handle.write(json.dumps(note, ensure_ascii=False).encode("utf-8"))
            handle.flush()
        except OSError:
            pass  # the note is a courtesy; the lock is what counts
        self._handle = handle
        return self

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        _unlock(handle)
        handle.close()  # the file stays: removing it could split the lock between two desks starting at once

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


@contextmanager
def file_lock(path: str | Path, *, timeout: float = 2.0):
    """A short exclusive lock between processes (the log files' rotation): waits up to ``timeout`` seconds;
    yields whether the lock was had (the caller decides what to do without it)."""
    import time

    try:
        handle = open(path, "a+b")
    except OSError:
        yield False
        return
    try:
        deadline = time.monotonic() + timeout
        locked = _try_lock(handle)
        while not locked and time.monotonic() < deadline:
            time.sleep(0.02)
            locked = _try_lock(handle)
        try:
            yield locked
        finally:
            if locked:
                _unlock(handle)
    finally:
        handle.close()


_held: dict[Path, DeskLock] = {}


def hold(db_path: str | Path, *, now: datetime | None = None) -> DeskLock:
    """Take the lock for this process (the windows, for as long as they run); again for the same file is a no-op."""
    key = Path(db_path).resolve()
    lock = _held.get(key)
    if lock is None or not lock.held:
        lock = DeskLock(key).acquire(now=now)
        _held[key] = lock
    return lock


def release(db_path: str | Path) -> None:
    lock = _held.pop(Path(db_path).resolve(), None)
    if lock is not None:
        lock.release()


def ensure_free(db_path: str | Path) -> None:
    """Refuse (``DatabaseInUse``) when another process holds the desk lock of ``db_path``; this process's own
    lock (the desk restoring its own database) is fine."""
    key = Path(db_path).resolve()
    own = _held.get(key)
    if own is not None and own.held:
        return
    if not lock_path(key).exists():
        return
    probe = DeskLock(key)
    try:
        handle = open(probe.path, "a+b")
    except OSError:
        return
    try:
        if not _try_lock(handle):
            raise _refusal(key)
        _unlock(handle)
    finally:
        handle.close()
