"""Settings > Calendar 工作日历 (administrators): which years the calendar knows, a year's days off and make-up
working days as the deadlines count them, and entering (or pasting) a year's arrangement. Applying it
recomputes the deadlines of open cases (``app.services.calendar``); the documents printed with an old date
are listed for a reprint 补打."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import calendar as calendar_service
from ui import dialogs, ops, widgets
from ui.views.common import fill, list_table


def sentences(*parts: str) -> str:
    """Sentences one after the other: a space between them in English, none in Chinese."""
    from app import i18n

    return ("" if i18n.language() == "zh_CN" else " ").join(p for p in parts if p)


class CalendarSettings(QWidget):
    def __init__(self, main, message):
        super().__init__()
        self.main = main
        self.actor = main.session.actor
        self.message = message  # the settings page's banner
        layout = QVBoxLayout(self)
        self.known = QLabel()
        self.known.setWordWrap(True)
        layout.addWidget(self.known)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._suggested_year())
        self.year.valueChanged.connect(self.show_year)
        row.addWidget(self.year)
        self.source = QLabel()
        self.source.setObjectName("calendarSource")
        self.source.setWordWrap(True)
        row.addWidget(self.source, 1)
        layout.addLayout(row)

        body = QHBoxLayout()
        days_box = QGroupBox(self.tr("Days off on weekdays and working weekend days"))
        days_column = QVBoxLayout(days_box)
        self.days = list_table([self.tr("Date"), self.tr("Weekday"), self.tr("Day"), self.tr("Decided by")])
        days_column.addWidget(self.days)
        body.addWidget(days_box, 1)

        entry = QGroupBox(self.tr("Enter the arrangement"))
        grid = QGridLayout(entry)
        hint = QLabel(self.tr("Dates as 2027-02-05, 2027年2月5日 or 2月5日, ranges as 2月5日至11日; a line of the "
                              "State Council's notice can be pasted as it is."))
        hint.setWordWrap(True)
        grid.addWidget(hint, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("Holidays (放假)")), 1, 0)
        self.holidays = QPlainTextEdit()
        self.holidays.setPlaceholderText("1月1日至3日\n春节：2月5日至12日")
        grid.addWidget(self.holidays, 2, 0)
        grid.addWidget(QLabel(self.tr("Make-up working days (上班)")), 1, 1)
        self.workdays = QPlainTextEdit()
        self.workdays.setPlaceholderText("1月31日（星期日）、2月20日（星期六）")
        grid.addWidget(self.workdays, 2, 1)
        buttons = QHBoxLayout()
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.apply)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.apply_button)
        grid.addLayout(buttons, 3, 0, 1, 2)
        body.addWidget(entry, 1)
        layout.addLayout(body, 1)

        self.reprint_box = QGroupBox(self.tr("Printed with the old date: reprint (补打)"))
        reprint_column = QVBoxLayout(self.reprint_box)
        self.reprint = list_table([self.tr("Number"), self.tr("Document"), self.tr("Deadline"), self.tr("Was"),
                                   self.tr("Now")])
        self.reprint.setMaximumHeight(150)
        reprint_column.addWidget(self.reprint)
        self.reprint_box.setVisible(False)
        layout.addWidget(self.reprint_box)
        again = QPushButton(self.tr("Compute open deadlines again"))
        again.setToolTip(self.tr("After a program update that changed how the calendar counts: the deadlines of "
                                 "open cases are computed again under the calendar in force."))
        again.clicked.connect(self.recompute)
        self.recompute_button = again
        row.addWidget(again)
        self.refresh()

    def _suggested_year(self) -> int:
        """Next year from October on (the arrangement due then), else this year."""
        today = QDate.currentDate()
        return today.year() + 1 if today.month() >= 10 else today.year()

    # --- showing ---------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        status = ops.call(calendar_service.calendar_status, self.actor, banner=self.message)
        if status is ops.FAILED:
            return
        official = status["official_years"]
        parts = [self.tr("Official arrangement (State Council, built in): {first}-{last}.").format(
            first=official[0], last=official[1]) if official else self.tr("No official arrangement is built in.")]
        if status["arranged_years"]:
            parts.append(self.tr("Entered here or from headquarters: {years}.").format(
                years=", ".join(str(y) for y in status["arranged_years"])))
        parts.append(self.tr("Other years: the statutory holidays by law, provisional."))
        if status["missing_year"] is not None:
            parts.append(self.tr("The arrangement for {year} is missing: enter it when it is published.").format(
                year=status["missing_year"]))
        self.known.setText(sentences(*parts))
        self.show_year()
        self.show_reprints()

    def show_reprints(self) -> None:
        due = ops.call(calendar_service.reprints_due, self.actor, banner=self.message)
        if due is ops.FAILED:
            return
        documents = {"slip": self.tr("handling slip"), "receipt": self.tr("receipt"),
                     "revisit": self.tr("revisit record"), "notice": self.tr("rectification notice")}
        names = {"reply_by": self.tr("Reply"), "revisit_by": self.tr("Revisit"), "feedback_by": self.tr("Feedback")}
        rows = [[r["number"], documents.get(d, d), names.get(r["deadline"], r["deadline"]),
                 widgets.show_time(r["before"]), widgets.show_time(r["after"])]
                for r in due for d in r["documents"]]
        fill(self.reprint, rows)
        self.reprint_box.setVisible(bool(rows))

    def show_year(self) -> None:
        year = self.year.value()
        shown = ops.call(calendar_service.calendar_year, self.actor, year, banner=self.message)
        if shown is ops.FAILED:
            return
        sources = {
            "policy": self.tr("{year}: the arrangement entered here or distributed by headquarters."),
            "official": self.tr("{year}: the official arrangement of the State Council."),
            "statutory": self.tr("{year}: no arrangement is known. Provisional: the statutory holidays by law, with a "
                                 "weekday in lieu when one falls on a weekend; no make-up working days."),
        }
        self.source.setText(sources[shown["source"]].format(year=year))
        self.source.setStyleSheet(widgets.status_style("due_soon") if shown["provisional"] else "")
        weekdays = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                    self.tr("Sun")]
        decided = {"policy": self.tr("arrangement entered"), "official": self.tr("official"),
                   "statutory": self.tr("by law (provisional)")}
        rows = []
        for day in shown["days"]:
            when = date.fromisoformat(day["date"])
            kind = self.tr("holiday") if day["kind"] == "holiday" else self.tr("working day")
            rows.append([day["date"], weekdays[when.weekday()], f"{kind} {day['name']}".strip(),
                         decided[day["source"]]])
        fill(self.days, rows)
        self.holidays.setPlainText(" ".join(shown["holidays"]) if shown["source"] == "policy" else "")
        self.workdays.setPlainText(" ".join(shown["workdays"]) if shown["source"] == "policy" else "")
        self.apply_button.setText(self.tr("Apply the arrangement for {year}").format(year=year))
        self.remove_button.setText(self.tr("Remove the arrangement for {year}").format(year=year))
        self.remove_button.setEnabled(shown["source"] == "policy")

    # --- changing --------------------------------------------------------------------------------------------

    def apply(self) -> None:
        year = self.year.value()
        holidays = ops.call(calendar_service.parse_days, self.holidays.toPlainText(), year, field="holidays",
                            on_error=self._refused)
        workdays = ops.call(calendar_service.parse_days, self.workdays.toPlainText(), year, field="workdays",
                            on_error=self._refused) if holidays is not ops.FAILED else ops.FAILED
        if workdays is ops.FAILED:
            return
        if not dialogs.ask(self, self.tr("Calendar"), self.tr(
                "Use this arrangement for {year}: {holidays} holidays and {workdays} make-up working days? The "
                "deadlines of open cases are computed again.").format(
                year=year, holidays=len(holidays), workdays=len(workdays))):
            return
        result = ops.call(calendar_service.set_calendar_year, self.actor, year, holidays, workdays,
                          on_error=self._refused, changed="calendar")
        if result is ops.FAILED:
            return
        self._done(self.tr("The arrangement for {year} is in force.").format(year=year), result)

    def remove(self) -> None:
        year = self.year.value()
        if not dialogs.ask(self, self.tr("Calendar"), self.tr(
                "Remove the arrangement for {year}? The official arrangement or the law decides the year again, and "
                "the deadlines of open cases are computed again.").format(year=year)):
            return
        result = ops.call(calendar_service.remove_calendar_year, self.actor, year,
                          on_error=self._refused, changed="calendar")
        if result is ops.FAILED:
            return
        self._done(self.tr("The arrangement for {year} is removed.").format(year=year), result)

    def recompute(self) -> None:
        if not dialogs.ask(self, self.tr("Calendar"), self.tr(
                "Compute the deadlines of every open case again under the calendar in force? Each change is recorded "
                "in the case's history.")):
            return
        result = ops.call(calendar_service.recompute_deadlines, self.actor,
                          on_error=self._refused, changed="calendar")
        if result is ops.FAILED:
            return
        self._done(self.tr("Open deadlines computed again."), result)

    def _refused(self, exc: BaseException, text: str) -> None:
        named = getattr(exc, "field", None)
        field = {"holidays": self.holidays, "workdays": self.workdays}.get(named)
        caption = {"holidays": self.tr("Holidays"), "workdays": self.tr("Make-up working days"),
                   "year": self.tr("Year")}.get(named)
        widgets.set_banner(self.message, f"{caption}: {text}" if caption else text)
        if field is not None:
            field.setFocus()

    def _done(self, headline: str, result: dict) -> None:
        changed, reprint = result["changed"], result["reprint"]
        text = sentences(headline, self.tr("Open cases or notices whose deadline changed: {count}.").format(
            count=len({c["number"] for c in changed})) if changed else self.tr("No open deadline changed."))
        if reprint:
            text = sentences(text, self.tr("Printed documents with the old date, to "
                                           "reprint (listed below): {count}.").format(count=sum(len(r["documents"]) for r in reprint)))
        widgets.set_banner(self.message, text, "ok")
        self.refresh()  # the reprint list with it
        if hasattr(self.main, "calendar_changed"):
            self.main.calendar_changed()
