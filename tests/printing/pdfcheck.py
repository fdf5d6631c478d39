"""Reading printouts back: text per page (pypdf), fonts, QR codes on a rendered page (pypdfium2 + zxing-cpp)."""
from __future__ import annotations

import io
import re

import pypdf
import pypdfium2
import zxingcpp

BASE14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
    "Times-BoldItalic", "Symbol", "ZapfDingbats",
}


def squash(text: str) -> str:
    """Text without any whitespace: a cell's line breaks must not hide a word."""
    return re.sub(r"\s+", "", text)


def pages_text(pdf: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def body_text(pdf: bytes, title: str, number: str, repeated_headings=()) -> str:
    """The flowing text of all pages, without the page furniture and the headings repeated on new pages."""
    bodies = []
    for index, page in enumerate(pages_text(pdf)):
        marker = squash(title + number)  # the last text of the header and footer, drawn before the body
        page = page[page.index(marker) + len(marker):]
        page = re.sub(r"第\d+页/共\d+页$", "", page)
        if index:
            for heading in repeated_headings:
                page = page.removeprefix(squash(heading))
        bodies.append(page)
    return "".join(bodies)


def all_text(pdf: bytes) -> str:
    return "".join(pages_text(pdf))


def fonts(pdf: bytes) -> list[dict]:
    """Every font dictionary used on any page, including inside form XObjects."""
    found, seen = [], set()

    def walk(resources):
        if resources is None:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            if id(font) not in seen:
                seen.add(id(font))
                found.append(font)
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        walk(page.get("/Resources"))
    return found


def is_embedded(font) -> bool:
    descriptors = [font.get("/FontDescriptor")]
    for descendant in font.get("/DescendantFonts") or []:
        descriptors.append(descendant.get_object().get("/FontDescriptor"))
    for descriptor in descriptors:
        if descriptor is not None:
            descriptor = descriptor.get_object()
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                return True
    return False


def qr_codes(pdf: bytes, page_index: int = 0, scale: float = 3) -> list[str]:
    """The texts of the QR codes found on a page rendered at 72 * ``scale`` dpi."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page_index].render(scale=scale).to_pil()
    finally:
        document.close()
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def text_outside(pdf: bytes, left: float, right: float) -> list[str]:
    """Characters drawn left of ``left`` or right of ``right`` (PDF points) on any page: cut-off text."""
    outside = []
    document = pypdfium2.PdfDocument(pdf)
    try:
        for page in document:
            textpage = page.get_textpage()
            for index in range(textpage.count_chars()):
                char = textpage.get_text_range(index, 1)
                if not char.strip():
                    continue
                x0, _, x1, _ = textpage.get_charbox(index)
                if x0 < left or x1 > right:
                    outside.append(char)
    finally:
        document.close()
    return outside
