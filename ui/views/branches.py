"""Headquarters' overview of the branches 各机构概览 (``services.branches``): one row per branch with its open,
overdue and major open cases, the report's rates, its last bundle and program version, and whether it has been
silent too long. The silent branches and those with overdue cases are marked in words and an icon, not only in
colour. Double-click or Enter on a row opens the register on that branch's cases: its overdue ones from the
overdue column, its open ones from the open column, its major open ones from that column."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import branches
from ui import ops, widgets
from ui.views.common import list_table, refresh_when_shown, title_row

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("branch", "name", "open", "overdue", "major_open", "replied_in_time", "revisit", "satisfaction",
           "last_bundle", "sequence", "version", "status")
NUMERIC = {"open", "overdue", "major_open", "replied_in_time", "revisit", "satisfaction", "sequence"}
MARK = "⚠"
SILENT_TONE = ("#5d4037", "#ffe0b2")  # amber: the bundles stopped coming


class SortItem(QTableWidgetItem):
    """A cell sorted by its value (a count, a rate, a time), not by its text; a missing value sorts first."""

    def __lt__(self, other):  # noqa: D401 - Qt API
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is None or theirs is None:
            return mine is None and theirs is not None
        return mine < theirs


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class BranchesView(QWidget):
    def __init__(self, main):
        super().__init__()
        self.main = main
        self.actor = main.session.actor
        self.data: dict | None = None
        layout = QVBoxLayout(self)
        row, self.heading = title_row(self.tr("Overview of the branches"))
        self.period = QComboBox()
        self.period.setMinimumContentsLength(10)
        row.addWidget(QLabel(self.tr("Rates over")))
        row.addWidget(self.period)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Silent after")))
        self.silent_days = QSpinBox()
        self.silent_days.setRange(1, 365)
        self.silent_days.setSuffix(self.tr(" days"))
        self.silent_days.setToolTip(self.tr("A branch that sent no bundle for more than this many days is marked "
                                            "silent."))
        row.addWidget(self.silent_days)
        self.keep_days = QPushButton(self.tr("Keep as default"))
        self.keep_days.setToolTip(self.tr("Use this number of days for every headquarters user from now on."))
        self.keep_days.clicked.connect(self.keep_silence)
        row.addWidget(self.keep_days)
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)

        self.titles = {
            "branch": self.tr("Code"), "name": self.tr("Branch"), "open": self.tr("Open"),
            "overdue": self.tr("Overdue"), "major_open": self.tr("Major open"),
            "replied_in_time": self.tr("On time"), "revisit": self.tr("Revisited"),
            "satisfaction": self.tr("Satisfied"), "last_bundle": self.tr("Last bundle"),
            "sequence": self.tr("Bundle no."), "version": self.tr("Version"), "status": self.tr("Status"),
        }
        self.table = list_table([self.titles[key] for key in COLUMNS])
        self.table.setObjectName("branchesTable")
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        widgets.reading_sort_arrows(self.table.horizontalHeader())
        self.table.doubleClicked.connect(self.open_index)
        self.table.activated.connect(self.open_index)
        self.table.horizontalHeaderItem(COLUMNS.index("replied_in_time")).setToolTip(self.tr(
            "Replied by the reply deadline, of the cases received in the period that were replied or are late."))
        self.table.horizontalHeaderItem(COLUMNS.index("revisit")).setToolTip(self.tr(
            "Complaints revisited, of the complaints replied (cases received in the period)."))
        self.table.horizontalHeaderItem(COLUMNS.index("satisfaction")).setToolTip(self.tr(
            "Revisits satisfied or basically satisfied, of all revisits."))
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("branchesSummary")
        self.hint = QLabel(self.tr("Double-click a branch for its cases in the register; on the overdue count, "
                                   "for its overdue cases."))
        self.hint.setStyleSheet("color: #555;")
        bottom.addWidget(self.summary)
        bottom.addStretch(1)
        bottom.addWidget(self.hint)
        layout.addLayout(bottom)
        self.message = widgets.banner()
        layout.addWidget(self.message)

        self._fill_periods()
        days = ops.call(branches.silence_days, self.actor, banner=self.message)
        self.silent_days.setValue(days if isinstance(days, int) else 7)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.silent_days.valueChanged.connect(lambda _v: self.refresh())
        refresh_when_shown(self, main)
        self.refresh()

    def _fill_periods(self) -> None:
        """This month first (the core's default, quick at any size), the months before it, then the years: as the
        core's clock has them."""
        periods = ops.call(branches.periods, self.actor, banner=self.message)
        if periods is ops.FAILED or not periods:
            self.period.addItem(self.tr("This month"), None)
            return
        first_year = next((p for p in periods if len(p) == 4), None)
        for period in periods:
            if period == periods[0]:
                text = self.tr("This month ({month})").format(month=period)
            elif period == first_year:
                text = self.tr("This year ({year})").format(year=period)
            else:
                text = period
            self.period.addItem(text, period)

    # --- reading --------------------------------------------------------------------------------------------

    def activated(self) -> None:
        self.refresh()

    def refresh(self):
        """Read the overview again: a month on the spot (a fraction of a second at any size); a year, whose rates
        take seconds at headquarters' scale, off the window's thread with a progress note and Cancel."""
        actor, period, days = self.actor, self.period.currentData(), self.silent_days.value()
        if period and len(period) == 4:
            return ops.run_op(self, lambda state: branches.overview(actor, period=period, silent_days=days),
                              label=self.tr("Counting the year of every branch..."), on_success=self.loaded,
                              on_failure=lambda exc: widgets.set_banner(self.message, ops.failure_text(exc)))
        data = ops.call(branches.overview, actor, period=period, silent_days=days, banner=self.message)
        if data is not ops.FAILED:
            self.loaded(data)
        return None

    def loaded(self, data: dict) -> None:
        chosen = self.period.currentData()
        if chosen and data["period"] != chosen:
            return  # a year counted in the background after another period was chosen
        widgets.set_banner(self.message, "")
        self.data = data
        self.show_rows(data)

    def show_rows(self, data: dict) -> None:
        table = self.table
        sorting = table.horizontalHeader().sortIndicatorSection(), table.horizontalHeader().sortIndicatorOrder()
        table.setSortingEnabled(False)
        table.setRowCount(len(data["branches"]))
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        red, amber = widgets.status_tone("overdue"), self._tone(SILENT_TONE)
        for r, row in enumerate(data["branches"]):
            last = row["last_bundle"]
            status = self.status_text(row)
            cells = {
                "branch": (row["branch"], row["branch"]),
                "name": (row["name"] + (self.tr(" (headquarters)") if row["headquarters"] else ""), row["name"]),
                "open": (str(row["open"]), row["open"]),
                "overdue": ((f"{MARK} {row['overdue']}" if row["overdue"] else "0"), row["overdue"]),
                "major_open": (str(row["major_open"]), row["major_open"]),
                "replied_in_time": (percent(row["replied_in_time"]["rate"]), row["replied_in_time"]["rate"]),
                "revisit": (percent(row["revisit"]["rate"]), row["revisit"]["rate"]),
                "satisfaction": (percent(row["satisfaction"]["rate"]), row["satisfaction"]["rate"]),
                "last_bundle": (widgets.show_time(last["at"]) if last else
                                ("" if row["headquarters"] else self.tr("Never received")),
                                last["at"] if last else None),
                "sequence": (str(last["sequence"]) if last else "", last["sequence"] if last else None),
                "version": (row["version"] or "", row["version"] or ""),
                "status": (status, (2 if row["silent"] else 0) + (1 if row["overdue"] else 0)),
            }
            for c, key in enumerate(COLUMNS):
                text, value = cells[key]
                item = SortItem(text)
                item.setData(SORT_ROLE, value)
                item.setData(CODE_ROLE, row["branch"])
                if key in NUMERIC:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                tone = None
                if key == "overdue" and row["overdue"]:
                    tone = red
                elif key in ("last_bundle", "status", "branch", "name") and row["silent"]:
                    tone = amber
                elif key == "status" and row["overdue"]:
                    tone = red
                if tone:
                    if tone[0] is not None:
                        item.setForeground(tone[0])
                    if tone[1] is not None:
                        item.setBackground(tone[1])
                if key == "status" and (row["silent"] or row["overdue"]):
                    item.setIcon(warn)
                item.setToolTip(self.tooltip(row, key, text))
                table.setItem(r, c, item)
        table.setSortingEnabled(True)
        table.sortByColumn(*sorting)
        totals = data["totals"]
        self.summary.setText(self.tr(
            "{branches} branches · {silent} silent · {overdue} with overdue cases · {open} open cases · as of {time}")
            .format(branches=totals["branches"], silent=totals["silent"], overdue=totals["with_overdue"],
                    open=totals["open"], time=widgets.show_time(data["as_of"])))
        if not data["branches"]:
            widgets.set_banner(self.message, self.tr(
                "No branch is enrolled yet. Enrol the branches (Exchange > Import an enrolment file…) and import "
                "their bundles."), "warn")

    @staticmethod
    def _tone(colours):
        from PySide6.QtGui import QBrush, QColor

        return (QBrush(QColor(colours[0])), QBrush(QColor(colours[1])))

    def status_text(self, row: dict) -> str:
        if row["headquarters"]:
            return ""
        words = []
        if row["silent"]:
            words.append(self.tr("Silent for %n day(s)", "", row["days_silent"]) if row["last_bundle"] else
                         self.tr("Never sent (%n day(s))", "", row["days_silent"]))
        if row["overdue"]:
            words.append(self.tr("Overdue cases"))
        return self.tr(", ").join(words) if words else self.tr("OK")  # the cell has the warning icon beside it

    def tooltip(self, row: dict, key: str, text: str) -> str:
        if key == "replied_in_time":
            figures = row["replied_in_time"]
            return self.tr("{in_time} of {due} replied in time").format(in_time=figures["in_time"], due=figures["due"])
        if key == "revisit":
            figures = row["revisit"]
            return self.tr("{revisited} of {replied} revisited").format(**figures)
        if key == "satisfaction":
            figures = row["satisfaction"]
            return self.tr("{satisfied} of {revisits} satisfied or basically satisfied").format(
                satisfied=figures["satisfied_or_basic"], revisits=figures["revisits"])
        if key == "last_bundle" and row["last_bundle"]:
            return row["last_bundle"].get("file") or text
        return text

    # --- to the register ------------------------------------------------------------------------------------

    def open_index(self, index) -> None:
        item = self.table.item(index.row(), 0)
        if item is None:
            return
        code = item.data(CODE_ROLE)
        row = next((r for r in (self.data or {}).get("branches", []) if r["branch"] == code), None)
        if row is None:
            return
        column = COLUMNS[index.column()]
        state = {"overdue": "overdue", "open": "open", "major_open": "open"}.get(column)
        register = self.main.go_to("register")
        register.show_branch(code, row["name"], state=state, severity="major" if column == "major_open" else None)

    def keep_silence(self) -> None:
        days = ops.call(branches.set_silence_days, self.actor, self.silent_days.value(), banner=self.message)
        if days is not ops.FAILED:
            widgets.set_banner(self.message, self.tr("From now on a branch is marked silent after %n day(s) without "
                                                     "a bundle.", "", days), "ok")
