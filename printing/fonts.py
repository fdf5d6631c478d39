"""The CJK font every printout uses: WenQuanYi Micro Hei 文泉驿微米黑, shipped in resources/fonts.

ReportLab embeds TrueType outlines (subset) in every PDF. The font is parsed once per process; later calls
to ``register_fonts`` return at once. No Qt here.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE_NAME = "wqy-microhei.ttc"
FONT_SUBFONT_INDEX = 0  # 0 = Micro Hei, 1 = Micro Hei Mono

_lock = threading.Lock()
_registered = False


class FontMissingError(RuntimeError):
    """The bundled CJK font is not where the installation should have put it."""


def fonts_dir() -> Path:
    """resources/fonts of a source checkout, or of a PyInstaller bundle (``sys._MEIPASS``)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources" / "fonts"
    return Path(__file__).resolve().parent.parent / "resources" / "fonts"


def font_path() -> Path:
    return fonts_dir() / FONT_FILE_NAME


def register_fonts() -> str:
    """Register the CJK font with ReportLab (once) and return its name."""
    global _registered
    if _registered:
        return FONT_NAME
    with _lock:
        if _registered:
            return FONT_NAME
        path = font_path()
        if not path.is_file():
            raise FontMissingError(f"CJK font not found: {path}")
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=FONT_SUBFONT_INDEX))
        # The font has a single weight: <b> and <i> in paragraphs map to the same face, never to Helvetica.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
        _registered = True
    return FONT_NAME


def selftest() -> dict:
    """Load the font and check it has the glyphs the forms need; for ``selftest`` and the packaged build."""
    name = register_fonts()
    face = pdfmetrics.getFont(name).face
    missing = [ch for ch in "客户投诉处理单受理回执整改通知书补打第页共" if ord(ch) not in face.charToGlyph]
    if missing:
        raise FontMissingError(f"the font lacks glyphs: {''.join(missing)}")
    return {"font": name, "path": str(font_path()), "bytes": font_path().stat().st_size}
