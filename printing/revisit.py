"""The revisit record 回访记录 of a case: every revisit of every round, and room for the next one."""
from __future__ import annotations

from printing.base import DocumentRenderer
from printing.documents import RevisitData
from printing.notice import handwriting


class RevisitRenderer(DocumentRenderer):
    title = "回访记录"

    def __init__(self, data: RevisitData):
        super().__init__(data.meta)
        self.data = data

    def story(self):
        d = self.data
        story = [self.p(self.title, "title")]
        story.append(self.grid("一、投诉信息", [
            (("投诉编号", d.meta.number), ("投诉人", d.complainant_name)),
            (("联系方式", d.contact), ("受理时间", d.received_at)),
            (("处理人", d.handler), ("回复时间", d.replied_at)),
            (("回访期限", d.revisit_by),),
            (("内容概要", d.summary),),
        ]))
        story.append(self.gap())
        story.append(self.list_table("二、回访情况", [
            ("轮次", 11), ("回访时间", 24), ("回访人", 14), ("方式", 10), ("满意度", 14), ("客户意见", 56),
        ], [[f"第{v.round_no}轮", v.at, v.by, v.method, v.satisfaction, v.comment] for v in d.revisits],
            "（尚无回访记录）"))
        if not d.revisits:
            story.append(self.gap())
            story.append(self.grid("三、本次回访（手工填写）", [
                (("回访时间", ""), ("回访人", "")),
                (("回访方式", self.choice([(m, False) for m in ("电话", "上门", "短信", "信函")])),),
                (("满意度", self.choice([(m, False) for m in ("满意", "基本满意", "不满意")])),),
                (("客户意见", handwriting("")),),
            ]))
        story.append(self.signature_block("签字确认", [
            ("回访人", d.revisits[-1].by if d.revisits else ""),
            ("客户签字", d.complainant_name),
        ]))
        return story


def render_revisit(data: RevisitData) -> bytes:
    """The revisit record as PDF bytes."""
    return RevisitRenderer(data).render()
