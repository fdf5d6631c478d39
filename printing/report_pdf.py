"""The monthly / annual report 客户投诉处理月报表 / 年报表: key figures, charts (reportlab.graphics) and tables.

The core (app/report_documents.py) prepares a ``ReportDocument`` of display-ready strings and numbers; this
renderer lays it out on A4 with the embedded CJK font. No Qt, no app, no models here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Table

from printing.base import (
    CONTENT_WIDTH, FOOTER_BOTTOM, FOOTER_HEIGHT, HEADER_HEIGHT, HEADER_TOP, MARGIN_LEFT, MARGIN_RIGHT, MUTED,
    PAGE_HEIGHT, PAGE_WIDTH, RULE_WIDTH, SECTION_GAP, BOX_WIDTH, DocumentRenderer, Label,
)
from printing.documents import PrintMeta
from printing.fonts import draw_string

CHART_HEIGHT_PER_BAR = 6.5 * mm
CHART_MIN_HEIGHT = 32 * mm
CHART_LABEL_WIDTH = 34 * mm
PIE_SIZE = 46 * mm
PIE_LEGEND_WIDTH = 60 * mm
CHART_FONT_SIZE = 8
PALETTE = [colors.HexColor(c) for c in ("#3b6ea5", "#e07b39", "#5a9e4b", "#c44e52", "#8172b2", "#937860",
                                        "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd")]


@dataclass
class ChartData:
    """A chart: ``bar`` (horizontal bars, one per label) or ``pie``."""

    title: str
    labels: list[str]
    values: list[float]
    kind: str = "bar"


@dataclass
class TableData:
    heading: str
    columns: list[tuple[str, float]]  # title, relative width
    rows: list[list[str]]


@dataclass
class ReportDocument:
    meta: PrintMeta
    title: str  # e.g. 客户投诉处理月报表
    subtitle: str  # branch and period
    key_figures: list[tuple[str, str]]  # label, value (two per row)
    charts: list[ChartData] = field(default_factory=list)
    tables: list[TableData] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    signers: list[tuple[str, str]] = field(default_factory=list)


def bar_chart(chart: ChartData, font: str, width: float = CONTENT_WIDTH) -> Drawing:
    """Horizontal bars with the count at the end of each bar; Chinese labels in the CJK font."""
    labels = list(reversed(chart.labels)) or ["—"]
    values = list(reversed(chart.values)) or [0]
    height = max(CHART_MIN_HEIGHT, CHART_HEIGHT_PER_BAR * len(labels) + 16 * mm)
    drawing = Drawing(width, height, initialFontName=font)
    drawing.add(String(0, height - 5 * mm, chart.title, fontName=font, fontSize=10))
    bars = HorizontalBarChart()
    bars.x = CHART_LABEL_WIDTH
    bars.y = 6 * mm
    bars.width = width - CHART_LABEL_WIDTH - 14 * mm
    bars.height = height - 16 * mm
    bars.data = [values]
    bars.bars[0].fillColor = PALETTE[0]
    bars.bars.strokeColor = None
    bars.barWidth = 4 * mm
    bars.categoryAxis.categoryNames = labels
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = CHART_FONT_SIZE
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -4
    top = max(values) if values else 0
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = max(1, top * 1.15)
    step = max(1, round(max(1, top) / 5))
    bars.valueAxis.valueStep = step
    bars.valueAxis.labels.fontName = font
    bars.valueAxis.labels.fontSize = CHART_FONT_SIZE
    bars.valueAxis.labelTextFormat = lambda v: f"{v:g}"
    bars.barLabels.fontName = font
    bars.barLabels.fontSize = CHART_FONT_SIZE
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 2
    bars.barLabelFormat = lambda v: f"{v:g}"
    drawing.add(bars)
    return drawing


def pie_chart(chart: ChartData, font: str, width: float = CONTENT_WIDTH) -> Drawing:
    """A pie with a legend (label, count, share) to its right; zero slices are left out."""
    pairs = [(label, value) for label, value in zip(chart.labels, chart.values) if value > 0]
    height = PIE_SIZE + 12 * mm
    drawing = Drawing(width, height, initialFontName=font)
    drawing.add(String(0, height - 5 * mm, chart.title, fontName=font, fontSize=10))
    total = sum(v for _, v in pairs)
    if not pairs:
        drawing.add(String(0, height / 2, "（无数据）", fontName=font, fontSize=9))
        return drawing
    pie = Pie()
    pie.x = 4 * mm
    pie.y = 3 * mm
    pie.width = pie.height = PIE_SIZE
    pie.data = [v for _, v in pairs]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    for i in range(len(pairs)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    drawing.add(pie)
    x = PIE_SIZE + 14 * mm
    line = min(6 * mm, (PIE_SIZE) / max(len(pairs), 1))
    for i, (label, value) in enumerate(pairs):
        y = 3 * mm + PIE_SIZE - (i + 1) * line + 1.5 * mm
        drawing.add(Rect(x, y, 3 * mm, 3 * mm, fillColor=PALETTE[i % len(PALETTE)], strokeColor=None))
        share = f"{value / total:.1%}" if total else ""
        drawing.add(String(x + 5 * mm, y + 0.3 * mm, f"{label}  {value:g}（{share}）", fontName=font,
                           fontSize=CHART_FONT_SIZE))
    return drawing


class PlainHeader:
    """Page furniture for reports and ledgers: branch and title left, the period right, no QR code (a report
    is not a numbered document); the footer and "第 X 页 / 共 Y 页" as on every printout."""

    header_right = ""

    def draw_page_furniture(self, canvas, doc) -> None:
        font = self.font_name
        top = PAGE_HEIGHT - HEADER_TOP
        right = PAGE_WIDTH - MARGIN_RIGHT
        bottom = top - HEADER_HEIGHT
        canvas.saveState()
        draw_string(canvas, MARGIN_LEFT, top - 7 * mm, self.meta.branch_name, 12)
        canvas.setFont(font, 9)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_LEFT, top - 13 * mm, self.title)
        canvas.drawRightString(right, top - 13 * mm, self.header_right)
        canvas.setFillColor(colors.black)
        canvas.setLineWidth(BOX_WIDTH)
        canvas.line(MARGIN_LEFT, bottom + 8 * mm, right, bottom + 8 * mm)
        rule_y = FOOTER_BOTTOM + FOOTER_HEIGHT - 3 * mm
        canvas.setLineWidth(RULE_WIDTH)
        canvas.line(MARGIN_LEFT, rule_y, right, rule_y)
        canvas.setFont(font, 8)
        canvas.drawString(MARGIN_LEFT, FOOTER_BOTTOM, f"打印时间：{self.meta.printed_at}")
        canvas.drawRightString(right, FOOTER_BOTTOM, self.title)
        canvas.restoreState()


class ReportRenderer(PlainHeader, DocumentRenderer):
    def __init__(self, document: ReportDocument):
        super().__init__(document.meta)
        self.document = document
        self.title = document.title
        self.header_right = document.subtitle

    def chart(self, chart: ChartData, width: float = CONTENT_WIDTH) -> Drawing:
        if chart.kind == "pie":
            return pie_chart(chart, self.font_name, width)
        return bar_chart(chart, self.font_name, width)

    def story(self):
        d = self.document
        story = [self.p(d.title, "title"), self.p(d.subtitle, "value_center"), self.gap()]
        records = []
        pairs = list(d.key_figures)
        for i in range(0, len(pairs), 2):
            a = pairs[i]
            b = pairs[i + 1] if i + 1 < len(pairs) else ("", "")
            records.append([Label(a[0]), a[1], Label(b[0]), b[1]])
        label_width = 36 * mm
        half = (CONTENT_WIDTH - 2 * label_width) / 2
        story.append(self.ruled_table("主要指标", [label_width, half, label_width, half], records))
        story.append(self.gap())
        pies = [c for c in d.charts if c.kind == "pie"]
        bars = [c for c in d.charts if c.kind != "pie"]
        for i in range(0, len(pies), 2):
            row = [self.chart(c, CONTENT_WIDTH / 2) for c in pies[i:i + 2]]
            if len(row) == 1:
                row.append("")
            table = Table([row], colWidths=[CONTENT_WIDTH / 2] * 2, hAlign="LEFT",
                          style=[("FONTNAME", (0, 0), (-1, -1), self.font_name)])
            story += [KeepTogether([table]), self.gap()]
        for chart in bars:
            drawing = self.chart(chart)
            story += [CondPageBreak(drawing.height + SECTION_GAP), drawing, self.gap()]
        for table in d.tables:
            story += [self.list_table(table.heading, table.columns, table.rows), self.gap()]
        if d.notes:
            story.append(self.p("说明", "heading"))
            story += [self.p(note, "small") for note in d.notes]
        if d.signers:
            story.append(self.signature_block(None, d.signers))
        return story


def render_report(document: ReportDocument) -> bytes:
    return ReportRenderer(document).render()
