"""Pieces shared by the views: a title row, a read-only list table and the views built around one."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import widgets


def title_row(text: str) -> tuple[QHBoxLayout, QLabel]:
    row = QHBoxLayout()
    label = QLabel(text)
    label.setStyleSheet("font-size: 15pt; font-weight: bold;")
    row.addWidget(label)
    row.addStretch(1)
    return row, label


def list_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def fill(table: QTableWidget, rows: list[list], tones: list | None = None, keys: list | None = None) -> None:
    """Fill ``table``; ``tones[r][c]`` is a (foreground, background) pair or None; ``keys[r]`` goes to UserRole."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setToolTip(item.text())
            if keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            tone = tones[r][c] if tones and tones[r] else None
            if tone:
                if tone[0] is not None:
                    item.setForeground(tone[0])
                if tone[1] is not None:
                    item.setBackground(tone[1])
            table.setItem(r, c, item)


def refresh_when_shown(view, main) -> None:
    """A case changed: the view on screen refreshes now; a hidden one refreshes when it is shown again (the main
    window calls its ``activated``), so one change never costs a query per open page."""
    main.case_changed.connect(lambda _number: view.refresh() if view.isVisible() else None)


class ListView(QWidget):
    """A view around one list of records: double-click or Enter on a row calls ``open_selected``, the banner
    ``message`` sits under the table, and ``refresh`` runs when a case changes and when the view is shown again."""

    def __init__(self, main):
        super().__init__()
        self.main = main

    def add_list(self, layout: QVBoxLayout, headers: list[str]) -> None:
        self.table = list_table(headers)
        self.table.doubleClicked.connect(self.open_selected)
        self.table.activated.connect(self.open_selected)
        layout.addWidget(self.table, 1)
        self.message = widgets.banner()
        layout.addWidget(self.message)
        refresh_when_shown(self, self.main)

    def activated(self) -> None:
        self.refresh()


class LedgerPrintouts:
    """"Print..." (PDF in the print preview) and "Excel..." for one of the core's ledgers, off the GUI thread."""

    def __init__(self, view, kind: str, title: str, options=dict):
        from PySide6.QtCore import QCoreApplication  # noqa: F811
        from PySide6.QtWidgets import QPushButton

        self.view, self.kind, self.title, self.options = view, kind, title, options
        self.pdf_button = QPushButton(QCoreApplication.translate("LedgerPrintouts", "Print..."))
        self.pdf_button.clicked.connect(self.preview)
        self.excel_button = QPushButton(QCoreApplication.translate("LedgerPrintouts", "Excel..."))
        self.excel_button.clicked.connect(self.save_excel)

    def buttons(self):
        return [self.pdf_button, self.excel_button]

    def preview(self):
        from app.services import reports
        from ui import ops
        from ui.print_preview import PrintPreviewDialog

        actor, kind, options = self.view.main.session.actor, self.kind, self.options()

        def shown(pdf: bytes) -> None:
            self.dialog = PrintPreviewDialog(pdf, self.title, f"{kind}.pdf", self.view)
            self.dialog.open()

        from PySide6.QtCore import QCoreApplication

        return ops.run_op(self.view, lambda state: reports.ledger_pdf(actor, kind, **options), on_success=shown,
                          label=QCoreApplication.translate("LedgerPrintouts", "Preparing the ledger..."))

    def save_excel(self):
        from app.services import reports
        from ui import dialogs, ops

        from PySide6.QtCore import QCoreApplication

        path = dialogs.save_file(self.view, self.title, f"{self.kind}.xlsx",
                                 QCoreApplication.translate("LedgerPrintouts", "Excel workbooks (*.xlsx)"))
        if not path:
            return None
        actor, kind, options = self.view.main.session.actor, self.kind, self.options()

        def save(data: bytes) -> None:  # on the GUI thread: a file open in Excel is said, another name offered
            from ui import saving

            written = saving.save_bytes(self.view, path, data, self.title,
                                        QCoreApplication.translate("LedgerPrintouts", "Excel workbooks (*.xlsx)"))
            if written:
                widgets.set_banner(self.view.message,
                                   QCoreApplication.translate("LedgerPrintouts", "Saved to {path}.").format(path=written),
                                   "ok")

        return ops.run_op(self.view, lambda state: reports.ledger_xlsx(actor, kind, **options), on_success=save,
                          label=QCoreApplication.translate("LedgerPrintouts", "Preparing the ledger..."))
