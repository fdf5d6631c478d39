"""Printouts as a service: the windows and the command line print through here (one transaction each)."""
from __future__ import annotations


def __getattr__(name):
    # print_document lives with the data it prints; imported when first used, so that the windows can ask for
    # the font list at start-up without loading the printouts
    if name == "print_document":
        from app.reports.printouts import print_document

        return print_document
    raise AttributeError(f"module 'app.services.printing' has no attribute {name!r}")


def screen_fonts() -> tuple[list[str], list[str]]:
    """The font files the windows register (the primary CJK font first, then the fallbacks) and the
    fallbacks' family names in order: the screen falls back character by character exactly as the paper."""
    from printing import fonts

    return [str(path) for path in fonts.font_files()], fonts.fallback_families()
