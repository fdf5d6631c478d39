"""The monthly reconciliation statement 月度对账单: the month's counts, every number opened, the voided numbers
with their reasons, the cases carried over, and a signature box for the branch manager. No Qt, app or models.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.units import mm

from printing.base import CONTENT_WIDTH, DocumentRenderer, Label
from printing.documents import PrintMeta

NUMBERS_PER_ROW = 4


@dataclass
class StatementDocument:
    meta: PrintMeta
    title: str  # 客户投诉月度对账单
    subtitle: str  # branch and month
    counts: list[tuple[str, str]]  # label, value
    numbers: list[tuple[str, str]]  # number, state (printed wording)
    voided: list[tuple[str, str]]  # number, reason
    carried_over: list[str]
    notices: list[str]
    closed_line: str  # who closed the month and when, or "未月结（草稿）"
    digest: str
    signers: list[tuple[str, str]] = field(default_factory=list)


class StatementRenderer(DocumentRenderer):
    def __init__(self, document: StatementDocument):
        super().__init__(document.meta)
        self.document = document
        self.title = document.title

    def number_grid(self, heading: str, cells: list[str]):
        widths = [CONTENT_WIDTH / NUMBERS_PER_ROW] * NUMBERS_PER_ROW
        rows = []
        for i in range(0, len(cells), NUMBERS_PER_ROW):
            row = cells[i:i + NUMBERS_PER_ROW]
            rows.append(row + [""] * (NUMBERS_PER_ROW - len(row)))
        if not rows:
            rows = [[Label("（无）", "value_center", shaded=False), None, None, None]]
        return self.ruled_table(heading, widths, rows)

    def story(self):
        d = self.document
        label = 34 * mm
        half = (CONTENT_WIDTH - 2 * label) / 2
        records = []
        for i in range(0, len(d.counts), 2):
            a = d.counts[i]
            b = d.counts[i + 1] if i + 1 < len(d.counts) else ("", "")
            records.append([Label(a[0]), a[1], Label(b[0]), b[1]])
        story = [self.p(d.title, "title"), self.p(d.subtitle, "value_center"), self.gap(),
                 self.ruled_table("本月汇总", [label, half, label, half], records), self.gap(),
                 self.number_grid(f"本月受理编号（{len(d.numbers)} 个）", [f"{n}  {s}" for n, s in d.numbers]),
                 self.gap(),
                 self.list_table(f"作废编号（{len(d.voided)} 个）", [("编号", 1), ("作废原因", 2.2)],
                                 [list(v) for v in d.voided]),
                 self.gap(),
                 self.number_grid(f"结转下月未结案件（{len(d.carried_over)} 件）", d.carried_over),
                 self.gap(),
                 self.number_grid(f"本月下发整改通知书（{len(d.notices)} 份）", d.notices),
                 self.gap(),
                 self.p(d.closed_line, "small"),
                 self.p(f"对账单校验码（SHA-256）：{d.digest}", "small")]
        story.append(self.signature_block("签字确认", d.signers, before=[self.gap()]))
        return story


def render_statement(document: StatementDocument) -> bytes:
    return StatementRenderer(document).render()
