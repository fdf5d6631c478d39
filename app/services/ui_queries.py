"""Reads and set-up steps the windows need beyond the core services (owned by the desk UI, no Qt here).

One function per need; each is a plain read or one ``transaction()``. The windows never touch models or SQL
themselves.
"""
from __future__ import annotations

from pathlib import Path

import models
from models import Branch


def open_database(target: str | Path) -> None:
    """Open (and create or migrate) the database the desk works on, for this thread and the workers."""
    models.init_db(target)


def hold_database(target: str | Path) -> None:
    """One desk per database file: take its lock for as long as the windows run (``app.records.instance``).
    Raises ``DatabaseInUse`` (a DeskError saying who has it) when another desk holds it; a PostgreSQL URL is
    shared by design and takes no lock."""
    if "://" in str(target):
        return
    from app.records import instance

    instance.hold(target)


def release_database(target: str | Path) -> None:
    if "://" in str(target):
        return
    from app.records import instance

    instance.release(target)


def is_damaged_file(exc: BaseException) -> bool:
    """Whether opening the database failed because the file is not sound (not a full disk, not a lock)."""
    import sqlite3

    import peewee

    from models.db import is_storage_full

    text = str(exc).lower()
    return (isinstance(exc, (sqlite3.DatabaseError, peewee.DatabaseError)) and not is_storage_full(exc)
            and ("malformed" in text or "not a database" in text or "corrupt" in text or "disk i/o" in text))


def close_database() -> None:
    models.close_db()


def release_connection() -> None:
    """Close the calling thread's connection (a background worker calls this when its function returns)."""
    db = models.database.obj
    if db is not None and not db.is_closed():
        db.close()


def is_set_up() -> bool:
    """Whether the open database belongs to a branch yet (otherwise the desk runs its first-run set-up)."""
    return Branch.select().where(Branch.is_local == True).exists()  # noqa: E712


def local_branch() -> dict | None:
    branch = Branch.get_or_none(Branch.is_local == True)  # noqa: E712
    if branch is None:
        return None
    return {"code": branch.code, "name": branch.name, "hq": branch.is_hq}
