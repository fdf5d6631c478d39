"""Pending matters 未了事宜台帐: cases that cannot be resolved now (parts delayed, customer absent), with the
follow-up date; on the 4th of each month last month's list is due for customer reminders
(``services.reports.ledger`` and ``reminder_list``)."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout

from app.services import reports
from ui import labels, ops, widgets
from ui.views.common import LedgerPrintouts, ListView, fill, title_row


class PendingView(ListView):
    def __init__(self, main):
        super().__init__(main)
        layout = QVBoxLayout(self)
        row, _ = title_row(self.tr("Pending matters"))
        self.open_only = QCheckBox(self.tr("Still pending only"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        refresh = QPushButton(self.tr("Refresh (F5)"))
        refresh.clicked.connect(self.refresh)
        self.printouts = LedgerPrintouts(self, "pending", self.tr("Pending-matters ledger"),
                                         lambda: {"open_only": self.open_only.isChecked()})
        row.addWidget(self.open_only)
        row.addWidget(refresh)
        for button in self.printouts.buttons():
            row.addWidget(button)
        layout.addLayout(row)
        self.reminder = QLabel()
        self.reminder.setWordWrap(True)
        layout.addWidget(self.reminder)
        self.add_list(layout, [self.tr("Follow up on"), self.tr("Number"), self.tr("State"), self.tr("Complainant"),
                               self.tr("Mobile"), self.tr("Why pending"), self.tr("Since"), self.tr("Resumed"),
                               self.tr("Handler"), self.tr("Summary")])
        self.rows: list[dict] = []
        self.refresh()

    def refresh(self) -> None:
        actor = self.main.session.actor
        self.rows = ops.call(reports.ledger, actor, "pending", open_only=self.open_only.isChecked(), banner=self.message)
        reminder = ops.call(reports.reminder_list, actor, banner=self.message) if self.rows is not ops.FAILED else None
        if self.rows is ops.FAILED or reminder is ops.FAILED:
            self.rows, reminder = [], None
            for button in self.printouts.buttons():
                button.setEnabled(False)
        self.rows.sort(key=lambda r: (not r.get("open", True), r["follow_up"]))
        today = widgets.office_now().date().isoformat()
        tones = []
        for r in self.rows:
            late = r.get("open", True) and r["follow_up"] <= today
            tones.append([widgets.status_tone("overdue" if late else None)] + [None] * 9)
        fill(self.table, [[r["follow_up"], r["number"], labels.label(labels.STATES, r.get("state")), r["complainant"],
                           r["mobile"], r["reason"], widgets.show_time(r["since"]), widgets.show_time(r.get("resumed_at")),
                           r["handler"], r["summary"]] for r in self.rows], tones)
        text = self.tr("%n pending matter(s). The reply clock of each is paused until it is resumed.", "",
                       sum(1 for r in self.rows if r.get("open", True)))
        if reminder and reminder.get("rows"):
            text += " " + self.tr("Customer reminders for {month}: {count} matter(s), due on {due}.").format(
                month=reminder["month"], count=len(reminder["rows"]), due=reminder["due"])
            if reminder.get("status") in ("due_today", "overdue"):
                self.reminder.setStyleSheet(widgets.status_style("due_soon" if reminder["status"] == "due_today"
                                                                 else "overdue"))
        self.reminder.setText(text)

    def open_selected(self, index) -> None:
        if 0 <= index.row() < len(self.rows):
            self.main.open_case(self.rows[index.row()]["number"])
