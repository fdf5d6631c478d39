"""No identifier of the program's own in any Chinese text: not in the core's message catalogue, not in the .ts,
not in the history's labels, not in the field names a window shows, and not as a parameter of a message (a state
is shown as 已受理, never as ``accepted``)."""
from __future__ import annotations

import importlib
import pkgutil
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "complaint_desk_zh_CN.ts"
# placeholders filled when the text is shown: {name} (ours), %n and %1 (Qt's), %(name)s (argparse's, in the
# command line's usage errors)
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n|%1|%\([a-z_]+\)[rs]")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _codes() -> set[str]:
    """State and role codes (workflow actions are plain English words the command line takes as arguments, such
    as ``revisit``; the snake_case rule catches ``close_abnormal``)."""
    from app.rules import workflow
    from models import User

    states = set(workflow.OPEN_STATES + workflow.CLOSED_STATES) | {"issued", "reported", "verified", "failed"}
    return states | set(User.ROLES)


# words the user types themself, as a command-line option is: the keys of a register import's mapping file, and
# the PostgreSQL server's own backup commands, named to headquarters' administrator
USER_TYPED = {"header_row", "pg_dump", "pg_restore"}


def identifiers_in(text: str, codes: set[str]) -> list[str]:
    """snake_case names and the program's codes (states, roles, workflow actions) standing as words."""
    rest = PLACEHOLDER.sub("", text)
    words = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", rest)
    return [w for w in words if (re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", w) or w in codes) and w not in USER_TYPED]


@pytest.fixture(scope="module")
def catalogue():
    import app
    from app import i18n

    for module in pkgutil.walk_packages(app.__path__, "app."):
        if module.name != "app.__main__":
            importlib.import_module(module.name)
    return i18n


def test_the_core_catalogue_has_no_identifier_in_chinese(catalogue):
    codes = _codes()
    found = {zh: identifiers_in(zh, codes) for zh in catalogue._ZH.values() if identifiers_in(zh, codes)}
    assert found == {}


def test_every_code_a_message_carries_has_a_chinese_name(catalogue):
    from app.errors import RuleViolation
    from app.rules import workflow

    kinds = catalogue.code_kinds()
    states = set(workflow.OPEN_STATES + workflow.CLOSED_STATES) | {"issued", "reported", "verified", "failed"}
    assert states <= set(kinds["state"])
    assert {action for _s, action in workflow.TRANSITIONS} <= set(kinds["action"])
    unnamed = [(kind, code) for kind, names in kinds.items() for code, english in names.items()
               if not CJK.search(catalogue._ZH.get(english, ""))]
    assert unnamed == []
    catalogue.set_language("zh_CN")
    refusal = RuleViolation("'{action}' is not possible while the case is {state}.", action="submit",
                            state="accepted").localized()
    assert refusal == "案件处于“已受理”状态，不能执行“提交审批”。"


def test_the_translation_file_has_no_identifier_in_chinese():
    codes = _codes()
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            found += [(context.findtext("name"), form) for form in forms if identifiers_in(form, codes)]
    assert found == []


def test_every_history_row_of_a_case_has_a_chinese_label(desk):
    from app.reports import printouts
    from app.rules import workflow
    from ui import application, labels

    application.install_language(desk.app, "zh_CN")
    actions = ({action for _s, action in workflow.TRANSITIONS} | {"register", "correct", "notice_feedback", "notice_verify"}
               | {f"print_{document}" for document in printouts.DOCUMENTS})
    shown = {a: labels.label(labels.ACTIONS, a) if a in labels.ACTIONS else labels.label(labels.HISTORY_ACTIONS, a)
             for a in actions}
    wrong = {a: text for a, text in shown.items() if not CJK.search(text) or re.search(r"[A-Za-z_]", text)}
    assert wrong == {}


def test_the_history_of_a_printed_case_reads_in_chinese_in_its_window(desk, qtbot):
    from PySide6.QtWidgets import QTableWidget

    from app.reports import printouts
    from app.services import cases
    from ui import application, sample_data

    application.install_language(desk.app, "zh_CN")
    number = cases.register_case(desk.actors["wangfang"], sample_data.case_document(desk.now))["number"]
    printouts.print_document(desk.actors["wangfang"], number, "slip")
    printouts.print_document(desk.actors["wangfang"], number, "receipt")
    window = desk.main_window("wangfang").open_case(number)
    texts = [t.item(r, c).text() for t in window.findChildren(QTableWidget) for r in range(t.rowCount())
             for c in range(t.columnCount()) if t.item(r, c)]
    assert "打印处理单" in texts and "打印回执" in texts
    assert not [t for t in texts if re.fullmatch(r"[a-z]+(_[a-z]+)+", t)]
    assert "wangfang" not in texts and "王芳" in texts  # the person by name


def test_the_slips_field_names_are_chinese(desk):
    from ui import application
    from ui.slip_intake import SlipIntake

    application.install_language(desk.app, "zh_CN")
    intake = SlipIntake("王芳", None, "Asia/Shanghai")
    captions = {name: intake.caption(name) for name in intake.fields}
    wrong = {name: caption for name, caption in captions.items()
             if not CJK.search(caption) or re.search(r"[a-z]+_[a-z]+|\.", caption)}
    assert wrong == {}
