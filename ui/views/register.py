"""The complaint register 投诉登记台帐: the whole register through ``LedgerModel`` (ids, row cache, fetch on
demand), sorted and filtered by the core in SQL; a search box that a barcode/QR scanner can type into; the
reply deadline's status at a glance; columns the user chooses; the filter remembered between sessions."""
from __future__ import annotations

import csv
import os
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import queries
from ui import dialogs, labels, ops, settings, widgets
from ui.ledger_model import Column, LedgerModel, LedgerSource
from ui.views.common import title_row

SEARCH_DEBOUNCE_MS = 300
# a slip number anywhere in what a scanner typed (a QR code may carry a prefix or a URL around it)
SLIP_NUMBER = re.compile(r"[A-Z0-9]{2,16}-\d{4}-\d{5}", re.IGNORECASE)
DEFAULT_HIDDEN = ("mobile", "channel", "round", "accused_department")


class CaseLedgerSource(LedgerSource):
    """The register as the core answers it for one user."""

    def __init__(self, actor):
        self.actor = actor

    def count(self, filters):
        return queries.ledger_count(self.actor, filters)

    def ids(self, filters, sort, descending, offset, limit):
        return queries.ledger_ids(self.actor, filters, sort or "number", descending, offset, limit)

    def rows(self, ids):
        found = queries.ledger_rows(self.actor, ids)
        return list(found.values()) if isinstance(found, dict) else list(found)


def register_columns() -> list[Column]:
    def _t(text):  # the literals are marked for lupdate with QT_TRANSLATE_NOOP
        return QCoreApplication.translate("Register", text)

    def deadline(row):
        status = row.get("deadline_status")
        text = row.get("reply_by") or ""
        if status in ("overdue", "due_soon", "paused"):
            text = f"{text} · {labels.label(labels.DEADLINE_STATUS, status)}"
        return text

    def severity(row):
        if row.get("kind") == "report":
            return _t(QT_TRANSLATE_NOOP("Register", "Report"))
        return labels.label(labels.SEVERITIES, row.get("severity"))

    def severity_tone(row):
        if row.get("severity") == "major" or row.get("kind") == "report":
            return (widgets.status_tone("overdue")[1], None)
        return None

    return [
        Column("number", _t(QT_TRANSLATE_NOOP("Register", "Number"))),
        Column("received_at", _t(QT_TRANSLATE_NOOP("Register", "Received"))),
        Column("kind", _t(QT_TRANSLATE_NOOP("Register", "Kind")), render=lambda r: labels.label(labels.KINDS, r.get("kind"))),
        Column("severity", _t(QT_TRANSLATE_NOOP("Register", "Severity")), render=severity, tone=severity_tone),
        Column("state", _t(QT_TRANSLATE_NOOP("Register", "State")), render=lambda r: labels.label(labels.STATES, r.get("state"))),
        Column("reply_by", _t(QT_TRANSLATE_NOOP("Register", "Reply by")), render=deadline, tone=lambda r: widgets.status_tone(r.get("deadline_status"))),
        Column("complainant", _t(QT_TRANSLATE_NOOP("Register", "Complainant"))),
        Column("mobile", _t(QT_TRANSLATE_NOOP("Register", "Mobile")), sortable=False),
        Column("category", _t(QT_TRANSLATE_NOOP("Register", "Category")), render=lambda r: labels.label(labels.CATEGORIES, r.get("category"))),
        Column("summary", _t(QT_TRANSLATE_NOOP("Register", "Summary")), sortable=False),
        Column("accused_department", _t(QT_TRANSLATE_NOOP("Register", "Department")), sortable=False),
        Column("handler", _t(QT_TRANSLATE_NOOP("Register", "Handler"))),
        Column("channel", _t(QT_TRANSLATE_NOOP("Register", "Channel")), render=lambda r: labels.label(labels.CHANNELS, r.get("channel"))),
        Column("round", _t(QT_TRANSLATE_NOOP("Register", "Round")), sortable=False, align_right=True),
    ]


