"""Driving the desk's windows in tests: typing into whatever has the focus, Tab, shortcuts, action forms."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def focused():
    return QApplication.focusWidget()


def type_text(text: str, widget=None) -> None:
    """Type into the focused field (or ``widget``): ASCII as key presses, Chinese as an input method (pinyin)
    commits it."""
    target = widget or focused()
    assert target is not None, "no field has the keyboard focus"
    run = ""
    for char in text + "\0":
        if char != "\0" and char.isascii():
            run += char
            continue
        if run:
            QTest.keyClicks(target, run)
            run = ""
        if char != "\0":
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(target, event)


def tab(times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)


def shortcut(window, key, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    QTest.keyClick(focused() or window, key, modifier)


def run_action(qtbot, case_window, action: str, **values):
    """Click the action's button on a slip window, fill its form (if it has one) and confirm."""
    button = case_window.action_buttons[action]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = case_window.dialog if case_window.dialog is not None and case_window.dialog.isVisible() else None
    if dialog is not None:
        for key, value in values.items():
            dialog.set_value(key, value)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog
