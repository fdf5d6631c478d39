"""The report's charts (QPainter) and the paper-status panel, driven with qtbot over a real month."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtGui import QColor  # noqa: E402

from app.services import reports as service  # noqa: E402
from tests.reports.month import PERIOD  # noqa: E402


def blue_pixels(widget) -> int:
    image = widget.grab().toImage()
    target = QColor("#3b6ea5")
    count = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            if image.pixelColor(x, y) == target:
                count += 1
    return count


def test_charts_draw_one_bar_per_nonzero_count(qtbot, desk, month):
    from ui.report_views import ReportCharts

    charts = ReportCharts()
    qtbot.addWidget(charts)
    charts.set_figures(service.report_figures(desk.sup, PERIOD))
    charts.resize(800, 600)
    charts.show()
    assert [t for t, _ in charts.charts["by_kind"].pairs] == ["Complaint", "Inquiry", "Suggestion", "Help request"] \
        or len(charts.charts["by_kind"].pairs) == 4
    assert dict(charts.charts["by_category"].pairs).get(
        next(t for t, v in charts.charts["by_category"].pairs if v == 5)) == 5
    assert len(charts.charts["satisfaction"].pairs) == 3
    assert blue_pixels(charts.charts["by_kind"]) > 50
    charts.set_figures({})
    assert blue_pixels(charts.charts["by_kind"]) == 0


def test_paper_panel_highlights_unsigned_slips_and_records_the_return(qtbot, desk, month, tmp_path):
    from app.reports.printouts import print_document
    from ui.report_views import PROBLEM_BACKGROUND, PaperStatusPanel

    first = month.expect[0].number
    print_document(desk.rec, first, "slip")
    refused = PaperStatusPanel(SimpleNamespace(session=SimpleNamespace(actor=desk.h1)))
    qtbot.addWidget(refused)
    # a handler does not keep the paper: the panel says so instead of failing
    assert not refused.signed_button.isEnabled() and refused.message.text()
    panel = PaperStatusPanel(SimpleNamespace(session=SimpleNamespace(actor=desk.rec)))
    qtbot.addWidget(panel)
    rows = {panel.table.item(r, 0).text(): r for r in range(panel.table.rowCount())}
    assert panel.table.item(rows[first], 0).background().color() == PROBLEM_BACKGROUND
    assert "1" in panel.summary.text()
    panel.table.selectRow(rows[first])
    panel.signed_button.click()
    rows = {panel.table.item(r, 0).text(): r for r in range(panel.table.rowCount())}
    assert panel.table.item(rows[first], 0).background().color() != PROBLEM_BACKGROUND
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG signed" * 20)
    panel.table.selectRow(rows[first])
    panel.attach(str(scan))
    assert panel.table.item(rows[first], 4).text() == "1"
