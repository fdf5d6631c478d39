"""A slip printed through the print dialog's own code path reaches a real CUPS queue and comes out whole."""
from __future__ import annotations

import time
import uuid

import pypdf
import pytest

from tests.conftest import sample_case
from tests.integration.conftest import output_folder

pytestmark = pytest.mark.integration


def test_slip_printed_to_a_cups_queue_comes_out_with_its_number(desk, qtbot, cups_queue):
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    from app.reports.printouts import print_document
    from app.services import cases
    from ui.print_preview import PrintPreviewDialog

    number = cases.register_case(desk.rec, sample_case())["number"]
    pdf = print_document(desk.rec, number, "slip")
    assert cups_queue in QPrinterInfo.availablePrinterNames(), "Qt does not see the CUPS queue"

    dialog = PrintPreviewDialog(pdf, "客户投诉处理单", f"{number}.pdf")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(cups_queue)
    job = f"cdesk-{uuid.uuid4().hex[:10]}"
    printer.setDocName(job)
    printer.setFullPage(True)
    pages = dialog.print_to(printer)
    assert pages == dialog.page_count() >= 1

    output = wait_for_output(output_folder(), job)
    try:
        printed = pypdf.PdfReader(str(output))
        assert len(printed.pages) == pages
        # the page went through the printer as an image: the QR code on it still reads as the slip number
        import pypdfium2
        import zxingcpp

        document = pypdfium2.PdfDocument(str(output))
        image = document[0].render(scale=2).to_pil()
        document.close()
        assert number in [code.text for code in zxingcpp.read_barcodes(image)]
    finally:
        output.unlink(missing_ok=True)


def wait_for_output(folder, job: str, timeout: float = 90.0):
    """The queue's output file for ``job`` once the job has finished and the file stopped growing."""
    deadline = time.monotonic() + timeout
    last_size = -1
    while time.monotonic() < deadline:
        found = sorted(folder.glob(f"{job}*.pdf")) if folder.exists() else []
        if found:
            size = found[0].stat().st_size
            if size > 0 and size == last_size and found[0].read_bytes().rstrip().endswith(b"%%EOF"):
                return found[0]
            last_size = size
        time.sleep(0.5)
    raise AssertionError(f"no finished output for {job} from the CUPS queue in {folder}")
