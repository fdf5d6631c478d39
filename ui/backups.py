"""Automatic backups 自动备份 while the desk runs, and on exit (``app.records.backup`` does the copying and the rotation).

A copy goes into the rotating set next to the database (``backups/``) once a day: checked an hour apart, the first
time a few minutes after start-up, in a thread of its own so that nobody waits for it (SQLite's online backup reads
a consistent snapshot while the desk goes on writing). On exit a copy is taken unless the newest is less than an
hour old, with a progress window. A failure (a full disk) is logged and shown in the status bar; the work at the
desk goes on. Headquarters on PostgreSQL has its server's own backups: nothing is scheduled there.
"""
from __future__ import annotations

import logging
import threading
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import backups
from app.errors import DeskError
from ui import ops, widgets

FIRST_CHECK_MS = 3 * 60 * 1000
EVERY_MS = 60 * 60 * 1000
ON_EXIT_AFTER = timedelta(hours=1)

log = logging.getLogger("complaint_desk.backups")


class AutomaticBackups(QObject):
    """The schedule of one desk's automatic backups. ``finished`` carries the backup made (a dict from
    ``app.records.backups.auto_backup``), None when none was due, or the reason it failed (text in the user's language)."""

    finished = Signal(object)

    def __init__(self, db_target: str, parent: QObject | None = None, *, first_check_ms: int = FIRST_CHECK_MS,
                 every_ms: int = EVERY_MS):
        super().__init__(parent)
        self.db_path = None if "://" in str(db_target) else Path(db_target)
        self.paused = False
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.check)
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.setInterval(first_check_ms)
        self.first.timeout.connect(self.check)
        if self.db_path is not None:
            self.first.start()
            self.timer.start()

    def pause(self, paused: bool = True) -> None:
        """No backup while the file is known to be damaged (a copy of it would fail its check anyway, and the
        message would only confuse); resumed once a backup has been restored."""
        self.paused = paused

    def check(self) -> threading.Thread | None:
        """Start a backup in the background if one is due (and none is under way); returns its thread."""
        if self.db_path is None or self.paused or (self._thread is not None and self._thread.is_alive()):
            return None
        self._thread = threading.Thread(target=self._run, name="automatic-backup", daemon=True)
        self._thread.start()
        return self._thread

    def _run(self) -> None:  # the backup's own thread
        # a backup never takes the desk down: any failure is one line for the status bar (and the log)
        failure: list = []
        made = ops.call(backups.daily_backup_if_due, self.db_path, on_error=lambda exc, text: failure.append((exc, text)))
        if made is ops.FAILED:
            exc, text = failure[0]
            log.warning("automatic backup failed: %s", text)
            if not isinstance(exc, DeskError):  # not a refusal the user can act on as said: name it a failure
                text = QCoreApplication.translate("Backups", "The automatic backup failed ({error}).").format(error=text)
            self.finished.emit(text)
            return
        if made:
            log.info("automatic backup %s", made["file"])
        self.finished.emit(made)

    def on_exit(self, parent=None) -> str | None:
        """The desk is closing: let a backup under way finish, then take one unless the newest is under an hour
        old. Returns why it failed (in the user's language), or None."""
        self.timer.stop()
        self.first.stop()
        if self.db_path is None:
            return None
        if self._thread is not None:
            self._thread.join()
        if self.paused or not self.db_path.exists() or not backups.backup_due(self.db_path, every=ON_EXIT_AFTER):
            return None
        dialog = QProgressDialog(QCoreApplication.translate("Backups", "Backing up the database…"), "", 0, 0, parent)
        dialog.setWindowTitle(QCoreApplication.translate("Backups", "Please wait"))
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(500)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))
            QCoreApplication.processEvents()

        failure: list[str] = []
        try:
            made = ops.call(backups.auto_backup, self.db_path, progress=progress,
                            on_error=lambda _exc, text: failure.append(text))
        finally:
            dialog.close()
        if made is ops.FAILED:
            log.warning("backup on exit failed: %s", failure[0])
            return failure[0]
        log.info("backup on exit %s", made["file"])
        return None


class BackupPasswordDialog(QDialog):
    """The password that seals a backup for the drive (``app.records.sealed``), typed twice; left empty, the backup is
    written without one (the caller asks whether that is meant)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.password: str | None = None
        self.setWindowTitle(self.tr("Backup password"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The backup holds the customers' personal data. Sealed with a password, a lost drive "
                              "gives nothing away. Write the password on paper and keep it apart from the drive: "
                              "without it the backup cannot be restored."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.first = QLineEdit()
        self.second = QLineEdit()
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password"), self.first)
        form.addRow(self.tr("Again"), self.second)
        layout.addLayout(form)
        self.banner = widgets.banner()
        layout.addWidget(self.banner)
        self.write_button = QPushButton(self.tr("Write the backup"))
        self.write_button.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        layout.addLayout(widgets.button_row(self.write_button, cancel))

    def confirm(self) -> None:
        first, second = self.first.text(), self.second.text()
        if first != second:
            widgets.set_banner(self.banner, self.tr("The two passwords differ."))
            return
        if first:
            if ops.call(backups.check_backup_password, first, banner=self.banner) is ops.FAILED:
                return
        self.password = first
        self.accept()
