"""The rectification ledger 整改台帐: every notice with its state and feedback deadline
(``services.reports.ledger``)."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QPushButton, QVBoxLayout

from app.services import reports
from ui import labels, ops, widgets
from ui.views.common import LedgerPrintouts, ListView, fill, title_row

OPEN = ("issued", "reported")


class RectificationView(ListView):
    def __init__(self, main):
        super().__init__(main)
        layout = QVBoxLayout(self)
        row, _ = title_row(self.tr("Rectification ledger"))
        self.open_only = QCheckBox(self.tr("Open notices only"))
        self.open_only.toggled.connect(self.refresh)
        refresh = QPushButton(self.tr("Refresh (F5)"))
        refresh.clicked.connect(self.refresh)
        self.printouts = LedgerPrintouts(self, "notices", self.tr("Rectification ledger"), dict)
        row.addWidget(self.open_only)
        row.addWidget(refresh)
        for button in self.printouts.buttons():
            row.addWidget(button)
        layout.addLayout(row)
        self.add_list(layout, [self.tr("Notice"), self.tr("Case"), self.tr("Department"), self.tr("State"),
                               self.tr("Feedback by"), self.tr("Feedback given"), self.tr("Follows"), self.tr("Problem")])
        self.rows: list[dict] = []
        self.refresh()

    def refresh(self) -> None:
        rows = ops.call(reports.ledger, self.main.session.actor, "notices", banner=self.message)
        if rows is ops.FAILED:
            rows = []
            for button in self.printouts.buttons():
                button.setEnabled(False)
        if self.open_only.isChecked():
            rows = [n for n in rows if n["state"] in OPEN]
        self.rows = list(reversed(rows))  # newest first
        table, tones = [], []
        for n in self.rows:
            late = n.get("overdue")
            due = widgets.show_time(n["feedback_by"])
            if late:
                due += " · " + labels.label(labels.DEADLINE_STATUS, "overdue")
            table.append([n["number"], n["case"], n["department"], labels.label(labels.NOTICE_STATES, n["state"]), due,
                          widgets.show_time(n.get("feedback_at")), n.get("follows") or "", n["problem"]])
            tones.append([None] * 4 + [widgets.status_tone("overdue") if late else None] + [None] * 3)
        fill(self.table, table, tones)

    def open_selected(self, index) -> None:
        if 0 <= index.row() < len(self.rows):
            self.main.open_notice(self.rows[index.row()]["number"])
