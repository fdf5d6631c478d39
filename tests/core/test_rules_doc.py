"""Every rule and section the code cites is defined in docs/rules.md, and nothing cites a document outside the
repository."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "docs" / "rules.md"
SOURCES = ("app", "ui", "models", "printing", "tests", "bench")

RULE = re.compile(r"\bR(\d+)\b")
SECTION = re.compile(r"docs/rules\.md,? §(\d+(?:\.\d+)?)")


def source_files():
    for folder in SOURCES:
        yield from sorted((ROOT / folder).rglob("*.py"))


def test_every_rule_and_section_cited_in_the_code_is_defined():
    text = RULES.read_text(encoding="utf-8")
    defined_rules = set(re.findall(r"^\*\*R(\d+) ", text, re.M))
    defined_sections = set(re.findall(r"^#{2,3} (\d+(?:\.\d+)?)\.? ", text, re.M))
    assert defined_rules == {str(n) for n in range(1, 14)}
    cited_rules, cited_sections = {}, {}
    for path in source_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{number}"
            for rule in RULE.findall(line):
                cited_rules.setdefault(rule, where)
            for section in SECTION.findall(line):
                cited_sections.setdefault(section, where)
    assert cited_rules, "the code cites rules"
    assert {r: w for r, w in cited_rules.items() if r not in defined_rules} == {}
    assert {s: w for s, w in cited_sections.items() if s not in defined_sections} == {}


def test_nothing_cites_or_reads_a_document_outside_the_repository():
    outside = re.compile(r"DOMAIN|\bseeds?\s+\d{3}\b|\bArt\.\s*\d|\bshared/|\.\./shared|parents\[\d\]\s*/\s*\"\.\.\"")
    found = []
    for path in source_files():
        if path == Path(__file__).resolve():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if outside.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []
