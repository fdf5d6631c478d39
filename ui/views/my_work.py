"""My work 我的工作: the signed-in user's list for the day, most urgent first (``queries.my_work``), with the
slips kept as drafts on top. It refreshes itself (every minute while shown, and whenever a case changes) and
its summary line says what is overdue and what is due today; the main window shows that summary at start-up."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from app.services import queries
from ui import drafts as drafts_module, labels, ops, widgets
from ui.views.common import ListView, fill, title_row

WHAT = {
    "handle": QT_TRANSLATE_NOOP("MyWork", "Handle and reply"),
    "submit": QT_TRANSLATE_NOOP("MyWork", "Replied: submit for approval"),
    "determine": QT_TRANSLATE_NOOP("MyWork", "Determine responsibility"),
    "receipt": QT_TRANSLATE_NOOP("MyWork", "Give the customer the receipt"),
    "escalate": QT_TRANSLATE_NOOP("MyWork", "Report to the supervisor"),
    "draft": QT_TRANSLATE_NOOP("MyWork", "Unregistered slip (draft)"),
    "contact_today": QT_TRANSLATE_NOOP("MyWork", "Contact attempt due today"),
    "pending_matter": QT_TRANSLATE_NOOP("MyWork", "Pending matter: follow up"),
    "assign": QT_TRANSLATE_NOOP("MyWork", "Assign a handler"),
    "approve": QT_TRANSLATE_NOOP("MyWork", "Approve or return"),
    "close": QT_TRANSLATE_NOOP("MyWork", "Revisit done? Close"),
    "verify_notice": QT_TRANSLATE_NOOP("MyWork", "Verify rectification"),
    "chase_notice": QT_TRANSLATE_NOOP("MyWork", "Feedback on notice due: remind the department"),
    "revisit": QT_TRANSLATE_NOOP("MyWork", "Revisit the customer"),
    "notice_feedback": QT_TRANSLATE_NOOP("MyWork", "Report on rectification notice"),
}


class MyWorkView(ListView):
    LIMIT = 200  # the most urgent items; the register has everything
    REFRESH_MS = 60_000  # deadlines pass while the list is on screen

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
        self.alert = widgets.banner()  # overdue and due today, in amber, above the list
        self.alert.setObjectName("banner")
        layout.addWidget(self.alert)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.summary.setObjectName("workSummary")
        self.add_list(layout, [self.tr("To do"), self.tr("Number"), self.tr("Kind"), self.tr("Severity"),
                               self.tr("State"), self.tr("Due"), self.tr("Summary"), self.tr("Customer")])
        self.items: list[dict] = []
        self.timer = QTimer(self)
        self.timer.setInterval(self.REFRESH_MS)
        self.timer.timeout.connect(lambda: self.refresh() if self.isVisible() else None)
        self.timer.start()
        self.refresh()
        if self.main.statusBar() is not None:  # the day at a glance when the desk opens
            self.main.statusBar().showMessage(self.summary_text(), 20_000)

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
        work = ops.call(queries.my_work, self.main.session.actor, limit=self.LIMIT, banner=self.message) or []
        drafts = [{"what": "draft", "number": "", "kind": d["fields"].get("kind"), "severity": None, "state": None,
                   "due": None, "status": None, "saved_at": d.get("saved_at"), "draft_file": path,
                   "summary": d["fields"].get("summary") or d["fields"].get("reason") or "",
                   "customer": (d["fields"].get("complainant") or {}).get("name") or "",
                   "customer_phone": (d["fields"].get("complainant") or {}).get("mobile") or ""}
                  for path, d in self.main.kept_drafts()]
        self.items = drafts + work
        rows, tones = [], []
        for item in self.items:
            status = item.get("status")
            due = widgets.show_time(item.get("due")) if item.get("due") else ""
            if due and status == "overdue":
                due = f"{due} · {labels.label(labels.DEADLINE_STATUS, status)}"
            elif due and item.get("due_today"):
                due = f"{due} · {self.tr('today')}"
            elif item["what"] == "draft":
                due = self.tr("kept {time}").format(time=(item.get("saved_at") or "")[:16].replace("T", " "))
            what = QCoreApplication.translate("MyWork", WHAT[item["what"]]) if item["what"] in WHAT else item["what"]
            if item.get("notice"):
                what = f"{what} {item['notice']}"
            customer = " ".join(x for x in (item.get("customer"), item.get("customer_phone")) if x)
            rows.append([what, item["number"], labels.label(labels.KINDS, item["kind"]),
                         labels.label(labels.SEVERITIES, item.get("severity")), labels.label(labels.STATES, item["state"]),
                         due, item.get("summary") or "", customer])
            tone = widgets.status_tone(status) if status in ("overdue", "due_soon") else None
            tones.append([None, None, None, None, None, tone, None, None])
        fill(self.table, rows, tones, keys=[i for i in range(len(self.items))])
        self.summary.setText(self.summary_text())
        widgets.set_banner(self.alert, self.alert_text(), "warn")

    def alert_text(self) -> str:
        """What is overdue and what falls due today, by number, for the moment the desk opens."""
        def listed(items: list[dict]) -> str:
            shown = [f"{i['number']} {QCoreApplication.translate('MyWork', WHAT.get(i['what'], i['what']))}"
                     for i in items[:5]]
            more = len(items) - len(shown)
            return ("; " if not self._chinese() else "；").join(shown) + (
                self.tr(" and %n more", "", more) if more > 0 else "")

        overdue = [i for i in self.items if i.get("status") == "overdue"]
        today = [i for i in self.items if i.get("due_today")]
        parts = []
        if overdue:
            parts.append(self.tr("Overdue: %n.", "", len(overdue)) + " " + listed(overdue))
        if today:
            parts.append(self.tr("Due today: %n.", "", len(today)) + " " + listed(today))
        return "\n".join(parts)

    @staticmethod
    def _chinese() -> bool:
        from app import i18n

        return i18n.language() == "zh_CN"

    def counts(self) -> dict:
        return {"overdue": sum(1 for i in self.items if i.get("status") == "overdue"),
                "today": sum(1 for i in self.items if i.get("due_today")),
                "drafts": sum(1 for i in self.items if i["what"] == "draft"), "all": len(self.items)}

    def summary_text(self) -> str:
        """One line: how many things, how many overdue, how many due later today, and the drafts kept."""
        n = self.counts()
        if not n["all"]:
            return self.tr("Nothing to do right now.")
        text = self.tr("%n thing(s) to do: ", "", n["all"]) + self.tr("%n overdue, ", "", n["overdue"]) + self.tr(
            "%n due today.", "", n["today"])
        if n["drafts"]:
            text += " " + self.tr("%n unregistered slip(s) kept as drafts.", "", n["drafts"])
        if n["all"] - n["drafts"] >= self.LIMIT:
            text += " " + self.tr("At most {limit} shown, the most urgent first; the register has all.").format(
                limit=self.LIMIT)
        return text

    def open_selected(self, index=None) -> None:
        row = index.row() if index is not None else self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        if item["what"] == "draft":
            self.main.new_slip(draft=drafts_module.load(item["draft_file"])["fields"], draft_file=item["draft_file"])
            self.refresh()
        elif item.get("notice") and item["what"] in ("verify_notice", "notice_feedback"):
            self.main.open_notice(item["notice"])
        else:
            self.main.open_case(item["number"])
