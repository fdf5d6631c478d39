"""Where the program keeps its files: the user's data folder and the default database in it.

Windows: ``%LOCALAPPDATA%\\ComplaintDesk``; Linux: ``~/.local/share/ComplaintDesk`` (platformdirs). ``CDESK_DB``
names another database (a file or a ``postgresql://`` URL) for the command line and the windows alike.
"""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path


def data_dir() -> Path:
    """The user's data folder: database, logs, backups and drafts."""
    return user_data_path("ComplaintDesk", appauthor=False)


def default_db_path() -> Path:
    return data_dir() / "complaint-desk.sqlite3"


def default_db_target() -> str:
    """The database the program opens when none is named: ``CDESK_DB``, else the file in the data folder."""
    return os.environ.get("CDESK_DB") or str(default_db_path())
