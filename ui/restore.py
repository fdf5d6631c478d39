"""The start-up check 启动自检 of the database file and the way out when it is damaged: restore a backup.

``StartupCheck`` runs ``app.records.integrity.startup_check`` (SQLite's quick_check) in a thread of its own once the window
is up: on a year of a busy branch's cases the check reads every page for seconds, and nobody should wait for it
at every start. When the file cannot even be opened, the desk runs it at once instead. ``RestoreDialog`` says
what is wrong in the user's language and restores the latest automatic backup (or a backup chosen on a stick)
with ``app.records.backups.restore``: an administrator signs in for it, and the highest number already printed is asked
for, so that no number on paper is ever issued again (R11).
"""
from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.services import backups
from ui import dialogs, ops, widgets

log = logging.getLogger("complaint_desk.restore")


class StartupCheck(QObject):
    """``startup_check`` of the database in the background; ``finished`` carries its ``IntegrityResult``."""

    finished = Signal(object)

    def __init__(self, db_target: str, parent: QObject | None = None):
        super().__init__(parent)
        self.db_target = db_target
        self.thread: threading.Thread | None = None

    def start(self) -> threading.Thread:
        self.thread = threading.Thread(target=self._run, name="startup-check", daemon=True)
        self.thread.start()
        return self.thread

    def _run(self) -> None:
        result = backups.startup_check(self.db_target)
        if not result.ok:
            log.error("start-up check: %s", result.detail)
        self.finished.emit(result)


class RestoreDialog(QDialog):
    """The restore of a backup by an administrator: of a damaged file, with what the check found, or of a sound
    one on purpose (``result.ok``; Exchange > Restore from a backup…)."""

    def __init__(self, result, parent: QWidget | None = None):
        super().__init__(parent)
        self.found = result  # (QDialog.result is the answer)
        self.db_path = Path(result.path)
        self.restored: dict | None = None
        self.setWindowTitle(self.tr("Restore a backup") if result.ok else self.tr("The database is damaged"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        found = QLabel(result.message)
        found.setWordWrap(True)
        layout.addWidget(found)
        form = QFormLayout()
        self.file = QLineEdit(result.latest_backup or "")
        self.file.setPlaceholderText(self.tr("a backup file (.sqlite3 or .cdbackup), for example on a USB stick"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Backup"), row)
        self.backup_password = QLineEdit()
        self.backup_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.backup_password_label = QLabel(self.tr("Backup password"))
        form.addRow(self.backup_password_label, self.backup_password)
        self.file.textChanged.connect(self.show_backup_password)
        self.show_backup_password()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Administrator"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.numbers = QLineEdit()
        self.numbers.setPlaceholderText("BJ01-2026-00042  BJ01-ZG-2026-0003")
        self.none_issued = QCheckBox(self.tr("No slip or notice number was issued since the backup"))
        if not result.ok:  # a sound file tells the numbers issued itself
            form.addRow(self.tr("Highest numbers printed"), self.numbers)
            form.addRow("", self.none_issued)
        layout.addLayout(form)
        note = QLabel(self.tr("Numbers printed on paper after the backup are recorded as voided, so none is ever "
                              "issued twice. The damaged file is kept aside, not deleted."))
        note.setWordWrap(True)
        note.setVisible(not result.ok)  # on purpose, the message above says what happens
        layout.addWidget(note)
        self.banner = widgets.banner()
        layout.addWidget(self.banner)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore)
        quit_button = QPushButton(self.tr("Cancel") if result.ok else self.tr("Quit"))
        quit_button.clicked.connect(self.reject)
        layout.addLayout(widgets.button_row(self.restore_button, quit_button))

    def show_backup_password(self, *_) -> None:
        """The backup's own password is asked only for a sealed backup (``.cdbackup``)."""
        shown = backups.is_sealed(self.file.text().strip())
        self.backup_password.setVisible(shown)
        self.backup_password_label.setVisible(shown)

    def choose_file(self) -> None:
        from ui import dialogs
        from ui.exchange_dialogs import first_stick

        current = self.file.text().strip()
        path = dialogs.open_file(self, self.tr("Choose a backup"), self.tr("Backups (*.sqlite3 *.cdbackup);;All files (*)"),
                                 folder=str(Path(current).parent) if current else first_stick())
        if path:
            self.file.setText(path)

    def _refused(self, exc: BaseException, text: str) -> None:
        if isinstance(exc, backups.NeedBackupPassword):
            text = self.tr("This backup is sealed: enter its backup password.")
        elif isinstance(exc, backups.NeedLastNumber):
            text = self.tr("The damaged file does not tell which numbers were issued after the backup: enter the "
                           "highest slip and notice numbers printed on paper, or tick that none was issued.")
        widgets.set_banner(self.banner, text)

    def restore(self) -> dict | None:
        """Restore the chosen backup; on success the dialog is accepted and ``restored`` says what was done."""
        if not self.file.text().strip():
            widgets.set_banner(self.banner, self.tr("Choose the backup to restore first."))
            return None
        numbers = [n for n in re.split(r"[\s,，、;；]+", self.numbers.text().strip()) if n]
        restored = ops.call(backups.restore, self.db_path, self.file.text().strip(),
                            username=self.username.text().strip(), password=self.password.text(),
                            last_numbers=numbers, no_last_number=self.none_issued.isChecked(),
                            backup_password=self.backup_password.text() or None, on_error=self._refused)
        if restored is ops.FAILED:
            return None
        self.restored = restored
        voided = self.restored.get("voided") or []
        dialogs.info(self, self.tr("Restored"), self.tr(
            "The database was restored from {file}. Numbers recorded as voided: {voided}. The damaged file is kept "
            "as {aside}.").format(file=Path(self.restored["from"]).name,
                                  voided=("、" if i18n.language() == "zh_CN" else ", ").join(voided) or "—",
                                  aside=Path(self.restored["previous_kept_as"] or "").name or "—"))
        self.accept()
        return self.restored
