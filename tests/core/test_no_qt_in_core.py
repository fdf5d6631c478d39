"""The core runs without Qt: app/, models/ and printing/ never import PySide6 or PyQt."""
from __future__ import annotations

import ast
import json
import subprocess
import sys

from tests.conftest import ROOT

PACKAGES = ("app", "models", "printing")
QT = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "qtpy", "pytestqt")


def is_qt(module: str | None) -> bool:
    return bool(module) and module.split(".")[0] in QT


def qt_imports(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if is_qt(a.name)]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and is_qt(node.module):
            found.append(node.module)
        elif isinstance(node, ast.Call):
            # importlib.import_module("PySide6...") and __import__("PyQt5")
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str) and is_qt(node.args[0].value):
                found.append(node.args[0].value)
    return found


def test_the_scanner_sees_every_form_of_import():
    source = "import PySide6\nfrom PyQt5.QtCore import Qt\nimport importlib\nimportlib.import_module('PySide6.QtGui')\n" \
             "def f():\n    from shiboken6 import isValid\n    import os, PyQt6.QtWidgets as w\n"
    assert sorted(qt_imports(source, "x.py")) == ["PyQt5.QtCore", "PyQt6.QtWidgets", "PySide6", "PySide6.QtGui",
                                                  "shiboken6"]
    assert qt_imports("import os\nfrom . import qt_helpers\nfrom app.ui_text import PySide\n", "y.py") == []


def test_no_qt_import_in_the_sources():
    offenders = {}
    files = 0
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            files += 1
            found = qt_imports(path.read_text(encoding="utf-8"), str(path))
            if found:
                offenders[str(path.relative_to(ROOT))] = found
    assert files > 20                 # the scan really looked at the packages
    assert offenders == {}


IMPORT_ALL = r"""
import importlib, json, pkgutil, sys
names, failed = [], {}
for package in %(packages)r:
    root = importlib.import_module(package)
    names.append(package)
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        if info.name.endswith(".__main__"):   # that one runs the command line
            continue
        names.append(info.name)
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            failed[info.name] = f"{type(exc).__name__}: {exc}"
qt = sorted(m for m in sys.modules if m.split(".")[0] in %(qt)r)
print(json.dumps({"modules": names, "failed": failed, "qt": qt}))
"""


def test_importing_every_core_module_loads_no_qt():
    code = IMPORT_ALL % {"packages": PACKAGES, "qt": QT}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "", "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["failed"] == {}
    assert {"app.cli", "app.services.cases", "models.entities", "printing.slip"} <= set(report["modules"])
    assert report["qt"] == []
