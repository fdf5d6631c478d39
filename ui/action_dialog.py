"""The small form behind each workflow action (contact, investigate, conclude, reply, approve, revisit ...).

The dialog is opened with ``open()`` (it never blocks the desk) and stays open when the core refuses the
input, showing the core's message and marking the field it names, so nothing typed is lost.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Callable

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from ui import labels, widgets


class Field:
    def __init__(self, key: str, caption: str, kind: str, *, table: dict | None = None, optional: bool = False,
                 choices: list[tuple[str, str]] | None = None, default=None, unset: bool = False, lines: int = 3,
                 section: str = "", own_templates: bool = False):
        """``unset``: a choice that starts empty ("please choose") and must be chosen, for decisions a quick Enter
        must never make (the customer's satisfaction, whether a rectification is effective).
        ``key`` with a dot (``letter.opening``) fills a nested object of the payload. ``section``: a heading shown
        above the first field of a section. ``own_templates``: a text field with its own list of templates, on a
        button beside it (the paragraphs of the reply letter)."""
        self.key, self.caption, self.kind = key, caption, kind
        self.table, self.optional, self.choices, self.default = table, optional, choices, default
        self.unset, self.lines, self.section, self.own_templates = unset, lines, section, own_templates


class ActionDialog(QDialog):
    """Fields for one action; ``submit(payload)`` returns None when the core accepted it, else the DeskError."""

    def __init__(self, title: str, fields: list[Field], submit: Callable[[dict], DeskError | None], *,
                 context: str = "", zone: str = widgets.OFFICE_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.zone = zone
        self._submit = submit
        self.fields: dict[str, Field] = {f.key: f for f in fields}
        self.inputs: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        if context:
            note = QLabel(context)
            note.setWordWrap(True)
            note.setObjectName("context")
            layout.addWidget(note)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.field_buttons: dict[str, QToolButton] = {}
        section = ""
        for field in fields:
            if field.section and field.section != section:
                heading = QLabel(field.section)
                heading.setWordWrap(True)
                heading.setObjectName("section")
                heading.setStyleSheet("font-weight: bold; margin-top: 6px;")
                form.addRow(heading)
            section = field.section
            widget = self._input(field)
            self.inputs[field.key] = widget
            shown = widget
            if field.own_templates:
                button = QToolButton()
                button.setText(self.tr("Templates"))
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
                button.setEnabled(False)
                self.field_buttons[field.key] = button
                shown = QWidget()
                row = QHBoxLayout(shown)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(widget, 1)
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            form.addRow(field.caption + ("" if field.optional or field.kind == "bool" else " *"), shown)
        layout.addLayout(form)
        self.message = widgets.banner()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(title)
        self.ok_button.setToolTip(self.tr("Ctrl+Enter"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.submit)
        self.setMinimumWidth(520)
        if fields:
            self.inputs[fields[0].key].setFocus()

    def add_templates(self, templates: list[dict], by_field: dict[str, list[dict]] | None = None) -> None:
        """Offer reply templates (already filled for the case) in the form's text fields: a list, or a key + F3.
        ``by_field``: the templates of the fields that have their own list (the reply letter's paragraphs), each
        on the button beside its field. Ctrl+T opens the list of the field being edited."""
        from ui.template_insert import TemplateInserter

        own = {k for k, f in self.fields.items() if f.own_templates}
        edits = [w for k, w in self.inputs.items() if isinstance(w, QPlainTextEdit) and k not in own]
        self.field_templates: dict[str, TemplateInserter] = {}
        for key in own:
            offered = (by_field or {}).get(key, [])
            inserter = TemplateInserter(self, [self.inputs[key]], offered, shortcut=False,
                                        button=self.field_buttons[key])
            self.field_buttons[key].setToolTip(
                self.tr("Standard wording for this paragraph; or type a template's key and press F3") if offered
                else self.tr("No standard wording for this paragraph yet: administrators add it in Settings > "
                             "Reply templates"))
            self.field_templates[key] = inserter
        if edits:
            self.templates = TemplateInserter(self, edits, templates, shortcut=not own)
            self.layout().insertWidget(self.layout().count() - 2, self.templates.button, 0,
                                       Qt.AlignmentFlag.AlignLeft)
        if own:
            QShortcut(QKeySequence("Ctrl+T"), self, activated=self._pop_up_templates)

    def _pop_up_templates(self) -> None:
        """Ctrl+T: the list of the field being edited (a letter paragraph's own list, else the form's)."""
        focused = self.focusWidget()
        for key, inserter in getattr(self, "field_templates", {}).items():
            if focused is self.inputs[key]:
                inserter.pop_up()
                return
        if getattr(self, "templates", None) is not None:
            self.templates.pop_up()

    def _input(self, field: Field) -> QWidget:
        if field.kind == "datetime":
            edit = widgets.datetime_edit(self.zone)
            if field.default:
                edit.setDateTime(QDateTime(field.default.replace(tzinfo=None)))
            else:
                # left as it is, the time is "now" and the core stamps it itself when it saves
                edit.setProperty("untouched", True)
                edit.dateTimeChanged.connect(lambda *_: edit.setProperty("untouched", False))
            return edit
        if field.kind == "date":
            edit = QDateEdit(QDate.currentDate().addDays(int(field.default or 0)))
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            return edit
        if field.kind == "choice":
            pairs = field.choices if field.choices is not None else labels.choices(field.table or {})
            if field.unset:
                pairs = [(None, self.tr("— please choose —"))] + list(pairs)
            box = widgets.choice_box(pairs)
            if field.default is not None:
                widgets.set_choice(box, field.default)
            return box
        if field.kind == "editable":
            box = widgets.choice_box(field.choices or [], editable=True)
            box.setEditText(field.default or "")
            return box
        if field.kind == "bool":
            box = QCheckBox()
            box.setChecked(bool(field.default))
            return box
        if field.kind == "text":
            edit = widgets.text_edit(field.lines)
            if field.default:
                edit.setPlainText(field.default)
            return edit
        edit = QLineEdit()
        if field.default:
            edit.setText(str(field.default))
        return edit

    def payload(self) -> dict:
        out: dict = {}
        for key, widget in self.inputs.items():
            field = self.fields[key]
            if isinstance(widget, QDateTimeEdit) and field.kind == "datetime":
                if widget.property("untouched"):
                    continue
                out[key] = widgets.edit_iso(widget, self.zone)
            elif isinstance(widget, QDateEdit):
                out[key] = widget.date().toString("yyyy-MM-dd")
            elif isinstance(widget, QComboBox):
                out[key] = widgets.choice(widget)
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText().strip()
            else:
                out[key] = widget.text().strip()
            if field.optional and out[key] in ("", None):
                del out[key]
        for key in [k for k in out if "." in k]:  # letter.opening -> {"letter": {"opening": ...}}
            parent, child = key.split(".", 1)
            out.setdefault(parent, {})[child] = out.pop(key)
        return out

    def set_value(self, key: str, value) -> None:
        """Fill one input (used by tests and by defaults computed after construction)."""
        widget = self.inputs[key]
        if isinstance(widget, QComboBox):
            widgets.set_choice(widget, value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QDateTimeEdit) and self.fields[key].kind == "datetime":
            widgets.set_edit_iso(widget, value, self.zone)
        elif isinstance(widget, QDateEdit):
            widget.setDate(QDate.fromString(value, "yyyy-MM-dd"))
        else:
            widget.setText(str(value))

    def submit(self) -> None:
        for widget in self.inputs.values():
            widgets.mark(widget, None)
        payload = self.payload()
        for key, field in self.fields.items():
            if field.unset and payload.get(key) in (None, ""):
                self._show_problem(key, self.tr("{caption}: please choose one.").format(caption=field.caption))
                return
        error = self._submit(payload)
        if error is None:
            self.accept()
            return
        key = error.field or ""
        key = key if key in self.fields else key.split(".")[-1]
        # the form's own caption, never the core's field name ("reason: required" reads "Reason: required")
        text = f"{self.fields[key].caption}: {error.reason()}" if key in self.fields else error.localized()
        self._show_problem(key, text)

    def _show_problem(self, key: str, text: str) -> None:
        widgets.set_banner(self.message, text)
        widget = self.inputs.get(key)
        if widget is not None:
            widgets.mark(widget, text)
            widget.setFocus()


def in_days(days: int, zone: str = widgets.OFFICE_ZONE):
    return widgets.office_now(zone) + timedelta(days=days)
