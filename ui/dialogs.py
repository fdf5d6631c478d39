"""The few blocking questions the desk asks. Kept in one place so tests patch them instead of blocking."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

LAST_FOLDER = "dialogs/last_folder"


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def start_folder(preferred: str | Path | None = None) -> str:
    """Where a file dialog opens: ``preferred`` (the USB stick of an exchange) when it exists, else the folder
    the user last chose, else Documents; never the current directory (the program's own folder when it was
    started from a shortcut)."""
    from ui import settings

    last = settings.settings().value(LAST_FOLDER, "", type=str)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (preferred, last, documents, str(Path.home())):
        if candidate and os.path.isdir(candidate):
            return str(candidate)
    return str(Path.home())


def remember_folder(path: str | Path) -> None:
    """The folder of a chosen file (or a chosen folder) is where the next dialog opens."""
    from ui import settings

    if not path:
        return
    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    settings.settings().setValue(LAST_FOLDER, str(folder))


def save_file(parent: QWidget | None, title: str, suggested: str, pattern: str, folder: str | None = None) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, os.path.join(start_folder(folder), suggested), pattern)
    remember_folder(path)
    return path


def open_file(parent: QWidget | None, title: str, pattern: str, folder: str | None = None) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(folder), pattern)
    remember_folder(path)
    return path


def open_files(parent: QWidget | None, title: str, pattern: str, folder: str | None = None) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(folder), pattern)
    if paths:
        remember_folder(paths[0])
    return paths


def choose_folder(parent: QWidget | None, title: str, folder: str | None = None) -> str:
    path = QFileDialog.getExistingDirectory(parent, title, start_folder(folder))
    remember_folder(path)
    return path


def file_in_use(parent: QWidget | None, title: str, text: str) -> str | None:
    """A file another program holds (a report open in Excel): "retry" after closing it there, "other" to save
    under another name, None to give up."""
    box, retry, other = file_in_use_box(parent, title, text)
    box.exec()
    clicked = box.clickedButton()
    return "retry" if clicked is retry else "other" if clicked is other else None


def file_in_use_box(parent: QWidget | None, title: str, text: str):
    """The question of ``file_in_use``: the box and its "try again" and "another name" buttons."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    retry = box.addButton(QCoreApplication.translate("Dialogs", "Try again"), QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton(QCoreApplication.translate("Dialogs", "Save under another name…"),
                          QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry)
    return box, retry, other


def backup_password(parent: QWidget | None) -> str | None:
    """The password to seal a backup with: "" for none, None when the user cancelled."""
    from ui.backups import BackupPasswordDialog

    dialog = BackupPasswordDialog(parent)
    return dialog.password if dialog.exec() else None
