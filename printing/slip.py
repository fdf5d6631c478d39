"""The complaint handling slip 客户投诉处理单: intake, the handling record of every round, signatures."""
from __future__ import annotations

from reportlab.lib.units import mm

from printing.base import LIST_GAP, DocumentRenderer
from printing.documents import RoundRecord, SlipData

ROUND_NUMERALS = "一二三四五六七八九十"
SLIP_SIGNATURE_ROW_HEIGHT = 9 * mm  # four signers below a full intake on one A4 sheet


def round_title(round_no: int) -> str:
    numeral = ROUND_NUMERALS[round_no - 1] if 1 <= round_no <= len(ROUND_NUMERALS) else str(round_no)
    return f"第{numeral}轮处理"


class SlipRenderer(DocumentRenderer):
    title = "客户投诉处理单"
    cell_padding = 0.6 * mm  # eighteen intake rows and the signatures on one sheet, with room for a long content

    def __init__(self, data: SlipData):
        super().__init__(data.meta)
        self.data = data

    def styles(self):
        styles = super().styles()
        title = styles["title"]
        # the header band already names the document: a tighter title leaves the signatures room on sheet one
        styles["title"] = title.clone("slip_title", fontSize=16, leading=20, spaceAfter=2 * mm)
        return styles

    def story(self):
        d = self.data
        story = [self.p(self.title, "title")]
        story.append(self.grid("一、受理登记", [
            (("投诉类型", d.kind), ("投诉来源", d.origin)),
            (("受理渠道", d.channel), ("受理时间", d.received_at)),
            (("问题类别", d.category), ("严重程度", d.severity)),
            (("受理人/填单人", d.receiver), ("原件编号", d.original_doc_no)),
            (("答复期限", d.reply_by), ("当前状态", d.state)),
            (("约定联系时段", d.contact_window or "—"), ("结案时间", d.closed_at)),
        ]))
        story.append(self.grid("二、投诉人信息", [
            (("投诉人姓名", d.complainant_name), ("性别", d.gender)),
            (("与被保险人(车主)关系", d.relation_to_insured), ("投诉人身份", d.identity)),
            (("联系人姓名", d.contact_name), ("投诉人数", d.complainant_count)),
            (("手机", d.mobile), ("联系电话", d.phone)),
            (("住址", d.address),),
        ]))
        story.append(self.grid("三、投诉事项", [
            (("报案号", d.claim_no), ("车牌号", d.plate_no)),
            (("被投诉部门", d.accused_department), ("被投诉人姓名", d.accused_person)),
            (("涉及金额及险种", d.amount),),
            (("缘由", d.reason),),
            (("内容概要", d.summary),),
            (("投诉内容", d.content),),
            (("客户诉求", d.desired_remedy),),
        ]))
        story.append(self.gap())
        if not d.rounds:
            # a slip printed at the counter: one line for the handling, so the slip and its signatures fit one sheet
            story.append(self.grid("四、处理记录", [(("处理情况", "（尚未处理，处理记录在处理后补打）"),)]))
        else:
            story.append(self.p("四、处理记录", "section"))
        for index, record in enumerate(d.rounds):
            story += self.round_story(record, first=index == 0)
        if d.closure:
            story.append(self.gap())
            story.append(self.grid("结案", [(("结案情况", d.closure),)]))
        # the signatures are kept with the last part of the record above them: the customer never signs a sheet
        # without any of the complaint on it
        last = story.pop()
        story.append(self.signature_block("五、签字确认", [
            ("受理人", d.receiver),
            ("处理人", d.handler),
            ("审批人", d.approver),
            ("客户签字", d.complainant_name),
        ], before=[last, self.gap()], row_height=SLIP_SIGNATURE_ROW_HEIGHT))
        return story

    def round_story(self, r: RoundRecord, first: bool = False) -> list:
        title = round_title(r.round_no)
        parts = [] if first else [self.gap()]  # the first follows its section heading directly (kept with it)
        if r.transfers:
            parts.append(self.list_table(f"{title}　转办交接", [
                ("时间", 26), ("经办人", 20), ("转出处理人", 40), ("转入处理人", 40),
            ], [[t.at, t.by, t.from_handler, t.to_handler] for t in r.transfers]))
            parts.append(self.gap(LIST_GAP))
        parts.append(self.list_table(f"{title}　调查记录（处理人：{r.handler or '—'}）", [
            ("日期", 26), ("处理人", 18), ("调查事项", 82),
        ], [[i.at, i.by, i.note] for i in r.investigations]))
        parts.append(self.gap(LIST_GAP))
        parts.append(self.list_table(f"{title}　联系客户记录", [
            ("时间", 26), ("经办人", 16), ("方式", 12), ("联系结果", 16), ("情况", 56),
        ], [[c.at, c.by, c.method, c.reached, c.note] for c in r.contacts]))
        if r.pending:
            parts.append(self.gap(LIST_GAP))
            parts.append(self.list_table(f"{title}　未了事宜", [
                ("登记时间", 26), ("登记人", 16), ("原因", 52), ("跟进日期", 16), ("恢复处理", 22),
            ], [[p.at, p.by, p.reason, p.follow_up, p.resumed_at] for p in r.pending]))
        parts.append(self.gap(LIST_GAP))
        parts.append(self.grid(f"{title}　处理结论", [
            (("致诉原因", r.cause),),
            (("事实认定", r.facts), ("是否成立", r.established)),
            (("处理意见", r.opinion),),
            (("处理结果", r.result),),
            (("责任部门", r.responsible_department), ("责任人", r.responsible_person)),
            (("过失处理意见", r.fault_decision),),
            (("结论人", r.concluded_by), ("结论时间", r.concluded_at)),
        ]))
        parts.append(self.gap(LIST_GAP))
        parts.append(self.list_table(f"{title}　回复客户", [
            ("回复时间", 26), ("回复人", 16), ("方式", 14), ("回复结果", 70),
        ], [[x.at, x.by, x.channel, x.result] for x in r.replies]))
        parts.append(self.gap(LIST_GAP))
        parts.append(self.list_table(f"{title}　审批", [
            ("时间", 26), ("审批人", 16), ("决定", 14), ("审批意见", 70),
        ], [[a.at, a.by, a.decision, a.text] for a in r.approvals]))
        parts.append(self.gap(LIST_GAP))
        parts.append(self.list_table(f"{title}　回访", [
            ("回访时间", 26), ("回访人", 16), ("方式", 12), ("满意度", 16), ("客户意见", 56),
        ], [[v.at, v.by, v.method, v.satisfaction, v.comment] for v in r.revisits]))
        return parts


def render_slip(data: SlipData) -> bytes:
    """The complaint handling slip as PDF bytes."""
    return SlipRenderer(data).render()
