"""Reports 报表: the monthly or annual complaint report of the branch (``services.reports``), on screen, as a
PDF in the print preview, and as an Excel workbook (the latter two rendered off the GUI thread)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from app import i18n
from app.services import reports
from ui import dialogs, labels, ops, widgets
from ui.views.common import fill, list_table, title_row

BREAKDOWNS = (
    ("by_kind", QT_TRANSLATE_NOOP("ReportsView", "By kind"), labels.KINDS),
    ("by_category", QT_TRANSLATE_NOOP("ReportsView", "By category"), labels.CATEGORIES),
    ("by_channel", QT_TRANSLATE_NOOP("ReportsView", "By channel"), labels.CHANNELS),
    ("by_severity", QT_TRANSLATE_NOOP("ReportsView", "By severity"), labels.SEVERITIES),
    ("by_origin", QT_TRANSLATE_NOOP("ReportsView", "By origin"), labels.ORIGINS),
    ("by_department", QT_TRANSLATE_NOOP("ReportsView", "By department complained about"), {}),
)


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class ReportsView(QWidget):
    def __init__(self, main):
        super().__init__()
        self.main = main
        self.actor = main.session.actor
        self.figures: dict | None = None
        layout = QVBoxLayout(self)
        row, _ = title_row(self.tr("Reports"))
        self.period = QComboBox()
        self.period.setEditable(True)
        self.period.setToolTip(self.tr("A month (2026-11) or a year (2026)"))
        self.pdf_button = QPushButton(self.tr("Preview PDF..."))
        self.pdf_button.clicked.connect(self.preview_pdf)
        self.excel_button = QPushButton(self.tr("Save Excel..."))
        self.excel_button.clicked.connect(self.save_excel)
        row.addWidget(QLabel(self.tr("Period")))
        row.addWidget(self.period)
        row.addWidget(self.pdf_button)
        row.addWidget(self.excel_button)
        layout.addLayout(row)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        from ui.report_views import ReportCharts

        self.table = list_table([self.tr("Figure"), self.tr("Value")])
        # the breakdowns are long lines: wrapped in full in the value column, not cut with an ellipsis
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few rows
        self.charts = ReportCharts()
        charts_scroll = QScrollArea()
        charts_scroll.setWidgetResizable(True)
        charts_scroll.setWidget(self.charts)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(charts_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.message = widgets.banner()
        layout.addWidget(self.message)
        periods = ops.call(reports.periods_with_cases, self.actor, on_error=self._refuse) or []
        today = widgets.office_now().date()
        for text in dict.fromkeys(periods + [f"{today.year}-{today.month:02d}", str(today.year)]):
            self.period.addItem(text)
        self.period.currentTextChanged.connect(lambda _t: self.refresh())
        self.refresh()

    def _refuse(self, _exc: BaseException, text: str) -> None:
        widgets.set_banner(self.message, text)
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(False)

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        period = self.period.currentText().strip()
        if not period:
            return
        figures = ops.call(reports.report_figures, self.actor, period, on_error=self._refuse)
        self.figures = figures or None
        if figures is ops.FAILED:
            self.table.setRowCount(0)
            self.charts.set_figures(None)
            return
        widgets.set_banner(self.message, "")
        f = self.figures
        self.heading.setText(self.tr("{branch}, {title} (as of {as_of})").format(
            branch=f.get("branch_name", ""), title=f.get("title", period), as_of=widgets.show_time(f.get("as_of"))))
        rows: list[list] = [
            [self.tr("Cases received (misconduct reports excluded)"), f["total"]],
            [self.tr("of which complaints"), f["complaints"]],
            [self.tr("Closed / closed non-normally / still open"),
             f"{f['closed']} / {f['closed_abnormal']} / {f['open']}"],
            [self.tr("Pending matters"), f["deferred"]],
            [self.tr("Established rate"), f"{percent(f['established']['rate'])} ({f['established']['established']}/"
                                          f"{f['established']['concluded']})"],
            [self.tr("Acknowledged in time"), f"{percent(f['acknowledged_in_time']['rate'])} "
                                              f"({f['acknowledged_in_time']['in_time']}/{f['acknowledged_in_time']['due']})"],
            [self.tr("Replied in time"), f"{percent(f['replied_in_time']['rate'])} "
                                         f"({f['replied_in_time']['in_time']}/{f['replied_in_time']['due']})"],
            [self.tr("Revisit rate"), f"{percent(f['revisit']['rate'])} ({f['revisit']['revisited']}/{f['revisit']['replied']})"],
            [self.tr("Satisfaction rate"), f"{percent(f['satisfaction']['rate'])} "
                                           f"({f['satisfaction']['satisfied'] + f['satisfaction']['basic']}/"
                                           f"{f['satisfaction']['revisits']})"],
            [self.tr("Average handling time"), self.tr("{hours} hours").format(hours=f["average_handling_hours"])
             if f.get("average_handling_hours") is not None else "—"],
            [self.tr("Repeat complainants"), f["repeat_complainants"]["count"]],
            [self.tr("Rectification notices issued / verified / failed / overdue"),
             f"{f['notices']['issued']} / {f['notices']['verified']} / {f['notices']['failed']} / {f['notices']['overdue']}"],
        ]
        unnamed = self.tr("(none)")
        chinese = i18n.language() == "zh_CN"
        comma, semicolon = ("，", "；") if chinese else (", ", "; ")  # the punctuation of the language shown
        for key, title, table in BREAKDOWNS:
            values = f.get(key) or {}
            text = comma.join(f"{labels.label(table, code) if table else (code or unnamed)} {count}"
                             for code, count in values.items() if count)
            rows.append([QCoreApplication.translate("ReportsView", title), text or "—"])
        causes = semicolon.join(f"{c['cause']} ({c['cases']})" for c in f.get("top_causes", [])[:5])
        rows.append([self.tr("Top causes"), causes or "—"])
        fill(self.table, rows)
        self.charts.set_figures(f)
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(True)

    def preview_pdf(self):
        actor, period = self.actor, self.period.currentText().strip()

        def shown(pdf: bytes) -> None:
            from ui.print_preview import PrintPreviewDialog

            self.preview = PrintPreviewDialog(pdf, self.tr("Complaint report {period}").format(period=period),
                                              f"report-{period}.pdf", self)
            self.preview.open()

        return ops.run_op(self, lambda state: reports.report_pdf(actor, period), on_success=shown,
                          label=self.tr("Preparing the report..."))

    def save_excel(self):
        period = self.period.currentText().strip()
        path = dialogs.save_file(self, self.tr("Save the report"), f"report-{period}.xlsx",
                                 self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        actor = self.actor

        def save(data: bytes) -> None:  # on the GUI thread: a file open in Excel is said, another name offered
            from ui import saving

            written = saving.save_bytes(self, path, data, self.tr("Save the report"), self.tr("Excel workbooks (*.xlsx)"))
            if written:
                widgets.set_banner(self.message, self.tr("Saved to {path}.").format(path=written), "ok")

        return ops.run_op(self, lambda state: reports.report_xlsx(actor, period), on_success=save,
                          label=self.tr("Preparing the report..."))