class RegisterView(QWidget):
    SETTINGS_KEY = "register"

    def __init__(self, main):
        super().__init__()
        self.main = main
        self.actor = main.session.actor
        layout = QVBoxLayout(self)
        row, self.heading = title_row(self.tr("Complaint register"))
        new = QPushButton(self.tr("New slip (Ctrl+N)"))
        new.clicked.connect(lambda: self.main.new_slip())
        self.export_button = QPushButton(self.tr("Export..."))
        self.export_button.clicked.connect(self.export_csv)
        self.columns_button = QPushButton(self.tr("Columns"))  # its menu's arrow drawn beside the text, not on it
        row.addWidget(new)
        row.addWidget(self.export_button)
        row.addWidget(self.columns_button)
        layout.addLayout(row)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search number, name, phone, plate, claim no., person or department complained about, or "
                                        "words; or scan a slip (Ctrl+F)"))
        self.state = QComboBox()
        self.state.addItem(self.tr("All states"), None)
        self.state.addItem(self.tr("Open"), "open")
        self.state.addItem(self.tr("Overdue"), "overdue")
        for code, text in labels.choices(labels.STATES):
            self.state.addItem(text, code)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), None)
        for code, text in labels.choices(labels.KINDS):
            self.kind.addItem(text, code)
        self.severity = QComboBox()
        self.severity.addItem(self.tr("Any severity"), None)
        for code, text in labels.choices(labels.SEVERITIES):
            self.severity.addItem(text, code)
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for code, text in labels.choices(labels.CATEGORIES):
            self.category.addItem(text, code)
        filters.addWidget(self.search, 3)
        for box in (self.state, self.kind, self.severity, self.category):
            filters.addWidget(box, 1)
        layout.addLayout(filters)
        # at headquarters, the overview of the branches opens the register on one branch's cases
        self.branch_code: str | None = None
        self.branch_bar = QWidget()
        bar = QHBoxLayout(self.branch_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.branch_label = QLabel()
        self.branch_label.setObjectName("branchFilter")
        self.branch_label.setStyleSheet("font-weight: bold; color: #0d47a1;")
        self.all_branches = QPushButton(self.tr("Show every branch"))
        self.all_branches.clicked.connect(self.clear_branch)
        bar.addWidget(self.branch_label)
        bar.addWidget(self.all_branches)
        bar.addStretch(1)
        self.branch_bar.setVisible(False)
        layout.addWidget(self.branch_bar)

        self.model = LedgerModel(CaseLedgerSource(self.actor), register_columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        widgets.reading_sort_arrows(header)  # newest first shows a down arrow
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsMovable(True)
        self.summary_column = [c.key for c in self.model.columns].index("summary")
        # another column made wider or narrower, or the window resized: the summary takes up the difference
        header.sectionResized.connect(lambda at, old, new: at != self.summary_column and self.fit_summary())
        self.table.viewport().installEventFilter(self)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda pos: self.columns_menu().exec(header.mapToGlobal(pos)))
        self.table.doubleClicked.connect(self.open_index)
        self.table.activated.connect(self.open_index)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setText(" ".join(
            f'<span style="{widgets.status_style(s)}">&nbsp;{labels.label(labels.DEADLINE_STATUS, s)}&nbsp;</span>'
            for s in ("due_soon", "overdue", "paused")))
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.legend)
        layout.addLayout(bottom)
        self.message = widgets.banner()
        layout.addWidget(self.message)
        self.model.reloaded.connect(self._counted)
        self.model.failed.connect(lambda text: widgets.set_banner(self.message, text))

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.search_entered)
        self.search.installEventFilter(self)
        for box in (self.state, self.kind, self.severity, self.category):
            box.currentIndexChanged.connect(self.apply_filters)

        # Tab from the search box goes to the results (a filter box would change with the next Down key)
        QWidget.setTabOrder(self.search, self.table)
        QWidget.setTabOrder(self.table, self.state)
        for before, after in ((self.state, self.kind), (self.kind, self.severity), (self.severity, self.category)):
            QWidget.setTabOrder(before, after)
        self.restore()
        self.columns_button.setMenu(self.columns_menu())
        self.table.setSortingEnabled(True)  # sorts through the model (SQL), not a proxy
        header.sortIndicatorChanged.connect(self._sorted)
        self._stale = False  # a case changed while the register was hidden: count and list again when shown
        main.case_changed.connect(self._case_changed)
        self._ready = True
        self.apply_filters()

    # --- filters, remembered ---------------------------------------------------------------------------------

    def filters(self) -> dict:
        out: dict = {}
        text = self.search.text().strip()
        if text:
            out["text"] = text
        state = self.state.currentData()
        if state == "open":
            out["open_only"] = True
        elif state == "overdue":
            out["overdue"] = True
        elif state:
            out["state"] = state
        for key, box in (("kind", self.kind), ("severity", self.severity), ("category", self.category)):
            if box.currentData():
                out[key] = box.currentData()
        if self.branch_code:
            out["branch"] = self.branch_code
        return out

    def show_branch(self, code: str, name: str, *, state: str | None = None, severity: str | None = None) -> None:
        """One branch's cases (headquarters): ``state`` "open", "overdue" or None for every state, ``severity``
        "major" or None; the search and the other filters are cleared so that none hides a case of the branch."""
        self.branch_code = code
        self.branch_label.setText(self.tr("Cases of {name} ({code})").format(name=name, code=code))
        self.branch_bar.setVisible(True)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        for box, value in ((self.state, state), (self.kind, None), (self.severity, severity), (self.category, None)):
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(value), 0))
            box.blockSignals(False)
        self.apply_filters()

    def clear_branch(self) -> None:
        self.branch_code = None
        self.branch_bar.setVisible(False)
        self.apply_filters()

    def apply_filters(self) -> None:
        if not getattr(self, "_ready", False):
            return
        self._search_timer.stop()
        widgets.set_banner(self.message, "")
        self.model.set_filters(self.filters())
        self.save()

    def _counted(self, total: int) -> None:
        self.count_label.setText(self.tr("%n case(s)", "", total))

    def _sorted(self, column: int, order) -> None:
        self.save()

    def save(self) -> None:
        header = self.table.horizontalHeader()
        settings.set_json(f"{self.SETTINGS_KEY}/view", {
            "search": self.search.text(),
            "state": self.state.currentData(), "kind": self.kind.currentData(),
            "severity": self.severity.currentData(), "category": self.category.currentData(),
            "hidden": [c.key for i, c in enumerate(self.model.columns) if header.isSectionHidden(i)],
            "sort": self.model.sort_key, "descending": self.model.descending,
        })

    def restore(self) -> None:
        saved = settings.get_json(f"{self.SETTINGS_KEY}/view", {}) or {}
        for key, box in (("state", self.state), ("kind", self.kind), ("severity", self.severity),
                         ("category", self.category)):
            index = box.findData(saved.get(key))
            box.blockSignals(True)
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(saved.get("search") or "")
        self.search.blockSignals(False)
        hidden = saved.get("hidden", list(DEFAULT_HIDDEN))
        for i, column in enumerate(self.model.columns):
            self.table.horizontalHeader().setSectionHidden(i, column.key in hidden)
        keys = [c.key for c in self.model.columns]
        sort = saved.get("sort") or "number"
        descending = saved.get("descending", True)
        self.model.sort_key, self.model.descending = sort, descending
        if sort in keys:
            self.table.horizontalHeader().setSortIndicator(
                keys.index(sort), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as the longest thing it shows in the user's language (labels, a time, a name) and
        its title; the summary, the one that says most, takes the room left."""
        cell, heading = self.fontMetrics(), self.table.horizontalHeader().fontMetrics()
        when = "2026-11-20 09:15"
        names = lambda table: [text for _, text in labels.choices(table)]  # noqa: E731
        samples = {
            "number": ["BJ01-2026-00000"], "received_at": [when], "complainant": ["欧阳某某某"], "handler": ["欧阳某某某"],
            "mobile": ["13800000000"], "accused_department": ["售后服务部门"], "round": ["9"],
            "kind": names(labels.KINDS), "severity": names(labels.SEVERITIES) + [QCoreApplication.translate("Register", "Report")],
            "state": names(labels.STATES), "category": names(labels.CATEGORIES), "channel": names(labels.CHANNELS),
            "reply_by": [f"{when} · {labels.label(labels.DEADLINE_STATUS, status)}"
                         for status in ("overdue", "due_soon", "paused")],  # as ``deadline`` above shows them
        }
        for index, column in enumerate(self.model.columns):
            widest = max((cell.horizontalAdvance(text) for text in samples.get(column.key, ())), default=0)
            # the title with room for the sort arrow beside it
            self.table.setColumnWidth(index, max(widest + 16, heading.horizontalAdvance(column.title) + 28))
        self.summary_width = cell.horizontalAdvance("投" * 14) + 16  # at least: below that, scroll sideways
        self.fit_summary()

    def fit_summary(self, *_) -> None:
        """The summary column takes the width the other visible columns leave (never less than its minimum)."""
        header = self.table.horizontalHeader()
        at = self.summary_column
        if header.isSectionHidden(at) or not hasattr(self, "summary_width"):
            return
        others = sum(header.sectionSize(i) for i in range(header.count()) if i != at and not header.isSectionHidden(i))
        header.resizeSection(at, max(self.summary_width, self.table.viewport().width() - others))

    def columns_menu(self) -> QMenu:
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for i, column in enumerate(self.model.columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.toggled.connect(lambda on, i=i: self.show_column(i, on))
        return menu

    def show_column(self, index: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(index, not visible)
        self.fit_summary()
        self.save()

    # --- search and scanner ------------------------------------------------------------------------------------

    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        """Down in the search box moves to the first row, so a search and an Enter open a case by keyboard; the
        table resized gives its new width to the summary."""
        from PySide6.QtCore import QEvent

        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_summary()
        elif watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.model.rowCount():
                self.table.setFocus()
                self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    def search_entered(self) -> None:
        """Enter in the search box: a slip number (typed or scanned) opens that case; anything else filters."""
        text = self.search.text().strip()
        match = SLIP_NUMBER.search(text)
        if match:
            number = ops.call(queries.find_number, self.actor, match.group(0), on_error=lambda exc, text: None) or None
            if number:
                self.search.blockSignals(True)
                self.search.clear()
                self.search.blockSignals(False)
                self.apply_filters()
                self.main.open_case(number)
                return
        self.apply_filters()
        if self.model.rowCount() == 1:
            self.table.selectRow(0)
            self.table.setFocus()

    # --- opening and refreshing ----------------------------------------------------------------------------

    def open_index(self, index) -> None:
        row = self.model.row_at(index.row())
        if row:
            self.main.open_case(row["number"])

    def _case_changed(self, _number: str) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def activated(self) -> None:
        if self._stale:
            self.refresh()
        else:
            self.model.refresh_rows()

    def refresh(self) -> None:
        self._stale = False
        self.model.reload()

    # --- export (a long operation, off the GUI thread) --------------------------------------------------------

    def export_csv(self) -> None:
        path = dialogs.save_file(self, self.tr("Export the register"), "register.xlsx",
                                 self.tr("Excel files (*.xlsx);;CSV files (*.csv)"))
        if path:
            self.start_export(path)

    def start_export(self, path: str):
        actor, filters = self.actor, self.filters()
        sort, descending = self.model.sort_key or "number", self.model.descending
        columns = [c for i, c in enumerate(self.model.columns) if not self.table.horizontalHeader().isSectionHidden(i)]

        # written beside the chosen file, then put in its place: a register open in Excel is not half overwritten,
        # and the user is asked to close it there or to choose another name (ui.saving)
        temporary = os.path.join(os.path.dirname(path) or ".", f".{os.path.basename(path)}.part")
        excel = path.lower().endswith(".xlsx")
        title = self.tr("Complaint register")

        def rows(state: ops.TaskState):
            total = queries.ledger_count(actor, filters)
            written = 0
            while written < total:
                ids = queries.ledger_ids(actor, filters, sort, descending, written, 500)
                if not ids:
                    break
                found = queries.ledger_rows(actor, ids)
                for case_id in ids:
                    row = found.get(case_id)
                    if row:
                        yield [c.render(row) if c.render else row.get(c.key, "") for c in columns]
                written += len(ids)
                state.progress(written, total)

        def export(state: ops.TaskState) -> int:
            count = 0
            try:
                if excel:  # every cell typed as text: a mobile never becomes 1.38E+10 in Excel
                    from app.services import reports

                    listed = list(rows(state))
                    with open(temporary, "wb") as handle:
                        handle.write(reports.table_xlsx(title, [c.title for c in columns], listed))
                    return len(listed)
                with open(temporary, "w", newline="", encoding="utf-8-sig") as handle:  # Excel opens UTF-8 with a BOM
                    out = csv.writer(handle)
                    out.writerow([c.title for c in columns])
                    for values in rows(state):
                        out.writerow(values)
                        count += 1
                return count
            except BaseException:
                if os.path.exists(temporary):
                    os.remove(temporary)
                raise

        def exported(count: int) -> None:
            from ui import saving

            if saving.place_file(self, temporary, path, self.tr("Export the register"),
                                 self.tr("Excel files (*.xlsx);;CSV files (*.csv)")):
                widgets.set_banner(self.message, self.tr("%n case(s) exported.", "", count), "ok")

        return ops.run_op(self, export, label=self.tr("Exporting the register..."), on_success=exported)
