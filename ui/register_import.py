"""Exchange > Import an old register…: bring in the register a branch kept in Excel or CSV before the program.

The window shows what the import will do before anything is written: the header row it found (which the user can
change), each column of the register with the field it fills (editable), the channel for rows that do not say,
and the first rows with, for each, whether it imports closed or open or why it is refused. "Check" runs the whole
file as a dry run; "Import" imports it off the GUI thread, then says how many rows came in, how many were already
there and how many were refused, with the file the refused rows were written to.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services import legacy
from ui import labels, ops, widgets

REFUSED = QColor("#b3261e")
CLOSED = QColor("#1e6b30")


class RegisterImportDialog(QDialog):
    """Preview, check and import an old register (administrators)."""

    def __init__(self, session, parent: QWidget | None = None, *, path: str | None = None):
        super().__init__(parent)
        self.session = session
        self.path: str | None = None
        self.preview: dict | None = None
        self.summary: dict | None = None
        self.op = None
        self._filling = False
        self.setWindowTitle(self.tr("Import an old register"))
        self.resize(1100, 680)

        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("An Excel file (.xlsx, .xls) or a CSV file (UTF-8 or GBK)"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)

        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 1)
        self.header_row.valueChanged.connect(self._header_changed)
        self.channel = widgets.choice_box(labels.choices(labels.CHANNELS))
        self.channel.currentIndexChanged.connect(self.refresh)
        # which register the file is: found from its columns and title; the administrator may say otherwise
        self.register = widgets.choice_box([
            ("complaints", self.tr("Complaint register 投诉登记台帐: open rows come in accepted")),
            ("pending", self.tr("Pending-matters register 未了事宜台帐: open rows come in as pending matters"))])
        self.register_chosen = False
        self.register.currentIndexChanged.connect(self._register_changed)
        form = QFormLayout()
        form.addRow(self.tr("Register file"), file_row)
        form.addRow(self.tr("Register"), self.register)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Header row"), self.header_row)
        form.addRow(self.tr("Channel where the register does not say"), self.channel)

        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the register"), self.tr("Imported as"),
                                                self.tr("First values")])
        self.columns.verticalHeader().setVisible(False)
        self.columns.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.columns.setColumnWidth(0, 150)
        self.columns.setColumnWidth(1, 170)
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.rows = QTableWidget(0, 0)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.verticalHeader().setVisible(False)
        self.rows.setWordWrap(False)

        column_box = QWidget()
        column_layout = QVBoxLayout(column_box)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(QLabel(self.tr("How each column is imported")))
        column_layout.addWidget(self.columns)
        rows_box = QWidget()
        rows_layout = QVBoxLayout(rows_box)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.addWidget(QLabel(self.tr("The first rows, as they will be imported")))
        rows_layout.addWidget(self.rows)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(column_box)
        split.addWidget(rows_box)
        split.setSizes([440, 660])

        self.banner = widgets.banner()
        self.check_button = QPushButton(self.tr("Check the whole file"))
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addWidget(self.banner)
        layout.addLayout(widgets.button_row(self.import_button, self.check_button, self.close_button))
        self._enable()
        if path:
            self.open_file(path)

    # --- the file and its preview ----------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the old register"), "",
                                              self.tr("Registers (*.xlsx *.xls *.csv);;All files (*)"))
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        self.path = str(path)
        self.file_edit.setText(self.path)
        self.summary = None
        self.register_chosen = False
        self._filling = True
        self.sheet.clear()
        self._filling = False
        self.load(mapping=None)

    def _sheet_changed(self) -> None:
        if not self._filling:
            self.register_chosen = False
            self.load(mapping=None)

    def _header_changed(self) -> None:
        if not self._filling:
            self.load(mapping={"header_row": self.header_row.value()})

    def _register_changed(self) -> None:
        if not self._filling:
            self.register_chosen = True
            self.refresh()

    def mapping(self) -> dict:
        """The mapping as the window shows it: the header row, each column's field, the default channel, and the
        register when the administrator chose it."""
        out: dict = {"header_row": self.header_row.value(), "columns": {},
                     "defaults": {"channel": widgets.choice(self.channel)}}
        if self.register_chosen:
            out["register"] = widgets.choice(self.register)
        for row in range(self.columns.rowCount()):
            title = self.columns.item(row, 0).data(Qt.ItemDataRole.UserRole)
            if title:
                out["columns"][title] = self.columns.cellWidget(row, 1).currentData()
        return out

    def refresh(self) -> None:
        if not self._filling and self.preview is not None:
            self.load(mapping=self.mapping())

    def load(self, mapping: dict | None) -> None:
        if not self.path:
            return
        sheet = self.sheet.currentText() or None if self.sheet.count() else None
        if mapping is not None and "defaults" not in mapping:
            mapping = dict(mapping, defaults={"channel": widgets.choice(self.channel)})
        try:
            self.preview = legacy.preview_register(self.path, sheet=sheet, mapping=mapping)
        except DeskError as exc:
            self.preview = None
            self.columns.setRowCount(0)
            self.rows.setRowCount(0)
            widgets.set_banner(self.banner, exc.localized())
            self._enable()
            return
        widgets.set_banner(self.banner, "")
        self._show(self.preview)
        self._enable()

    def _show(self, preview: dict) -> None:
        self._filling = True
        try:
            if self.sheet.count() == 0:
                self.sheet.addItems(preview["sheets"])
            self.sheet.setCurrentText(preview["sheet"])
            self.sheet.setEnabled(len(preview["sheets"]) > 1)
            self.header_row.setRange(1, max(1, preview["header_row"] + 30))
            self.header_row.setValue(preview["header_row"])
            widgets.set_choice(self.register, preview["register"])

            fields = [(None, self.tr("(not imported)"))] + [(f["field"], f["label"]) for f in preview["fields"]]
            samples = preview["sample"]
            self.columns.setRowCount(len(preview["columns"]))
            for row, column in enumerate(preview["columns"]):
                title = column["header"] or self.tr("(column {number} without a title)").format(number=row + 1)
                item = QTableWidgetItem(title)
                item.setData(Qt.ItemDataRole.UserRole, column["header"])
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.columns.setItem(row, 0, item)
                box = widgets.choice_box(fields)
                widgets.set_choice(box, column["field"])
                box.setEnabled(bool(column["header"]))
                box.currentIndexChanged.connect(self.refresh)
                self.columns.setCellWidget(row, 1, box)
                values = [s["cells"][row] for s in samples[:3] if row < len(s["cells"]) and s["cells"][row]]
                first = QTableWidgetItem(" | ".join(values))
                first.setFlags(first.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.columns.setItem(row, 2, first)

            headers = [self.tr("Row"), self.tr("Will be")] + [c["header"] for c in preview["columns"]]
            self.rows.setColumnCount(len(headers))
            self.rows.setHorizontalHeaderLabels(headers)
            self.rows.setRowCount(len(samples))
            for row, sample in enumerate(samples):
                self.rows.setItem(row, 0, QTableWidgetItem(str(sample["row"])))
                if sample.get("imported_as"):
                    verdict = QTableWidgetItem(self.tr("Already imported as {number}").format(
                        number=sample["imported_as"]))
                elif sample["problem"]:
                    verdict = QTableWidgetItem(self.tr("Refused: {reason}").format(reason=sample["problem"]))
                    verdict.setForeground(QBrush(REFUSED))
                elif sample.get("pending_on"):
                    verdict = QTableWidgetItem(self.tr("A pending matter of {number} (follow up {date})").format(
                        number=sample["pending_on"], date=sample["follow_up"]))
                elif sample.get("pending"):
                    verdict = QTableWidgetItem(self.tr("Imported, a pending matter (follow up {date})").format(
                        date=sample["follow_up"]))
                else:
                    verdict = QTableWidgetItem(self.tr("Imported, closed") if sample["closed"]
                                               else self.tr("Imported, open"))
                    if sample["closed"]:
                        verdict.setForeground(QBrush(CLOSED))
                verdict.setToolTip(verdict.text())
                self.rows.setItem(row, 1, verdict)
                for col, value in enumerate(sample["cells"]):
                    self.rows.setItem(row, col + 2, QTableWidgetItem(value))
            self.rows.resizeColumnsToContents()
            self.rows.setColumnWidth(1, min(max(self.rows.columnWidth(1), 120), 320))
        finally:
            self._filling = False

    def _enable(self) -> None:
        running = self.op is not None and not self.op.done
        ready = self.preview is not None and not running
        self.import_button.setEnabled(ready)
        self.check_button.setEnabled(ready)
        self.choose_button.setEnabled(not running)

    # --- check and import ------------------------------------------------------------------------------------

    def start(self, *, dry_run: bool):
        if self.preview is None or not self.path:
            return None
        actor, path, sheet, mapping = self.session.actor, self.path, self.preview["sheet"], self.mapping()
        if self.sheet.count() <= 1:
            sheet = None if Path(path).suffix.lower() == ".csv" else sheet

        def work(state):
            return legacy.import_register(actor, path, sheet=sheet, mapping=mapping, dry_run=dry_run,
                                          progress=lambda done, total: state.progress(done, total))

        label = self.tr("Checking the register…") if dry_run else self.tr("Importing the register…")
        self.op = ops.run_op(self, work, label=label, on_success=self.finished_import,
                             on_failure=self.failed_import)
        self._enable()
        return self.op

    def finished_import(self, summary: dict) -> None:
        self.summary = summary
        if not summary["dry_run"]:
            self.refresh()  # the rows just imported now show their numbers
        self._enable()
        if summary["dry_run"]:
            text = self.tr("Check only, nothing written: {imported} rows would be imported ({closed} closed, {open} "
                           "open), {skipped} are already imported, {refused} would be refused.")
        else:
            text = self.tr("Imported {imported} rows ({closed} closed, {open} open); {skipped} were already "
                           "imported; {refused} refused.")
        text = text.format(imported=summary["imported"], closed=summary["closed"], open=summary["open"],
                           skipped=summary["already_imported"], refused=summary["refused"])
        if summary.get("pending"):
            text += " " + self.tr("Of the open rows, {count} are pending matters with their follow-up dates.").format(
                count=summary["pending"])
        if summary["numbers"]:
            text += "\n" + self.tr("Numbers {first} to {last}; the slip numbers are not used.").format(
                **summary["numbers"])
        if summary["refused_file"]:
            text += "\n" + self.tr("The refused rows, with the reason for each, are in {file}: correct them there "
                                   "and import that file.").format(file=summary["refused_file"])
        refused = summary["refused_rows"]
        if refused:
            shown = "\n".join(self.tr("Row {row}: {reason}").format(row=r["row"], reason=r["reason"])
                              for r in refused[:8])
            more = len(refused) - 8
            text += "\n" + shown + ("\n" + self.tr("… and {count} more.").format(count=more) if more > 0 else "")
        widgets.set_banner(self.banner, text, "error" if refused else "ok")

    def failed_import(self, exc: BaseException) -> None:
        self._enable()
        widgets.set_banner(self.banner, ops.failure_text(exc))


def menu_text() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("RegisterImportDialog", "Import an old register…")
