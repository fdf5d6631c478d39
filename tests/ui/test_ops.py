"""The background operation helper: result and failure on the GUI thread, cancellation, own connection."""
from __future__ import annotations

import threading
import time

from app.errors import DeskError
from ui import ops


def test_success_arrives_on_the_gui_thread(desk_app, qtbot):
    seen = {}

    def work(state):
        seen["thread"] = threading.get_ident()
        for step in range(3):
            state.progress(step + 1, 3, "step")
        return 42

    results = []
    op = ops.run_op(None, work, label="Working", on_success=lambda value: results.append((value, threading.get_ident())))
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert results == [(42, threading.get_ident())]
    assert seen["thread"] != threading.get_ident()


def test_cancel_stops_the_work_and_calls_no_callback(desk_app, qtbot):
    started = threading.Event()
    calls = []

    def work(state):
        started.set()
        while True:
            time.sleep(0.01)
            state.progress(1, 10)

    op = ops.run_op(None, work, label="Working", on_success=calls.append, on_failure=calls.append)
    started.wait(2)
    op.dialog.canceled.emit()  # the user presses Cancel
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert isinstance(op.error, ops.Cancelled)
    assert calls == []


def test_a_refusal_from_the_core_reaches_the_failure_callback(desk_app, qtbot):
    failures = []

    def work(state):
        raise DeskError("must not be empty", field="x")

    op = ops.run_op(None, work, label="Working", on_failure=failures.append)
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert failures and failures[0].field == "x"
    assert ops.failure_text(failures[0]).startswith("x: ")
