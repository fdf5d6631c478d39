"""Ledger printouts 台帐: the complaint register, the pending-matters ledger, the rectification ledger and the
number reconciliation, each a ruled list whose column titles repeat on every page. No Qt, app or models here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from printing.documents import PrintMeta
from printing.base import DocumentRenderer
from printing.report_pdf import PlainHeader


@dataclass
class LedgerDocument:
    meta: PrintMeta
    title: str  # e.g. 投诉登记台帐
    subtitle: str  # branch, period or year, number of rows
    columns: list[tuple[str, float]]  # title, relative width
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)
    signers: list[tuple[str, str]] = field(default_factory=list)


class LedgerRenderer(PlainHeader, DocumentRenderer):
    def __init__(self, document: LedgerDocument):
        super().__init__(document.meta)
        self.document = document
        self.title = document.title
        self.header_right = document.subtitle

    def styles(self):
        styles = super().styles()
        # ledgers are dense: a smaller face for the cells
        styles["value"].fontSize, styles["value"].leading = 8, 10.5
        styles["label_center"].fontSize, styles["label_center"].leading = 8, 10.5
        return styles

    def story(self):
        d = self.document
        story = [self.p(d.title, "title"), self.p(d.subtitle, "value_center"), self.gap(),
                 self.list_table(None, d.columns, d.rows)]
        for note in d.notes:
            story.append(self.p(note, "small"))
        if d.signers:
            story.append(self.signature_block(None, d.signers))
        return story


def render_ledger(document: LedgerDocument) -> bytes:
    return LedgerRenderer(document).render()
