"""The overview of the branches 各机构概览 in headquarters' window: three branches whose bundles came the real way
(tests/exchange/branch_sites.py), the core's clock at NOW; rows, marks, sorting, and the way to the register."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.exchange import branch_sites
from tests.exchange.branch_sites import NOW


@pytest.fixture
def hq(desk_app, tmp_path, qtbot, prompts, clock):
    from PySide6.QtCore import QSettings

    from app.services import ui_queries
    from ui import application
    from ui.main_window import MainWindow
    from ui.session import Session

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    application.install_language(desk_app, "en")
    network = branch_sites.build(tmp_path, str(tmp_path / "hq.sqlite3"), clock)
    windows = []

    def window(actor=None):
        session = Session(actor=actor or network.hq.admin, db_target=network.hq.target, data_dir=tmp_path,
                          branch=ui_queries.local_branch())
        main = MainWindow(session)
        qtbot.addWidget(main)
        main.resize(1366, 740)
        main.show()
        windows.append(main)
        return main

    network.window = window
    yield network
    application.install_language(desk_app, "en")
    ui_queries.close_database()


def cells(view, row):
    from ui.views.branches import COLUMNS

    return {key: view.table.item(row, c).text() for c, key in enumerate(COLUMNS)}


def row_of(view, code):
    return next(r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == code)


def test_the_branches_page_lists_every_branch_and_marks_the_silent_one_in_words(hq):
    main = hq.window()
    assert "branches" in main.pages and main.nav.item(main.pages.index("branches")).text() == "Branches"
    view = main.go_to("branches")
    assert [view.table.item(r, 0).text() for r in range(view.table.rowCount())] == ["BJ01", "GZ03", "SH02"]
    gz = cells(view, row_of(view, "GZ03"))
    assert gz["name"] == "广州分公司" and gz["open"] == "1" and gz["overdue"] == "⚠ 1"
    assert gz["status"] == "Silent for 15 days, Overdue cases" and gz["last_bundle"] == "2026-11-10 09:00"
    assert not view.table.item(row_of(view, "GZ03"), 11).icon().isNull()  # an icon as well as the words
    bj = cells(view, row_of(view, "BJ01"))
    assert (bj["open"], bj["overdue"], bj["major_open"]) == ("2", "⚠ 1", "1")
    assert (bj["replied_in_time"], bj["revisit"], bj["satisfaction"]) == ("50.0%", "100.0%", "100.0%")
    assert (bj["sequence"], bj["version"], bj["status"]) == ("2", "0.1.0", "Overdue cases")
    sh = cells(view, row_of(view, "SH02"))
    assert sh["status"] == "OK" and sh["overdue"] == "0" and sh["replied_in_time"] == "0.0%"
    assert "3 branches · 1 silent · 2 with overdue cases · 4 open cases" in view.summary.text()


def test_sorting_by_a_count_or_a_rate_sorts_by_its_value(hq):
    view = hq.window().go_to("branches")
    from ui.views.branches import COLUMNS

    view.table.sortByColumn(COLUMNS.index("open"), Qt.SortOrder.DescendingOrder)
    assert view.table.item(0, 0).text() == "BJ01"
    view.table.sortByColumn(COLUMNS.index("replied_in_time"), Qt.SortOrder.DescendingOrder)
    assert view.table.item(0, 0).text() == "BJ01"
    view.table.sortByColumn(COLUMNS.index("last_bundle"), Qt.SortOrder.AscendingOrder)
    assert view.table.item(0, 0).text() == "GZ03"


def test_a_wider_silence_clears_the_mark_and_is_kept_as_the_default(hq, qtbot):
    view = hq.window().go_to("branches")
    view.silent_days.setValue(20)
    assert cells(view, row_of(view, "GZ03"))["status"] == "Overdue cases"
    qtbot.mouseClick(view.keep_days, Qt.MouseButton.LeftButton)
    assert "20 days" in view.message.text()
    again = hq.window().go_to("branches")
    assert again.silent_days.value() == 20 and "0 silent" in again.summary.text()


def test_double_click_on_the_overdue_count_opens_the_branch_overdue_cases_in_the_register(hq, qtbot):
    from ui.views.branches import COLUMNS

    main = hq.window()
    view = main.go_to("branches")
    row = row_of(view, "BJ01")
    rect = view.table.visualRect(view.table.model().index(row, COLUMNS.index("overdue")))
    # a real double-click: press, release, then the second press that makes it double
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    register = main.views["register"]
    assert main.current_page() == "register"
    qtbot.waitUntil(lambda: register.model.rowCount() == 1)
    assert register.model.row_at(0)["number"] == hq.numbers["B"]
    assert register.branch_bar.isVisible() and "北京分公司 (BJ01)" in register.branch_label.text()
    assert register.state.currentData() == "overdue"

    main.go_to("branches")
    view.table.setCurrentCell(row_of(view, "BJ01"), COLUMNS.index("name"))
    QTest.keyClick(view.table, Qt.Key.Key_Return)  # Enter on the branch's name: all its cases
    qtbot.waitUntil(lambda: register.model.rowCount() == 3)
    assert {register.model.row_at(i)["number"] for i in range(3)} == {hq.numbers[k] for k in "ABC"}

    qtbot.mouseClick(register.all_branches, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: register.model.rowCount() == 6)
    assert not register.branch_bar.isVisible()


def test_a_branch_desk_and_a_headquarters_supervisor_have_no_branches_page(hq):
    from tests.conftest import make_user

    hq.hq.use()
    supervisor = make_user(hq.hq.admin, "hqsup", "总部主管", "supervisor", department="客服部")
    assert "branches" not in hq.window(supervisor).pages


def test_the_periods_follow_the_core_clock_and_a_year_can_be_chosen(hq, qtbot):
    view = hq.window().go_to("branches")
    assert view.period.itemText(0) == "This month (2026-11)" and view.period.currentData() == "2026-11"
    assert view.period.itemData(1) == "2026-10"
    index = view.period.findData("2026")
    assert view.period.itemText(index) == "This year (2026)"
    view.period.setCurrentIndex(view.period.findData("2026-10"))  # nothing received in October
    assert cells(view, row_of(view, "BJ01"))["replied_in_time"] == "—"
    assert cells(view, row_of(view, "BJ01"))["open"] == "2"  # open now, whatever the period
    view.period.setCurrentIndex(index)  # a year is counted off the window's thread
    qtbot.waitUntil(lambda: view.data["period"] == "2026", timeout=10000)
    assert cells(view, row_of(view, "BJ01"))["replied_in_time"] == "50.0%"
