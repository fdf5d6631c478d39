"""Number check 编号核对: every number of every series accounted for (used, voided, no gaps), the paper
status of printed slips, and the monthly reconciliation statement 月度对账单 (``services.reports``)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.errors import DeskError
from app.services import reports
from ui import dialogs, ops, widgets
from ui.views.common import fill, list_table, title_row


class NumberCheckView(QWidget):
    def __init__(self, main):
        super().__init__()
        self.main = main
        self.actor = main.session.actor
        layout = QVBoxLayout(self)
        row, _ = title_row(self.tr("Number check"))
        self.year = QComboBox()
        today = widgets.office_now().date()
        for year in range(today.year, today.year - 5, -1):
            self.year.addItem(str(year), year)
        self.year.currentIndexChanged.connect(lambda _i: self.year_changed())
        row.addWidget(QLabel(self.tr("Year")))
        row.addWidget(self.year)
        layout.addLayout(row)
        self.series = list_table([self.tr("Series"), self.tr("Issued"), self.tr("Used"), self.tr("Voided"),
                                  self.tr("Gaps"), self.tr("Not printed"), self.tr("Signed copy missing"),
                                  self.tr("Check")])
        self.series.setMaximumHeight(160)
        layout.addWidget(self.series)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)

        from ui.report_views import PaperStatusPanel

        tabs = QTabWidget()
        month = QWidget()
        column = QVBoxLayout(month)
        line = QHBoxLayout()
        self.period = QComboBox()
        self.period.setEditable(True)
        first = today.replace(day=1)
        previous = date(first.year - (first.month == 1), 12 if first.month == 1 else first.month - 1, 1)
        for value in (f"{previous.year}-{previous.month:02d}", f"{today.year}-{today.month:02d}"):
            self.period.addItem(value)
        self.period.currentTextChanged.connect(lambda _t: self.refresh_statement())
        self.statement_pdf = QPushButton(self.tr("Preview statement..."))
        self.statement_pdf.clicked.connect(self.preview_statement)
        self.close_button = QPushButton(self.tr("Close the month"))
        self.close_button.clicked.connect(self.close_month)
        line.addWidget(QLabel(self.tr("Month")))
        line.addWidget(self.period)
        line.addStretch(1)
        line.addWidget(self.statement_pdf)
        line.addWidget(self.close_button)
        column.addLayout(line)
        self.statement = list_table([self.tr("Item"), self.tr("Count"), self.tr("Numbers")])
        column.addWidget(self.statement)
        tabs.addTab(month, self.tr("Monthly reconciliation statement"))
        self.paper = PaperStatusPanel(main, year=self.year.currentData())
        tabs.addTab(self.paper, self.tr("Paper slips"))
        self.tabs = tabs
        layout.addWidget(tabs, 1)
        self.message = widgets.banner()
        layout.addWidget(self.message)
        self.statement_data: dict | None = None
        self.rows: list[dict] = []
        self.refresh()

    def activated(self) -> None:
        self.refresh()
        self.paper.refresh()

    def year_changed(self) -> None:
        self.paper.year = self.year.currentData()
        self.paper.refresh()
        self.refresh()

    def refresh(self) -> None:
        rows = ops.call(reports.reconcile_summary, self.actor, year=self.year.currentData(), banner=self.message)
        if rows is ops.FAILED:
            for button in (self.statement_pdf, self.close_button):
                button.setEnabled(False)
            return
        self.rows = rows
        names = {"case": self.tr("Complaint slips"), "notice": self.tr("Rectification notices")}
        rows, tones, problems = [], [], []
        for entry in self.rows:
            issued = entry["issued"]
            span = f"{issued['first']} – {issued['last']} ({issued['count']})" if issued.get("count") else "—"
            ok = entry.get("ok")
            rows.append([names.get(entry["series"], entry["series"]), span, entry["used"], entry["voided"]["count"],
                         entry["gap_count"], len(entry.get("unprinted_slips", [])),
                         len(entry.get("unsigned_slips", [])), self.tr("In order") if ok else self.tr("Check!")])
            tones.append([None] * 7 + [widgets.status_tone("met" if ok else "overdue")])
            if entry["gaps"]:
                problems.append(self.tr("Gaps in {series}: {gaps}").format(series=names.get(entry["series"]),
                                                                        gaps=entry["gaps"]))
            if entry.get("unprinted_slips"):
                problems.append(self.tr("Slips never printed: {numbers}").format(
                    numbers="、".join(entry["unprinted_slips"][:12]) + (" …" if len(entry["unprinted_slips"]) > 12 else "")))
        fill(self.series, rows, tones)
        self.detail.setText("\n".join(problems) if problems else self.tr("Every number is accounted for."))
        self.refresh_statement()

    def refresh_statement(self) -> None:
        period = self.period.currentText().strip()
        if not period:
            return
        statement = ops.call(reports.month_statement, self.actor, period, banner=self.message)
        if statement is ops.FAILED:
            return
        self.statement_data = statement
        s = self.statement_data
        counts = s.get("counts", {})
        join = "、".join
        fill(self.statement, [
            [self.tr("Opened"), counts.get("opened", 0),
             f"{s['first_number']} – {s['last_number']}" if s.get("first_number") else ""],
            [self.tr("Closed"), counts.get("closed", 0), ""],
            [self.tr("Closed non-normally"), counts.get("closed_abnormal", 0), ""],
            [self.tr("Voided"), counts.get("voided", 0), join(v if isinstance(v, str) else v.get("number", "")
                                                               for v in s.get("voided_numbers", []))],
            [self.tr("Carried over to next month"), counts.get("carried_over", 0), join(s.get("carried_over_numbers", []))],
            [self.tr("Pending matters"), counts.get("pending_matters", 0), ""],
            [self.tr("Rectification notices issued"), counts.get("notices_issued", 0), join(s.get("notice_numbers", []))],
        ])
        closed = s.get("closed_at")
        self.close_button.setEnabled(not closed and self.actor.role in ("supervisor", "admin"))
        self.close_button.setToolTip(self.tr("Closed by {name} on {time}").format(
            name=s.get("closed_by"), time=widgets.show_time(closed)) if closed else (
            "" if s.get("ended", True) else self.not_ended_text(s)))

    def not_ended_text(self, statement: dict) -> str:
        return self.tr("{period} can be closed once the month has ended ({end}).").format(
            period=statement.get("period"), end=widgets.show_time(statement.get("ends_at")))

    def preview_statement(self):
        actor, statement = self.actor, self.statement_data
        if not statement:
            return None

        def shown(pdf: bytes) -> None:
            from ui.print_preview import PrintPreviewDialog

            self.preview = PrintPreviewDialog(pdf, self.tr("Monthly reconciliation statement {period}").format(
                period=statement.get("period")), f"statement-{statement.get('period')}.pdf", self)
            self.preview.open()

        return ops.run_op(self, lambda state: reports.statement_pdf(actor, statement), on_success=shown,
                          label=self.tr("Preparing the statement..."))

    def close_month(self) -> None:
        period = self.period.currentText().strip()
        statement = self.statement_data or {}
        if statement.get("period") == period and not statement.get("ended", True):
            widgets.set_banner(self.message, self.not_ended_text(statement))  # said before anything is asked
            return
        if not dialogs.ask(self, self.tr("Close the month"), self.tr(
                "Close {period}? The statement is then fixed and printed for the branch manager's signature.").format(
                period=period)):
            return
        if ops.call(reports.close_month, self.actor, period, changed=period, on_error=lambda exc, text: widgets.set_banner(
                self.message, exc.reason() if isinstance(exc, DeskError) else text)) is ops.FAILED:
            return
        widgets.set_banner(self.message, self.tr("{period} closed.").format(period=period), "ok")
        self.refresh_statement()
