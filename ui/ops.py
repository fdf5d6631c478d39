"""How the windows run a service call: one way, with one failure path.

``call`` runs a quick call on the GUI thread; ``run_op`` runs long work off it, with a progress dialog that can
be cancelled (in the spirit of Anki's operations and Orange3's TaskState: the work is a plain function that
receives a ``TaskState`` and returns a result; ``on_success`` and ``on_failure`` run on the GUI thread; the
worker thread uses its own database connection and releases it when the function returns).

Either way a failure of any kind (a refusal of the rules, a full disk, a busy or damaged database, a file that
cannot be written, a fault of the program) becomes one message in the user's language (``failure_text``,
the same words as the command line), shown in the window's banner or a dialog, and the program's own faults
go to the log with their traceback. A call that changed data says so on ``changes().changed``, and the views
redraw from it.

    case = ops.call(cases.register_case, actor, document, banner=self.banner, changed=number)
    if case is ops.FAILED:
        return
    run_op(self, export_rows, label=self.tr("Exporting..."), on_success=self.exported)
"""
from __future__ import annotations

import logging
import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import DeskError

log = logging.getLogger("complaint_desk.ui.ops")


class Cancelled(Exception):
    """Raised by ``TaskState.check()`` once the user has pressed Cancel."""


class TaskState:
    """What a background function sees: progress reporting and the cancel flag. Safe to call from any thread."""

    def __init__(self, emit: Callable[[int, int, str], None]):
        self._emit = emit
        self._cancel = threading.Event()
        self._text = ""

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int = 0, text: str | None = None) -> None:
        if text is not None:
            self._text = text
        self._emit(int(done), int(total), self._text)
        self.check()


class _Worker(QThread):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[TaskState], Any], parent: QObject | None = None):
        super().__init__(parent)
        self.fn = fn
        self.state = TaskState(self.progressed.emit)

    def run(self) -> None:  # worker thread
        from app.services import ui_queries

        try:
            result = self.fn(self.state)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            if not isinstance(exc, (DeskError, Cancelled)):
                exc.formatted = traceback.format_exc()  # type: ignore[attr-defined]
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            ui_queries.release_connection()


_running: set = set()  # an operation stays alive until its thread has finished, whoever holds it


class Op(QObject):
    """A running operation: its worker thread and (after a short delay) its progress dialog."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, fn, label: str, on_success, on_failure, cancellable: bool,
                 show_after_ms: int):
        super().__init__(parent)
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self._on_success = on_success
        self._on_failure = on_failure
        self.worker = _Worker(fn, self)
        self.dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Please wait"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(show_after_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self._label = label

    def start(self) -> "Op":
        _running.add(self)
        self.dialog.setValue(0)
        self.worker.start()
        return self

    def cancel(self) -> None:
        self.worker.state.cancel()

    @property
    def cancelled(self) -> bool:
        return self.worker.state.cancelled

    def _progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if text:
            self.dialog.setLabelText(f"{self._label}\n{text}")

    def _finish(self) -> None:
        self.worker.wait()
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.done = True
        _running.discard(self)
        self.finished.emit()

    def _succeeded(self, result) -> None:
        self.result = result
        self._finish()
        if self._on_success:
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        self._finish()
        if isinstance(exc, Cancelled):
            return
        if not isinstance(exc, DeskError):
            log.error("%s failed\n%s", self._label, getattr(exc, "formatted", exc))
        if self._on_failure:
            self._on_failure(exc)
        else:
            show_failure(self.parent(), exc)


def failure_text(exc: BaseException) -> str:
    """The one line the user reads for a failure (the command line says the same)."""
    from app.services.failures import describe

    return describe(exc)


def show_failure(parent, exc: BaseException) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui import dialogs

    dialogs.error(parent, QCoreApplication.translate("ops", "Operation failed"), failure_text(exc))


def run_op(parent: QWidget | None, fn: Callable[[TaskState], Any], *, label: str,
           on_success: Callable[[Any], None] | None = None,
           on_failure: Callable[[BaseException], None] | None = None,
           cancellable: bool = True, show_after_ms: int = 400) -> Op:
    """Run ``fn(state)`` on a worker thread; call back on the GUI thread. Returns the running ``Op``."""
    return Op(parent, fn, label, on_success, on_failure, cancellable, show_after_ms).start()


class _Failed:
    """What ``call`` returns when the call failed (its message has been shown)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "FAILED"


FAILED = _Failed()


def quietly(_exc: BaseException, _text: str) -> None:
    """``on_error`` for a read whose failure the window can do without (a list of choices, say): the window
    carries on with its fallback; a fault of the program is still logged."""


class Changes(QObject):
    """Says that a service call changed data: ``changed`` carries what changed (a case or notice number, or a
    kind such as "users"); the main window and the views redraw from it."""

    changed = Signal(str)


_changes: Changes | None = None


def changes() -> Changes:
    global _changes
    if _changes is None:
        _changes = Changes()
    return _changes


def call(fn: Callable[..., Any], *args, parent: QWidget | None = None, banner=None, title: str | None = None,
         on_error: Callable[[BaseException, str], None] | None = None, changed: str | None = None, **kwargs) -> Any:
    """Run one service call on the GUI thread and return its result, or ``FAILED`` once the failure has been
    shown: to ``on_error(exc, text)`` if given, else in ``banner`` (a window's message line), else in a dialog
    over ``parent``. ``changed`` names what a successful call changed, for ``changes().changed``."""
    try:
        result = fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the one failure path of the windows
        text = failure_text(exc)
        if not isinstance(exc, DeskError):
            log.error("%s failed", getattr(fn, "__qualname__", fn), exc_info=exc)
        if on_error is not None:
            on_error(exc, text)
        elif banner is not None:
            from ui import widgets

            widgets.set_banner(banner, text)
        else:
            from PySide6.QtCore import QCoreApplication

            from ui import dialogs

            dialogs.error(parent, title or QCoreApplication.translate("ops", "Operation failed"), text)
        return FAILED
    if changed is not None:
        changes().changed.emit(changed)
    return result
