"""The register: the fetch-on-demand model, search (Chinese words, scanned numbers), filters remembered."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from app.services import cases
from tests.ui.helpers import type_text
from ui import sample_data
from ui.ledger_model import Column, LedgerModel, LedgerSource
from ui.views.register import CaseLedgerSource, register_columns


class CountingSource(LedgerSource):
    """A register of ``size`` cases in memory, counting what the model asks for."""

    def __init__(self, size):
        self.size = size
        self.id_calls, self.row_calls = [], []

    def count(self, filters):
        return self.size

    def ids(self, filters, sort, descending, offset, limit):
        self.id_calls.append((offset, limit))
        order = range(self.size, 0, -1) if descending else range(1, self.size + 1)
        return list(order)[offset:offset + limit]

    def rows(self, ids):
        self.row_calls.append(len(ids))
        return [{"id": i, "number": f"BJ01-2026-{i:05d}"} for i in ids]


def test_a_million_cases_open_with_one_page_of_ids_and_rows_on_demand(qtmodeltester):
    source = CountingSource(1_000_000)
    model = LedgerModel(source, [Column("number", "Number")])
    model.reload()
    assert model.rowCount() == LedgerModel.PAGE
    assert source.id_calls == [(0, LedgerModel.PAGE)]
    assert source.row_calls == []  # nothing fetched until something is shown
    assert model.data(model.index(3, 0)) == "BJ01-2026-999997"
    assert source.row_calls == [LedgerModel.BLOCK]
    assert not model.canFetchMore(model.index(0, 0))  # a valid parent has no children
    inserted = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))
    model.fetchMore(QModelIndex())
    assert inserted == [(LedgerModel.PAGE, 2 * LedgerModel.PAGE - 1)]
    assert model.rowCount() == 2 * LedgerModel.PAGE
    qtmodeltester.check(model, force_py=True)


def test_the_register_model_passes_the_model_tester(desk, qtmodeltester, monkeypatch):
    actor = desk.actors["wangfang"]
    for index in range(12):
        cases.register_case(actor, sample_data.case_document(desk.now,
            complainant={"name": f"客户{index}", "mobile": f"1390000{index:04d}"}))
    monkeypatch.setattr(LedgerModel, "PAGE", 5)
    monkeypatch.setattr(LedgerModel, "BLOCK", 4)
    model = LedgerModel(CaseLedgerSource(actor), register_columns())
    model.reload()
    assert model.total == 12 and model.rowCount() == 5
    first = [model.row_at(r)["number"] for r in range(5)]
    assert first == sorted(first, reverse=True)  # newest first, ordered by the core
    model.sort(0, Qt.SortOrder.AscendingOrder)  # the core sorts again (a reset)
    assert model.row_at(0)["number"].endswith("00001")
    # pytest-qt's tester checks from its modelReset handler, so it is attached after the last reset
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 12
    numbers = [model.row_at(r)["number"] for r in range(12)]
    assert numbers == sorted(numbers)


def _register_view(desk):
    main = desk.main_window("wangfang")
    numbers = sample_data.populate(desk.actors, desk.now)
    view = main.go_to("register")
    view.refresh()
    return main, view, numbers


def test_search_by_a_two_character_chinese_word(desk, qtbot):
    main, view, numbers = _register_view(desk)
    view.search.setFocus()
    type_text("配件", view.search)  # typed through the input method, as at the desk
    qtbot.waitUntil(lambda: view.model.filters.get("text") == "配件", timeout=2000)
    found = {view.model.row_at(r)["number"] for r in range(view.model.rowCount())}
    assert found == {numbers["deferred"]}
    assert view.count_label.text() == "1 case"


def test_a_scanned_slip_number_opens_that_case(desk, qtbot):
    main, view, numbers = _register_view(desk)
    number = numbers["major"]
    view.search.setFocus()
    QTest.keyClicks(view.search, number.lower())  # a scanner types fast, then Enter
    QTest.keyClick(view.search, Qt.Key.Key_Return)
    assert number in main.case_windows
    assert main.case_windows[number].case["number"] == number
    assert view.search.text() == ""  # ready for the next scan
    # a QR code may carry the number inside a longer text
    view.search.setText(f"CDESK:{numbers['closed']}")
    QTest.keyClick(view.search, Qt.Key.Key_Return)
    assert numbers["closed"] in main.case_windows


def test_deadline_status_is_shown_with_colour_and_text(desk):
    main, view, numbers = _register_view(desk)
    keys = [c.key for c in view.model.columns]
    rows = {view.model.row_at(r)["number"]: r for r in range(view.model.rowCount())}
    paused = view.model.index(rows[numbers["deferred"]], keys.index("reply_by"))
    assert view.model.data(paused).endswith("· Paused")
    assert view.model.data(paused, Qt.ItemDataRole.BackgroundRole) is not None


def test_filters_and_columns_are_remembered_between_sessions(desk):
    main, view, numbers = _register_view(desk)
    view.state.setCurrentIndex(view.state.findData("deferred"))
    view.show_column([c.key for c in view.model.columns].index("mobile"), True)
    assert view.model.total == 1

    again = desk.main_window("wangfang").go_to("register")
    assert again.state.currentData() == "deferred"
    assert again.model.total == 1
    mobile = [c.key for c in again.model.columns].index("mobile")
    assert not again.table.horizontalHeader().isSectionHidden(mobile)


def test_export_runs_off_the_gui_thread_with_progress(desk, qtbot, tmp_path):
    main, view, numbers = _register_view(desk)
    target = tmp_path / "register.csv"
    desk.prompts.save_path = str(target)
    op = view.start_export(str(target))
    qtbot.waitUntil(lambda: op.done, timeout=10000)
    assert op.error is None and op.result == len(numbers)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Number,")
    assert len(lines) == len(numbers) + 1


def test_down_from_the_search_box_and_enter_open_the_case(desk, qtbot):
    main, view, numbers = _register_view(desk)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=2000)
    view.search.setFocus()
    type_text("王秀英", view.search)
    qtbot.waitUntil(lambda: view.model.filters.get("text") == "王秀英", timeout=2000)
    QTest.keyClick(view.search, Qt.Key.Key_Down)
    assert view.table.hasFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert numbers["major"] in main.case_windows


def test_in_chinese_every_column_fits_and_the_summary_takes_the_room_left(desk, qtbot):
    from ui import application

    application.install_language(desk.app, "zh_CN")
    main, view, numbers = _register_view(desk)
    main.resize(1360, 820)
    header, viewport = view.table.horizontalHeader(), view.table.viewport()
    keys = [c.key for c in view.model.columns]
    summary = keys.index("summary")
    qtbot.waitUntil(lambda: header.length() == viewport.width(), timeout=2000)  # nothing to scroll sideways to
    metrics = view.table.fontMetrics()
    for row in range(view.model.rowCount()):  # every label, deadline and time shown whole
        for key in ("received_at", "kind", "severity", "state", "reply_by", "category"):
            text = view.model.data(view.model.index(row, keys.index(key)))
            assert metrics.horizontalAdvance(text or "") < header.sectionSize(keys.index(key)), (key, text)
    assert header.sectionSize(summary) > header.sectionSize(keys.index("reply_by"))  # the widest column

    main.resize(900, 820)  # too narrow for all: the summary keeps its minimum and the table scrolls
    qtbot.waitUntil(lambda: header.length() > viewport.width(), timeout=2000)
    assert header.sectionSize(summary) == view.summary_width
    main.resize(1360, 820)
    qtbot.waitUntil(lambda: header.length() == viewport.width(), timeout=2000)
