"""What the two record windows (the complaint slip and the rectification notice) share: the frame of actions row,
banner and scrolling page; the caption/value boxes; and printing one of the record's documents to the preview."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import ops, widgets
from ui.action_dialog import ActionDialog


class RecordWindow(QMainWindow):
    """One numbered record in its own window; Escape closes it. The subclass fills ``actions_row`` and the page."""

    def __init__(self, session, main, number: str | None):
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.actor = session.actor
        self.main = main
        self.number = number
        self.dialog: ActionDialog | None = None
        self.action_buttons: dict[str, QPushButton] = {}

        outer = QWidget()
        self.outer = QVBoxLayout(outer)
        self.actions_row = QHBoxLayout()
        self.outer.addLayout(self.actions_row)
        self.banner = widgets.banner()
        self.outer.addWidget(self.banner)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.outer.addWidget(self.scroll, 1)
        self.setCentralWidget(outer)
        QShortcut(QKeySequence("Escape"), self, activated=self.close)
        from ui import settings as prefs

        prefs.restore_geometry(self, self.geometry_key, 1060, 720)

    geometry_key = "record"  # slip and notice windows share one remembered size

    def closeEvent(self, event):  # noqa: N802 - Qt API
        from ui import settings as prefs

        prefs.save_geometry(self, self.geometry_key)
        super().closeEvent(event)

    def _show_page(self, page: QWidget) -> None:
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(page)

    def _clear_actions(self) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.action_buttons = {}

    def _grid_box(self, title: str, pairs, columns: int = 3, caption_align=Qt.AlignmentFlag(0)) -> QGroupBox:
        """``pairs`` of (caption, value) in ``columns`` columns; a value is text, or a QLabel shown as it is."""
        box = QGroupBox(title)
        grid = QGridLayout(box)
        for index, (caption, value) in enumerate(pairs):
            row, col = divmod(index, columns)
            grid.addWidget(QLabel(caption), row, col * 2, caption_align)
            label = value if isinstance(value, QLabel) else QLabel("" if value is None else str(value))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            grid.addWidget(label, row, col * 2 + 1)
            grid.setColumnStretch(col * 2 + 1, 1)
        return box

    def _print(self, document: str, title: str, filename: str):
        """The core renders ``document`` (and records the print); the preview shows it, titled ``title``."""
        from app.services import printing as printouts
        from ui.print_preview import PrintPreviewDialog

        pdf = ops.call(printouts.print_document, self.actor, self.number, document, banner=self.banner)
        if pdf is ops.FAILED:
            return None
        self.reload()  # the print is in the record's history (and a receipt acknowledges the case)
        self.preview = PrintPreviewDialog(pdf, title, filename, self)
        self.preview.open()
        return self.preview
