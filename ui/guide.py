"""Help > User guide (F1): the desk's guide in Chinese, offline, from resources/guide; one section per role's
daily tasks, the deadlines, and the keyboard shortcuts (Help > Keyboard shortcuts opens that section)."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ui import widgets
from ui.session import resources_dir


def guide_file():
    return resources_dir() / "guide" / "guide_zh_CN.html"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, anchor: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        from ui import settings as prefs

        self.resize(*prefs.fitted_size(self, 900, 700))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        path = guide_file()
        if path.exists():
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation ({path}).").format(
                path=path))
        if anchor:
            self.browser.scrollToAnchor(anchor)
        layout.addWidget(self.browser, 1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        layout.addLayout(widgets.button_row(close))

    def text(self) -> str:
        return self.browser.toPlainText()
