"""The program itself: where its database and log are, the log's set-up, and the demonstration branch."""
from __future__ import annotations

from app.logs import FILE_NAME as LOG_FILE_NAME, configure as configure_logging, log_dir, log_file  # noqa: F401
from app.paths import data_dir, default_db_target  # noqa: F401
