"""Long operations off the GUI thread, with a progress dialog that can be cancelled.

In the spirit of Anki's background operations and Orange3's TaskState: the work is a plain function that
receives a ``TaskState`` (report progress, check for cancellation) and returns a result; ``on_success`` and
``on_failure`` run on the GUI thread. The worker thread uses its own database connection (peewee keeps one
per thread) and releases it when the function returns.

    run_op(self, export_rows, label=self.tr("Exporting..."), on_success=self.exported)
"""
from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import DeskError


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
        if self._on_failure:
            self._on_failure(exc)
        else:
            show_failure(self.parent(), exc)


def failure_text(exc: BaseException) -> str:
    if isinstance(exc, DeskError):
        return exc.localized()
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ops", "Something went wrong: {error}").format(error=exc)


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
