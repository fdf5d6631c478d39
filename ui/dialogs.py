"""The few blocking questions the desk asks. Kept in one place so tests patch them instead of blocking."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def save_file(parent: QWidget | None, title: str, suggested: str, pattern: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
    return path


def choose_folder(parent: QWidget | None, title: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title)


def backup_password(parent: QWidget | None) -> str | None:
    """The password to seal a backup with: "" for none, None when the user cancelled."""
    from ui.backups import BackupPasswordDialog

    dialog = BackupPasswordDialog(parent)
    return dialog.password if dialog.exec() else None
