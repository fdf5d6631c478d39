"""The calendar in the windows: the warning while next year's holiday arrangement is missing (status bar, My
work), Settings > Calendar where the administrator enters it, and deadlines marked provisional."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from app.reports.printouts import print_document
from app.services import calendar as calendar_service, cases
from ui import sample_data

CST = ZoneInfo("Asia/Shanghai")


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


@pytest.fixture
def today(monkeypatch):
    """The clock the calendar's status reads: set it with ``today("2026-12-05T09:00:00")``."""
    def set_today(text: str) -> None:
        monkeypatch.setattr(calendar_service, "utcnow", lambda: local(text))
    set_today("2026-12-05T09:00:00")
    return set_today


def test_administrators_and_supervisors_see_the_warning_from_october(desk, qtbot, today):
    admin = desk.main_window("admin")
    assert admin.calendar_warning.isVisible()
    assert "2027" in admin.calendar_warning.text() and "provisional" in admin.calendar_warning.text()
    my_work = admin.go_to("my_work")
    assert my_work.calendar_note.isVisible()
    assert "Settings > Calendar" in my_work.calendar_note.text() and "2027" in my_work.calendar_note.text()

    supervisor = desk.main_window("chenjing")
    assert supervisor.calendar_warning.isVisible()
    assert "administrator enters it" in supervisor.go_to("my_work").calendar_note.text()

    reception = desk.main_window("wangfang")
    assert not reception.calendar_warning.isVisible()
    assert not reception.go_to("my_work").calendar_note.isVisible()

    today("2026-09-30T09:00:00")
    september = desk.main_window("admin")
    assert not september.calendar_warning.isVisible()
    assert not september.go_to("my_work").calendar_note.isVisible()


def test_the_warning_leads_the_administrator_to_settings_calendar(desk, qtbot, today):
    window = desk.main_window("admin")
    window.calendar_warning.linkActivated.emit("calendar")
    assert window.current_page() == "settings"
    view = window.views["settings"]
    assert view.tabs.currentWidget() is view.calendar
    assert view.calendar.year.value() in (2026, 2027)


def test_the_administrator_enters_the_arrangement_and_the_deadlines_follow(desk, qtbot, today):
    reception = desk.actors["wangfang"]
    document = sample_data.case_document(desk.now, received_at="2026-12-30T10:00:00+08:00")
    number = cases.register_case(reception, document, now=local("2026-12-30T10:00:00"))["number"]
    print_document(reception, number, "receipt")  # printed before the change (the history's clock is the real one)

    window = desk.main_window("admin")
    window.go_to("my_work")
    view = window.go_to("settings")
    view.show_calendar()
    page = view.calendar
    page.year.setValue(2027)
    assert "no arrangement is known" in page.source.text()
    shown = [page.days.item(r, 0).text() for r in range(page.days.rowCount())]
    assert "2027-01-01" in shown and "2027-02-09" in shown          # New Year's Day, a day in lieu by law

    page.holidays.setPlainText("元旦：1月1日（星期五）至4日（星期一）放假调休，共4天。\n春节：2月5日至12日放假。")
    page.workdays.setPlainText("1月9日（星期六）、1月31日（星期日）、2月20日（星期六）上班。")
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)

    assert desk.prompts.asked and "12 holidays and 3 make-up working days" in desk.prompts.asked[-1][1]
    assert "The arrangement for 2027 is in force." in view.message.text()
    assert "Open cases or notices whose deadline changed: 1." in view.message.text()
    assert "Printed documents with the old date, to reprint (listed below): 1." in view.message.text()
    assert page.reprint_box.isVisible()
    assert [page.reprint.item(0, c).text() for c in range(5)] == [
        number, "receipt", "Reply", "2027-01-05 23:59", "2027-01-06 23:59"]
    assert "entered here or distributed by headquarters" in page.source.text()
    assert not window.calendar_warning.isVisible()
    assert not window.views["my_work"].calendar_note.isVisible()
    assert cases.show_case(desk.actors["admin"], number)["deadlines"]["reply_by"] == "2027-01-06T23:59:59+08:00"

    # removing it gives the year back to the law, after asking
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert "is removed" in view.message.text()
    assert window.calendar_warning.isVisible()
    assert cases.show_case(desk.actors["admin"], number)["deadlines"]["reply_by"] == "2027-01-05T23:59:59+08:00"


def test_an_arrangement_that_cannot_be_read_is_refused_with_the_field_named(desk, qtbot, today):
    view = desk.main_window("admin").go_to("settings")
    view.show_calendar()
    page = view.calendar
    page.year.setValue(2027)
    page.holidays.setPlainText("1月1日至3日")
    page.workdays.setPlainText("2月30日")
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert view.message.text().startswith("Make-up working days:") and "2月30日" in view.message.text()
    page.workdays.setPlainText("1月8日")      # a Friday
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert "2027-01-08 is a weekday" in view.message.text()
    assert calendar_service.calendar_year(desk.actors["admin"], 2027)["source"] == "statutory"


def test_only_the_administrator_has_the_calendar_page(desk, qtbot, today):
    view = desk.main_window("chenjing").go_to("settings")
    assert view.calendar is None and view.tabs.count() == 1


def test_a_deadline_counted_on_the_law_is_marked_provisional_in_the_case_window(desk, qtbot, today):
    document = sample_data.case_document(desk.now, received_at="2026-12-30T10:00:00+08:00")
    number = cases.register_case(desk.actors["wangfang"], document, now=local("2026-12-30T10:00:00"))["number"]
    window = desk.main_window("chenjing").open_case(number)
    qtbot.addWidget(window)
    label = window.findChild(type(window.banner), "deadline_reply_by")
    assert "2027-01-05 23:59" in label.text() and "(provisional)" in label.text()
    assert "statutory holidays" in label.toolTip()
    acknowledge = window.findChild(type(window.banner), "deadline_acknowledge_by")
    assert "(provisional)" not in acknowledge.text()


def test_the_reprint_list_stays_on_the_calendar_page_until_reprinted(desk, qtbot, today):
    """Whatever changed the calendar (here a policy file), the page lists the documents printed with an old
    date; the administrator can also compute the open deadlines again after a program update."""
    from app.services import setup
    from models import Case

    reception = desk.actors["wangfang"]
    document = sample_data.case_document(desk.now, received_at="2026-12-30T10:00:00+08:00")
    number = cases.register_case(reception, document, now=local("2026-12-30T10:00:00"))["number"]
    print_document(reception, number, "slip")
    setup.import_policy(desk.actors["admin"], {"calendar": {"arranged_years": [2027], "holidays": [
        "2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"], "workdays": ["2027-01-09"]}})
    view = desk.main_window("admin").go_to("settings")
    view.show_calendar()
    page = view.calendar
    assert page.reprint_box.isVisible()
    assert [page.reprint.item(0, c).text() for c in range(3)] == [number, "handling slip", "Reply"]

    Case.update(reply_by=local("2027-01-08T23:59:59")).where(Case.number == number).execute()  # an older rule
    qtbot.mouseClick(page.recompute_button, Qt.MouseButton.LeftButton)
    assert "Open deadlines computed again." in view.message.text()
    assert cases.show_case(desk.actors["admin"], number)["deadlines"]["reply_by"] == "2027-01-06T23:59:59+08:00"
