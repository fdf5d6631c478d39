"""Widgets for the Reports and Number check views: the report's charts drawn with QPainter, and the paper
status of the slips (printed, signed copy returned, filed, scans attached) with the desk's actions on it.

The views in ui/views (reports_view, numbers_view) embed these:

    charts = ReportCharts(); charts.set_figures(figures)       # figures from services.reports.report_figures
    paper = PaperStatusPanel(main)                               # loads services.reports.reconcile itself

No SQL here: every read and write goes through app.services.reports.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from app.services import reports
from ui import labels, ops, widgets
from ui.views.common import fill, list_table

BAR_COLOUR = QColor("#3b6ea5")
PROBLEM_BACKGROUND = QColor("#fde2e1")
PROBLEM_FOREGROUND = QColor("#9b1c1c")
BAR_HEIGHT = 18
BAR_GAP = 6
TITLE_HEIGHT = 24
LABEL_COLUMN = 120
COUNT_COLUMN = 36

CHARTS = (
    ("by_kind", QT_TRANSLATE_NOOP("ReportCharts", "Kind"), labels.KINDS),
    ("by_category", QT_TRANSLATE_NOOP("ReportCharts", "Category"), labels.CATEGORIES),
    ("by_channel", QT_TRANSLATE_NOOP("ReportCharts", "Channel"), labels.CHANNELS),
    ("by_department", QT_TRANSLATE_NOOP("ReportCharts", "Department complained about"), None),
)


class BarChart(QWidget):
    """Horizontal bars with their counts, one per label; empty categories are left out."""

    def __init__(self, title: str = "", parent=None):
        super().__init__(parent)
        self.title = title
        self.pairs: list[tuple[str, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, pairs: list[tuple[str, float]]) -> None:
        self.pairs = [(text, value) for text, value in pairs if value]
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        rows = max(len(self.pairs), 1)
        return QSize(360, TITLE_HEIGHT + rows * (BAR_HEIGHT + BAR_GAP) + BAR_GAP)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setPen(palette.windowText().color())
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(0, 0, self.width(), TITLE_HEIGHT), Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        if not self.pairs:
            painter.drawText(QRectF(0, TITLE_HEIGHT, self.width(), BAR_HEIGHT), Qt.AlignmentFlag.AlignLeft,
                             QCoreApplication.translate("ReportCharts", "(no cases)"))
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        label_width = min(LABEL_COLUMN, max(metrics.horizontalAdvance(t) for t, _ in self.pairs) + 8)
        top = max(v for _, v in self.pairs)
        span = max(self.width() - label_width - COUNT_COLUMN, 10)
        for i, (text, value) in enumerate(self.pairs):
            y = TITLE_HEIGHT + i * (BAR_HEIGHT + BAR_GAP)
            painter.setPen(palette.windowText().color())
            painter.drawText(QRectF(0, y, label_width - 6, BAR_HEIGHT),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, label_width - 6))
            length = span * value / top if top else 0
            painter.fillRect(QRectF(label_width, y + 2, max(length, 1), BAR_HEIGHT - 4), BAR_COLOUR)
            painter.drawText(QRectF(label_width + length + 4, y, COUNT_COLUMN, BAR_HEIGHT),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
        painter.end()


class ReportCharts(QWidget):
    """The report's breakdowns and the revisit satisfaction as bar charts, two per row."""

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.charts: dict[str, BarChart] = {}
        keys = [key for key, _, _ in CHARTS] + ["satisfaction"]
        titles = [QCoreApplication.translate("ReportCharts", title) for _, title, _ in CHARTS] + [
            QCoreApplication.translate("ReportCharts", "Revisit satisfaction")]
        for i, (key, title) in enumerate(zip(keys, titles)):
            chart = BarChart(title)
            self.charts[key] = chart
            grid.addWidget(chart, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)

    def set_figures(self, figures: dict | None) -> None:
        figures = figures or {}
        for key, _, table in CHARTS:
            values = figures.get(key) or {}
            self.charts[key].set_data([
                (labels.label(table, code) if table else (code or QCoreApplication.translate("ReportCharts", "(none)")),
                 count) for code, count in values.items()])
        s = figures.get("satisfaction") or {}
        self.charts["satisfaction"].set_data([(labels.label(labels.SATISFACTION, k), s.get(k, 0))
                                              for k in ("satisfied", "basic", "dissatisfied")])


class PaperStatusPanel(QWidget):
    """The slips of a year with their paper status; slips printed but not signed back are highlighted, and the
    desk records a returned signed copy, its filing and a scan of it."""

    def __init__(self, main, year: int | None = None, parent=None):
        super().__init__(parent)
        self.main = main
        self.actor = main.session.actor
        self.year = year
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.table = list_table([self.tr("Number"), self.tr("Printed"), self.tr("Signed copy returned"),
                                 self.tr("Filed"), self.tr("Scans"), self.tr("Filed in")])
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.signed_button = QPushButton(self.tr("Signed copy returned"))
        self.signed_button.clicked.connect(lambda: self.mark(signed_returned=True))
        self.filed_button = QPushButton(self.tr("Filed"))
        self.filed_button.clicked.connect(lambda: self.mark(filed=True))
        self.attach_button = QPushButton(self.tr("Attach scan..."))
        self.attach_button.clicked.connect(self.attach)
        for button in (self.signed_button, self.filed_button, self.attach_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = widgets.banner()
        layout.addWidget(self.message)
        self.slips: list[dict] = []
        self.refresh()

    def refresh(self) -> None:
        entries = ops.call(reports.reconcile, self.actor, year=self.year, banner=self.message)
        if entries is ops.FAILED:
            for button in (self.signed_button, self.filed_button, self.attach_button):
                button.setEnabled(False)
            return
        self.slips = [s for e in entries if e["series"] == "case" for s in e.get("paper", {}).get("slips", [])]
        yes, no = self.tr("yes"), self.tr("no")
        rows, tones = [], []
        for s in self.slips:
            rows.append([s["number"], s["copies"] or no, yes if s["signed_returned"] else no,
                         yes if s["filed"] else no, s["attachments"], s["location"]])
            problem = s["printed"] and not s["signed_returned"]
            tones.append([(PROBLEM_FOREGROUND, PROBLEM_BACKGROUND) if problem else None] * 6)
        fill(self.table, rows, tones, keys=[s["number"] for s in self.slips])
        unsigned = sum(1 for s in self.slips if s["printed"] and not s["signed_returned"])
        self.summary.setText(self.tr("{count} slips; {unsigned} printed but not signed back").format(
            count=len(self.slips), unsigned=unsigned))

    def selected_number(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def mark(self, **change) -> None:
        number = self.selected_number()
        if not number:
            widgets.set_banner(self.message, self.tr("Select a slip first."))
            return
        if ops.call(reports.set_paper_status, self.actor, number, **change, banner=self.message,
                    changed=number) is ops.FAILED:
            return
        widgets.set_banner(self.message, self.tr("{number} updated.").format(number=number), "ok")
        self.refresh()

    def attach(self, path: str | None = None) -> None:
        number = self.selected_number()
        if not number:
            widgets.set_banner(self.message, self.tr("Select a slip first."))
            return
        if not path:
            from ui import dialogs

            path = dialogs.open_file(self, self.tr("Scan of the signed slip"),
                                     self.tr("Images and PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)"))
        if not path:
            return
        if ops.call(reports.attach_paper, self.actor, number, path, banner=self.message, changed=number) is ops.FAILED:
            return
        widgets.set_banner(self.message, self.tr("Scan attached to {number}.").format(number=number), "ok")
        self.refresh()
