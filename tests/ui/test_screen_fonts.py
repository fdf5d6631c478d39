"""The screen shows a rare character of a name in the same bundled fallback font the paper prints it in (not a
system font, not a blank box), and the slip form says at once when a character cannot be printed at all."""
from __future__ import annotations

from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication

from printing import fonts


def families_drawing(text: str, font) -> list[str]:
    """The families Qt actually draws ``text`` with, run by run."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()]


def test_the_windows_draw_rare_characters_with_the_printouts_fallback_fonts(desk_app):
    font = QApplication.font()
    assert font.families()[0] == "WenQuanYi Micro Hei"
    assert font.families()[1:] == fonts.fallback_families()
    # the family the PDF uses for each character, by its Qt name
    qt_family = {name: family for name, _, family in fonts.FALLBACK_FONTS}
    for character in "𠮷㐂𪛖":
        drawn = families_drawing(character, font)
        assert drawn == [qt_family[fonts.font_for(character)]], (character, drawn)
    assert families_drawing("张伟", font) == ["WenQuanYi Micro Hei"]


def test_the_slip_form_says_as_you_type_that_a_character_cannot_be_printed(desk_app, qtbot):
    from ui.slip_intake import SlipIntake

    form = SlipIntake("王芳", ["claims"])
    qtbot.addWidget(form)
    form.name.setText("吉𠮷")
    assert "complainant.name" not in form.check()
    form.name.setText("张\U0010FFFD")
    problems = form.check()
    assert "U+10FFFD" in problems["complainant.name"]
    assert form.name.property("invalid") is True and "U+10FFFD" in form.name.toolTip()
    form.name.setText("张伟")
    assert "complainant.name" not in form.check() and not form.name.property("invalid")
