"""Automatic screen lock (issue 8): after the idle time in Settings without keyboard or mouse input, the main
window is covered by a lock screen that shows no personal data and asks for the signed-in user's password.

``IdleWatcher`` is an application-wide event filter: any key, click, wheel or mouse movement in any window of
the desk restarts a single-shot timer; when it runs out, ``idle`` is emitted. ``LockScreen`` checks the
password with the core (``auth.sign_in``: a wrong password counts toward the lockout like any sign-in, and
the core's message is shown). Another user may sign in instead; the main window then closes the previous
user's windows, keeping unregistered slips as that user's drafts (``MainWindow.unlock``).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import ops, widgets

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.TabletPress, QEvent.Type.InputMethod, QEvent.Type.Shortcut,
})


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``interval_ms`` without input anywhere in the application (0 = never)."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may lock up to 5% late
        self.timer.timeout.connect(self.idle)
        self.set_interval(interval_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # removed by Qt when the watcher is deleted with its window

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(max(0, int(interval_ms)))
        self.start()

    def start(self) -> None:
        if self.timer.interval() > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()  # restart: the desk is in use
        return False


class LockScreen(QWidget):
    """Covers the main window: who is signed in, a password field, and the core's answer."""

    unlocked = Signal(object)  # the Actor who signed in (the same user, or another)

    def __init__(self, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.setObjectName("lockScreen")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(500)  # a fixed width: the wrapped explanations then get the height they need
        column = QVBoxLayout(card)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(12)
        title = QLabel(self.tr("Complaint Desk is locked"))
        title.setObjectName("slipTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(title)
        self.explanation = QLabel(self.tr(
            "The desk was locked because it was not used for a while. {name} is signed in: enter the password to "
            "continue.").format(name=actor.display_name))
        self.explanation.setWordWrap(True)
        column.addWidget(self.explanation)
        form = QFormLayout()
        self.username = QLineEdit(actor.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        column.addLayout(form)
        other = QLabel(self.tr("Another user may sign in instead: the windows of {name} are closed and unregistered "
                               "slips are kept as drafts.").format(name=actor.display_name))
        other.setWordWrap(True)
        other.setObjectName("lockNote")
        column.addWidget(other)
        self.message = widgets.banner()
        column.addWidget(self.message)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        column.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        self.card = card
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _fit(self) -> None:
        """The card as tall as its wrapped texts need at its width (a layout asks their one-line height)."""
        for field in (self.username, self.password):
            field.setMinimumHeight(field.sizeHint().height())
        self.card.setMinimumHeight(self.card.layout().totalHeightForWidth(self.card.width()))

    def showEvent(self, event):  # noqa: N802 - Qt API
        self._fit()
        super().showEvent(event)
        self.password.setFocus()

    def submit(self) -> None:
        from app.services import auth

        username = self.username.text().strip() or self.actor.username
        # a refusal is counted toward the lockout by the core, like any sign-in
        actor = ops.call(auth.sign_in, username, self.password.text(), banner=self.message)
        self.password.clear()
        if actor is ops.FAILED:
            self._fit()
            self.password.setFocus()
            return
        if actor.must_change_password:
            widgets.set_banner(self.message, self.tr("This account must choose its own password first: sign out, "
                                                     "then sign in with it."))
            self._fit()
            return
        widgets.set_banner(self.message, "")
        self.unlocked.emit(actor)
