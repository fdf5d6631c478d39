"""Settings > Reply templates…: the branch administrator's list of standard words 常用语 for the action forms and
for the paragraphs of the written reply letter.

Headquarters' templates (from its policy file) are listed too, read-only. A template has the action whose form
offers it (or the reply letter, with the paragraph it words), a category (or every category), a title, an optional
key (typed in the form and expanded with F3) and its text with placeholders such as {客户姓名}, {编号}, {答复期限}.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services import setup, templates
from ui import labels, widgets


PARAGRAPHS = {  # the reply letter's paragraphs (app.rules.templates.LETTER_PARAGRAPHS), in the letter's order
    "opening": QT_TRANSLATE_NOOP("TemplatesDialog", "Opening and apology"),
    "facts": QT_TRANSLATE_NOOP("TemplatesDialog", "Facts found"),
    "handling": QT_TRANSLATE_NOOP("TemplatesDialog", "Measures taken"),
    "prevention": QT_TRANSLATE_NOOP("TemplatesDialog", "Prevention"),
    "closing": QT_TRANSLATE_NOOP("TemplatesDialog", "Closing"),
}


def paragraph_names() -> dict[str, str]:
    """The reply letter's paragraphs as the windows name them, in the letter's order."""
    return {code: QCoreApplication.translate("TemplatesDialog", text) for code, text in PARAGRAPHS.items()}


class TemplatesDialog(QDialog):
    def __init__(self, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.items: list[dict] = []
        self.editing: str = ""
        self.setWindowTitle(self.tr("Reply templates"))
        self.resize(900, 600)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Form"), self.tr("Category"), self.tr("Title"), self.tr("Key"),
                                              self.tr("From")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.show_selected)

        try:
            categories = setup.show_policy(actor).get("categories") or []
        except DeskError:
            categories = []
        self.action = widgets.choice_box([(a, self.form_name(a)) for a in templates.ACTIONS])
        self.paragraph = widgets.choice_box(list(paragraph_names().items()))
        self.action.currentIndexChanged.connect(self._form_changed)
        self.category = widgets.choice_box([("", self.tr("Every category"))]
                                           + [(c, labels.label(labels.CATEGORIES, c)) for c in categories])
        self.title = QLineEdit()
        self.key = QLineEdit()
        self.key.setPlaceholderText(self.tr("optional, e.g. qy for an apology"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        hint = QLabel(self.tr("Placeholders: {placeholders}").format(
            placeholders=" ".join("{" + p + "}" for p in templates.PLACEHOLDERS)))
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Form"), self.action)
        form.addRow(self.tr("Letter paragraph"), self.paragraph)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Text"), self.text)
        form.addRow("", hint)
        self.inputs = {"action": self.action, "paragraph": self.paragraph, "category": self.category,
                       "title": self.title, "key": self.key, "text": self.text}

        self.new_button = QPushButton(self.tr("New"))
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete)
        edit_buttons = QHBoxLayout()
        edit_buttons.addWidget(self.new_button)
        edit_buttons.addWidget(self.delete_button)
        edit_buttons.addStretch(1)
        edit_buttons.addWidget(self.save_button)

        self.message = widgets.banner()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(edit_buttons)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addLayout(widgets.button_row(close))
        self.reload()
        self.new()

    def form_name(self, action: str) -> str:
        return self.tr("Reply letter") if action == templates.LETTER else labels.label(labels.ACTIONS, action)

    def _form_changed(self) -> None:
        """The paragraph is chosen only for the reply letter's templates."""
        self.paragraph.setEnabled(widgets.choice(self.action) == templates.LETTER
                                  and self.action.isEnabled())

    def reload(self, select: str | None = None) -> None:
        self.items = templates.list_templates(self.actor)
        self.table.setRowCount(len(self.items))
        names = paragraph_names()
        for row, t in enumerate(self.items):
            form = self.form_name(t["action"])
            if t.get("paragraph"):
                form += " · " + names.get(t["paragraph"], t["paragraph"])
            values = [form,
                      labels.label(labels.CATEGORIES, t["category"]) if t["category"] else self.tr("Every category"),
                      t["title"], t["key"], self.tr("Headquarters") if t["source"] == "hq" else self.tr("This branch")]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
            if t["id"] == select:
                self.table.selectRow(row)

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def show_selected(self) -> None:
        t = self.selected()
        if t is None:
            return
        self.editing = t["id"]
        widgets.set_choice(self.action, t["action"])
        if t.get("paragraph"):
            widgets.set_choice(self.paragraph, t["paragraph"])
        widgets.set_choice(self.category, t["category"])
        self.title.setText(t["title"])
        self.key.setText(t["key"])
        self.text.setPlainText(t["text"])
        mine = t["source"] == "branch"
        for widget in self.inputs.values():
            widget.setEnabled(mine)
        self._form_changed()
        self.save_button.setEnabled(mine)
        self.delete_button.setEnabled(mine)
        widgets.set_banner(self.message, "" if mine else self.tr(
            "Templates from headquarters come with its policy file and are changed there."), "ok")

    def new(self) -> None:
        self.editing = ""
        self.table.clearSelection()
        self.title.clear()
        self.key.clear()
        self.text.clear()
        for widget in self.inputs.values():
            widget.setEnabled(True)
            widgets.mark(widget, None)
        self._form_changed()
        self.save_button.setEnabled(True)
        self.delete_button.setEnabled(False)
        widgets.set_banner(self.message, "")
        self.title.setFocus()

    def save(self) -> None:
        data = {"id": self.editing, "action": widgets.choice(self.action), "category": widgets.choice(self.category),
                "title": self.title.text(), "key": self.key.text(), "text": self.text.toPlainText()}
        if data["action"] == templates.LETTER:
            data["paragraph"] = widgets.choice(self.paragraph)
        for widget in self.inputs.values():
            widgets.mark(widget, None)
        try:
            saved = templates.save_template(self.actor, data)
        except DeskError as exc:
            widgets.set_banner(self.message, exc.localized())
            widget = self.inputs.get((exc.field or "").split(".")[-1])
            if widget is not None:
                widgets.mark(widget, exc.localized())
                widget.setFocus()
            return
        self.reload(select=saved["id"])
        self.editing = saved["id"]
        widgets.set_banner(self.message, self.tr("Saved: {title}").format(title=saved["title"]), "ok")

    def delete(self) -> None:
        if not self.editing:
            return
        try:
            templates.delete_template(self.actor, self.editing)
        except DeskError as exc:
            widgets.set_banner(self.message, exc.localized())
            return
        self.reload()
        self.new()
