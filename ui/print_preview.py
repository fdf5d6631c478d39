"""Print preview: shows a printout's PDF bytes, prints it through the system's print dialog, saves it as PDF.

The PDF is loaded from memory (QBuffer) into QPdfDocument and shown by QPdfView. Printing sets A4 and renders
every page with pypdfium2 (in bands, at 300 dpi at most, in shades of grey unless the page has colour) and
draws it onto the QPrinter, so what comes out of the printer is the same page the preview shows. A missing printer, a cancelled or failed print, and a failed save end in a
clear message; the blocking dialogs are methods, so tests replace them instead of blocking.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from ui import widgets

# What goes to the printer is a picture of each page. The cheap lasers of the branches print 600 dpi dots, but
# a page at 600 dpi in colour is 104 MB of pixels that the spooler and the driver must carry (a two-page slip
# took seconds and hundreds of megabytes). At 300 dpi in shades of grey it is a twelfth of that, and the
# forms' text (9 points and up) and QR codes print sharp: what the printer needs, not more.
MAX_PRINT_DPI = 300
BAND_HEIGHT = 1024  # pixels: a page is rendered in bands of this height to bound the memory it needs
COLOUR_PROBE_DPI = 24  # a thumbnail that tells whether a page has colour at all (the red 补打 mark)


class PrintPreviewDialog(QDialog):
    """Preview of one printout, with Print and Save as PDF."""

    def __init__(self, pdf: bytes, title: str, suggested_name: str = "printout.pdf", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        from ui import settings as prefs

        self.resize(*prefs.fitted_size(self, 820, 960))
        self.pdf_bytes = bytes(pdf)
        self.suggested_name = suggested_name

        self.page_count_label = QLabel(self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)

        # The buffer must outlive the document: QPdfDocument reads from it.
        self._data = QByteArray(self.pdf_bytes)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.pageCountChanged.connect(self._update_page_count)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as_pdf)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(widgets.button_row(self.print_button, self.save_button, self.close_button,
                                            leading=self.page_count_label))
        self._update_page_count()

        if self.document.status() == QPdfDocument.Status.Error:
            self.print_button.setEnabled(False)
            self.page_count_label.setText(self.tr("The printout could not be displayed."))

    # --- state ---------------------------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def _update_page_count(self, *_args) -> None:
        count = self.page_count()
        self.page_count_label.setText(self.tr("%n page(s)", "", count))
        self.print_button.setEnabled(count > 0)

    # --- blocking dialogs (tests replace these) ------------------------------------------------------------

    def show_message(self, title: str, text: str, error: bool = True) -> None:
        if error:
            QMessageBox.warning(self, title, text)
        else:
            QMessageBox.information(self, title, text)

    def choose_printer(self, printer: QPrinter) -> bool:
        """The system print dialog: printer, copies, page range. False when the user cancels."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setMinMax(1, max(1, self.page_count()))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def choose_save_path(self) -> str:
        from ui import dialogs

        return dialogs.save_file(self, self.tr("Save as PDF"), self.suggested_name, self.tr("PDF files (*.pdf)"))

    # --- actions -------------------------------------------------------------------------------------------

    def print_document(self) -> bool:
        """Ask for a printer and print; True when every page was sent to it."""
        if not QPrinterInfo.availablePrinterNames():
            self.show_message(self.tr("No printer"), self.tr(
                "No printer is installed on this computer. Save the printout as PDF and print it elsewhere, "
                "or ask your administrator to install a printer."))
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.prepare_printer(printer)
        if not self.choose_printer(printer):
            return False
        try:
            self.print_to(printer)
        except PrintError as exc:
            self.show_message(self.tr("Printing failed"), self.tr(
                "The printout was not printed: {0}. Check that the printer is switched on, connected and has "
                "paper, then try again.").format(str(exc)))
            return False
        return True

    def prepare_printer(self, printer: QPrinter) -> None:
        """A4 portrait, the page 1:1 (it has its own margins), shades of grey unless a page has colour: the
        defaults the print dialog shows. A printer driver set to Letter would otherwise shrink the form."""
        printer.setDocName(self.windowTitle())
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        if not any(self.page_has_colour(index) for index in range(self.page_count())):
            printer.setColorMode(QPrinter.ColorMode.GrayScale)

    def page_has_colour(self, index: int) -> bool:
        document = pypdfium2.PdfDocument(self.pdf_bytes)
        try:
            page = document[index]
            thumbnail = page.render(scale=COLOUR_PROBE_DPI / 72).to_pil().convert("RGB")
        finally:
            document.close()
        saturation = thumbnail.convert("HSV").getextrema()[1]  # (least, most) saturated pixel, 0-255
        return saturation[1] > 64

    def page_range(self, printer: QPrinter) -> range:
        count = self.page_count()
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0 or last <= 0:
            return range(count)
        return range(max(0, first - 1), min(count, last))

    def print_to(self, printer: QPrinter) -> int:
        """Draw each page, rendered at the printer's resolution, onto the printer. Returns the pages printed."""
        pages = self.page_range(printer)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(self.tr("the printer could not be opened"))
        printed = 0
        self.last_job_bytes = 0  # the pixels handed to the printer, for the measurements in the README
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            layout = printer.pageLayout()
            if printer.fullPage():
                target = layout.fullRectPixels(printer.resolution())
                target.moveTo(0, 0)
            else:
                target = layout.paintRectPixels(printer.resolution())
            document = pypdfium2.PdfDocument(self.pdf_bytes)
            try:
                for index in pages:
                    if printed and not printer.newPage():
                        raise PrintError(self.tr("the printer refused a new page"))
                    grey = printer.colorMode() == QPrinter.ColorMode.GrayScale or not self.page_has_colour(index)
                    self.draw_page(painter, document[index], index, dpi, target, grey=grey)
                    printed += 1
            finally:
                document.close()
        except pypdfium2.PdfiumError as exc:
            raise PrintError(self.tr("the printout could not be rendered ({0})").format(str(exc))) from exc
        finally:
            if not painter.end():
                raise PrintError(self.tr("the print job could not be finished"))
        return printed

    def draw_page(self, painter: QPainter, page, index: int, dpi: int, target: QRect, grey: bool = False) -> None:
        """Render one page at ``dpi`` in horizontal bands (a whole A4 page at 600 dpi would take 100 MB) and
        draw them, scaled to fit ``target`` on the printer; ``grey``: one byte a pixel instead of three."""
        scale = dpi / 72
        width_pt, height_pt = page.get_size()
        full = QSize(round(width_pt * scale), round(height_pt * scale))
        place = fit(target, full)
        to_device = place.height() / full.height()
        for top in range(0, full.height(), BAND_HEIGHT):
            height = min(BAND_HEIGHT, full.height() - top)
            # crop is in points from each edge: left, bottom, right, top
            bitmap = page.render(scale=scale, crop=(0, (full.height() - top - height) / scale, 0, top / scale),
                                 rev_byteorder=True, grayscale=grey)
            if bitmap.mode != ("L" if grey else "RGB"):
                raise PrintError(self.tr("page {0} could not be rendered").format(index + 1))
            pixels = bytes(bitmap.buffer)
            image_format = QImage.Format.Format_Grayscale8 if grey else QImage.Format.Format_RGB888
            band = QImage(pixels, bitmap.width, bitmap.height, bitmap.stride, image_format).copy()
            self.last_job_bytes += band.sizeInBytes()
            painter.drawImage(QRectF(place.x(), place.y() + top * to_device, place.width(),
                                     bitmap.height * to_device), band)

    def save_as_pdf(self) -> bool:
        path = self.choose_save_path()
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from app.errors import DeskError
        from app.services import files
        from ui import dialogs, saving

        while True:
            try:
                files.save_file(path, self.pdf_bytes)
                return True
            except files.FileInUse as exc:  # open in a PDF viewer: close it there, or another name
                choice = dialogs.file_in_use(self, self.tr("Saving failed"), exc.localized())
                if choice == "retry":
                    continue
                if choice != "other":
                    return False
                path = dialogs.save_file(self, self.tr("Save as PDF"),
                                         str(Path(path).with_name(saving.another_name(path))), self.tr("PDF files (*.pdf)"))
                if not path:
                    return False
            except DeskError as exc:
                self.show_message(self.tr("Saving failed"), self.tr(
                    "The PDF could not be saved: {0}. Choose another folder or free some space.").format(exc.localized()))
                return False


class PrintError(RuntimeError):
    """Printing stopped; the message says where."""


def fit(target: QRect, size: QSize) -> QRect:
    """``size`` scaled to fit ``target`` keeping its aspect ratio, centred."""
    scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = target.x() + (target.width() - scaled.width()) // 2
    y = target.y() + (target.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())
