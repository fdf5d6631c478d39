"""The Simplified Chinese translation is complete and keeps every placeholder of its English source."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "complaint_desk_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n")


def messages():
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            yield context.findtext("name"), message.findtext("source"), translation.get("type"), forms


def test_every_message_is_translated():
    unfinished = [(ctx, src) for ctx, src, kind, forms in messages() if kind == "unfinished" or not all(forms)]
    assert unfinished == [], "run `make lupdate`, then translate these in resources/translations/*.ts"


def test_translations_keep_the_placeholders():
    wrong = [(ctx, src) for ctx, src, _kind, forms in messages()
             for form in forms if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(form))]
    assert wrong == []
