"""Print preview: shows a printout's PDF bytes, prints it through the system's print dialog, saves it as PDF.

The PDF is loaded from memory (QBuffer) into QPdfDocument and shown by QPdfView. Printing renders every
page with pypdfium2 at the printer's resolution (in bands, pixel-exact) and draws it onto the QPrinter, so what comes out of the printer is the
same page the preview shows. A missing printer, a cancelled or failed print, and a failed save end in a
clear message; the blocking dialogs are methods, so tests replace them instead of blocking.
"""
from __future__ import annotations

import pypdfium2
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from ui import widgets

MAX_PRINT_DPI = 600  # finer than this only costs time: the text is already sharp
BAND_HEIGHT = 1024  # pixels: a page is rendered in bands of this height to bound the memory it needs


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
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self.suggested_name,
                                              self.tr("PDF files (*.pdf)"))
        return path

    # --- actions -------------------------------------------------------------------------------------------

    def print_document(self) -> bool:
        """Ask for a printer and print; True when every page was sent to it."""
        if not QPrinterInfo.availablePrinterNames():
            self.show_message(self.tr("No printer"), self.tr(
                "No printer is installed on this computer. Save the printout as PDF and print it elsewhere, "
                "or ask your administrator to install a printer."))
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFullPage(True)  # the PDF page already has its margins: print it 1:1 on the paper
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
                    self.draw_page(painter, document[index], index, dpi, target)
                    printed += 1
            finally:
                document.close()
        except pypdfium2.PdfiumError as exc:
            raise PrintError(self.tr("the printout could not be rendered ({0})").format(str(exc))) from exc
        finally:
            if not painter.end():
                raise PrintError(self.tr("the print job could not be finished"))
        return printed

    def draw_page(self, painter: QPainter, page, index: int, dpi: int, target: QRect) -> None:
        """Render one page at ``dpi`` in horizontal bands (a whole A4 page at 600 dpi would take 100 MB) and
        draw them, scaled to fit ``target`` on the printer."""
        scale = dpi / 72
        width_pt, height_pt = page.get_size()
        full = QSize(round(width_pt * scale), round(height_pt * scale))
        place = fit(target, full)
        to_device = place.height() / full.height()
        for top in range(0, full.height(), BAND_HEIGHT):
            height = min(BAND_HEIGHT, full.height() - top)
            # crop is in points from each edge: left, bottom, right, top
            bitmap = page.render(scale=scale, crop=(0, (full.height() - top - height) / scale, 0, top / scale),
                                 rev_byteorder=True)
            if bitmap.mode != "RGB":
                raise PrintError(self.tr("page {0} could not be rendered").format(index + 1))
            pixels = bytes(bitmap.buffer)
            band = QImage(pixels, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888).copy()
            painter.drawImage(QRectF(place.x(), place.y() + top * to_device, place.width(),
                                     bitmap.height * to_device), band)

    def save_as_pdf(self) -> bool:
        path = self.choose_save_path()
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            with open(path, "wb") as handle:
                handle.write(self.pdf_bytes)
        except OSError as exc:
            self.show_message(self.tr("Saving failed"), self.tr(
                "The PDF could not be saved to {0}: {1}. Choose another folder or free some space.").format(
                path, exc.strerror or str(exc)))
            return False
        return True


class PrintError(RuntimeError):
    """Printing stopped; the message says where."""


def fit(target: QRect, size: QSize) -> QRect:
    """``size`` scaled to fit ``target`` keeping its aspect ratio, centred."""
    scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = target.x() + (target.width() - scaled.width()) // 2
    y = target.y() + (target.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())
