"""The data each printout needs, already prepared by the core (app/printouts.py).

Plain dataclasses holding display-ready values: strings (times already formatted in local time, codes
already translated into the printed Chinese wording), lists of round records, the document number, the
branch name, the print time text and the copy number (2 and later print a 补打 mark). The renderers do no
look-ups and no formatting of their own beyond layout.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PrintMeta:
    """What every printout carries: its number (text and QR), branch, print time, copy number."""

    number: str
    branch_name: str
    printed_at: str
    copy_no: int = 1


# --- the handling record of one round ----------------------------------------------------------------------


@dataclass
class InvestigationLine:
    """One investigation entry 调查事项: date, handler, what was done."""

    at: str
    by: str
    note: str


@dataclass
class ContactLine:
    """One contact attempt 联系客户: time, method, reached or not, what happened."""

    at: str
    by: str
    method: str
    reached: str
    note: str


@dataclass
class ReplyLine:
    """A reply to the customer 回复客户: time, channel, result."""

    at: str
    by: str
    channel: str
    result: str


@dataclass
class ApprovalLine:
    """A supervisor's decision 审批: approve / return, with the opinion or reason."""

    at: str
    by: str
    decision: str
    text: str


@dataclass
class RevisitLine:
    """A revisit 回访: time, who, method, satisfaction, comment."""

    at: str
    by: str
    method: str
    satisfaction: str
    comment: str
    round_no: int = 1


@dataclass
class TransferLine:
    """A hand-over 转办 between handlers: when, who did it, from whom to whom."""

    at: str
    by: str
    from_handler: str
    to_handler: str


@dataclass
class PendingLine:
    """A pending matter 未了事宜: why the case waits, the follow-up date, when it resumed."""

    at: str
    by: str
    reason: str
    follow_up: str
    resumed_at: str


@dataclass
class RoundRecord:
    """The handling of one round 第 N 轮处理 (a dissatisfied revisit opens the next)."""

    round_no: int
    handler: str = ""
    investigations: list[InvestigationLine] = field(default_factory=list)
    contacts: list[ContactLine] = field(default_factory=list)
    cause: str = ""
    facts: str = ""
    established: str = ""
    opinion: str = ""
    result: str = ""
    responsible_department: str = ""
    responsible_person: str = ""
    fault_decision: str = ""
    concluded_by: str = ""
    concluded_at: str = ""
    replies: list[ReplyLine] = field(default_factory=list)
    approvals: list[ApprovalLine] = field(default_factory=list)
    revisits: list[RevisitLine] = field(default_factory=list)
    transfers: list[TransferLine] = field(default_factory=list)
    pending: list[PendingLine] = field(default_factory=list)


# --- documents ------------------------------------------------------------------------------------------------


@dataclass
class SlipData:
    """The complaint handling slip 客户投诉处理单: every intake field (docs/rules.md §2.1) and every round."""

    meta: PrintMeta
    kind: str
    origin: str
    channel: str
    category: str
    severity: str
    received_at: str
    receiver: str
    complainant_name: str
    gender: str = ""
    address: str = ""
    relation_to_insured: str = ""
    identity: str = ""
    contact_name: str = ""
    mobile: str = ""
    phone: str = ""
    complainant_count: str = "1"
    reason: str = ""
    claim_no: str = ""
    plate_no: str = ""
    accused_department: str = ""
    accused_person: str = ""
    content: str = ""
    summary: str = ""
    desired_remedy: str = ""
    amount: str = ""
    original_doc_no: str = ""
    reply_by: str = ""
    contact_window: str = ""
    state: str = ""
    closed_at: str = ""
    closure: str = ""
    handler: str = ""
    approver: str = ""
    rounds: list[RoundRecord] = field(default_factory=list)


@dataclass
class ReceiptData:
    """The receipt 受理回执: stub 存根联 kept by the branch, customer part 客户联 handed over."""

    meta: PrintMeta
    complainant_name: str
    received_at: str
    receiver: str
    channel: str
    summary: str
    reply_by: str
    follow_up: str
    contact_phone: str = ""
    contact_address: str = ""
    office_hours: str = ""


@dataclass
class NoticeData:
    """The rectification notice 整改通知书 with its feedback 整改报告 and verification 验证."""

    meta: PrintMeta
    case_numbers: list[str]
    department: str
    problem: str
    corrective: str
    preventive: str
    issued_by: str
    issued_at: str
    feedback_by: str
    follows_number: str = ""
    state: str = ""
    feedback_actions: str = ""
    feedback_at: str = ""
    feedback_person: str = ""
    verified_by: str = ""
    verified_at: str = ""
    verification_passed: bool | None = None
    verification_comment: str = ""


@dataclass
class RevisitData:
    """The revisit record 回访记录 of a case: every revisit of every round."""

    meta: PrintMeta
    complainant_name: str
    contact: str
    received_at: str
    summary: str
    handler: str
    replied_at: str
    revisit_by: str
    revisits: list[RevisitLine] = field(default_factory=list)


@dataclass
class LetterData:
    """The written reply 投诉处理情况告知函 (docs/rules.md §2.5: content, investigation, measures, prevention, thanks)."""

    meta: PrintMeta
    addressee: str
    received_at: str
    channel: str
    content: str
    investigation: str
    measures: str
    prevention: str
    letter_date: str
    contact_phone: str = ""
    signer: str = ""
    opening: str = ""  # the opening paragraph as the desk composed it (else the standard one)
    closing: str = ""  # the closing paragraph as the desk composed it (else the standard thanks and apology)
