"""The print preview opened offscreen on a real printout: pages shown, save, print to a PDF printer."""
from __future__ import annotations

import io

import pypdf
import pytest

from printing import render_slip
from tests.printing import sample_printouts as samples

pytest.importorskip("PySide6.QtPdfWidgets")

from PIL import ImageChops, ImageFilter, ImageStat  # noqa: E402
import pypdfium2  # noqa: E402
from PySide6.QtGui import QPageSize  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from ui.print_preview import PrintPreviewDialog  # noqa: E402


@pytest.fixture
def long_slip() -> bytes:
    return render_slip(samples.slip(content=samples.CONTENT * 25, rounds=2))


@pytest.fixture
def dialog(qtbot, long_slip):
    dlg = PrintPreviewDialog(long_slip, "客户投诉处理单 " + samples.NUMBER, samples.NUMBER + ".pdf")
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_preview_shows_every_page_of_the_printout(dialog, long_slip, qtbot):
    expected = len(pypdf.PdfReader(io.BytesIO(long_slip)).pages)
    assert expected >= 3
    qtbot.waitUntil(lambda: dialog.page_count() == expected)
    assert str(expected) in dialog.page_count_label.text()
    assert dialog.print_button.isEnabled()


def test_save_as_pdf_writes_the_same_bytes(dialog, long_slip, tmp_path, monkeypatch):
    target = tmp_path / "slip"
    monkeypatch.setattr(dialog, "choose_save_path", lambda: str(target))
    assert dialog.save_as_pdf()
    assert (tmp_path / "slip.pdf").read_bytes() == long_slip


def test_save_to_an_unwritable_place_says_so(dialog, tmp_path, monkeypatch):
    messages = []
    monkeypatch.setattr(dialog, "choose_save_path", lambda: str(tmp_path / "missing" / "x.pdf"))
    monkeypatch.setattr(dialog, "show_message", lambda title, text, error=True: messages.append(text))
    assert not dialog.save_as_pdf()
    assert messages and "missing" in messages[0]


def test_no_printer_gives_a_clear_message(dialog, monkeypatch):
    messages = []
    monkeypatch.setattr("ui.print_preview.QPrinterInfo.availablePrinterNames", staticmethod(lambda: []))
    monkeypatch.setattr(dialog, "show_message", lambda title, text, error=True: messages.append((title, text)))
    assert not dialog.print_document()
    assert messages and "printer" in messages[0][1].lower()


def grey_page(pdf: bytes, index: int, size=(595, 842)):
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[index]
        image = page.render(scale=size[0] / page.get_width()).to_pil().convert("L")
    finally:
        document.close()
    return image.resize(size).filter(ImageFilter.GaussianBlur(1))  # softens the JPEG noise of Qt's PDF output


def test_printing_puts_the_same_pages_on_paper(dialog, long_slip, tmp_path, qtbot):
    # A PDF-file QPrinter stands in for the real printer: what it receives is compared with the printout.
    qtbot.waitUntil(lambda: dialog.page_count() > 0)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    assert dialog.print_to(printer) == dialog.page_count()
    printed = (tmp_path / "printed.pdf").read_bytes()
    assert len(pypdf.PdfReader(io.BytesIO(printed)).pages) == dialog.page_count()
    for index in (0, dialog.page_count() - 1):
        original, on_paper = grey_page(long_slip, index), grey_page(printed, index)

        def difference(shift: int) -> float:
            return ImageStat.Stat(ImageChops.difference(original, ImageChops.offset(on_paper, 0, shift))).mean[0]

        # Qt's PDF printer stores the bands as JPEG, hence not zero; a blank, wrong or shifted page gives > 15
        assert difference(0) < 9, f"page {index + 1} differs from the preview"
        # and nothing slid down the page: the bands line up exactly
        assert difference(0) < min(difference(-2), difference(2))


def test_printing_sets_a4_and_sends_light_pages(dialog, long_slip, tmp_path, qtbot):
    # the driver's default is Letter and 1200 dpi: the desk asks for A4, and sends 300 dpi greys, not colour
    qtbot.waitUntil(lambda: dialog.page_count() > 0)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setResolution(1200)
    dialog.prepare_printer(printer)
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert printer.fullPage() and printer.colorMode() == QPrinter.ColorMode.GrayScale
    pages = dialog.print_to(printer)
    a4_at_300_dpi_grey = 2484 * 3508  # bytes a page: 2481 pixels a row (one byte each) padded to 4 bytes
    assert dialog.last_job_bytes <= pages * a4_at_300_dpi_grey
    assert dialog.last_job_bytes < pages * 4960 * 7016 * 3 / 10  # a tenth of a 600 dpi colour page, at most
    page = pypdf.PdfReader(io.BytesIO((tmp_path / "printed.pdf").read_bytes())).pages[0]
    assert abs(float(page.mediabox.width) - 595.3) < 1 and abs(float(page.mediabox.height) - 841.9) < 1


def test_a_reprint_keeps_its_red_mark_in_colour(qtbot, tmp_path):
    reprint = render_slip(samples.slip(copy_no=2))
    dialog = PrintPreviewDialog(reprint, "slip", "slip.pdf")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page_count() > 0)
    assert dialog.page_has_colour(0)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "reprint.pdf"))
    dialog.prepare_printer(printer)
    assert printer.colorMode() == QPrinter.ColorMode.Color
    dialog.print_to(printer)
    document = pypdfium2.PdfDocument((tmp_path / "reprint.pdf").read_bytes())
    try:
        image = document[0].render(scale=0.5).to_pil().convert("RGB")
    finally:
        document.close()
    pixels = image.tobytes()
    assert any(pixels[i] > 150 and pixels[i + 1] < 100 and pixels[i + 2] < 100  # the 补打 mark, red on paper
               for i in range(0, len(pixels), 3))
