"""My work 我的工作: what the signed-in user has to do, most urgent first (``queries.my_work``)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from app.services import queries
from ui import labels, ops, widgets
from ui.views.common import ListView, fill, title_row

WHAT = {
    "handle": QT_TRANSLATE_NOOP("MyWork", "Handle and reply"),
    "contact_today": QT_TRANSLATE_NOOP("MyWork", "Contact attempt due today"),
    "pending_matter": QT_TRANSLATE_NOOP("MyWork", "Pending matter: follow up"),
    "assign": QT_TRANSLATE_NOOP("MyWork", "Assign a handler"),
    "approve": QT_TRANSLATE_NOOP("MyWork", "Approve or return"),
    "close": QT_TRANSLATE_NOOP("MyWork", "Revisit done? Close"),
    "verify_notice": QT_TRANSLATE_NOOP("MyWork", "Verify rectification"),
    "revisit": QT_TRANSLATE_NOOP("MyWork", "Revisit the customer"),
    "notice_feedback": QT_TRANSLATE_NOOP("MyWork", "Report on rectification notice"),
}


class MyWorkView(ListView):
    LIMIT = 200  # the most urgent items; the register has everything
    def __init__(self, main):
        super().__init__(main)
        layout = QVBoxLayout(self)
        row, self.heading = title_row(self.tr("My work"))
        new = QPushButton(self.tr("New slip (Ctrl+N)"))
        new.clicked.connect(lambda: self.main.new_slip())
        refresh = QPushButton(self.tr("Refresh (F5)"))
        refresh.clicked.connect(self.refresh)
        row.addWidget(new)
        row.addWidget(refresh)
        layout.addLayout(row)
        self.calendar_note = widgets.banner()  # next year's holiday arrangement missing (administrators, supervisors)
        layout.addWidget(self.calendar_note)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.add_list(layout, [self.tr("To do"), self.tr("Number"), self.tr("Kind"), self.tr("Severity"),
                               self.tr("State"), self.tr("Due"), self.tr("Summary")])
        self.items: list[dict] = []
        self.refresh()

    def show_calendar_note(self) -> None:
        from app.services import calendar as calendar_service

        status = ops.call(calendar_service.calendar_status, self.main.session.actor, on_error=ops.quietly) or {
            "warn": False}
        if not status["warn"]:
            widgets.set_banner(self.calendar_note, "")
            return
        year = status["missing_year"]
        text = self.tr("The holiday arrangement for {year} is not known yet: deadlines that reach into {year} are "
                       "counted on the statutory holidays and may move when it is published.").format(year=year)
        from ui.views.calendar_settings import sentences

        text = sentences(text, self.tr("Enter it in Settings > Calendar.") if status.get("can_edit") else
                         self.tr("The administrator enters it in Settings > Calendar, or headquarters distributes it."))
        widgets.set_banner(self.calendar_note, text, "warning")

    def refresh(self) -> None:
        self.show_calendar_note()
        self.items = ops.call(queries.my_work, self.main.session.actor, limit=self.LIMIT, banner=self.message) or []
        rows, tones = [], []
        for item in self.items:
            status = item.get("status")
            due = widgets.show_time(item.get("due")) if item.get("due") else ""
            if due and status in ("overdue", "due_soon"):
                due = f"{due} · {labels.label(labels.DEADLINE_STATUS, status)}"
            what = QCoreApplication.translate("MyWork", WHAT[item["what"]]) if item["what"] in WHAT else item["what"]
            if item.get("notice"):
                what = f"{what} {item['notice']}"
            rows.append([what, item["number"], labels.label(labels.KINDS, item["kind"]),
                         labels.label(labels.SEVERITIES, item.get("severity")), labels.label(labels.STATES, item["state"]),
                         due, item.get("summary") or ""])
            tone = widgets.status_tone(status) if status in ("overdue", "due_soon") else None
            tones.append([None, None, None, None, None, tone, None])
        fill(self.table, rows, tones, keys=[i for i in range(len(self.items))])
        overdue = sum(1 for i in self.items if i.get("status") == "overdue")
        text = (self.tr("{count} things to do, {overdue} overdue.").format(count=len(self.items), overdue=overdue)
                if self.items else self.tr("Nothing to do right now."))
        if len(self.items) >= self.LIMIT:
            text += " " + self.tr("At most {limit} shown, the most urgent first; the register has all.").format(
                limit=self.LIMIT)
        self.summary.setText(text)

    def open_selected(self, index=None) -> None:
        row = index.row() if index is not None else self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        if item.get("notice") and item["what"] in ("verify_notice", "notice_feedback"):
            self.main.open_notice(item["notice"])
        else:
            self.main.open_case(item["number"])
