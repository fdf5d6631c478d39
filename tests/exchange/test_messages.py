"""Every message the exchange can show has its Simplified Chinese translation, with the same placeholders."""
from __future__ import annotations

import ast
import importlib
import re
import string
from pathlib import Path

from app import i18n

PACKAGE = Path(__file__).resolve().parents[2] / "app" / "exchange"
CLI = Path(__file__).resolve().parents[2] / "app" / "cli" / "exchange_cmds.py"
UI = Path(__file__).resolve().parents[2] / "ui" / "exchange_dialogs.py"


def raised_messages():
    for path in sorted(PACKAGE.glob("*.py")) + [p for p in (CLI, UI) if p.exists()]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if re.search(r"(Error|Input|Found|Allowed|Violation)$", name) or name in ("t", "report"):
                    yield path.name, node.args[0].value


def fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_exchange_message_is_translated():
    for module in ("keys", "bundle", "common", "export", "importer", "prepare", "ahead", "files", "receipts",
                   "policy_bundle", "registers"):
        importlib.import_module(f"app.exchange.{module}")
    importlib.import_module("app.cli.exchange_cmds")
    importlib.import_module("ui.exchange_dialogs")
    messages = list(raised_messages())
    assert len(messages) > 20
    missing = [m for m in messages if i18n.missing_translations([m[1]])]
    assert not missing
    for _, message in messages:
        assert fields(i18n._ZH[message]) == fields(message), message
        assert "field" not in fields(message), message  # 'field' is DeskError's own keyword


def test_no_other_module_registers_an_exchange_message_with_another_translation():
    root = PACKAGE.parents[1]
    mine = {str(p) for p in list(PACKAGE.glob("*.py")) + [CLI, UI]}
    translations: dict[str, set] = {}
    owners: dict[str, set] = {}
    for path in list((root / "app").rglob("*.py")) + list((root / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "register" \
                    and node.args and isinstance(node.args[0], ast.Dict):
                for key, value in zip(node.args[0].keys, node.args[0].values):
                    if isinstance(key, ast.Constant) and isinstance(value, ast.Constant):
                        translations.setdefault(key.value, set()).add(value.value)
                        owners.setdefault(key.value, set()).add(str(path))
    clashes = [k for k, v in translations.items() if len(v) > 1 and owners[k] & mine]
    assert not clashes
