"""Sign-in (users of the core) and the forced password change. (A new database is set up by ui.first_run.)"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import auth
from ui import ops, widgets


class SignInDialog(QDialog):
    """User name and password; a password an admin set is changed here before the desk opens."""

    def __init__(self, branch_name: str = "", parent: QWidget | None = None, hint: str = ""):
        super().__init__(parent)
        self.actor = None
        self._pending = None  # the actor who must change their password first
        self.setWindowTitle(self.tr("Complaint Desk - Sign in"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Complaint Desk"))
        title.setObjectName("slipTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        if branch_name:
            branch = QLabel(branch_name)
            branch.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(branch)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_password = QLineEdit()
        self.repeat_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_label = QLabel(self.tr("New password"))
        self.repeat_label = QLabel(self.tr("Repeat new password"))
        form.addRow(self.new_label, self.new_password)
        form.addRow(self.repeat_label, self.repeat_password)
        layout.addLayout(form)
        self.message = widgets.banner()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self._show_change(False)
        self.setMinimumWidth(360)

    def _show_change(self, show: bool) -> None:
        for widget in (self.new_label, self.new_password, self.repeat_label, self.repeat_password):
            widget.setVisible(show)

    def submit(self) -> None:
        actor = ops.call(self._sign_in, on_error=self._refused)
        if actor is ops.FAILED or actor is None:
            return
        self.actor = actor
        self.accept()

    def _refused(self, _exc: BaseException, text: str) -> None:
        widgets.set_banner(self.message, text.replace("CDESK_NEW_PASSWORD: ", ""))
        (self.new_password if self._pending else self.password).selectAll()

    def _sign_in(self):
        """The signed-in actor, or None while the dialog still asks for something (a new password)."""
        if self._pending is None:
            actor = auth.sign_in(self.username.text().strip(), self.password.text())
            if actor.must_change_password:
                self._pending = actor
                self._show_change(True)
                self.username.setEnabled(False)
                self.password.setEnabled(False)
                self.ok_button.setText(self.tr("Change password"))
                widgets.set_banner(self.message, self.tr("Your password was set by an administrator: choose your "
                                                         "own before you start."), "ok")
                self.new_password.setFocus()
                return None
        else:
            if self.new_password.text() != self.repeat_password.text():
                widgets.set_banner(self.message, self.tr("The two new passwords differ."))
                self.repeat_password.setFocus()
                return None
            auth.change_password(self._pending, self._pending.username, self.new_password.text())
            actor = auth.sign_in(self._pending.username, self.new_password.text())
        return actor
