"""The written reply 投诉处理情况告知函: complaint content, investigation, measures, prevention, thanks and apology."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from printing.base import DocumentRenderer
from printing.documents import LetterData

CLOSING = ("感谢您对我们工作的关心、监督和支持。对此次给您带来的不便，我们深表歉意。"
           "我们将以此为鉴，不断改进服务，努力为您提供更加满意的服务。")


class LetterRenderer(DocumentRenderer):
    title = "投诉处理情况告知函"

    def __init__(self, data: LetterData):
        super().__init__(data.meta)
        self.data = data

    def section(self, heading: str, value: str) -> list:
        paragraphs = [line for line in (value or "").splitlines() if line.strip()] or ["—"]
        return [self.p(heading, "letter_heading")] + [self.p(line, "body") for line in paragraphs]

    def story(self):
        d = self.data
        number = d.meta.number
        story = [self.p(self.title, "title"), self.p(f"编号：{number}", "right"), self.gap(2 * mm)]
        story.append(self.p(f"尊敬的{d.addressee}：", "body_plain"))
        opening = d.opening or (f"您于{d.received_at}通过{d.channel}方式向我们反映的问题，我们已受理，受理编号为 {number}。"
                                f"我们对此进行了认真调查和处理，现将处理情况告知如下：")
        story += [self.p(line, "body") for line in opening.splitlines() if line.strip()]
        story += self.section("一、投诉内容", d.content)
        story += self.section("二、调查情况", d.investigation)
        story += self.section("三、处理措施", d.measures)
        story += self.section("四、预防措施", d.prevention)
        closing = [line for line in (d.closing or CLOSING).splitlines() if line.strip()]
        if d.contact_phone:
            closing.append(f"如您对处理结果仍有疑问，请与我们联系，联系电话：{d.contact_phone}。")
        story.append(self.gap(2 * mm))
        story += [self.p(line, "body") for line in closing]
        story.append(self.p("特此函告。", "body"))
        story.append(KeepTogether([
            self.gap(8 * mm),
            self.p(d.signer or d.meta.branch_name, "right"),
            self.p("（盖章）", "right"),
            self.p(d.letter_date, "right"),
            self.gap(6 * mm),
            self.signature_table("签收", [("经办人", ""), ("客户签字", d.addressee)]),
        ]))
        return story


def render_letter(data: LetterData) -> bytes:
    """The written reply letter as PDF bytes."""
    return LetterRenderer(data).render()
