"""Printouts: the records turned into the plain data each renderer needs, and the print service.

The functions ``slip_data``, ``receipt_data``, ``revisit_data``, ``letter_data`` and ``notice_data`` are
pure: they read a case (or notice) and its round records and return a ``printing.documents`` dataclass of
display-ready strings. The forms are Chinese paper forms, so codes are printed in their Chinese wording
whatever the window language; times are shown in the policy's time zone (Asia/Shanghai by default).

``print_document`` is the use case: it checks the user may see the case, numbers the copy (补打 from the
second print of the same document), renders and records a ``PrintRecord``, in one transaction.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import printing
from app import i18n
from app.errors import InvalidInput, NotFound
from app.records import readable
from app.rules import access, policy as policy_module
from app.rules.access import Actor, current_user
from app.rules.templates import LETTER_PARAGRAPHS, addressee
from app.rules.names import (
    AMOUNT_LINE, CATEGORY, CHANNEL, GENDER, KIND, METHOD, ORIGIN,
    CASE_STATE, DECISION, FACTS, MAJOR_REASON, NOTICE_STATE, SATISFACTION,
)
from models import (
    Approval, Branch, Case, Conclusion, ContactAttempt, History, InvestigationEntry, PendingMatter, PrintRecord,
    RectificationNotice, Reply, Revisit, Setting, Transfer, transaction,
)
from models.entities import utcnow
from printing.documents import (
    ApprovalLine, ContactLine, InvestigationLine, LetterData, NoticeData, PendingLine, PrintMeta, ReceiptData,
    ReplyLine, RevisitData, RevisitLine, RoundRecord, SlipData, TransferLine,
)

i18n.register({
    "No case numbered {number}.": "没有编号为 {number} 的案件。",
    "No notice numbered {number}.": "没有编号为 {number} 的整改通知书。",
    "unknown document '{document}' (use slip, receipt, revisit, letter or notice)":
        "未知的单据“{document}”（可用 slip、receipt、revisit、letter 或 notice）",
})

DEFAULT_ZONE = "Asia/Shanghai"
TIME_FORMAT = "%Y-%m-%d %H:%M"
CASE_DOCUMENTS = ("slip", "receipt", "revisit", "letter")
DOCUMENTS = CASE_DOCUMENTS + ("notice",)
NONE = "—"
DEFAULT_PREVENTION = "我们将以此为鉴，加强内部管理和员工培训，完善相关工作流程，避免类似问题再次发生。"
BRANCH_PHONE_SETTING = "branch_phone"  # optional Setting: the desk's telephone, printed on receipt and letter



def label(table: dict, code) -> str:
    return table.get(code, code) if code else ""


def local_text(moment: datetime | None, zone: ZoneInfo, fmt: str = TIME_FORMAT) -> str:
    """An instant as the desk reads it: local time, minutes."""
    return moment.astimezone(zone).strftime(fmt) if moment else ""


def chinese_date(moment: datetime, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    return f"{local.year}年{local.month}月{local.day}日"


def _zone(zone: ZoneInfo | str | None) -> ZoneInfo:
    if isinstance(zone, ZoneInfo):
        return zone
    return ZoneInfo(zone or DEFAULT_ZONE)


def _name(user) -> str:
    return user.display_name if user is not None else ""


def _meta(number: str, branch: Branch, copy_no: int, printed_at_text: str) -> PrintMeta:
    return PrintMeta(number=number, branch_name=branch.name, printed_at=printed_at_text, copy_no=copy_no)


def _severity(case: Case) -> str:
    if case.severity == "major":
        reasons = "、".join(label(MAJOR_REASON, r) for r in case.major_reasons or [])
        return f"重大投诉（{reasons}）" if reasons else "重大投诉"
    if case.severity == "general":
        return "一般投诉"
    return NONE


def _amount(case: Case) -> str:
    value = Decimal(case.amount_value or 0)
    if not value:
        return NONE
    return f"{value:,.2f} 元（{label(AMOUNT_LINE, case.amount_line)}）"


def _rows(model, case: Case):
    return list(model.select().where(model.case == case).order_by(model.round, model.at, model.id))


def _contact(case: Case, masked: bool) -> tuple[str, str, str]:
    """Name, mobile and phone as this printout may show them (R13 masking)."""
    person = access.masked_fields({"name": case.complainant_name, "mobile": case.mobile, "phone": case.phone},
                                  shown=not masked)
    return person["name"], person["mobile"], person["phone"]


def round_records(case: Case, zone: ZoneInfo) -> list[RoundRecord]:
    """The handling of every round that has any record, oldest first."""
    records: dict[int, RoundRecord] = {}

    def of(round_no: int) -> RoundRecord:
        return records.setdefault(round_no, RoundRecord(round_no=round_no))

    for entry in _rows(InvestigationEntry, case):
        of(entry.round).investigations.append(InvestigationLine(local_text(entry.at, zone), _name(entry.by), entry.note))
    for attempt in _rows(ContactAttempt, case):
        note = attempt.note + (f"（超时联系理由：{attempt.override_reason}）" if attempt.override_reason else "")
        of(attempt.round).contacts.append(ContactLine(
            local_text(attempt.at, zone), _name(attempt.by), label(METHOD, attempt.method),
            "已联系上" if attempt.reached else "未联系上", note))
    for conclusion in _rows(Conclusion, case):  # the last conclusion of a round stands
        r = of(conclusion.round)
        r.cause = conclusion.cause
        r.facts = label(FACTS, conclusion.facts)
        r.established = "成立" if conclusion.established else "不成立"
        r.opinion, r.result = conclusion.opinion, conclusion.result
        r.responsible_department = conclusion.responsible_department
        r.responsible_person = conclusion.responsible_person
        r.fault_decision = conclusion.fault_decision
        r.concluded_by, r.concluded_at = _name(conclusion.by), local_text(conclusion.at, zone)
    for reply in _rows(Reply, case):
        of(reply.round).replies.append(ReplyLine(local_text(reply.at, zone), _name(reply.by),
                                                 label(CHANNEL, reply.channel), reply.result))
    for approval in _rows(Approval, case):
        of(approval.round).approvals.append(ApprovalLine(local_text(approval.at, zone), _name(approval.by),
                                                         label(DECISION, approval.decision), approval.text))
    for revisit in _rows(Revisit, case):
        of(revisit.round).revisits.append(_revisit_line(revisit, zone))
    for transfer in _rows(Transfer, case):
        of(transfer.round).transfers.append(TransferLine(
            local_text(transfer.at, zone), _name(transfer.by),
            _name(transfer.from_handler) if transfer.from_handler_id else "（首次分派）", _name(transfer.to_handler)))
    for matter in _rows(PendingMatter, case):
        of(matter.round).pending.append(PendingLine(
            local_text(matter.at, zone), _name(matter.by), matter.reason,
            matter.follow_up.isoformat() if matter.follow_up else "", local_text(matter.resumed_at, zone)))
    for r in records.values():
        people = [line.by for line in r.investigations + r.contacts] + [r.concluded_by]
        r.handler = "、".join(dict.fromkeys(p for p in people if p))
    return [records[k] for k in sorted(records)]


def _revisit_line(revisit: Revisit, zone: ZoneInfo) -> RevisitLine:
    return RevisitLine(local_text(revisit.at, zone), _name(revisit.by), label(METHOD, revisit.method),
                       label(SATISFACTION, revisit.satisfaction), revisit.comment, revisit.round)


def _approver(case: Case) -> str:
    last = (Approval.select().where((Approval.case == case) & (Approval.decision != "return"))
            .order_by(Approval.at.desc(), Approval.id.desc()).first())
    return _name(last.by) if last else ""


def _closure(case: Case, zone: ZoneInfo) -> str:
    if case.state == "voided":
        return f"已作废。作废原因：{case.void_reason}"
    if case.state == "closed_abnormal":
        return f"非正常结案。理由：{case.closure_reason}"
    if case.state == "closed":
        return "正常结案" + (f"（{case.closure_reason}）" if case.closure_reason else "")
    return ""


def slip_data(case: Case, copy_no: int, printed_at_text: str, *, zone=None, masked: bool = False) -> SlipData:
    """The complaint handling slip 客户投诉处理单 of ``case``."""
    zone = _zone(zone)
    name, mobile, phone = _contact(case, masked)
    return SlipData(
        meta=_meta(case.number, case.branch, copy_no, printed_at_text),
        kind=label(KIND, case.kind), origin=label(ORIGIN, case.origin), channel=label(CHANNEL, case.channel),
        category=label(CATEGORY, case.category), severity=_severity(case),
        received_at=local_text(case.received_at, zone), receiver=_name(case.receiver),
        complainant_name=name, gender=label(GENDER, case.complainant_gender),
        address=access.mask("address", case.complainant_address) if masked else case.complainant_address, relation_to_insured=case.relation_to_insured,
        identity=case.complainant_identity + ("（重要客户）" if case.vip else ""),
        contact_name=access.mask("contact_name", case.contact_name) if masked else case.contact_name,
        mobile=mobile, phone=phone, complainant_count=str(case.complainant_count),
        reason=case.reason, claim_no=case.claim_no, plate_no=case.plate_no,
        accused_department=case.accused_department, accused_person=case.accused_person,
        content=case.content, summary=case.summary, desired_remedy=case.desired_remedy, amount=_amount(case),
        original_doc_no=case.original_doc_no, reply_by=local_text(case.reply_by, zone),
        contact_window=f"{case.contact_from}-{case.contact_to}" if case.contact_from and case.contact_to else "",
        state=label(CASE_STATE, case.state), closed_at=local_text(case.closed_at, zone),
        closure=_closure(case, zone), handler=_name(case.handler) if case.handler_id else "",
        approver=_approver(case), rounds=round_records(case, zone),
    )


def _branch_phone() -> str:
    setting = Setting.get_or_none(Setting.key == BRANCH_PHONE_SETTING)
    return str(setting.value) if setting and setting.value else ""


def _branch_setting(key: str) -> str:
    setting = Setting.get_or_none(Setting.key == key)
    return str(setting.value) if setting and setting.value else ""


def receipt_data(case: Case, copy_no: int, printed_at_text: str, *, zone=None, masked: bool = False,
                 phone: str = "", address: str | None = None, hours: str | None = None) -> ReceiptData:
    """The receipt 受理回执 given to the customer at intake: where and how to ask about the complaint (the branch
    profile's telephone, address and office hours, set in Settings)."""
    zone = _zone(zone)
    name, _, _ = _contact(case, masked)
    address = _branch_setting("branch_address") if address is None else address
    hours = _branch_setting("branch_hours") if hours is None else hours
    where = f"{case.branch.name}（地址见下）" if address else case.branch.name
    how = f"致电 {phone} 或到{where}" if phone else f"到{where}"
    return ReceiptData(
        meta=_meta(case.number, case.branch, copy_no, printed_at_text), complainant_name=name,
        received_at=local_text(case.received_at, zone), receiver=_name(case.receiver),
        channel=label(CHANNEL, case.channel), summary=case.summary or case.reason,
        reply_by=local_text(case.reply_by, zone) or NONE,
        follow_up=f"请凭本回执编号 {case.number} {how}查询处理进度。", contact_phone=phone,
        contact_address=address, office_hours=hours,
    )


def revisit_data(case: Case, copy_no: int, printed_at_text: str, *, zone=None, masked: bool = False) -> RevisitData:
    """The revisit record 回访记录 of ``case``, every round."""
    zone = _zone(zone)
    name, mobile, phone = _contact(case, masked)
    last_reply = Reply.select().where(Reply.case == case).order_by(Reply.at.desc(), Reply.id.desc()).first()
    return RevisitData(
        meta=_meta(case.number, case.branch, copy_no, printed_at_text), complainant_name=name,
        contact="　".join(v for v in (mobile, phone) if v), received_at=local_text(case.received_at, zone),
        summary=case.summary or case.reason, handler=_name(case.handler) if case.handler_id else "",
        replied_at=local_text(last_reply.at, zone) if last_reply else "",
        revisit_by=local_text(case.revisit_by, zone),
        revisits=[_revisit_line(r, zone) for r in _rows(Revisit, case)],
    )


def letter_data(case: Case, copy_no: int, printed_at_text: str, *, zone=None, now: datetime | None = None,
                phone: str = "", masked: bool = False) -> LetterData:
    """The written reply 投诉处理情况告知函 (docs/rules.md §2.5): content, investigation, measures, prevention."""
    zone = _zone(zone)
    rounds = round_records(case, zone)
    last = rounds[-1] if rounds else RoundRecord(round_no=case.round)
    investigation = "\n".join(entry.note for entry in last.investigations)
    if last.facts:
        investigation += ("\n" if investigation else "") + f"经调查核实，您反映的情况{last.facts}。"
        if last.cause:
            investigation += f"致诉原因：{last.cause}"
    measures = "\n".join(x for x in (last.opinion, last.result) if x)
    notices = (RectificationNotice.select().where(RectificationNotice.case == case)
               .order_by(RectificationNotice.id))
    prevention = "\n".join(n.preventive for n in notices if n.preventive)
    if not prevention and last.fault_decision:
        prevention = f"我们已对相关责任人作出处理：{last.fault_decision}"
    if not prevention:
        prevention = DEFAULT_PREVENTION
    # the paragraphs the desk composed with the reply (from the reply letter's templates) take the place of the
    # ones written from the record
    composed = composed_letter(case, last.round_no)
    if masked:  # printed for someone who sees the customer masked: so are the composed paragraphs
        name, mobile, phone_no = _contact(case, masked)
        for real, shown in ((case.complainant_name, name), (case.mobile, mobile), (case.phone, phone_no)):
            if real:
                composed = {k: v.replace(real, shown) for k, v in composed.items()}
    return LetterData(
        meta=_meta(case.number, case.branch, copy_no, printed_at_text), addressee=_addressee(case, masked),
        received_at=chinese_date(case.received_at, zone), channel=label(CHANNEL, case.channel),
        content=case.content or case.summary, investigation=composed.get("facts") or investigation,
        measures=composed.get("handling") or measures, prevention=composed.get("prevention") or prevention,
        letter_date=chinese_date(now or utcnow(), zone), contact_phone=phone, signer=case.branch.name,
        opening=composed.get("opening", ""), closing=composed.get("closing", ""),
    )


def composed_letter(case: Case, round_no: int) -> dict[str, str]:
    """The reply letter's paragraphs (``app.rules.templates.LETTER_PARAGRAPHS``) as the desk composed them in the
    last reply of the round; the reply's input is kept as accepted in the case's history (R13), which travels to
    headquarters with the case. Empty when that reply composed none."""
    last = (History.select(History.after)
            .where((History.entity == "case") & (History.entity_uuid == case.uuid) & (History.action == "reply")
                   & (History.round == round_no))
            .order_by(History.id.desc()).first())
    letter = ((last.after or {}).get("input") or {}).get("letter") if last is not None else None
    return {k: v for k, v in (letter or {}).items() if k in LETTER_PARAGRAPHS and isinstance(v, str) and v.strip()}


def notice_data(notice: RectificationNotice, copy_no: int, printed_at_text: str, *, zone=None) -> NoticeData:
    """The rectification notice 整改通知书 with its feedback and verification."""
    zone = _zone(zone)
    return NoticeData(
        meta=_meta(notice.number, notice.branch, copy_no, printed_at_text), case_numbers=[notice.case.number],
        department=notice.department, problem=notice.problem, corrective=notice.corrective,
        preventive=notice.preventive, issued_by=_name(notice.issued_by), issued_at=local_text(notice.issued_at, zone),
        feedback_by=local_text(notice.feedback_by, zone), follows_number=notice.follows.number if notice.follows_id else "",
        state=label(NOTICE_STATE, notice.state), feedback_actions=notice.feedback_actions,
        feedback_at=local_text(notice.feedback_at, zone), feedback_person=notice.feedback_person,
        verified_by=_name(notice.verified_by) if notice.verified_by_id else "",
        verified_at=local_text(notice.verified_at, zone), verification_passed=notice.verification_passed,
        verification_comment=notice.verification_comment,
    )


def _addressee(case, masked: bool) -> str:
    """How the letter greets the customer: the name with 先生 or 女士 when the gender is known (张伟先生)."""
    return addressee(_contact(case, masked)[0], case.complainant_gender)


def print_document(actor: Actor, number: str, document: str, *, now: datetime | None = None) -> bytes:
    """Render a printout as PDF bytes and record the print (who, when, which document, which copy).

    ``document``: slip | receipt | revisit | letter (``number`` is a case number) or notice (a notice number).
    The second and later prints of the same document and number are marked 补打.
    """
    if document not in DOCUMENTS:
        raise InvalidInput("unknown document '{document}' (use slip, receipt, revisit, letter or notice)",
                           field="DOC", document=document)
    number = (number or "").strip().upper()
    with transaction():
        user = current_user(actor)
        moment = now or utcnow()
        zone = ZoneInfo(policy_module.load_policy().timezone or DEFAULT_ZONE)
        if document == "notice":
            notice = RectificationNotice.get_or_none(RectificationNotice.number == number)
            if notice is None or not access.can_see(user, notice.case):
                raise NotFound("No notice numbered {number}.", field="NUMBER", number=number)
            case = notice.case
        else:
            case = readable.case_by_number(number)
            # the accused, and everyone but the general manager for a report, are told it does not exist (R2, R9)
            if case is None or not access.can_see(user, case):
                raise NotFound("No case numbered {number}.", field="NUMBER", number=number)
        copy_no = PrintRecord.select().where(
            (PrintRecord.document == document) & (PrintRecord.number == number)).count() + 1
        printed_at = local_text(moment, zone)
        masked = not access.sees_personal_data(user, case)
        if document == "slip":
            pdf = printing.render_slip(slip_data(case, copy_no, printed_at, zone=zone, masked=masked))
        elif document == "receipt":
            pdf = printing.render_receipt(receipt_data(case, copy_no, printed_at, zone=zone, masked=masked,
                                                       phone=_branch_phone()))
        elif document == "revisit":
            pdf = printing.render_revisit(revisit_data(case, copy_no, printed_at, zone=zone, masked=masked))
        elif document == "letter":
            pdf = printing.render_letter(letter_data(case, copy_no, printed_at, zone=zone, now=moment,
                                                     phone=_branch_phone(), masked=masked))
        else:
            pdf = printing.render_notice(notice_data(notice, copy_no, printed_at, zone=zone))
        PrintRecord.create(document=document, number=number, copy_no=copy_no, printed_by=actor.username,
                           printed_at=moment)
        if document == "receipt" and case.acknowledged_at is None:
            # the receipt 受理回执 handed to the customer is the acknowledgement the 24-hour deadline asks for
            case.acknowledged_at = moment
            case.save()
        from app.records import history

        history.record(actor.username, "notice" if document == "notice" else "case",
                       notice.uuid if document == "notice" else case.uuid, number, f"print_{document}",
                       round=case.round, after={"copy": copy_no})
        return pdf


COUNTER_SET = ("slip", "receipt")  # what the customer signs at the counter, printed together after registering


def print_set(actor: Actor, number: str, documents=COUNTER_SET, *, now: datetime | None = None) -> bytes:
    """Several printouts of one case as one PDF (the slip and the receipt at the counter: one preview, one print
    job). Each document keeps its own page numbering and is recorded as printed; all or none, in one transaction."""
    import io

    import pypdfium2

    with transaction():
        parts = [print_document(actor, number, document, now=now) for document in documents]
    combined = pypdfium2.PdfDocument.new()
    for part in parts:
        combined.import_pages(pypdfium2.PdfDocument(part))
    buffer = io.BytesIO()
    combined.save(buffer)
    return buffer.getvalue()
