"""Backup and restore 备份与恢复 as the windows and the command line ask for them (``app.records.backup`` does
the copying, checking and rotation; ``app.records.sealed`` the password-protected copies for the stick)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.exchange.export import latest_manifest
from app.records import backup
from app.records.backup import (  # noqa: F401 - what callers catch and read
    BackupError, NeedBackupPassword, NeedLastNumber, auto_backup, backup_due, daily_backup_if_due, latest_backup,
    manual_backup, on_server, require_file,
)
from app.records.integrity import IntegrityResult, startup_check  # noqa: F401
from app.records.sealed import check_password as check_backup_password, is_sealed  # noqa: F401
from app.services import auth


def server_backup_text() -> str:
    """For a database on a PostgreSQL server (``on_server``): how it is backed up, in the user's language."""
    from app import i18n

    return i18n.t(backup.ON_SERVER)


def restore(db_path: str | Path, backup_file: str | Path, *, username: str, password: str, last_numbers=(),
            manifest: str | Path | None = None, no_last_number: bool = False, now: datetime | None = None,
            backup_password: str | None = None) -> dict:
    """Replace the database with a backup (an administrator signs in for it). ``manifest`` is the latest export
    on the stick (a bundle, or the folder holding it): the numbers it says were issued are never issued again."""
    numbers = latest_manifest(manifest) if manifest else None
    return backup.restore(db_path, backup_file, username=username, password=password, sign_in=auth.sign_in,
                          last_numbers=last_numbers, manifest=numbers, no_last_number=no_last_number, now=now,
                          backup_password=backup_password)

