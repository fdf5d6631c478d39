"""Rare characters of names (CJK Extension A and B: 吉𠮷, 㐂) print as written: the primary font lacks them, a
bundled fallback font has them, and the PDF is read back with pdftotext. A character no bundled font has is
refused at intake, naming the field, before anything is saved."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from app.errors import InvalidInput
from app.reports import printouts
from app.services import cases
from models import Case
from printing import fonts, render_receipt, render_slip
from tests.conftest import sample_case
from tests.printing import sample_printouts as samples
from tests.printing.pdfcheck import fonts as pdf_fonts, is_embedded

RARE_NAME = "吉𠮷"          # U+5409 U+20BB7: the second character is CJK Extension B
EXT_A_NAME = "王㐂"         # U+3402, CJK Extension A
NO_FONT = "\U0010FFFD"      # a private-use character no font has


def pdftotext(pdf: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,
                          timeout=60).stdout.decode("utf-8")


def test_the_primary_font_lacks_the_rare_characters_and_a_fallback_has_them():
    assert fonts.font_for("吉") == fonts.FONT_NAME
    assert fonts.font_for("𠮷") != fonts.FONT_NAME and fonts.font_for("𠮷") is not None
    assert fonts.font_for("㐂") not in (fonts.FONT_NAME, None)
    # every character of CJK Extension A and B has a glyph in some bundled font
    extension_a = "".join(chr(c) for c in range(0x3400, 0x4DB6))
    extension_b = "".join(chr(c) for c in range(0x20000, 0x2A6D7))
    assert fonts.unprintable(extension_a) == []
    assert fonts.unprintable(extension_b) == []
    assert fonts.unprintable("张伟" + NO_FONT) == [NO_FONT]


@pytest.mark.parametrize("name", [RARE_NAME, EXT_A_NAME])
def test_a_slip_and_a_receipt_print_every_character_of_the_name(name, tmp_path):
    slip = samples.slip()
    slip.complainant_name = name
    slip.contact_name = name
    pdf = render_slip(slip)
    text = pdftotext(pdf, tmp_path)
    assert name in text
    used = {str(font["/BaseFont"]) for font in pdf_fonts(pdf)}
    assert any("WenQuanYi" in n for n in used) and len(used) >= 2, used  # the fallback is embedded beside it
    assert all(is_embedded(font) for font in pdf_fonts(pdf))

    receipt = samples.receipt()
    receipt.complainant_name = name
    assert name in pdftotext(render_receipt(receipt), tmp_path)


def test_a_branch_name_with_a_rare_character_prints_in_the_header(tmp_path):
    slip = samples.slip()
    slip.meta.branch_name = "𠮷野家分公司"
    assert "𠮷野家分公司" in pdftotext(render_slip(slip), tmp_path)


def test_a_registered_case_with_a_rare_name_prints_it_on_the_slip(desk, tmp_path):
    number = cases.register_case(desk.rec, sample_case(**{"complainant.name": RARE_NAME,
                                                           "contact_name": RARE_NAME}))["number"]
    pdf = printouts.print_document(desk.rec, number, "slip")
    text = pdftotext(pdf, tmp_path)
    assert RARE_NAME in text and number in text


@pytest.mark.parametrize("field, changes", [
    ("complainant.name", {"complainant.name": "张" + NO_FONT}),
    ("content", {"content": "客户说：" + NO_FONT}),
])
def test_a_character_no_font_has_is_refused_at_intake(desk, field, changes):
    from app import i18n

    before = Case.select().count()
    language = i18n.language()
    i18n.set_language("zh_CN")  # the desk's own language (an earlier test may have left English)
    try:
        with pytest.raises(InvalidInput) as refused:
            cases.register_case(desk.rec, sample_case(**changes))
        message = refused.value.localized()
    finally:
        i18n.set_language(language)
    assert refused.value.field == field
    assert "U+10FFFD" in message and "无法打印" in message
    assert Case.select().count() == before
