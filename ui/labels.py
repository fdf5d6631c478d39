"""Display names of the core's codes (kinds, channels, states ...), translated through Qt.

The core speaks in codes (``"complaint"``, ``"pending_approval"``); the windows show these names. Each table is
marked with QT_TRANSLATE_NOOP so lupdate collects the English names into the "Labels" context.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

KINDS = {
    "complaint": QT_TRANSLATE_NOOP("Labels", "Complaint"),
    "inquiry": QT_TRANSLATE_NOOP("Labels", "Inquiry"),
    "suggestion": QT_TRANSLATE_NOOP("Labels", "Suggestion"),
    "help": QT_TRANSLATE_NOOP("Labels", "Help request"),
    "report": QT_TRANSLATE_NOOP("Labels", "Misconduct report"),
}
ORIGINS = {
    "routine": QT_TRANSLATE_NOOP("Labels", "Routine"),
    "discovered": QT_TRANSLATE_NOOP("Labels", "Discovered by staff"),
    "collective": QT_TRANSLATE_NOOP("Labels", "Collective"),
}
CHANNELS = {
    "visit": QT_TRANSLATE_NOOP("Labels", "In person"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
    "fax": QT_TRANSLATE_NOOP("Labels", "Fax"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "online": QT_TRANSLATE_NOOP("Labels", "Online"),
    "government": QT_TRANSLATE_NOOP("Labels", "Government referral"),
    "media": QT_TRANSLATE_NOOP("Labels", "Media"),
    "hq_referral": QT_TRANSLATE_NOOP("Labels", "Headquarters referral"),
}
GENDERS = {
    "male": QT_TRANSLATE_NOOP("Labels", "Male"),
    "female": QT_TRANSLATE_NOOP("Labels", "Female"),
    "unknown": QT_TRANSLATE_NOOP("Labels", "Not stated"),
}
CATEGORIES = {
    "product_quality": QT_TRANSLATE_NOOP("Labels", "Product quality"),
    "service_attitude": QT_TRANSLATE_NOOP("Labels", "Service attitude"),
    "service_quality": QT_TRANSLATE_NOOP("Labels", "Service quality"),
    "repair_quality": QT_TRANSLATE_NOOP("Labels", "Repair quality"),
    "delay": QT_TRANSLATE_NOOP("Labels", "Delay"),
    "parts_delay": QT_TRANSLATE_NOOP("Labels", "Parts delay"),
    "price": QT_TRANSLATE_NOOP("Labels", "Price and charges"),
    "claims": QT_TRANSLATE_NOOP("Labels", "Claims"),
    "safety": QT_TRANSLATE_NOOP("Labels", "Safety"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
AMOUNT_LINES = {
    "auto": QT_TRANSLATE_NOOP("Labels", "Auto insurance"),
    "property": QT_TRANSLATE_NOOP("Labels", "Property insurance"),
    "accident_health": QT_TRANSLATE_NOOP("Labels", "Accident and health"),
    "repair": QT_TRANSLATE_NOOP("Labels", "Repair"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
STATES = {
    "accepted": QT_TRANSLATE_NOOP("Labels", "Accepted"),
    "investigating": QT_TRANSLATE_NOOP("Labels", "Investigating"),
    "pending_approval": QT_TRANSLATE_NOOP("Labels", "Pending approval"),
    "approved": QT_TRANSLATE_NOOP("Labels", "Approved"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "deferred": QT_TRANSLATE_NOOP("Labels", "Pending matter"),
    "closed_abnormal": QT_TRANSLATE_NOOP("Labels", "Closed (non-normal)"),
    "voided": QT_TRANSLATE_NOOP("Labels", "Voided"),
}
SEVERITIES = {
    "major": QT_TRANSLATE_NOOP("Labels", "Major"),
    "general": QT_TRANSLATE_NOOP("Labels", "General"),
}
MAJOR_REASONS = {
    "group": QT_TRANSLATE_NOOP("Labels", "three or more complainants"),
    "media": QT_TRANSLATE_NOOP("Labels", "media or internet involved"),
    "petition": QT_TRANSLATE_NOOP("Labels", "taken to a government body"),
    "threat": QT_TRANSLATE_NOOP("Labels", "threat to staff safety"),
    "amount": QT_TRANSLATE_NOOP("Labels", "amount over the threshold"),
    "vip": QT_TRANSLATE_NOOP("Labels", "important customer"),
    "hq": QT_TRANSLATE_NOOP("Labels", "complained to headquarters"),
    "lawsuit": QT_TRANSLATE_NOOP("Labels", "court action"),
    "repeat": QT_TRANSLATE_NOOP("Labels", "repeated complaint not resolved"),
}
CONTACT_METHODS = {
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "sms": QT_TRANSLATE_NOOP("Labels", "SMS"),
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
REVISIT_METHODS = CONTACT_METHODS  # the core accepts the same methods for a revisit and a reply
REPLY_CHANNELS = CONTACT_METHODS
FACTS = {
    "true": QT_TRANSLATE_NOOP("Labels", "True"),
    "false": QT_TRANSLATE_NOOP("Labels", "Not true"),
    "unverifiable": QT_TRANSLATE_NOOP("Labels", "Cannot be verified"),
}
SATISFACTION = {
    "satisfied": QT_TRANSLATE_NOOP("Labels", "Satisfied"),
    "basic": QT_TRANSLATE_NOOP("Labels", "Basically satisfied"),
    "dissatisfied": QT_TRANSLATE_NOOP("Labels", "Dissatisfied"),
}
ROLES = {
    "reception": QT_TRANSLATE_NOOP("Labels", "Reception"),
    "handler": QT_TRANSLATE_NOOP("Labels", "Handler"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
    "general_manager": QT_TRANSLATE_NOOP("Labels", "General manager"),
    "hq": QT_TRANSLATE_NOOP("Labels", "Headquarters"),
}
NOTICE_STATES = {
    "issued": QT_TRANSLATE_NOOP("Labels", "Issued"),
    "reported": QT_TRANSLATE_NOOP("Labels", "Feedback received"),
    "verified": QT_TRANSLATE_NOOP("Labels", "Verified"),
    "failed": QT_TRANSLATE_NOOP("Labels", "Failed verification"),
}
ACTIONS = {
    "assign": QT_TRANSLATE_NOOP("Labels", "Assign"),
    "escalate": QT_TRANSLATE_NOOP("Labels", "Report to supervisor"),
    "contact": QT_TRANSLATE_NOOP("Labels", "Log contact"),
    "investigate": QT_TRANSLATE_NOOP("Labels", "Add investigation"),
    "conclude": QT_TRANSLATE_NOOP("Labels", "Conclude"),
    "reply": QT_TRANSLATE_NOOP("Labels", "Record reply"),
    "submit": QT_TRANSLATE_NOOP("Labels", "Submit for approval"),
    "approve": QT_TRANSLATE_NOOP("Labels", "Approve"),
    "return": QT_TRANSLATE_NOOP("Labels", "Return"),
    "defer": QT_TRANSLATE_NOOP("Labels", "Make pending matter"),
    "resume": QT_TRANSLATE_NOOP("Labels", "Resume"),
    "revisit": QT_TRANSLATE_NOOP("Labels", "Revisit"),
    "close": QT_TRANSLATE_NOOP("Labels", "Close"),
    "close_abnormal": QT_TRANSLATE_NOOP("Labels", "Close non-normally"),
    "void": QT_TRANSLATE_NOOP("Labels", "Void"),
    "notice": QT_TRANSLATE_NOOP("Labels", "Issue rectification notice"),
    "feedback": QT_TRANSLATE_NOOP("Labels", "Record feedback"),
    "verify": QT_TRANSLATE_NOOP("Labels", "Verify"),
    "reopen": QT_TRANSLATE_NOOP("Labels", "Reopen"),
    "extend": QT_TRANSLATE_NOOP("Labels", "Extend reply deadline"),
}
DEADLINES = {
    "escalate_by": QT_TRANSLATE_NOOP("Labels", "Report to supervisor by"),
    "acknowledge_by": QT_TRANSLATE_NOOP("Labels", "Receipt to customer by"),
    "determine_by": QT_TRANSLATE_NOOP("Labels", "Responsibility determined by"),
    "reply_by": QT_TRANSLATE_NOOP("Labels", "Reply by"),
    "revisit_by": QT_TRANSLATE_NOOP("Labels", "Revisit by"),
    "feedback_by": QT_TRANSLATE_NOOP("Labels", "Feedback by"),
}
DEADLINE_STATUS = {
    "due": QT_TRANSLATE_NOOP("Labels", "On time"),
    "due_soon": QT_TRANSLATE_NOOP("Labels", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue"),
    "paused": QT_TRANSLATE_NOOP("Labels", "Paused"),
    "met": QT_TRANSLATE_NOOP("Labels", "Done"),
}
APPROVAL_DECISIONS = {
    "approve": QT_TRANSLATE_NOOP("Labels", "Approved"),
    "return": QT_TRANSLATE_NOOP("Labels", "Returned"),
    "close_abnormal": QT_TRANSLATE_NOOP("Labels", "Closed non-normally"),
    "reopen": QT_TRANSLATE_NOOP("Labels", "Reopened"),
    "extend": QT_TRANSLATE_NOOP("Labels", "Reply deadline extended"),
}
HISTORY_ACTIONS = {
    "register": QT_TRANSLATE_NOOP("Labels", "Registered"),
    "correct": QT_TRANSLATE_NOOP("Labels", "Intake corrected"),
    "print_slip": QT_TRANSLATE_NOOP("Labels", "Slip printed"),
    "print_receipt": QT_TRANSLATE_NOOP("Labels", "Receipt printed"),
    "print_revisit": QT_TRANSLATE_NOOP("Labels", "Revisit record printed"),
    "print_letter": QT_TRANSLATE_NOOP("Labels", "Reply letter printed"),
    "print_notice": QT_TRANSLATE_NOOP("Labels", "Notice printed"),
    "import": QT_TRANSLATE_NOOP("Labels", "Imported from an old register"),
    "notice_feedback": QT_TRANSLATE_NOOP("Labels", "Notice feedback"),
    "notice_verify": QT_TRANSLATE_NOOP("Labels", "Notice verified"),
}


def label(table: dict, code) -> str:
    """The translated display name of ``code`` in ``table``; an unknown code is shown as it is."""
    if code is None or code == "":
        return ""
    text = table.get(code)
    return QCoreApplication.translate("Labels", text) if text else str(code)


def choices(table: dict) -> list[tuple[str, str]]:
    """(code, translated name) pairs for a combo box, in the table's order."""
    return [(code, QCoreApplication.translate("Labels", text)) for code, text in table.items()]
