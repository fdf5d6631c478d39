"""The rectification notice 整改通知书: the problem and the required actions, the department's feedback
(整改报告), the verification, and the chain of follow-up notices a failed verification issues."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services import notices
from ui import labels, ops, widgets
from ui.action_dialog import ActionDialog, Field
from ui.record_window import RecordWindow


class NoticeWindow(RecordWindow):
    geometry_key = "notice"

    def __init__(self, session, main, number: str):
        super().__init__(session, main, number)
        self.notice: dict | None = None
        self.reload()

    def reload(self, notice: dict | None = None) -> None:
        shown = notice or ops.call(notices.show_notice, self.actor, self.number, banner=self.banner)
        if shown is ops.FAILED:
            return
        self.notice = shown
        n = self.notice
        self.setWindowTitle(self.tr("{number} - Rectification notice").format(number=n["number"]))
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Rectification Notice"))
        title.setObjectName("slipTitle")
        layout.addWidget(title)
        number = QLabel(n["number"])
        number.setObjectName("slipNumber")
        layout.addWidget(number)

        status = n.get("state")
        layout.addWidget(self._box(self.tr("Notice"), [
            (self.tr("Case"), n.get("case")),
            (self.tr("Responsible department"), n.get("department")),
            (self.tr("State"), labels.label(labels.NOTICE_STATES, status)),
            (self.tr("Issued"), f"{widgets.show_time(n.get('issued_at'))}  {n.get('issued_by_name') or n.get('issued_by') or ''}"),
            (self.tr("Feedback by"), widgets.show_time(n.get("feedback_by"))),
            (self.tr("Follows"), n.get("follows") or self.tr("(first notice)")),
        ]))
        layout.addWidget(self._box(self.tr("Problem and required actions"), [
            (self.tr("Problem"), n.get("problem")),
            (self.tr("Corrective action"), n.get("corrective")),
            (self.tr("Preventive action"), n.get("preventive")),
        ], columns=1))
        layout.addWidget(self._box(self.tr("Rectification report"), [
            (self.tr("Actions taken"), n.get("feedback_actions") or self.tr("not reported yet")),
            (self.tr("Date"), widgets.show_time(n.get("feedback_at"))),
            (self.tr("Responsible person"), n.get("feedback_person") or ""),
        ], columns=1))
        passed = n.get("verification_passed")
        layout.addWidget(self._box(self.tr("Verification"), [
            (self.tr("Result"), "" if passed is None else (self.tr("Passed") if passed else self.tr("Failed"))),
            (self.tr("Verifier"), n.get("verified_by_name") or n.get("verified_by") or ""),
            (self.tr("Date"), widgets.show_time(n.get("verified_at"))),
            (self.tr("Comment"), n.get("verification_comment") or ""),
        ], columns=2))
        chain = QGroupBox(self.tr("Follow-up chain"))
        chain_row = QHBoxLayout(chain)
        links = ([n["follows"]] if n.get("follows") else []) + [n["number"]] + list(n.get("follow_ups") or [])
        for index, other in enumerate(links):
            if index:
                chain_row.addWidget(QLabel("→"))
            button = QPushButton(other)
            button.setEnabled(other != n["number"])
            button.clicked.connect(lambda _=False, o=other: self.main.open_notice(o) if self.main else None)
            chain_row.addWidget(button)
        chain_row.addStretch(1)
        layout.addWidget(chain)
        layout.addStretch(1)
        self._show_page(page)
        self._offer_actions()

    def _box(self, title: str, pairs, columns: int = 2) -> QGroupBox:
        return self._grid_box(title, pairs, columns, caption_align=Qt.AlignmentFlag.AlignTop)

    def available(self) -> list[str]:
        """What this user can try now; the core still decides (and its refusal is shown)."""
        state = (self.notice or {}).get("state")
        role = self.actor.role
        out = []
        if state == "issued" and (role == "admin" or self.actor.department == self.notice.get("department")):
            out.append("feedback")
        if state == "reported" and role in ("supervisor", "admin"):
            out.append("verify")
        return out

    def _offer_actions(self) -> None:
        self._clear_actions()
        for action in self.available():
            button = QPushButton(labels.label(labels.ACTIONS, action))
            button.clicked.connect(lambda _=False, a=action: self.start_action(a))
            self.action_buttons[action] = button
            self.actions_row.addWidget(button)
        if self.notice:
            printing = QPushButton(self.tr("Print"))
            printing.clicked.connect(self.print_notice)
            self.action_buttons["print"] = printing
            self.actions_row.addWidget(printing)
        if self.notice and self.main is not None:
            case = QPushButton(self.tr("Open case {number}").format(number=self.notice["case"]))
            case.clicked.connect(lambda: self.main.open_case(self.notice["case"]))
            self.actions_row.addWidget(case)
        self.actions_row.addStretch(1)

    def print_notice(self):
        return self._print("notice", self.windowTitle(), f"{self.number}.pdf")

    def start_action(self, action: str) -> ActionDialog:
        if action == "feedback":
            fields = [Field("actions", self.tr("Actions taken"), "text"),
                      Field("at", self.tr("Date"), "datetime"),
                      Field("person", self.tr("Responsible person"), "line", default=self.actor.display_name)]
            context = self.tr("Problem: {problem}\nCorrective action required: {corrective}").format(
                problem=self.notice.get("problem"), corrective=self.notice.get("corrective"))
        else:
            # an explicit decision: a quick Enter never records a failed verification (which issues a new notice)
            fields = [Field("passed", self.tr("Is the rectification effective?"), "choice", unset=True,
                            choices=[(True, self.tr("Effective: verified")),
                                     (False, self.tr("Not effective: issue a follow-up notice"))]),
                      Field("comment", self.tr("Comment"), "text", optional=True)]
            context = self.tr("A failed verification issues a follow-up notice to the same department.")
        self.dialog = ActionDialog(labels.label(labels.ACTIONS, action), fields,
                                   lambda payload: self.perform(action, payload), context=context,
                                   zone=self.session.zone, parent=self)
        self.dialog.open()
        return self.dialog

    def perform(self, action: str, payload: dict) -> DeskError | None:
        failure: list[BaseException] = []
        notice = ops.call(notices.notice_action, self.actor, self.number, action, payload, changed=self.number,
                          on_error=lambda exc, text: (failure.append(exc), widgets.set_banner(self.banner, text)))
        if notice is ops.FAILED:
            return failure[0]
        self.reload(notice)
        text = self.tr("Done.")
        if notice.get("follow_ups"):
            text = self.tr("Verification failed: follow-up notice {number} issued.").format(
                number=notice["follow_ups"][-1])
        widgets.set_banner(self.banner, text, "ok")
        return None
