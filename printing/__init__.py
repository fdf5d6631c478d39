"""Printouts of Complaint Desk: one ReportLab renderer per document, each returning PDF bytes. No Qt here.

The core (app/printouts.py) prepares a small dataclass per document (printing.documents); a renderer lays
it out on A4 with the embedded CJK font, the number as text and QR code, page X of Y, the branch name, the
print time and, from the second copy on, the 补打 mark.
"""
from printing.documents import (  # noqa: F401
    ApprovalLine, ContactLine, InvestigationLine, LetterData, NoticeData, PendingLine, PrintMeta, ReceiptData,
    ReplyLine, RevisitData, RevisitLine, RoundRecord, SlipData, TransferLine,
)
# The renderers are imported when first used (PEP 562): the windows start, and read the font list of
# printing.fonts, without loading ReportLab's page layout.
_RENDERER_MODULES = {
    "render_letter": "printing.letter",
    "render_notice": "printing.notice",
    "render_receipt": "printing.receipt",
    "render_revisit": "printing.revisit",
    "render_slip": "printing.slip",
}
_DOCUMENT_RENDERERS = {"slip": "render_slip", "receipt": "render_receipt", "notice": "render_notice",
                       "revisit": "render_revisit", "letter": "render_letter"}


def __getattr__(name):
    import importlib

    if name in _RENDERER_MODULES:
        return getattr(importlib.import_module(_RENDERER_MODULES[name]), name)
    if name == "RENDERERS":
        return {document: __getattr__(function) for document, function in _DOCUMENT_RENDERERS.items()}
    raise AttributeError(f"module 'printing' has no attribute {name!r}")


def selftest_pdf() -> bytes:
    """A one-page sample slip, to check the renderer and the font on an installation (``selftest``)."""
    meta = PrintMeta(number="SELFTEST-0000-00000", branch_name="自检", printed_at="—", copy_no=1)
    return __getattr__("render_slip")(SlipData(meta=meta, kind="投诉", origin="常规", channel="来访", category="其他",
                                severity="一般投诉", received_at="—", receiver="—", complainant_name="自检"))
