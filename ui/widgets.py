"""Small building blocks shared by the forms: choice boxes, local times, invalid-field marking."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox, QDateTimeEdit, QHBoxLayout, QLabel, QPlainTextEdit, QProxyStyle, QPushButton, QStyle,
    QStyleOptionHeader, QWidget,
)

OFFICE_ZONE = "Asia/Shanghai"  # R3: times are local, default Asia/Shanghai
DISPLAY_FORMAT = "yyyy-MM-dd HH:mm"

STYLE = """
*[invalid="true"] { border: 1px solid #c62828; background: #fff1f0; }
QLabel#banner[tone="error"] { background: #fdecea; color: #8a1c1c; border: 1px solid #e0a39c; padding: 6px; }
QLabel#banner[tone="ok"] { background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7; padding: 6px; }
QLabel#banner[tone="warning"] { background: #fff8e1; color: #6d4c00; border: 1px solid #ffcc80; padding: 6px; }
QLabel#banner[tone="warn"] { background: #fff4e0; color: #7a4a00; border: 1px solid #f0c27b; padding: 6px; }
QLabel#badge { border-radius: 4px; padding: 4px 10px; font-weight: bold; }
QLabel#badge[tone="major"] { background: #c62828; color: white; }
QLabel#badge[tone="general"] { background: #2e7d32; color: white; }
QLabel#badge[tone="none"] { background: #757575; color: white; }
QLabel#slipTitle { font-size: 18pt; font-weight: bold; }
QLabel#slipNumber { font-size: 13pt; font-weight: bold; color: #0d47a1; }
QGroupBox { font-weight: bold; }
QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QComboBox, QGroupBox QCheckBox { font-weight: normal; }
QListWidget#nav { font-size: 11pt; }
QWidget#readOnlySlip QComboBox:disabled, QWidget#readOnlySlip QAbstractSpinBox:disabled,
QWidget#readOnlySlip QCheckBox:disabled { color: #202020; }
QWidget#readOnlySlip QLineEdit[readOnly="true"], QWidget#readOnlySlip QPlainTextEdit[readOnly="true"] {
    background: #f4f4f4; }
QLabel#reasons { color: #b71c1c; }
QListWidget#nav::item { padding: 8px 6px; }
"""


def restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def mark(widget: QWidget, problem: str | None) -> None:
    """Show (or clear) a problem on a field: red border and the message as its tooltip."""
    invalid = bool(problem)
    if widget.property("invalid") != invalid:
        widget.setProperty("invalid", invalid)
        restyle(widget)
    widget.setToolTip(problem or "")


def set_banner(label: QLabel, text: str, tone: str = "error") -> None:
    label.setProperty("tone", tone)
    restyle(label)
    label.setText(text)
    label.setVisible(bool(text))


def banner() -> QLabel:
    label = QLabel()
    label.setObjectName("banner")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def button_row(default: QPushButton, *others: QPushButton, leading: QWidget | None = None) -> QHBoxLayout:
    """A dialog's buttons on the right, ``default`` first and pressed by Enter; ``leading`` (a button or a note)
    on the left."""
    row = QHBoxLayout()
    if leading is not None:
        row.addWidget(leading)
    row.addStretch(1)
    default.setDefault(True)
    for button in (default, *others):
        row.addWidget(button)
    return row


def choice_box(pairs: list[tuple[str, str]], editable: bool = False) -> QComboBox:
    box = QComboBox()
    box.setEditable(editable)
    for code, text in pairs:
        box.addItem(text, code)
    return box


def set_choice(box: QComboBox, code) -> None:
    index = box.findData(code)
    if index >= 0:
        box.setCurrentIndex(index)
    elif box.isEditable() and code is not None:
        box.setEditText(str(code))


def choice(box: QComboBox):
    if box.isEditable():
        index = box.findText(box.currentText())
        if index >= 0 and box.itemData(index) is not None:
            return box.itemData(index)
        return box.currentText().strip()
    return box.currentData()


def text_edit(height_lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on, as on the paper slip
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * height_lines + 14)
    return edit


def office_now(zone: str = OFFICE_ZONE) -> datetime:
    """Now on the office's clock. Seconds are kept (the field shows minutes) so that "now" is never a moment
    before something that just happened."""
    return datetime.now(ZoneInfo(zone)).replace(microsecond=0)


class DateTimeEdit(QDateTimeEdit):
    """A date-time field where Tab moves to the next field, as everywhere on the slip (Left/Right move between
    the date's parts), instead of stepping through day, month, hour and minute."""

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 - Qt API
        return QWidget.focusNextPrevChild(self, next_)


def datetime_edit(zone: str = OFFICE_ZONE) -> QDateTimeEdit:
    edit = DateTimeEdit()
    edit.setDisplayFormat(DISPLAY_FORMAT)
    edit.setCalendarPopup(True)
    edit.setDateTime(QDateTime(office_now(zone).replace(tzinfo=None)))
    return edit


def edit_iso(edit: QDateTimeEdit, zone: str = OFFICE_ZONE) -> str:
    """The wall-clock time in the edit, read in the office's zone, as ISO 8601 with its offset."""
    naive = edit.dateTime().toPython()
    if isinstance(naive, datetime):
        naive = naive.replace(tzinfo=None)
    return naive.replace(microsecond=0, tzinfo=ZoneInfo(zone)).isoformat()


def set_edit_iso(edit: QDateTimeEdit, value: str | None, zone: str = OFFICE_ZONE) -> None:
    if not value:
        return
    moment = parse_iso(value, zone)
    if moment:
        edit.setDateTime(QDateTime(moment.replace(tzinfo=None)))


def parse_iso(value, zone: str = OFFICE_ZONE) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(ZoneInfo(zone))


def show_time(value, zone: str = OFFICE_ZONE) -> str:
    """An instant from the core as the desk reads it: '2026-11-20 09:15', on the clock the core wrote it in
    (the policy's zone, whose offset the ISO text carries)."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    return moment.strftime("%Y-%m-%d %H:%M")


# deadline status at a glance (R3): (foreground, background) per status of the core
STATUS_COLOURS = {
    "overdue": ("#ffffff", "#c62828"),
    "due_soon": ("#3e2723", "#ffca28"),
    "paused": ("#ffffff", "#607d8b"),
    "met": ("#1b5e20", None),
    "due": (None, None),
}


def status_tone(status: str | None):
    from PySide6.QtGui import QBrush, QColor

    colours = STATUS_COLOURS.get(status or "")
    if not colours:
        return None
    fg, bg = colours
    return (QBrush(QColor(fg)) if fg else None, QBrush(QColor(bg)) if bg else None)


def status_style(status: str | None) -> str:
    fg, bg = STATUS_COLOURS.get(status or "", (None, None))
    parts = []
    if fg:
        parts.append(f"color: {fg};")
    if bg:
        parts.append(f"background: {bg}; border-radius: 3px; padding: 1px 6px;")
    return " ".join(parts)


class SortArrowStyle(QProxyStyle):
    """Header arrows as a user reads them: pointing up for ascending (A→Z, oldest first), down for descending.
    Qt's widget styles draw them the other way round (``QHeaderView`` asks for SortDown when ascending)."""

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 - Qt API
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            flipped = QStyleOptionHeader(option)
            up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
            flipped.sortIndicator = {up: down, down: up}.get(option.sortIndicator, option.sortIndicator)
            return super().drawPrimitive(element, flipped, painter, widget)
        return super().drawPrimitive(element, option, painter, widget)


def reading_sort_arrows(header) -> None:
    """Give ``header`` arrows that point the way the list is sorted (kept alive with the header)."""
    style = SortArrowStyle()  # over the application's own style
    style.setParent(header)
    header.setStyle(style)
