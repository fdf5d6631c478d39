"""The intake part of the complaint slip 客户投诉处理单, laid out like the paper slip (docs/rules.md §2.1).

Rows follow the paper from top to bottom and left to right, and so does the Tab order. Each field is checked
as it is typed (the core's own checks, through ``app.services.cases``); ``document()`` returns the case JSON of
docs/rules.md §5 and ``load()`` fills the form from one (a draft, or a registered case shown read-only).
"""
from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QTime, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import cases as validation
from app.errors import DeskError
from ui import labels, widgets

FLAG_NAMES = ("media", "petition", "threat", "hq", "lawsuit")


class SlipIntake(QWidget):
    """Every intake field of the slip. ``edited`` fires on any change (drafts, the live badge)."""

    edited = Signal()

    def __init__(self, receiver_name: str = "", categories: list[str] | None = None, zone: str = widgets.OFFICE_ZONE,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.zone = zone
        self.fields: dict[str, QWidget] = {}
        self._order: list[QWidget] = []
        self._captions: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        # --- receipt: how and when it came in -----------------------------------------------------------
        receipt = self._section(self.tr("Receipt"))
        self.kind = self._add(receipt, 0, 0, self.tr("Kind"), "kind", widgets.choice_box(labels.choices(labels.KINDS)))
        self.channel = self._add(receipt, 0, 1, self.tr("Channel"), "channel",
                                 widgets.choice_box(labels.choices(labels.CHANNELS)))
        self.received_at = self._add(receipt, 0, 2, self.tr("Received at"), "received_at", widgets.datetime_edit(zone))
        self.origin = self._add(receipt, 1, 0, self.tr("Origin"), "origin",
                                widgets.choice_box(labels.choices(labels.ORIGINS)))
        self.original_doc_no = self._add(receipt, 1, 1, self.tr("Original document no."), "original_doc_no", QLineEdit())
        self.original_doc_no.setPlaceholderText(self.tr("letter or fax number"))
        self.receiver = QLabel(receiver_name)
        self._place(receipt, 1, 2, self.tr("Receiver"), self.receiver)
        layout.addWidget(receipt)

        # --- the complainant ----------------------------------------------------------------------------
        person = self._section(self.tr("Complainant"))
        self.name = self._add(person, 0, 0, self.tr("Name"), "complainant.name", QLineEdit())
        self.gender = self._add(person, 0, 1, self.tr("Gender"), "complainant.gender",
                                widgets.choice_box(labels.choices(labels.GENDERS)))
        widgets.set_choice(self.gender, "unknown")
        self.relation = self._add(person, 0, 2, self.tr("Relation to insured / owner"), "complainant.relation_to_insured",
                                  QComboBox())
        self.relation.setEditable(True)
        self.relation.addItems(["", self.tr("Self"), self.tr("Spouse"), self.tr("Relative"), self.tr("Agent"),
                                self.tr("Driver")])
        self.identity = self._add(person, 1, 0, self.tr("Identity"), "complainant.identity", QComboBox())
        self.identity.setEditable(True)
        self.identity.addItems(["", self.tr("Vehicle owner"), self.tr("Policy holder"), self.tr("Insured"),
                                self.tr("Beneficiary"), self.tr("Resident"), self.tr("Other")])
        self.contact_name = self._add(person, 1, 1, self.tr("Contact person"), "contact_name", QLineEdit())
        self.mobile = self._add(person, 1, 2, self.tr("Mobile"), "complainant.mobile", QLineEdit())
        self.mobile.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,11}"), self.mobile))
        self.mobile.setPlaceholderText("13800138000")
        self.phone = self._add(person, 2, 0, self.tr("Phone"), "complainant.phone", QLineEdit())
        self.phone.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9+()\- ]{0,24}"), self.phone))
        self.address = self._add(person, 2, 1, self.tr("Address"), "complainant.address", QLineEdit(), span=2)
        self.vip = QCheckBox(self.tr("Important customer (VIP)"))
        self._register("complainant.vip", self.vip)
        person.layout().addWidget(self.vip, 3, 1, 1, 2)
        layout.addWidget(person)

        # --- the matter ---------------------------------------------------------------------------------
        matter = self._section(self.tr("Matter"))
        self.reason = self._add(matter, 0, 0, self.tr("Cause"), "reason", QLineEdit(), span=2)
        self.category = self._add(matter, 0, 2, self.tr("Category"), "category",
                                  widgets.choice_box(labels.choices(labels.CATEGORIES)))
        if categories:
            self._restrict_categories(categories)
        self.claim_no = self._add(matter, 1, 0, self.tr("Claim / report no."), "claim_no", QLineEdit())
        self.plate_no = self._add(matter, 1, 1, self.tr("Plate number"), "plate_no", QLineEdit())
        self.plate_no.setPlaceholderText("京A12345")
        self.complainant_count = self._add(matter, 1, 2, self.tr("Number of complainants"), "complainant_count", QSpinBox())
        self.complainant_count.setRange(1, 9999)
        self.accused_department = self._add(matter, 2, 0, self.tr("Department complained about"), "accused_department",
                                            QComboBox())
        self.accused_department.setEditable(True)
        self.accused_person = self._add(matter, 2, 1, self.tr("Person complained about"), "accused_person", QLineEdit())
        amount_box = QWidget()
        amount_row = QHBoxLayout(amount_box)
        amount_row.setContentsMargins(0, 0, 0, 0)
        self.amount_line = widgets.choice_box(labels.choices(labels.AMOUNT_LINES))
        widgets.set_choice(self.amount_line, "other")
        self.amount_value = QDoubleSpinBox()
        self.amount_value.setRange(0, 999_999_999.99)
        self.amount_value.setDecimals(2)
        self.amount_value.setGroupSeparatorShown(True)
        self.amount_value.setSuffix(self.tr(" yuan"))
        amount_row.addWidget(self.amount_line)
        amount_row.addWidget(self.amount_value, 1)
        self._register("amount.line", self.amount_line)
        self._register("amount.value", self.amount_value)
        self._place(matter, 2, 2, self.tr("Amount involved"), amount_box)
        self._captions["amount.line"] = self._captions["amount.value"] = self.tr("Amount involved")
        flags_box = QWidget()
        flags_row = QHBoxLayout(flags_box)
        flags_row.setContentsMargins(0, 0, 0, 0)
        flag_texts = {
            "media": self.tr("Media / internet"), "petition": self.tr("Government / consumer body"),
            "threat": self.tr("Threat to staff"), "hq": self.tr("Complained to headquarters"),
            "lawsuit": self.tr("Court action"),
        }
        self.flags: dict[str, QCheckBox] = {}
        for flag in FLAG_NAMES:
            box = QCheckBox(flag_texts[flag])
            self.flags[flag] = box
            self._register(f"flags.{flag}", box)
            flags_row.addWidget(box)
        flags_row.addStretch(1)
        self._place(matter, 3, 0, self.tr("Circumstances"), flags_box, span=3)
        layout.addWidget(matter)

        # --- what happened ------------------------------------------------------------------------------
        content = self._section(self.tr("What happened and what the customer wants"))
        grid = content.layout()
        self.content = widgets.text_edit(4)
        self.content.setPlaceholderText(self.tr("Time, place, people and course of events"))
        self._register("content", self.content)
        self._place(content, 0, 0, self.tr("Complaint content"), self.content, span=3)
        self.summary = self._add(content, 1, 0, self.tr("Summary"), "summary", QLineEdit(), span=3)
        self.desired_remedy = widgets.text_edit(2)
        self._register("desired_remedy", self.desired_remedy)
        self._place(content, 2, 0, self.tr("Remedy the customer wants"), self.desired_remedy, span=3)
        window_box = QWidget()
        window_row = QHBoxLayout(window_box)
        window_row.setContentsMargins(0, 0, 0, 0)
        self.window_on = QCheckBox(self.tr("Customer named a contact window"))
        self.window_from = QTimeEdit(QTime(18, 0))
        self.window_to = QTimeEdit(QTime(21, 0))
        for edit in (self.window_from, self.window_to):
            edit.setDisplayFormat("HH:mm")
            edit.setEnabled(False)
        self.window_on.toggled.connect(self.window_from.setEnabled)
        self.window_on.toggled.connect(self.window_to.setEnabled)
        window_row.addWidget(self.window_on)
        window_row.addWidget(self.window_from)
        window_row.addWidget(QLabel("–"))
        window_row.addWidget(self.window_to)
        window_row.addStretch(1)
        self._register("contact_window", self.window_on)
        self._order += [self.window_from, self.window_to]
        self._place(content, 3, 0, self.tr("Contact window"), window_box, span=3)
        self._captions["contact_window"] = self.tr("Contact window")
        grid.setColumnStretch(1, 1)
        layout.addWidget(content)

        for first, second in zip(self._order, self._order[1:]):
            QWidget.setTabOrder(first, second)
        self._connect_checks()

    # --- layout helpers -------------------------------------------------------------------------------------

    def _section(self, title: str) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        return box

    def _place(self, box: QGroupBox, row: int, column: int, caption: str, widget: QWidget, span: int = 1) -> None:
        grid: QGridLayout = box.layout()
        label = QLabel(caption)
        label.setBuddy(widget)
        grid.addWidget(label, row, column * 2)
        grid.addWidget(widget, row, column * 2 + 1, 1, span * 2 - 1)

    def _register(self, name: str, widget: QWidget) -> None:
        self.fields[name] = widget
        self._order.append(widget)

    def _add(self, box, row, column, caption, name, widget, span=1):
        self._register(name, widget)
        self._place(box, row, column, caption, widget, span)
        return widget

    def _restrict_categories(self, categories: list[str]) -> None:
        self.category.clear()
        for code in categories:
            self.category.addItem(labels.label(labels.CATEGORIES, code), code)

    def set_departments(self, names: list[str]) -> None:
        current = self.accused_department.currentText()
        self.accused_department.clear()
        self.accused_department.addItems([""] + list(names))
        self.accused_department.setEditText(current)

    # --- validation as you type -----------------------------------------------------------------------------

    def _connect_checks(self) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._changed)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self._changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._changed)
                if widget.isEditable():
                    widget.editTextChanged.connect(self._changed)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._changed)
            elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
                widget.valueChanged.connect(self._changed)
            elif isinstance(widget, QDateTimeEdit):
                widget.dateTimeChanged.connect(self._changed)
        for edit in (self.window_from, self.window_to):
            edit.timeChanged.connect(self._changed)

    def _changed(self, *_):
        self.check()
        self.edited.emit()

    def problems(self) -> dict[str, str]:
        """Field -> message for what is wrong right now (checked as the user types)."""
        found: dict[str, str] = {}

        def attempt(field, check):
            try:
                check()
            except DeskError as exc:
                found[field] = exc.localized().split(": ", 1)[-1] if exc.field else exc.localized()

        mobile = self.mobile.text().strip()
        if mobile and len(mobile) < 11:
            found["complainant.mobile"] = self.tr("{n} of 11 digits").format(n=len(mobile))
        else:
            attempt("complainant.mobile", lambda: validation.check_mobile(mobile))
        attempt("complainant.phone", lambda: validation.check_phone(self.phone.text()))
        for field, edit in (("complainant.name", self.name), ("contact_name", self.contact_name)):
            # a character no bundled font has would vanish from the slip the customer signs: said as typed
            attempt(field, lambda edit=edit, field=field: validation.check_printable(edit.text(), field))
        attempt("plate_no", lambda: validation.check_plate(self.plate_no.text()))
        attempt("received_at", lambda: validation.parse_instant(widgets.edit_iso(self.received_at, self.zone),
                                                                "received_at", zone=self.zone, not_future=True))
        if self.window_on.isChecked() and self.window_from.time() == self.window_to.time():
            found["contact_window"] = self.tr("the window must not be empty")
        return found

    def check(self) -> dict[str, str]:
        if self.objectName() == "readOnlySlip":
            return {}  # a registered case shown as it is (masked numbers are not mistakes)
        found = self.problems()
        for name, widget in self.fields.items():
            widgets.mark(widget, found.get(name))
        return found

    def caption(self, field: str) -> str:
        """The caption the form shows for a field of the case JSON (``complainant.mobile`` -> "Mobile")."""
        if field in self._captions:
            return self._captions[field]
        widget = self.fields.get(field)
        if widget is None:
            return field
        label = next((l for l in self.findChildren(QLabel) if l.buddy() is widget), None)
        if label is not None:
            return label.text()
        return widget.text() if isinstance(widget, QCheckBox) else field

    def show_problem(self, field: str | None, message: str) -> None:
        """Highlight the field a core refusal names (``complainant.mobile``) and put the cursor there."""
        widget = self.fields.get(field or "")
        if widget is None and field:
            widget = next((w for name, w in self.fields.items() if name.startswith(field)), None)
        if widget is not None:
            widgets.mark(widget, message)
            widget.setFocus()

    # --- the case JSON --------------------------------------------------------------------------------------

    def document(self) -> dict:
        """The case JSON (docs/rules.md §5) of what is on the form."""
        window = None
        if self.window_on.isChecked():
            window = {"from": self.window_from.time().toString("HH:mm"), "to": self.window_to.time().toString("HH:mm")}
        value = round(self.amount_value.value(), 2)
        return {
            "kind": widgets.choice(self.kind),
            "origin": widgets.choice(self.origin),
            "channel": widgets.choice(self.channel),
            "received_at": widgets.edit_iso(self.received_at, self.zone),
            "complainant": {
                "name": self.name.text().strip(),
                "gender": widgets.choice(self.gender),
                "address": self.address.text().strip(),
                "relation_to_insured": self.relation.currentText().strip(),
                "identity": self.identity.currentText().strip(),
                "mobile": self.mobile.text().strip(),
                "phone": self.phone.text().strip(),
                "vip": self.vip.isChecked(),
            },
            "contact_name": self.contact_name.text().strip(),
            "complainant_count": self.complainant_count.value(),
            "reason": self.reason.text().strip(),
            "claim_no": self.claim_no.text().strip(),
            "plate_no": self.plate_no.text().strip().upper(),
            "accused_department": self.accused_department.currentText().strip(),
            "accused_person": self.accused_person.text().strip(),
            "category": widgets.choice(self.category),
            "content": self.content.toPlainText().strip(),
            "summary": self.summary.text().strip(),
            "desired_remedy": self.desired_remedy.toPlainText().strip(),
            "original_doc_no": self.original_doc_no.text().strip(),
            "amount": {"line": widgets.choice(self.amount_line), "value": int(value) if value == int(value) else value},
            "flags": {flag: box.isChecked() for flag, box in self.flags.items()},
            "contact_window": window,
        }

    def load(self, document: dict) -> None:
        """Fill the form from a case JSON (a draft or a registered case); unknown keys are ignored."""
        blockers = [w.blockSignals(True) for w in self.fields.values()]
        try:
            person = document.get("complainant") or {}
            widgets.set_choice(self.kind, document.get("kind"))
            widgets.set_choice(self.channel, document.get("channel"))
            widgets.set_choice(self.origin, document.get("origin"))
            widgets.set_edit_iso(self.received_at, document.get("received_at"), self.zone)
            self.original_doc_no.setText(document.get("original_doc_no") or "")
            self.name.setText(person.get("name") or "")
            widgets.set_choice(self.gender, person.get("gender") or "unknown")
            self.relation.setEditText(person.get("relation_to_insured") or "")
            self.identity.setEditText(person.get("identity") or "")
            self.mobile.setText(person.get("mobile") or "")
            self.phone.setText(person.get("phone") or "")
            self.address.setText(person.get("address") or "")
            self.vip.setChecked(bool(person.get("vip")))
            self.contact_name.setText(document.get("contact_name") or "")
            self.complainant_count.setValue(int(document.get("complainant_count") or 1))
            self.reason.setText(document.get("reason") or "")
            self.claim_no.setText(document.get("claim_no") or "")
            self.plate_no.setText(document.get("plate_no") or "")
            self.accused_department.setEditText(document.get("accused_department") or "")
            self.accused_person.setText(document.get("accused_person") or "")
            widgets.set_choice(self.category, document.get("category") or "other")
            self.content.setPlainText(document.get("content") or "")
            self.summary.setText(document.get("summary") or "")
            self.desired_remedy.setPlainText(document.get("desired_remedy") or "")
            amount = document.get("amount") or {}
            widgets.set_choice(self.amount_line, amount.get("line") or "other")
            try:
                self.amount_value.setValue(float(amount.get("value") or 0))
            except (TypeError, ValueError):
                self.amount_value.setValue(0)
            flags = document.get("flags") or {}
            for flag, box in self.flags.items():
                box.setChecked(bool(flags.get(flag)))
            window = document.get("contact_window")
            self.window_on.setChecked(bool(window))
            if window:
                self.window_from.setTime(QTime.fromString(window.get("from", "18:00"), "HH:mm"))
                self.window_to.setTime(QTime.fromString(window.get("to", "21:00"), "HH:mm"))
        finally:
            for widget, blocked in zip(self.fields.values(), blockers):
                widget.blockSignals(blocked)
        self.window_from.setEnabled(self.window_on.isChecked() and self.isEnabled())
        self.window_to.setEnabled(self.window_on.isChecked() and self.isEnabled())
        self.check()

    def set_read_only(self, read_only: bool) -> None:
        self.setObjectName("readOnlySlip" if read_only else "")
        for widget in list(self.fields.values()) + [self.window_from, self.window_to]:
            if read_only:
                widgets.mark(widget, None)
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)

    def first_field(self) -> QWidget:
        return self._order[0]
