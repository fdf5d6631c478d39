"""The fonts every printout uses, shipped in resources/fonts with their licences.

- WenQuanYi Micro Hei 文泉驿微米黑: every ordinary character (the primary font).
- Fallbacks for the characters it lacks, chosen per character: "Desk Fallback A" (a subset of Hanazono
  HanaMinA: CJK Extension A, compatibility ideographs, ...) and Hanazono HanaMinB (CJK Extension B to F).
  A rare character of a name (吉𠮷) prints as written instead of disappearing from the paper.

Glyphs are checked before rendering: ``runs`` cuts a text into pieces, each with the font that has its
glyphs, and ``unprintable`` names the characters no bundled font has (the intake refuses them). ReportLab
embeds the TrueType outlines (subset) in every PDF. Each font is parsed once per process, a fallback only
when a character needs it. No Qt here.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE_NAME = "wqy-microhei.ttc"
FONT_SUBFONT_INDEX = 0  # 0 = Micro Hei, 1 = Micro Hei Mono

# (ReportLab name, file, Qt family), in the order they are tried after the primary font
FALLBACK_FONTS = (
    ("DeskFallbackA", "desk-fallback-a.ttf", "Desk Fallback A"),
    ("HanaMinB", "HanaMinB.ttf", "HanaMinB"),
)
# Characters that take no glyph: line breaks and tabs are layout, never drawn.
LAYOUT_CHARACTERS = frozenset("\n\r\t")

_lock = threading.Lock()
_registered = False
_loaded: dict[str, TTFont] = {}  # ReportLab name -> font, as each is first needed


def _to_unicode_cmap(fontname, subset):
    """ReportLab's ToUnicode CMap with each character written in UTF-16BE, as the PDF specification asks.
    ReportLab writes ``<%04X>``, which turns a character beyond U+FFFF (𠮷, U+20BB7) into five hex digits that
    readers cut to ₻: the slip would look right but copy, search and text extraction would lose the name."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        "<00> <%02X>" % (len(subset) - 1), "endcodespacerange", "%d beginbfchar" % len(subset),
    ]
    lines += ["<%02X> <%s>" % (index, chr(code).encode("utf-16-be").hex().upper()) for index, code in enumerate(subset)]
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # used when a document is saved, for every TrueType subset


class FontMissingError(RuntimeError):
    """A bundled font is not where the installation should have put it."""


def fonts_dir() -> Path:
    """resources/fonts of a source checkout, or of a PyInstaller bundle (``sys._MEIPASS``)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources" / "fonts"
    return Path(__file__).resolve().parent.parent / "resources" / "fonts"


def font_path() -> Path:
    return fonts_dir() / FONT_FILE_NAME


def font_files() -> list[Path]:
    """The primary font, then the fallbacks, as Qt registers them (same order, same files)."""
    return [font_path()] + [fonts_dir() / file for _, file, _ in FALLBACK_FONTS]


def fallback_families() -> list[str]:
    """The Qt family names of the fallback fonts, in order (the screen falls back exactly as the paper)."""
    return [family for _, _, family in FALLBACK_FONTS]


def _map_styles(name: str) -> None:
    # a single weight: <b> and <i> in paragraphs map to the same face, never to Helvetica
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)


def register_fonts() -> str:
    """Register the primary CJK font with ReportLab (once) and return its name."""
    global _registered
    if _registered:
        return FONT_NAME
    with _lock:
        if _registered:
            return FONT_NAME
        path = font_path()
        if not path.is_file():
            raise FontMissingError(f"CJK font not found: {path}")
        font = TTFont(FONT_NAME, str(path), subfontIndex=FONT_SUBFONT_INDEX)
        pdfmetrics.registerFont(font)
        _map_styles(FONT_NAME)
        _loaded[FONT_NAME] = font
        _registered = True
    return FONT_NAME


def _fallback(index: int) -> TTFont:
    name, file, _ = FALLBACK_FONTS[index]
    font = _loaded.get(name)
    if font is not None:
        return font
    with _lock:
        font = _loaded.get(name)
        if font is None:
            path = fonts_dir() / file
            if not path.is_file():
                raise FontMissingError(f"fallback font not found: {path}")
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
            _map_styles(name)
            _loaded[name] = font
    return font


def _has(font: TTFont, code: int) -> bool:
    return code in font.face.charToGlyph


def font_for(character: str) -> str | None:
    """The name of the first font that has a glyph for ``character`` (None: no bundled font has one)."""
    register_fonts()
    code = ord(character)
    if character in LAYOUT_CHARACTERS or _has(_loaded[FONT_NAME], code):
        return FONT_NAME
    for index in range(len(FALLBACK_FONTS)):
        font = _fallback(index)
        if _has(font, code):
            return font.fontName
    return None


def needs_fallback(text: str) -> bool:
    """Whether some character of ``text`` is missing from the primary font (the common case answers fast)."""
    register_fonts()
    glyphs = _loaded[FONT_NAME].face.charToGlyph
    return any(ord(ch) not in glyphs and ch not in LAYOUT_CHARACTERS for ch in text)


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into (font name, piece) runs, each piece drawn in a font that has all its glyphs.
    A character no font has stays in the primary font's run (the intake refuses such text before)."""
    if not text:
        return []
    if not needs_fallback(text):
        return [(FONT_NAME, text)]
    pieces: list[tuple[str, str]] = []
    for character in text:
        name = font_for(character) or FONT_NAME
        if pieces and pieces[-1][0] == name:
            pieces[-1] = (name, pieces[-1][1] + character)
        else:
            pieces.append((name, character))
    return pieces


def unprintable(text: str) -> list[str]:
    """The distinct characters of ``text`` that no bundled font can print, in order of appearance."""
    if not text or not needs_fallback(text):
        return []
    missing: list[str] = []
    for character in text:
        if character not in missing and font_for(character) is None:
            missing.append(character)
    return missing


def string_width(text: str, size: float) -> float:
    """The printed width of ``text`` at ``size`` points, each run measured in its own font."""
    return sum(pdfmetrics.stringWidth(piece, name, size) for name, piece in runs(text))


def draw_string(canvas, x: float, y: float, text: str, size: float, align: str = "left") -> None:
    """``canvas.drawString`` with the fallback fonts: each run in its font; ``align`` left, centre or right."""
    width = string_width(text, size)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for name, piece in runs(text):
        canvas.setFont(name, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, name, size)
    canvas.setFont(FONT_NAME, size)


def selftest() -> dict:
    """Load the fonts and check they have the glyphs the forms and rare names need; for ``selftest`` and the
    packaged build."""
    name = register_fonts()
    face = pdfmetrics.getFont(name).face
    missing = [ch for ch in "客户投诉处理单受理回执整改通知书补打第页共" if ord(ch) not in face.charToGlyph]
    if missing:
        raise FontMissingError(f"the font lacks glyphs: {''.join(missing)}")
    rare = "㐀䶵𠀀𠮷𪛖"  # first and last of CJK Extension A, Extension B's first, 𠮷, Extension B's last
    missing = unprintable(rare)
    if missing:
        raise FontMissingError(f"the fallback fonts lack glyphs: {''.join(missing)}")
    files = font_files()
    return {"font": name, "path": str(font_path()), "bytes": font_path().stat().st_size,
            "fallbacks": [path.name for path in files[1:]]}
