"""Log files 日志: rotating files in the user's data folder, configured once at start-up.

``configure("ui")`` or ``configure("cli")`` is called by the entry point before anything else; every module
logs through ``logging.getLogger("complaint_desk.<module>")``. The files are ``logs/complaint-desk.log``
(1 MB each, five kept) next to the database. A data folder that cannot be written never stops the program:
the log then goes nowhere and the program carries on.

Several processes write the same file (the desk, a command, the import's worker process). Each appends whole
lines; one rotates at a time (a lock file beside the log), a process whose file was rotated by another reopens
the current one, and a rotation Windows refuses (another process holds the file) is tried again later instead
of printing a "Logging error" on the console, which is the command line's voice.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
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
        handler = SharedRotatingFileHandler(folder / FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                            encoding="utf-8", delay=True)
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


class SharedRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that several processes share safely (see the module's docstring)."""

    RETRY_DELAYS = (0.05, 0.1, 0.2)  # an indexer holding a log file for a moment
    BACKOFF_SECONDS = 60.0  # after a rotation that could not be done, the next attempt
    _next_attempt = 0.0

    def shouldRollover(self, record):
        import time

        if time.monotonic() < self._next_attempt:
            return False
        return super().shouldRollover(record)

    def emit(self, record):
        try:
            if self.stream is not None and self._rotated_elsewhere():
                self.stream.close()
                self.stream = None  # reopened on the current file by the emit below
            super().emit(record)
        except Exception:  # noqa: BLE001 - a log problem never disturbs the program
            self.handleError(record)

    def _rotated_elsewhere(self) -> bool:
        try:
            on_disk = os.stat(self.baseFilename)
            ours = os.fstat(self.stream.fileno())
        except OSError:
            return True
        return (on_disk.st_dev, on_disk.st_ino) != (ours.st_dev, ours.st_ino)

    def doRollover(self):
        from app.records.instance import file_lock
        from app.records.safefile import retry

        if self.stream is not None:
            self.stream.close()
            self.stream = None
        with file_lock(self.baseFilename + ".lock") as locked:
            try:
                size = os.stat(self.baseFilename).st_size
            except OSError:
                size = 0
            if locked and size >= self.maxBytes:  # not already rotated by another process
                try:
                    for index in range(self.backupCount - 1, 0, -1):
                        source = self.rotation_filename(f"{self.baseFilename}.{index}")
                        target = self.rotation_filename(f"{self.baseFilename}.{index + 1}")
                        if os.path.exists(source):
                            retry(lambda: os.replace(source, target), delays=self.RETRY_DELAYS)
                    retry(lambda: os.replace(self.baseFilename, self.rotation_filename(self.baseFilename + ".1")),
                          delays=self.RETRY_DELAYS)
                except OSError:
                    # another process holds a file (Windows): the log grows a little, rotated a minute later
                    import time

                    self._next_attempt = time.monotonic() + self.BACKOFF_SECONDS
        if not self.delay:
            self.stream = self._open()

    def handleError(self, record):
        pass  # never a "--- Logging error ---" on the console: the command line's stderr is its answer


def _log_uncaught(previous):
    def hook(kind, value, traceback):
        if not issubclass(kind, KeyboardInterrupt):
            logging.getLogger(LOGGER).critical("uncaught exception", exc_info=(kind, value, traceback))
        previous(kind, value, traceback)

    return hook


def log_file() -> Path | None:
    return _configured
