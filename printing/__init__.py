"""Printouts of Complaint Desk: one ReportLab renderer per document, each returning PDF bytes. No Qt here.

The core (app/printouts.py) prepares a small dataclass per document (printing.documents); a renderer lays
it out on A4 with the embedded CJK font, the number as text and QR code, page X of Y, the branch name, the
print time and, from the second copy on, the 补打 mark.
"""
from printing.documents import (  # noqa: F401
    ApprovalLine, ContactLine, InvestigationLine, LetterData, NoticeData, PendingLine, PrintMeta, ReceiptData,
    ReplyLine, RevisitData, RevisitLine, RoundRecord, SlipData, TransferLine,
)
from printing.letter import render_letter  # noqa: F401
from printing.notice import render_notice  # noqa: F401
from printing.receipt import render_receipt  # noqa: F401
from printing.revisit import render_revisit  # noqa: F401
from printing.slip import render_slip  # noqa: F401

RENDERERS = {
    "slip": render_slip,
    "receipt": render_receipt,
    "notice": render_notice,
    "revisit": render_revisit,
    "letter": render_letter,
}


def selftest_pdf() -> bytes:
    """A one-page sample slip, to check the renderer and the font on an installation (``selftest``)."""
    meta = PrintMeta(number="SELFTEST-0000-00000", branch_name="自检", printed_at="—", copy_no=1)
    return render_slip(SlipData(meta=meta, kind="投诉", origin="常规", channel="来访", category="其他",
                                severity="一般投诉", received_at="—", receiver="—", complainant_name="自检"))
