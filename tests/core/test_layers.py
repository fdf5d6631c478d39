"""The layers hold (README "Layout"): each package imports only the layers beneath it, wherever the import
stands (a function-local import counts the same as one at the top of the module).

    models  <  app.rules  <  app.records  <  app.reports, app.exchange  <  app.services  <  app.cli
    printing (plain data in, PDF bytes out)            ui: app.services, app.errors, app.i18n, app.version

app.errors, app.i18n, app.version and app.paths are the base every layer may use.
"""
from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

# the program's entry points start the command line (python -m app, the console program, the desk's
# executable given a command); nothing else imports it
ENTRY_POINTS = {"app/__main__.py", "app/console.py", "ui/entry.py"}
UI_ALLOWED = ("app.services", "app.errors", "app.i18n", "app.version")

# (folder, what it must never import)
FORBIDDEN = [
    ("app/rules", ("app.records", "app.reports", "app.exchange", "app.services", "app.cli", "ui")),
    ("app/records", ("app.reports", "app.exchange", "app.services", "app.cli", "ui")),
    ("app/reports", ("app.exchange", "app.services", "app.cli", "ui")),
    ("app/exchange", ("app.reports", "app.services", "app.cli", "ui")),
    ("app/services", ("app.cli", "ui")),
    ("models", ("app", "printing", "ui")),
    ("printing", ("app", "models", "ui")),
]
BASE = ("app/errors.py", "app/i18n.py", "app/version.py", "app/paths.py")


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module the file imports, with its line: ``from app import rules`` gives ``app.rules``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def sources(root: Path, folder: str):
    for path in sorted((root / folder).rglob("*.py")):
        yield path.relative_to(root).as_posix(), path


def violations(root: Path = ROOT) -> list[str]:
    found = []
    for folder, forbidden in FORBIDDEN:
        for name, path in sources(root, folder):
            for line, module in imported_modules(path):
                bad = [p for p in forbidden if within(module, p)]
                if bad:
                    found.append(f"{name}:{line} imports {module}")
    for name in BASE:
        if not (root / name).exists():
            continue
        for line, module in imported_modules(root / name):
            if any(within(module, p) for p in ("app.rules", "app.records", "app.reports", "app.exchange",
                                                  "app.services", "app.cli", "ui")):
                found.append(f"{name}:{line} imports {module}")
    for name, path in sources(root, "ui"):
        for line, module in imported_modules(path):
            if within(module, "app.cli") and name in ENTRY_POINTS:
                continue
            if within(module, "app") and module != "app" and not any(within(module, p) for p in UI_ALLOWED):
                found.append(f"{name}:{line} imports {module}")
            if within(module, "models") or within(module, "printing"):
                found.append(f"{name}:{line} imports {module}")
    for folder in ("app", "models", "printing", "bench"):
        for name, path in sources(root, folder):
            if name.startswith("app/cli/") or name in ENTRY_POINTS:
                continue
            for line, module in imported_modules(path):
                if within(module, "app.cli"):
                    found.append(f"{name}:{line} imports {module}")
    return sorted(set(found))


def test_the_checker_sees_a_function_local_upward_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\n\ndef f():\n    from app.services.cases import show_case\n    from app import cli\n",
                      encoding="utf-8")
    assert imported_modules(module) == [(1, "os"), (4, "app.services.cases"), (4, "app.services.cases.show_case"),
                                        (5, "app"), (5, "app.cli")]


def test_the_checker_finds_each_kind_of_crossing(tmp_path):
    planted = {
        "app/rules/r.py": "def f():\n    from app.services import cases\n",
        "app/reports/p.py": "from app.services.actors import current_user\n",
        "app/paths.py": "from app.cli.context import default_db_path\n",
        "ui/w.py": "from app.rules import workflow\nimport models\n",
        "ui/entry.py": "from app.cli import main\n",
        "printing/s.py": "from app.rules import access\n",
    }
    for name, text in planted.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert violations(tmp_path) == [
        "app/paths.py:1 imports app.cli.context", "app/paths.py:1 imports app.cli.context.default_db_path",
        "app/reports/p.py:1 imports app.services.actors", "app/reports/p.py:1 imports app.services.actors.current_user",
        "app/rules/r.py:2 imports app.services", "app/rules/r.py:2 imports app.services.cases",
        "printing/s.py:1 imports app.rules", "printing/s.py:1 imports app.rules.access",
        "ui/w.py:1 imports app.rules", "ui/w.py:1 imports app.rules.workflow", "ui/w.py:2 imports models",
    ]


def test_every_layer_imports_only_the_layers_beneath_it():
    assert violations() == []


def test_the_layers_are_folders():
    for package in ("app/rules", "app/records", "app/reports", "app/exchange", "app/services", "app/cli"):
        assert (ROOT / package / "__init__.py").is_file()
    # the root of app holds the base and the entry point only, not rules, records or reports
    assert sorted(p.name for p in (ROOT / "app").glob("*.py")) == [
        "__init__.py", "__main__.py", "console.py", "errors.py", "i18n.py", "paths.py", "version.py"]
