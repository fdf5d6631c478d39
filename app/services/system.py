"""The program itself: where its database and log are, opening and closing the database, writing a file
safely, reading a JSON document the user gave."""
from __future__ import annotations

from app.records.logs import FILE_NAME as LOG_FILE_NAME, configure as configure_logging, log_dir, log_file  # noqa: F401
from app.paths import data_dir, default_db_target  # noqa: F401
from app.records.safefile import write_atomically as write_file  # noqa: F401 - a whole file or none of it
from app.rules.validation import parse_json_text  # noqa: F401 - broken JSON named, a BOM accepted
from models import close_db, init_db as open_database  # noqa: F401
