"""The complaint slip 客户投诉处理单 in its own window: intake with the live classification badge, the
deadlines, the handling sections, the history, and the actions the signed-in user may take right now.

A new slip keeps a draft on disk while it is filled in (``ui.drafts``); once registered the same window
shows the numbered case. Every action goes through ``cases.do_action``; a refusal shows the core's message.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ChangedMeanwhile, DeskError
from app.services import cases, setup
from ui import drafts, labels, ops, widgets
from ui.action_dialog import ActionDialog, Field, in_days
from ui.record_window import RecordWindow
from ui.slip_intake import SlipIntake

BADGE_DEBOUNCE_MS = 250


def fitted_table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    """A read-only table as tall as its rows, so the whole slip scrolls as one page like paper."""
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem("" if text is None else str(text))
            item.setToolTip(item.text())
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    for c in range(len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    table.resizeRowsToContents()
    height = header.sizeHint().height() + sum(table.rowHeight(r) for r in range(len(rows))) + 4
    table.setFixedHeight(max(height, header.sizeHint().height() + 24))
    return table


class CaseWindow(RecordWindow):
    def __init__(self, session, main=None, *, number: str | None = None, draft: dict | None = None,
                 draft_file=None):
        super().__init__(session, main, number)
        self.case: dict | None = None
        self.loaded = True
        self.outer.setContentsMargins(8, 8, 8, 8)

        self._badge_timer = QTimer(self)
        self._badge_timer.setSingleShot(True)
        self._badge_timer.setInterval(BADGE_DEBOUNCE_MS)
        self._badge_timer.timeout.connect(self.update_badge)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._primary)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self._primary)
        QShortcut(QKeySequence("F6"), self, activated=self.jump_to_handling)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=lambda: self.number and self.print_document(
            "slip", self.tr("Complaint handling slip")))
        # the counter's one step: the slip to sign and the receipt to take, in one preview and one print job
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, activated=lambda: self.number and self.print_counter_set())
        QShortcut(QKeySequence("Ctrl+Shift+Return"), self, activated=self.register_and_print)
        self.handling_anchor: QWidget | None = None

        if number:
            self.loaded = self.show_case(number)
        else:
            self.build_new(draft, draft_file)

    # --- shared pieces --------------------------------------------------------------------------------------

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        self._show_page(page)
        return page, layout

    def _header(self, layout: QVBoxLayout, number_text: str) -> None:
        top = QHBoxLayout()
        title = QLabel(self.tr("Complaint Handling Slip"))
        title.setObjectName("slipTitle")
        top.addWidget(title)
        top.addStretch(1)
        self.reasons_label = QLabel()
        self.reasons_label.setObjectName("reasons")
        top.addWidget(self.reasons_label)
        self.badge = QLabel()
        self.badge.setObjectName("badge")
        top.addWidget(self.badge)
        layout.addLayout(top)
        self.number_label = QLabel(number_text)
        self.number_label.setObjectName("slipNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.number_label)

    def set_badge(self, kind: str | None, severity: str | None, reasons: list[str], note: str = "") -> None:
        if kind == "report":
            tone, text = "major", self.tr("Misconduct report: general manager only")
        elif severity == "major":
            tone, text = "major", self.tr("Major complaint")
        elif severity == "general":
            tone, text = "general", self.tr("General complaint")
        else:
            tone, text = "none", self.tr("Not classified ({kind})").format(kind=labels.label(labels.KINDS, kind))
        self.badge.setProperty("tone", tone)
        widgets.restyle(self.badge)
        self.badge.setText(text)
        if reasons:
            sep = "、" if self._chinese() else ", "
            note = self.tr("Reasons: {reasons}").format(
                reasons=sep.join(labels.label(labels.MAJOR_REASONS, r) for r in reasons))
        self.reasons_label.setText(note)

    @staticmethod
    def _chinese() -> bool:
        from app import i18n

        return i18n.language() == "zh_CN"

    def _primary(self) -> None:
        if self.number is None:
            self.register()
        elif getattr(self, "correcting", False):
            self.save_correction()

    # --- a new slip -----------------------------------------------------------------------------------------

    def build_new(self, draft: dict | None, draft_file=None) -> None:
        self.setWindowTitle(self.tr("New complaint slip"))
        page, layout = self._page()
        self._header(layout, self.tr("Number: given when registered"))
        categories = (ops.call(setup.show_policy, self.actor, on_error=ops.quietly) or {}).get("categories")
        departments = ops.call(setup.list_departments, self.actor, on_error=ops.quietly) or []
        self.intake = SlipIntake(self.actor.display_name, categories, self.session.zone)
        self.intake.set_departments(departments)
        self.alike = widgets.banner()  # open cases with the same mobile or plate, in amber, above the form
        self.alike.setObjectName("banner")
        self.alike_key: tuple | None = None
        self.alike_cases: list[dict] = []
        layout.addWidget(self.alike)
        layout.addWidget(self.intake)
        layout.addStretch(1)

        self._clear_actions()
        register = QPushButton(self.tr("Register (Ctrl+Enter)"))
        register.setDefault(True)
        register.clicked.connect(self.register)
        register_print = QPushButton(self.tr("Register and print slip and receipt (Ctrl+Shift+Enter)"))
        register_print.clicked.connect(self.register_and_print)
        discard = QPushButton(self.tr("Discard"))
        discard.clicked.connect(self.discard)
        self.action_buttons = {"register": register, "register_print": register_print, "discard": discard}
        self.actions_row.addWidget(register)
        self.actions_row.addWidget(register_print)
        self.actions_row.addWidget(discard)
        self.actions_row.addStretch(1)

        if draft_file is None:
            taken = set(self.main.open_draft_files()) if self.main is not None else set()
            draft_file = drafts.free_path(self.session.data_dir, self.actor.username, taken)
        self.draft = drafts.DraftKeeper(draft_file, self.intake.document, self)
        self.draft.trouble.connect(self._draft_trouble)
        if draft:
            self.intake.load(draft)
        self.intake.edited.connect(self.draft.touch)
        self.intake.edited.connect(self._badge_timer.start)
        self.intake.edited.connect(self._recheck_problems)
        self.update_badge()
        self.intake.first_field().setFocus()

    def _draft_trouble(self, problem: str) -> None:
        """A draft that could not be written is said on the banner (and the banner cleared once it could)."""
        if problem:
            self._draft_problem = problem
            widgets.set_banner(self.banner, problem)
        elif getattr(self, "_draft_problem", "") and self.banner.text() == self._draft_problem:
            self._draft_problem = ""
            widgets.set_banner(self.banner, "")

    def _recheck_problems(self) -> None:
        """Once the problems a refused registration listed are fixed, their banner goes (the core's own refusals
        stay until the next attempt)."""
        if not getattr(self, "_problems_shown", False) or self.number is not None or self.intake.problems():
            return
        refused = getattr(self, "_refused_field", None)
        if refused:
            preview = ops.call(cases.preview_classification, self.intake.document(), on_error=ops.quietly)
            if preview is ops.FAILED:
                return
            if preview.get("field") == refused:
                return
        widgets.set_banner(self.banner, "")
        self._problems_shown, self._refused_field = False, None

    def update_badge(self) -> None:
        if self.number is not None:
            return
        document = self.intake.document()
        preview = ops.call(cases.preview_classification, document, on_error=ops.quietly) or {
            "severity": None, "major_reasons": [], "error": "—"}
        note = ""
        if preview.get("error") and document.get("kind") == "complaint":
            note = self.tr("Classified once the slip is complete")
        self.set_badge(document.get("kind"), preview.get("severity"), preview.get("major_reasons") or [], note)
        self.preview = preview
        self.check_alike(document)

    def check_alike(self, document: dict) -> None:
        """Warn (without stopping anyone) when the mobile or the plate already has open cases: the customer may be
        asking about a complaint being handled, not making a new one."""
        key = (document["complainant"].get("mobile", ""), document.get("plate_no", ""))
        if key == self.alike_key:
            return
        self.alike_key = key
        self.alike_cases = ops.call(cases.open_cases_alike, self.actor, mobile=key[0], plate=key[1],
                                    on_error=ops.quietly) or []
        if not self.alike_cases:
            widgets.set_banner(self.alike, "", "warn")
            return
        sep = "；" if self._chinese() else "; "
        listed = sep.join(f"{c['number']} {labels.label(labels.STATES, c['state'])} {c['summary']}"
                          for c in self.alike_cases[:3])
        same = {k for c in self.alike_cases for k in c["same"]}
        what = (self.tr("this mobile and this plate") if same == {"mobile", "plate"} else
                self.tr("this mobile") if same == {"mobile"} else self.tr("this plate"))
        widgets.set_banner(self.alike, self.tr(
            "Open cases with {what}: {cases}. Check with the customer whether this is the same complaint before "
            "registering a new one.").format(what=what, cases=listed), "warn")

    def register(self) -> None:
        problems = self.intake.check()
        if problems:
            # every problem at once, each with the form's caption; the first field gets the cursor
            widgets.set_banner(self.banner, "\n".join(f"{self.intake.caption(f)}: {m}" for f, m in problems.items()))
            self._problems_shown, self._refused_field = True, None
            field, message = next(iter(problems.items()))
            self.intake.show_problem(field, message)
            return
        case = ops.call(cases.register_case, self.actor, self.intake.document(), on_error=self._refused)
        if case is ops.FAILED:
            return
        self.draft.enabled = False
        self.draft.discard()
        self.number = case["number"]
        self.show_case(case["number"], case)
        reply_by = widgets.show_time(case["deadlines"].get("reply_by"))
        if "reply_by" in (case.get("provisional_deadlines") or []):
            mark = self.tr("(provisional)")
            reply_by = f"{reply_by} {mark}"
        widgets.set_banner(self.banner, self.tr("Registered as {number}. Reply by {reply_by}. Print the slip and the "
                                                "receipt for the customer (Ctrl+Shift+P).").format(
            number=case["number"], reply_by=reply_by), "ok")
        if self.main is not None:
            self.main.track(case["number"], self)
            self.main.case_registered(case["number"])
        return True

    def register_and_print(self):
        """Ctrl+Shift+Enter on a new slip: register it, then the slip and the receipt in one print preview."""
        if self.number is None and self.register():
            return self.print_counter_set()
        return None

    def print_counter_set(self):
        """The slip and the receipt together (each recorded as printed), in one preview: one print job."""
        from app.services import reports
        from ui.print_preview import PrintPreviewDialog

        pdf = ops.call(reports.print_counter_set, self.actor, self.number, banner=self.banner)
        if pdf is ops.FAILED:
            return None
        self.preview = PrintPreviewDialog(pdf, self.tr("{number} - Slip and receipt").format(number=self.number),
                                          f"{self.number}-slip-receipt.pdf", self)
        self.preview.open()
        return self.preview

    def _version(self) -> int | None:
        """The version of the case as shown: an action is refused if somebody saved the case since."""
        return (self.case or {}).get("version")

    def _refused_correction(self, exc: BaseException, text: str) -> None:
        if isinstance(exc, ChangedMeanwhile):  # someone acted on the case meanwhile: shown again, corrections lost
            self.correcting = False
            self.reload()
            widgets.set_banner(self.banner, text)
            return
        self._refused(exc, text)

    def _refused(self, exc: BaseException, text: str) -> None:
        """A refused registration: the field's caption in the banner and the field marked; any other failure (a
        full disk, say) in the banner, the slip kept as typed."""
        if isinstance(exc, DeskError):
            widgets.set_banner(self.banner, self._field_message(exc))
            self._problems_shown, self._refused_field = True, exc.field
            self.intake.show_problem(exc.field, exc.reason())
        else:
            widgets.set_banner(self.banner, text)

    def _field_message(self, exc: DeskError) -> str:
        """The core's message with the field's caption from the form instead of its JSON path."""
        text = exc.localized()
        if exc.field and exc.field in self.intake.fields:
            text = text.replace(f"{exc.field}: ", f"{self.intake.caption(exc.field)}: ", 1)
        return text

    def discard(self) -> None:
        self.draft.enabled = False
        self.draft.discard()
        self.close()
        if self.main is not None:
            self.main.drafts_changed()

    def keep_draft(self) -> None:
        """Another user took over the desk: an unregistered slip with input is kept as a draft without asking."""
        if self.number is None and getattr(self, "draft", None) is not None and self.draft.enabled:
            if self._has_input():
                self.draft.write_now()
            else:
                self.draft.discard()
            self.draft.enabled = False

    def _has_input(self) -> bool:
        document = self.intake.document()
        return bool(document["complainant"]["name"] or document["content"] or document["complainant"]["mobile"])

    def closeEvent(self, event):  # noqa: N802 - Qt API
        """Closing an unregistered slip that has input: keep it as a draft (offered at the next start) or drop it."""
        if self.number is None and getattr(self, "draft", None) is not None and self.draft.enabled:
            if self._has_input():
                from ui import dialogs

                if dialogs.ask(self, self.tr("Unsaved slip"),
                               self.tr("This slip is not registered. Keep it as a draft for later?")):
                    self.draft.write_now()
                else:
                    self.draft.discard()
            else:
                self.draft.discard()
            self.draft.enabled = False
            if self.main is not None:
                self.main.drafts_changed()
        super().closeEvent(event)

    # --- a registered case ----------------------------------------------------------------------------------

    def person(self, username: str | None) -> str:
        """A user's display name: the handler and receiver as the case view names them, anyone else (history rows
        name users by their user name) looked up once."""
        if not username:
            return ""
        case = getattr(self, "case", None) or {}
        for key in ("handler", "receiver"):  # the case view names these two itself
            if username == case.get(key) and case.get(f"{key}_name"):
                return case[f"{key}_name"]
        if not hasattr(self, "_names"):
            users = ops.call(setup.list_users, self.actor, on_error=ops.quietly) or []
            self._names = {u["username"]: u["display_name"] for u in users}
        return self._names.get(username, username)

    def show_case(self, number: str, case: dict | None = None) -> bool:
        case = case or ops.call(cases.show_case, self.actor, number, parent=self.main, title=self.tr("Case"))
        if case is ops.FAILED:
            return False
        self.case = case
        self.number = case["number"]
        self.correcting = False
        self.setWindowTitle(self.tr("{number} - Complaint slip").format(number=case["number"]))
        page, layout = self._page()
        self._header(layout, case["number"])
        self.set_badge(case.get("kind"), case.get("severity"), case.get("major_reasons") or [])
        layout.addWidget(self._status_box(case))
        layout.addWidget(self._deadlines_box(case))
        self.intake = SlipIntake(case.get("receiver_name") or self.person(case.get("receiver")), None, self.session.zone)
        self.intake.load(case)
        self.intake.set_read_only(True)
        layout.addWidget(self.intake)
        boxes = self._handling_boxes(case)
        self.handling_anchor = boxes[0] if boxes else None
        for box in boxes:
            layout.addWidget(box)
        paper = self._paper_box()
        if paper is not None:
            layout.addWidget(paper)
        layout.addWidget(self._history_box(case))
        layout.addStretch(1)
        self._offer_actions(case.get("allowed_actions") or [])
        return True

    def jump_to_handling(self) -> None:
        """F6: from the intake to the handling sections (and back to the top)."""
        if self.handling_anchor is None:
            return
        bar = self.scroll.verticalScrollBar()
        target = self.handling_anchor.y()
        bar.setValue(0 if abs(bar.value() - target) < 8 else target)

    def reload(self) -> None:
        if self.number:
            position = self.scroll.verticalScrollBar().value()
            self.show_case(self.number)
            QTimer.singleShot(0, lambda: self.scroll.verticalScrollBar().setValue(position))

    def _status_box(self, case: dict) -> QGroupBox:
        established = case.get("established")
        return self._grid_box(self.tr("Status"), [
            (self.tr("State"), labels.label(labels.STATES, case.get("state"))),
            (self.tr("Round"), case.get("round")),
            (self.tr("Handler"), case.get("handler_name") or self.person(case.get("handler")) or self.tr("not assigned")),
            (self.tr("Transfers"), case.get("transfers")),
            (self.tr("Established"), "" if established is None else (self.tr("Yes") if established else self.tr("No"))),
            (self.tr("Receiver"), case.get("receiver_name") or self.person(case.get("receiver"))),
        ])

    def _deadlines_box(self, case: dict) -> QGroupBox:
        pairs = []
        status = case.get("deadline_status") or {}
        provisional = case.get("provisional_deadlines") or []
        for name, value in (case.get("deadlines") or {}).items():
            state = status.get(name)
            text = f"{widgets.show_time(value)}  {labels.label(labels.DEADLINE_STATUS, state)}"
            label = QLabel(text)
            if name in provisional:  # counted on the statutory holidays of a year not yet arranged
                mark = self.tr("(provisional)")
                label.setText(f"{text}  {mark}")
                label.setToolTip(self.tr("Counted on the statutory holidays: the official holiday arrangement for "
                                         "that year is not known yet, and the date may move when it is entered."))
            label.setStyleSheet(widgets.status_style(state))
            label.setObjectName(f"deadline_{name}")
            pairs.append((labels.label(labels.DEADLINES, name), label))
        box = self._grid_box(self.tr("Deadlines"), pairs)
        return box

    def _handling_boxes(self, case: dict) -> list[QGroupBox]:
        who = self.tr("By")
        at = self.tr("Time")
        rnd = self.tr("Round")
        boxes = []

        def section(title, headers, rows, extra: QWidget | None = None):
            box = QGroupBox(title)
            column = QVBoxLayout(box)
            if extra is not None:
                column.addWidget(extra)
            if rows:
                column.addWidget(fitted_table(headers, rows))
            elif extra is None:
                column.addWidget(QLabel(self.tr("Nothing recorded yet.")))
            boxes.append(box)
            return box

        section(self.tr("Investigation log"), [rnd, at, who, self.tr("What was done")],
                [[r["round"], widgets.show_time(r["at"]), self.person(r["by"]), r["note"]] for r in case.get("investigations", [])])
        contact_note = None
        if case.get("next_allowed_contact"):
            text = self.tr("Next allowed contact: {time}").format(time=widgets.show_time(case["next_allowed_contact"]))
            if case.get("contact_due_today"):
                text += "  " + self.tr("(an attempt is due today: the customer has not been reached)")
            contact_note = QLabel(text)
            contact_note.setObjectName("nextContact")
        section(self.tr("Contact attempts"), [rnd, at, who, self.tr("Method"), self.tr("Reached"), self.tr("Note")],
                [[r["round"], widgets.show_time(r["at"]), self.person(r["by"]), labels.label(labels.CONTACT_METHODS, r["method"]),
                  self.tr("Yes") if r["reached"] else self.tr("No"),
                  r["note"] + (f" ({self.tr('override')}: {r['override_reason']})" if r.get("override_reason") else "")]
                 for r in case.get("contacts", [])], contact_note)
        section(self.tr("Conclusion"), [rnd, who, self.tr("Cause of the complaint"), self.tr("Facts"), self.tr("Established"),
                                        self.tr("Opinion"), self.tr("Result"), self.tr("Responsible")],
                [[r["round"], self.person(r["by"]), r["cause"], labels.label(labels.FACTS, r["facts"]),
                  self.tr("Yes") if r["established"] else self.tr("No"), r["opinion"], r["result"],
                  " ".join(x for x in (r.get("responsible_department"), r.get("responsible_person")) if x)]
                 for r in case.get("conclusions", [])])
        section(self.tr("Reply to the customer"), [rnd, at, who, self.tr("Channel"), self.tr("Result")],
                [[r["round"], widgets.show_time(r["at"]), self.person(r["by"]), labels.label(labels.REPLY_CHANNELS, r["channel"]),
                  r["result"]] for r in case.get("replies", [])])
        section(self.tr("Approval"), [rnd, at, who, self.tr("Decision"), self.tr("Opinion")],
                [[r["round"], widgets.show_time(r["at"]), self.person(r["by"]), labels.label(labels.APPROVAL_DECISIONS, r["decision"]),
                  r["text"]] for r in case.get("approvals", [])])
        section(self.tr("Revisit"), [rnd, at, who, self.tr("Method"), self.tr("Satisfaction"), self.tr("Comment")],
                [[r["round"], widgets.show_time(r["at"]), self.person(r["by"]), labels.label(labels.REVISIT_METHODS, r["method"]),
                  labels.label(labels.SATISFACTION, r["satisfaction"]), r["comment"]] for r in case.get("revisits", [])])
        if case.get("pending_matters"):
            section(self.tr("Pending matters"), [rnd, at, who, self.tr("Reason"), self.tr("Follow up on"),
                                                 self.tr("Resumed")],
                    [[r["round"], widgets.show_time(r["at"]), self.person(r["by"]), r["reason"], r["follow_up"],
                      widgets.show_time(r.get("resumed_at"))] for r in case["pending_matters"]])
        if case.get("transfer_log"):
            section(self.tr("Transfers"), [rnd, at, who, self.tr("From"), self.tr("To")],
                    [[r["round"], widgets.show_time(r["at"]), self.person(r["by"]), self.person(r["from"]), self.person(r["to"])]
                     for r in case["transfer_log"]])
        if case.get("notices"):
            box = section(self.tr("Rectification notices"),
                          [self.tr("Number"), self.tr("Department"), self.tr("State"), self.tr("Feedback by"),
                           self.tr("Follows")],
                          [[n["number"], n["department"], labels.label(labels.NOTICE_STATES, n["state"]),
                            widgets.show_time(n["feedback_by"]), n.get("follows") or ""] for n in case["notices"]])
            table = box.findChild(QTableWidget)
            if table is not None and self.main is not None:
                table.setToolTip(self.tr("Double-click to open the notice"))
                table.cellDoubleClicked.connect(lambda row, _c: self.main.open_notice(case["notices"][row]["number"]))
        return boxes

    def _paper_box(self) -> QGroupBox | None:
        """The signed paper slip 纸质处理单: printed how often, signed copy returned, filed where (for the number
        reconciliation). Shown to the roles the core lets keep it."""
        from app.services import reports

        paper = ops.call(reports.paper_status, self.actor, self.number, on_error=ops.quietly)
        if paper is ops.FAILED:  # a role that keeps no paper slips
            return None
        box = QGroupBox(self.tr("Paper slip"))
        row = QHBoxLayout(box)
        row.addWidget(QLabel(self.tr("Printed %n time(s)", "", paper.get("printed", 0))))
        if paper.get("reprint_due"):
            due = QLabel(self.tr("Corrected after printing: reprint due"))
            due.setObjectName("reprintDue")
            due.setStyleSheet("color: #b45309; font-weight: bold;")
            self.reprint_label = due
            row.addWidget(due)
        self.signed_box = QCheckBox(self.tr("Signed copy returned"))
        self.signed_box.setChecked(bool(paper.get("signed_returned_at")))
        self.signed_box.setToolTip(paper.get("signed_returned_at") or "")
        self.filed_box = QCheckBox(self.tr("Filed"))
        self.filed_box.setChecked(bool(paper.get("filed_at")))
        self.filed_box.setToolTip(paper.get("filed_at") or "")
        self.location = QLineEdit(paper.get("location") or "")
        self.location.setPlaceholderText(self.tr("where: binder, shelf"))
        self.location.setMinimumWidth(220)
        self.signed_box.toggled.connect(lambda on: self._paper(signed_returned=on))
        self.filed_box.toggled.connect(lambda on: self._paper(filed=on))
        self.location.editingFinished.connect(lambda: self._paper(location=self.location.text().strip()))
        for widget in (self.signed_box, self.filed_box, self.location):
            row.addWidget(widget)
        row.addStretch(1)
        return box

    def _paper(self, **change) -> None:
        from app.services import reports

        ops.call(reports.set_paper_status, self.actor, self.number, **change, banner=self.banner, changed=self.number)

    def _history_box(self, case: dict) -> QGroupBox:
        box = QGroupBox(self.tr("History"))
        column = QVBoxLayout(box)
        rows = []
        for h in case.get("history", []):
            action = h["action"]
            name = labels.label(labels.ACTIONS, action) if action in labels.ACTIONS else labels.label(
                labels.HISTORY_ACTIONS, action)
            after = h.get("after") or {}
            change = []
            if "state" in after:
                change.append(labels.label(labels.STATES, after["state"]))
            if "handler" in after and after["handler"]:
                change.append(self.person(str(after["handler"])))
            rows.append([widgets.show_time(h["at"]), self.person(h["by"]), name, h.get("round") or "", " · ".join(change)])
        column.addWidget(fitted_table([self.tr("Time"), self.tr("By"), self.tr("Action"), self.tr("Round"),
                                       self.tr("Change")], rows))
        return box

    # --- actions --------------------------------------------------------------------------------------------

    def _offer_actions(self, allowed: list[str]) -> None:
        self._clear_actions()
        if not allowed:
            note = QLabel(self.tr("No action is open to you on this case."))
            self.actions_row.addWidget(note)
        for action in allowed:
            button = QPushButton(labels.label(labels.ACTIONS, action))
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _=False, a=action: self.start_action(a))
            self.action_buttons[action] = button
            self.actions_row.addWidget(button)
        self.actions_row.addStretch(1)
        if (self.case or {}).get("may_correct"):
            correct = QPushButton(self.tr("Correct intake…"))
            correct.setToolTip(self.tr("Correct a mistyped mobile, plate or name; the history keeps before and after"))
            correct.clicked.connect(self.start_correction)
            self.action_buttons["correct"] = correct
            self.actions_row.addWidget(correct)
        printing = QToolButton()
        printing.setText(self.tr("Print"))
        printing.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(printing)
        menu.addAction(self.tr("Slip and receipt for the counter (Ctrl+Shift+P)"), self.print_counter_set)
        menu.addSeparator()
        for document, title in (("slip", self.tr("Complaint handling slip")), ("receipt", self.tr("Receipt for the customer")),
                                ("letter", self.tr("Reply letter")), ("revisit", self.tr("Revisit record"))):
            menu.addAction(title, lambda d=document, t=title: self.print_document(d, t))
        printing.setMenu(menu)
        self.action_buttons["print"] = printing
        self.actions_row.addWidget(printing)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        self.actions_row.addWidget(refresh)

    # --- correcting the intake of an open case -------------------------------------------------------------

    def start_correction(self) -> None:
        """The intake's correctable fields become editable in place; Save records the correction (audited)."""
        from app.services.cases import CORRECTABLE

        self.intake.set_read_only(False)
        for name, widget in self.intake.fields.items():
            if name not in CORRECTABLE:
                if hasattr(widget, "setReadOnly"):
                    widget.setReadOnly(True)
                else:
                    widget.setEnabled(False)
        for edit in (self.intake.window_from, self.intake.window_to):
            edit.setEnabled(False)
        self._clear_actions()
        save = QPushButton(self.tr("Save correction (Ctrl+S)"))
        save.setDefault(True)
        save.clicked.connect(self.save_correction)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reload)
        self.action_buttons = {"save_correction": save, "cancel_correction": cancel}
        self.actions_row.addWidget(save)
        self.actions_row.addWidget(cancel)
        self.actions_row.addStretch(1)
        self.correcting = True
        widgets.set_banner(self.banner, self.tr("Correct the customer's details or the matter, then save. The kind, "
                                                "the time of receipt and the classification cannot be changed here."),
                           "ok")
        self.intake.name.setFocus()

    def save_correction(self):
        from app.services.cases import CORRECTABLE

        document, old = self.intake.document(), self.case or {}

        def value(doc, path):
            for part in path.split("."):
                doc = (doc or {}).get(part)
            return doc if doc is not None else ""

        changes = {path: value(document, path) for path in CORRECTABLE if value(document, path) != value(old, path)}
        case = ops.call(cases.correct_intake, self.actor, self.number, changes, version=self._version(),
                        on_error=self._refused_correction, changed=self.number)
        if case is ops.FAILED:
            return None
        self.correcting = False
        self.show_case(self.number, case)
        widgets.set_banner(self.banner, self.tr("Intake corrected ({fields}). The printed slip no longer matches: "
                                                "reprint it (Ctrl+P) for signature.").format(
            fields=("、" if self._chinese() else ", ").join(self.intake.caption(p) for p in changes)), "ok")
        if self.main is not None:
            self.main.case_registered(self.number)
        return case

    def _fields(self, action: str) -> list[Field]:
        zone = self.session.zone
        if action == "assign":
            users = [u for u in ops.call(setup.list_users, self.actor, on_error=ops.quietly) or []
                     if u["role"] in ("handler", "supervisor", "general_manager")]
            pairs = [(u["username"], f"{u['display_name']} ({u['username']}, {u.get('department') or ''})")
                     for u in users]
            return [Field("handler", self.tr("Handler"), "choice", choices=pairs)]
        if action == "contact":
            return [Field("at", self.tr("Time"), "datetime"),
                    Field("method", self.tr("Method"), "choice", table=labels.CONTACT_METHODS),
                    Field("reached", self.tr("Customer reached"), "bool"),
                    Field("note", self.tr("What happened"), "text", optional=True),
                    Field("override_reason", self.tr("Override reason (only outside the contact rules)"), "line",
                          optional=True)]
        if action == "investigate":
            return [Field("at", self.tr("Time"), "datetime"), Field("note", self.tr("What was done"), "text")]
        if action == "conclude":
            departments = [(d, d) for d in ops.call(setup.list_departments, self.actor, on_error=ops.quietly) or []]
            return [Field("cause", self.tr("Cause of the complaint"), "text"),
                    Field("facts", self.tr("Facts"), "choice", table=labels.FACTS),
                    Field("opinion", self.tr("Handling opinion"), "text", optional=True),
                    Field("result", self.tr("Result"), "text", optional=True),
                    Field("responsible_department", self.tr("Responsible department"), "editable",
                          choices=[("", "")] + departments, optional=True),
                    Field("responsible_person", self.tr("Responsible person"), "line", optional=True),
                    Field("fault_decision", self.tr("Fault and penalty decision"), "text", optional=True)]
        if action == "reply":
            return [Field("at", self.tr("Time"), "datetime"),
                    Field("channel", self.tr("Channel"), "choice", table=labels.REPLY_CHANNELS),
                    Field("result", self.tr("Result"), "text")] + self._letter_fields()
        if action == "approve":
            return [Field("opinion", self.tr("Opinion"), "text", optional=True)]
        if action in ("return", "close_abnormal", "void", "reopen"):
            return [Field("reason", self.tr("Reason"), "text")]
        if action == "extend":
            return [Field("reason", self.tr("Why the case is complex"), "text")]
        if action == "defer":
            return [Field("reason", self.tr("Why it cannot be resolved now"), "text"),
                    Field("follow_up", self.tr("Follow up on"), "date", default=7)]
        if action == "revisit":
            return [Field("at", self.tr("Time"), "datetime"),
                    Field("method", self.tr("Method"), "choice", table=labels.REVISIT_METHODS),
                    Field("satisfaction", self.tr("Satisfaction"), "choice", table=labels.SATISFACTION, unset=True),
                    Field("comment", self.tr("Customer's comments"), "text", optional=True)]
        if action == "notice":
            departments = [(d, d) for d in ops.call(setup.list_departments, self.actor, on_error=ops.quietly) or []]
            default = (self.case or {}).get("accused_department") or ""
            return [Field("department", self.tr("Responsible department"), "editable", choices=departments,
                          default=default),
                    Field("problem", self.tr("Problem"), "text", default=(self.case or {}).get("summary") or ""),
                    Field("corrective", self.tr("Corrective action"), "text"),
                    Field("preventive", self.tr("Preventive action"), "text"),
                    Field("feedback_by", self.tr("Feedback by"), "datetime", default=in_days(3, zone))]
        return []

    def _letter_fields(self) -> list[Field]:
        """The paragraphs of the written reply letter, each with its standard wording: what the printed letter says
        in place of the paragraphs written from the handling record. Recorded again, a reply starts from the
        paragraphs of the round's last reply."""
        from ui.templates_dialog import paragraph_names

        captions = paragraph_names()
        case = self.case or {}
        composed = {}
        for entry in case.get("history") or []:
            if entry.get("action") == "reply" and entry.get("round") == case.get("round"):
                composed = ((entry.get("after") or {}).get("input") or {}).get("letter") or {}
        section = self.tr("Reply letter (投诉处理情况告知函): a paragraph left empty is written from the handling "
                          "record when the letter is printed")
        return [Field(f"letter.{name}", caption, "text", optional=True, lines=3, section=section,
                      own_templates=True, default=composed.get(name, ""))
                for name, caption in captions.items()]

    def _context(self, action: str) -> str:
        case = self.case or {}
        if action == "contact" and case.get("next_allowed_contact"):
            text = self.tr("Next allowed contact: {time}. No calls 22:00-08:30 and 12:00-13:30 unless the customer "
                           "named a window; attempts at least 2 hours apart.").format(
                time=widgets.show_time(case["next_allowed_contact"]))
            window = case.get("contact_window")
            if window:
                text += " " + self.tr("The customer's window: {start}-{end}.").format(start=window["from"],
                                                                                     end=window["to"])
            return text
        if action == "revisit":
            reply = (case.get("replies") or [{}])[-1]
            return self.tr("Revisit of {number}: {name}, {mobile}. Reply given {time}: {result}").format(
                number=case.get("number"), name=case.get("complainant", {}).get("name", ""),
                mobile=case.get("complainant", {}).get("mobile", ""), time=widgets.show_time(reply.get("at")),
                result=reply.get("result", ""))
        if action == "extend":
            return self.tr("The reply is due {time}. A complex case gets a longer reply limit with the supervisor's "
                           "approval; the extensions the policy allows are used in order.").format(
                time=widgets.show_time((case.get("deadlines") or {}).get("reply_by")))
        if action == "conclude":
            return self.tr("Established when the facts are true or cannot be verified; only 'not true' gives "
                           "'not established'.")
        return ""

    def start_action(self, action: str):
        """Run ``action``: directly when it needs no input, else through its form (opened, never blocking)."""
        fields = self._fields(action)
        if not fields:
            self.perform(action, {})
            return None
        title = labels.label(labels.ACTIONS, action)
        self.dialog = ActionDialog(title, fields, lambda payload: self.perform(action, payload),
                                   context=self._context(action), zone=self.session.zone, parent=self)
        self.dialog.setObjectName(f"dialog_{action}")
        self._offer_templates(action)
        self.dialog.open()
        return self.dialog

    def _offer_templates(self, action: str) -> None:
        """The branch's and headquarters' standard words for this action and category, filled for this case."""
        from app.services import templates

        if action not in templates.ACTIONS:
            return
        try:
            offered = templates.templates_for_case(self.actor, action, self.case)
            by_field = ({f"letter.{p}": t for p, t in templates.letter_templates_for_case(self.actor, self.case).items()}
                        if action == "reply" else None)
        except DeskError:
            return
        self.dialog.add_templates(offered, by_field)

    def print_document(self, document: str, title: str):
        """Render a printout in the core (which records the print) and show it in the print preview."""
        return self._print(document, f"{self.number} - {title}", f"{self.number}-{document}.pdf")

    def perform(self, action: str, payload: dict) -> DeskError | None:
        failure: list[BaseException] = []
        def refused(exc, text):
            failure.append(exc)
            if isinstance(exc, ChangedMeanwhile):  # show what the other person did; the user decides again
                self.reload()
            widgets.set_banner(self.banner, text)

        case = ops.call(cases.do_action, self.actor, self.number, action, payload, version=self._version(),
                        changed=self.number, on_error=refused)
        if case is ops.FAILED:
            return failure[0]
        issued = None
        if action == "notice" and case.get("notices"):
            issued = case["notices"][-1]
            widgets.set_banner(self.banner, self.tr(
                "Rectification notice {number} issued to {department}; feedback by {time}.").format(
                number=issued["number"], department=issued["department"],
                time=widgets.show_time(issued.get("feedback_by"))), "ok")
        else:
            widgets.set_banner(self.banner, self.tr("{action}: done. The case is now {state}.").format(
                action=labels.label(labels.ACTIONS, action), state=labels.label(labels.STATES, case["state"])), "ok")
        position = self.scroll.verticalScrollBar().value()
        self.show_case(self.number, case)
        QTimer.singleShot(0, lambda: self.scroll.verticalScrollBar().setValue(position))
        if self.main is not None and issued is not None:
            QTimer.singleShot(0, lambda: self._offer_notice_print(issued["number"]))
        return None

    def _offer_notice_print(self, number: str) -> None:
        """A notice just issued goes to the department on paper, signed: offer to print it at once."""
        from ui import dialogs

        if dialogs.ask(self, self.tr("Rectification notice"),
                       self.tr("Notice {number} is issued. Print it now for signature?").format(number=number)):
            window = self.main.open_notice(number)
            window.print_notice()
