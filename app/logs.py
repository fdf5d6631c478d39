"""Log files 日志: rotating files in the user's data folder, configured once at start-up.

``configure("ui")`` or ``configure("cli")`` is called by the entry point before anything else; every module
logs through ``logging.getLogger("complaint_desk.<module>")``. The files are ``logs/complaint-desk.log``
(1 MB each, five kept) next to the database. A data folder that cannot be written never stops the program:
the log then goes nowhere and the program carries on.
"""
from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
from pathlib import Path

from app.paths import data_dir

LOGGER = "complaint_desk"
FILE_NAME = "complaint-desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(process)d %(name)s: %(message)s"

_configured: Path | None = None


def log_dir() -> Path:
    return data_dir() / "logs"


def configure(kind: str, *, level: int = logging.INFO, directory: Path | None = None) -> Path | None:
    """Attach the rotating file handler (once per process) and log the start; returns the log file or None."""
    global _configured
    if _configured is not None:
        return _configured
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level)
    folder = Path(directory) if directory else log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / FILE_NAME, maxBytes=MAX_BYTES,
                                                       backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    _configured = folder / FILE_NAME
    from app.version import is_frozen, version

    logger.info("start %s %s (%s, Python %s, %s)", kind, version(), "bundle" if is_frozen() else "source",
                platform.python_version(), platform.platform())
    sys.excepthook = _log_uncaught(sys.excepthook)
    return _configured


def _log_uncaught(previous):
    def hook(kind, value, traceback):
        if not issubclass(kind, KeyboardInterrupt):
            logging.getLogger(LOGGER).critical("uncaught exception", exc_info=(kind, value, traceback))
        previous(kind, value, traceback)

    return hook


def log_file() -> Path | None:
    return _configured
