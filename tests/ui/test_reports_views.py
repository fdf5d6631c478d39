"""Reports and number check views over the core's report services."""
from __future__ import annotations

from ui import sample_data


def received_this_month(desk, numbers: dict) -> int:
    """How many of the sample cases were received in the current month (the sample reaches back up to a week, so
    early in a month some fall in the month before)."""
    from app.services import cases
    from ui.widgets import office_now

    month = office_now().strftime("%Y-%m")
    return sum(1 for number in set(numbers.values())
               if cases.show_case(desk.actors["chenjing"], number)["received_at"].startswith(month))


def test_the_monthly_report_is_shown_and_previewed_as_pdf(desk, qtbot):
    sample_data.populate(desk.actors, desk.now)
    view = desk.main_window("chenjing").go_to("reports")
    view.period.setCurrentText(desk.now.strftime("%Y-%m"))  # the month of the sample week
    assert view.figures is not None and view.figures["total"] == 7
    texts = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert "Established rate" in texts
    op = view.preview_pdf()
    qtbot.waitUntil(lambda: op.done, timeout=15000)
    assert op.error is None
    assert view.preview.pdf_bytes.startswith(b"%PDF")
    view.preview.close()


def test_every_figure_is_shown_whole_with_the_punctuation_of_the_language(desk, qtbot):
    from ui import application

    sample_data.populate(desk.actors, desk.now)
    for language, comma in (("en", ", "), ("zh_CN", "，")):
        application.install_language(desk.app, language)
        main = desk.main_window("chenjing")
        main.resize(1360, 820)
        view = main.go_to("reports")
        view.period.setCurrentText(desk.now.strftime("%Y-%m"))
        table = view.table
        # wrapped, never cut with an ellipsis: each row as tall as its text needs at the column's width
        qtbot.waitUntil(lambda: all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(table.rowCount())),
                        timeout=2000)
        lines = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
        by_kind = lines["By kind" if language == "en" else "按类型"]
        assert comma in by_kind and ("，" in by_kind) == (language == "zh_CN"), by_kind
        assert max(table.rowHeight(r) for r in range(table.rowCount())) > min(
            table.rowHeight(r) for r in range(table.rowCount()))  # the long breakdowns take two lines or more


def test_reception_is_told_reports_are_not_for_their_role(desk):
    view = desk.main_window("wangfang").go_to("reports")
    assert view.figures is None
    assert view.message.text() == "Your role may not do this."
    assert not view.pdf_button.isEnabled()


def test_number_check_accounts_for_every_number(desk):
    sample_data.populate(desk.actors, desk.now)
    view = desk.main_window("chenjing").go_to("numbers")
    view.year.setCurrentIndex(view.year.findData(desk.now.year))  # the year of the sample week
    assert view.series.rowCount() == 2
    assert view.series.item(0, 7).text() == "In order"
    view.period.setCurrentText(desk.now.strftime("%Y-%m"))  # the month of the sample week
    assert view.statement.item(0, 1).text() == "7"


def test_the_pending_matters_ledger_lists_the_deferred_case(desk):
    numbers = sample_data.populate(desk.actors, desk.now)
    view = desk.main_window("wangfang").go_to("pending")
    assert [r["number"] for r in view.rows] == [numbers["deferred"]]
    assert view.table.item(0, 5).text() == "进口配件未到货"
    assert view.reminder.text().startswith("1 pending matter.")
