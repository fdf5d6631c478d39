"""Sample printout data for the printing tests: what app/printouts.py prepares from the records."""
from __future__ import annotations

from printing.documents import (
    ApprovalLine, ContactLine, InvestigationLine, LetterData, NoticeData, PendingLine, PrintMeta, ReceiptData,
    ReplyLine, RevisitData, RevisitLine, RoundRecord, SlipData, TransferLine,
)

NUMBER = "BJ01-2026-00042"
NOTICE_NUMBER = "BJ01-ZG-2026-0007"
BRANCH = "北京朝阳第一分公司"
PRINTED_AT = "2026-11-22 14:05"
CONTENT = ("2026年11月10日上午，投诉人张伟在朝阳区建国路88号发生交通事故后向我司报案，查勘员当日到场。"
           "理赔资料于11月12日全部提交，至今已超过承诺的时限，理赔款仍未到账，多次致电客服无人跟进。")


def meta(number: str = NUMBER, copy_no: int = 1) -> PrintMeta:
    return PrintMeta(number=number, branch_name=BRANCH, printed_at=PRINTED_AT, copy_no=copy_no)


def round_record(round_no: int = 1, revisit: str = "不满意") -> RoundRecord:
    return RoundRecord(
        round_no=round_no,
        handler="刘洋",
        investigations=[
            InvestigationLine("2026-11-20 10:30", "刘洋", "调阅理赔系统记录，核实资料提交时间为11月12日。"),
            InvestigationLine("2026-11-20 15:00", "刘洋", "与理赔部李强面谈，确认因核价人员休假导致积压。"),
        ],
        contacts=[
            ContactLine("2026-11-20 09:40", "刘洋", "电话", "未联系上", "无人接听"),
            ContactLine("2026-11-20 14:00", "刘洋", "电话", "已联系上", "告知调查进展，客户同意等待。"),
        ],
        cause="理赔核价环节积压，未按时限处理。",
        facts="属实", established="成立",
        opinion="督促理赔部三个工作日内完成赔付，并向客户致歉。",
        result="理赔款已于11月21日支付。",
        responsible_department="理赔部", responsible_person="李强",
        fault_decision="对责任人进行通报批评。",
        concluded_by="刘洋", concluded_at="2026-11-21 09:00",
        replies=[ReplyLine("2026-11-21 10:00", "刘洋", "电话", "客户表示收到款项。")],
        approvals=[ApprovalLine("2026-11-21 11:00", "赵敏", "同意", "同意处理意见。")],
        revisits=[RevisitLine("2026-11-23 10:00", "王芳", "电话", revisit, "希望今后加快理赔速度。", round_no)],
        transfers=[TransferLine("2026-11-20 09:30", "赵敏", "（首次分派）", "刘洋")] if round_no == 1 else [],
        pending=[PendingLine("2026-11-20 16:00", "刘洋", "等待核价人员返岗", "2026-11-21", "2026-11-21 08:30")]
        if round_no == 2 else [],
    )


def slip(copy_no: int = 1, content: str = CONTENT, rounds: int = 1) -> SlipData:
    return SlipData(
        meta=meta(copy_no=copy_no),
        kind="投诉", origin="常规", channel="来访", category="理赔", severity="重大投诉（涉及金额）",
        received_at="2026-11-20 09:15", receiver="王芳",
        complainant_name="张伟", gender="男", address="北京市朝阳区建国路88号院3号楼1单元502室",
        relation_to_insured="本人", identity="车主", contact_name="张伟", mobile="13800138000",
        phone="010-65881234", complainant_count="1", reason="理赔款迟迟未到账",
        claim_no="RC2026110001", plate_no="京A12345", accused_department="理赔部", accused_person="李强",
        content=content, summary="车险理赔款超期未到账", desired_remedy="尽快支付理赔款并说明原因",
        amount="12,000.00 元（车险）", original_doc_no="XF-2026-118", reply_by="2026-11-23 23:59",
        state="处理中", handler="刘洋", approver="赵敏",
        rounds=[round_record(n) for n in range(1, rounds + 1)],
    )


def receipt(copy_no: int = 1) -> ReceiptData:
    return ReceiptData(
        meta=meta(copy_no=copy_no), complainant_name="张伟", received_at="2026-11-20 09:15",
        receiver="王芳", channel="来访", summary="车险理赔款超期未到账", reply_by="2026-11-23 23:59",
        follow_up="请凭本回执编号致电或到受理网点查询处理进度。", contact_phone="010-65880000",
    )


def notice(copy_no: int = 1, passed=None) -> NoticeData:
    return NoticeData(
        meta=meta(NOTICE_NUMBER, copy_no), case_numbers=[NUMBER], department="理赔部",
        problem="理赔核价环节积压，客户理赔款超期未支付。", corrective="三个工作日内完成积压案件核价与支付。",
        preventive="建立核价人员休假顶岗制度，每日通报超期案件。", issued_by="赵敏",
        issued_at="2026-11-21 11:30", feedback_by="2026-11-24 11:30",
        feedback_actions="已完成积压案件处理，顶岗制度已发布。" if passed is not None else "",
        feedback_at="2026-11-23" if passed is not None else "", feedback_person="李强" if passed is not None else "",
        verified_by="赵敏" if passed is not None else "", verified_at="2026-11-24" if passed is not None else "",
        verification_passed=passed, verification_comment="抽查十件，均按时处理。" if passed else "",
    )


def revisit(copy_no: int = 1) -> RevisitData:
    return RevisitData(
        meta=meta(copy_no=copy_no), complainant_name="张伟", contact="138****8000",
        received_at="2026-11-20 09:15", summary="车险理赔款超期未到账", handler="刘洋",
        replied_at="2026-11-21 10:00", revisit_by="2026-11-24 10:00",
        revisits=[RevisitLine("2026-11-23 10:00", "王芳", "电话", "不满意", "希望今后加快理赔速度。", 1),
                  RevisitLine("2026-11-26 15:00", "王芳", "上门", "满意", "问题已解决。", 2)],
    )


def letter(copy_no: int = 1, investigation: str = "经调查，您反映的情况属实。") -> LetterData:
    return LetterData(
        meta=meta(copy_no=copy_no), addressee="张伟", received_at="2026年11月20日", channel="来访",
        content=CONTENT, investigation=investigation,
        measures="我司已督促理赔部于11月21日完成赔付，并对责任人进行了通报批评。",
        prevention="我司已建立核价人员休假顶岗制度，每日通报超期案件，避免类似情况再次发生。",
        letter_date="2026年11月22日", contact_phone="010-65880000", signer=BRANCH,
    )
