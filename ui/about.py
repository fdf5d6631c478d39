"""Help > About 关于: the version, where the data lives and how big the database is.

Support staff ask for exactly these three things on the telephone, so the dialog shows them as selectable
text with a button that copies everything and one that opens the data folder.
"""
from __future__ import annotations

import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget,
)


def database_files(target: str) -> list[Path]:
    """The SQLite file and its write-ahead log (empty for a PostgreSQL URL)."""
    if "://" in target:
        return []
    main = Path(target)
    return [p for p in (main, Path(f"{target}-wal"), Path(f"{target}-shm")) if p.is_file()]


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"  # pragma: no cover


class AboutDialog(QDialog):
    def __init__(self, db_target: str, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        from app.services import system
        from app.version import is_frozen, version

        self.setWindowTitle(self.tr("About Complaint Desk"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Complaint Desk"))
        title.setObjectName("slipTitle")
        layout.addWidget(title)
        subtitle = QLabel(self.tr("Customer complaints for branch reception desks: numbered slips, deadlines, "
                                  "approvals, rectification notices, USB exchange with headquarters."))
        subtitle.setWordWrap(True)
        layout.addWidget(subtitle)

        files = database_files(db_target)
        if "://" in db_target:
            size = self.tr("server database")
        elif files:
            size = human_size(sum(p.stat().st_size for p in files))
        else:
            size = self.tr("not created yet")
        log_file = system.log_file() or system.log_dir() / system.LOG_FILE_NAME
        build = self.tr("installed program") if is_frozen() else self.tr("source")
        self.facts = [
            (self.tr("Version"), f"{version()} ({build})"),
            (self.tr("Data folder"), str(data_dir)),
            (self.tr("Database"), db_target if "://" not in db_target else db_target.split("@")[-1]),
            (self.tr("Database size"), size),
            (self.tr("Log file"), str(log_file)),
            (self.tr("Components"), f"Python {platform.python_version()}, Qt {qVersion()}, "
                                    f"PySide6 {pyside_version}, {platform.system()} {platform.release()}"),
            (self.tr("Fonts"), self.tr("WenQuanYi Micro Hei (Apache 2.0 or GPL v3); for rare characters of names "
                                       "Hanazono Mincho (Hanazono Font License); in resources/fonts with their "
                                       "licences")),
        ]
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for caption, value in self.facts:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, label)
            self.values[caption] = label
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.open_button = QPushButton(self.tr("Open data folder"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir))))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def text(self) -> str:
        return "\n".join(f"{caption}: {value}" for caption, value in self.facts)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


def install_help_menu(window: QMainWindow) -> QAction:
    """Add Help > User guide (F1), Keyboard shortcuts and About to a main window that has a ``session``
    (db_target, data_dir)."""
    from ui.guide import GuideDialog

    menu = window.menuBar().addMenu(QCoreApplication.translate("AboutDialog", "&Help"))
    guide = QAction(QCoreApplication.translate("AboutDialog", "&User guide"), window)
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))

    def show_guide(anchor: str = "") -> None:
        window.guide = GuideDialog(window, anchor)
        window.guide.open()

    guide.triggered.connect(lambda: show_guide())
    menu.addAction(guide)
    keys = QAction(QCoreApplication.translate("AboutDialog", "&Keyboard shortcuts"), window)
    keys.triggered.connect(lambda: show_guide("keys"))
    menu.addAction(keys)
    menu.addSeparator()
    action = QAction(QCoreApplication.translate("AboutDialog", "&About Complaint Desk"), window)
    action.setMenuRole(QAction.MenuRole.AboutRole)

    def show() -> None:
        session = window.session
        AboutDialog(session.db_target, Path(session.data_dir), window).exec()

    action.triggered.connect(show)
    menu.addAction(action)
    return action


if __name__ == "__main__":  # a quick look: python -m ui.about
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    AboutDialog(":memory:", Path.cwd()).exec()
