"""The receipt 受理回执: the stub 存根联 kept by the branch and the customer part 客户联, with a cut line."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from printing.base import CONTENT_WIDTH, CutLine, DocumentRenderer, QrFlowable
from printing.documents import ReceiptData

PART_QR_SIZE = 20 * mm  # the QR code on each part: the customer part leaves with the customer
PART_GAP = 4 * mm
STUB = "存根联"
CUSTOMER = "客户联"
CUT_LABEL = "沿此线剪开　存根联由受理网点留存　客户联交投诉人收执"


class ReceiptRenderer(DocumentRenderer):
    title = "受理回执"

    def __init__(self, data: ReceiptData):
        super().__init__(data.meta)
        self.data = data

    def part_title(self, part: str):
        """The part's title with its own number and QR code (each part can be scanned on its own)."""
        title = self.p(f"{self.title}（{part}）", "part_title")
        number = self.p(f"编号：{self.meta.number}", "value_center")
        table = Table([[title, QrFlowable(self.meta.number, PART_QR_SIZE)], [number, ""]],
                      colWidths=[CONTENT_WIDTH - PART_QR_SIZE, PART_QR_SIZE], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.font_name),
            ("SPAN", (1, 0), (1, 1)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (0, 0), (0, -1), PART_QR_SIZE),
        ]))
        return table

    def story(self):
        d = self.data
        common = [
            (("投诉人", d.complainant_name), ("受理渠道", d.channel)),
            (("受理时间", d.received_at), ("受理人", d.receiver)),
            (("内容概要", d.summary),),
            (("答复期限", d.reply_by),),
        ]
        contact = []
        if d.contact_phone or d.office_hours:
            contact.append((("查询电话", d.contact_phone or "—"), ("办公时间", d.office_hours or "—")))
        if d.contact_address:
            contact.append((("受理地址", d.contact_address),))
        story = [self.part_title(STUB), self.gap(2 * mm), self.grid(None, common)]
        story.append(self.signature_rows([("投诉人签收", d.complainant_name), ("受理人", d.receiver)]))
        story += [self.gap(PART_GAP), CutLine(CUT_LABEL), self.gap(PART_GAP)]
        story += [self.part_title(CUSTOMER), self.gap(2 * mm), self.grid(None, common + [
            (("查询方式", d.follow_up),),
            *contact,
            (("说明", f"您的投诉已受理，我们将在答复期限前给您答复。查询时请提供编号 {self.meta.number}。"),),
        ])]
        story.append(self.signature_rows([("受理人", d.receiver), ("受理单位（盖章）", self.meta.branch_name)]))
        return story

    def signature_rows(self, signers):
        widths = [27 * mm, 38 * mm, CONTENT_WIDTH - 27 * mm - 38 * mm - 48 * mm, 48 * mm]
        data = [[self.p(role, "label"), self.p(name), "", "　　　年　　月　　日"] for role, name in signers]
        style = self.table_style([("BACKGROUND", (0, 0), (0, -1), (0.92, 0.92, 0.92)),
                                  ("ALIGN", (3, 0), (3, -1), "CENTER")])
        return Table(data, colWidths=widths, rowHeights=[11 * mm] * len(data), style=style, hAlign="LEFT")


def render_receipt(data: ReceiptData) -> bytes:
    """The two-part receipt as PDF bytes."""
    return ReceiptRenderer(data).render()
