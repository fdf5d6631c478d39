"""The rectification notice 整改通知书, with its feedback 整改报告 and verification 验证 sections."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from printing.base import DocumentRenderer
from printing.documents import NoticeData

HANDWRITING_HEIGHT = 20 * mm  # room left for a handwritten answer when the field is still empty


def handwriting(value: str):
    return value if value else Spacer(1, HANDWRITING_HEIGHT)


class NoticeRenderer(DocumentRenderer):
    title = "整改通知书"

    def __init__(self, data: NoticeData):
        super().__init__(data.meta)
        self.data = data

    def story(self):
        d = self.data
        passed = d.verification_passed
        verdict = self.choice([("通过", passed is True), ("不通过", passed is False)],
                              "（不通过的，再次下达整改通知书，直至整改合格）")
        story = [self.p(self.title, "title")]
        story.append(self.grid("一、通知信息", [
            (("通知书编号", d.meta.number), ("关联投诉单号", "、".join(d.case_numbers))),
            (("整改责任部门", d.department), ("前次通知书", d.follows_number or "—")),
            (("签发人", d.issued_by), ("签发时间", d.issued_at)),
            (("整改期限", d.feedback_by), ("当前状态", d.state)),
        ]))
        story.append(self.gap())
        story.append(self.grid("二、存在问题及整改要求", [
            (("存在问题", d.problem),),
            (("纠正措施", d.corrective),),
            (("预防措施", d.preventive),),
            (("反馈要求", f"请整改责任部门于 {d.feedback_by} 前完成整改，并将整改报告反馈至签发人。"),),
        ]))
        story.append(self.signature_block(None, [("签发人", d.issued_by), ("接收部门负责人", "")], titles=False,
                                          before=[]))
        story.append(self.gap())
        story.append(self.signature_block(None, [("责任部门负责人", d.feedback_person)], titles=False, before=[
            self.grid("三、整改报告（由整改责任部门填写）", [
                (("已采取措施", handwriting(d.feedback_actions)),),
                (("完成日期", d.feedback_at), ("责任人", d.feedback_person)),
            ])]))
        story.append(self.gap())
        story.append(self.signature_block(None, [("验证人", d.verified_by)], titles=False, before=[
            self.grid("四、整改验证（由验证人填写）", [
                (("验证结论", verdict),),
                (("验证意见", handwriting(d.verification_comment)),),
                (("验证日期", d.verified_at),),
            ])]))
        return story


def render_notice(data: NoticeData) -> bytes:
    """The rectification notice as PDF bytes."""
    return NoticeRenderer(data).render()
