"""Reply templates 常用语 in the action forms: a button with the list (Ctrl+T), and a template's key typed in a
text field expanded with F3. The templates come filled for the case (``app.services.templates``)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolButton, QWidget


class TemplateInserter(QObject):
    """Inserts templates into the text fields of a form: into the field last edited, at its cursor."""

    def __init__(self, dialog: QWidget, edits: list[QPlainTextEdit], templates: list[dict], *,
                 shortcut: bool = True, button: QToolButton | None = None):
        """``shortcut``: Ctrl+T pops the list up (a form with several lists dispatches Ctrl+T itself);
        ``button``: the button to carry the list (one next to its field), else a new one."""
        super().__init__(dialog)
        self.edits = edits
        self.templates = templates
        self.target = edits[0] if edits else None
        self.button = button or QToolButton(dialog)
        if button is None:
            self.button.setText(self.tr("Templates (Ctrl+T)"))
            self.button.setToolTip(self.tr("Insert standard words; or type a template's key and press F3"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        for template in templates:
            text = template["title"] + (f"  [{template['key']}]" if template.get("key") else "")
            action = QAction(text, self.menu)
            action.setToolTip(template["filled"])
            action.triggered.connect(lambda _=False, t=template: self.insert(t))
            self.menu.addAction(action)
        self.button.setMenu(self.menu)
        self.button.setEnabled(bool(templates))
        if shortcut:
            QShortcut(QKeySequence("Ctrl+T"), dialog, activated=self.pop_up)
        for edit in edits:
            edit.installEventFilter(self)

    def pop_up(self) -> None:
        if self.templates:
            self.menu.popup(self.button.mapToGlobal(self.button.rect().bottomLeft()))

    def insert(self, template: dict, edit: QPlainTextEdit | None = None) -> None:
        edit = edit or self.target
        if edit is None:
            return
        edit.insertPlainText(template["filled"])
        edit.setFocus()

    def expand(self, edit: QPlainTextEdit) -> bool:
        """Replace the key just before the cursor with its template; False when the word is no template's key."""
        cursor = edit.textCursor()
        text = edit.toPlainText()[:cursor.position()]
        start = len(text)
        while start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
            start -= 1
        word = text[start:].lower()
        found = next((t for t in self.templates if t.get("key") and t["key"].lower() == word), None)
        if found is None:
            return False
        cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(found["filled"])
        edit.setTextCursor(cursor)
        return True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if isinstance(watched, QPlainTextEdit):
            if event.type() == QEvent.Type.FocusIn:
                self.target = watched
            elif event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F3:
                return self.expand(watched)
        return super().eventFilter(watched, event)
