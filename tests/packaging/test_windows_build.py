"""The Windows build, as far as it can be checked on Linux: two programs from one spec (the desk without a
console window, the command line as a console program), no missing paths in build.spec, and a true version
resource (what Explorer's Details tab and the antivirus vendors read)."""
from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]
SPEC = (ROOT / "build.spec").read_text(encoding="utf-8")


def spec_calls(name: str) -> list[ast.Call]:
    tree = ast.parse(SPEC)
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call) and getattr(node.func, "id", "") == name]


def keyword(call: ast.Call, name: str):
    return next(k.value for k in call.keywords if k.arg == name)


def test_the_desk_has_no_console_and_the_command_line_is_a_console_program():
    programs = {}
    for call in spec_calls("EXE"):
        name = ast.unparse(keyword(call, "name"))
        programs[name] = ast.literal_eval(keyword(call, "console"))
    assert programs == {"NAME": False, 'f\'{NAME}-cli\'': True}
    analysis, = spec_calls("Analysis")
    scripts = [ast.unparse(s) for s in analysis.args[0].elts]
    assert scripts == ["str(ROOT / 'ui' / 'entry.py')", "str(ROOT / 'app' / 'console.py')"]
    collect, = spec_calls("COLLECT")
    assert [ast.unparse(a) for a in collect.args[:2]] == ["desk", "console"]


def test_every_folder_the_spec_collects_exists():
    folders = re.findall(r'ROOT / "resources" / "(\w+)"', SPEC)
    assert folders and all((ROOT / "resources" / folder).is_dir() for folder in folders), folders
    assert "policy" not in SPEC and '"calendar"' not in SPEC


def version_resource(tmp_path, company: str, platform: str = "win32"):
    """build.spec's version_resource() as PyInstaller would evaluate it on Windows."""
    tree = ast.parse(SPEC)
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "version_resource")
    namespace = {"re": re, "sys": SimpleNamespace(platform=platform), "VERSION": "0.1.0", "COMPANY": company,
                 "COPYRIGHT": "", "build_dir": tmp_path}
    exec(compile(ast.Module(body=[function], type_ignores=[]), "build.spec", "exec"), namespace)
    return namespace["version_resource"]


def read_resource(path: str) -> dict:
    """Evaluate the version file with stand-ins for PyInstaller's classes (pefile, which they need, is Windows-only)."""
    strings = {}
    names = {
        "VSVersionInfo": lambda ffi, kids: {"ffi": ffi, "kids": kids},
        "FixedFileInfo": lambda **kw: kw,
        "StringFileInfo": lambda tables: tables,
        "StringTable": lambda language, items: (language, items),
        "StringStruct": lambda key, value: strings.__setitem__(key, value),
        "VarFileInfo": lambda items: items,
        "VarStruct": lambda key, value: (key, value),
    }
    resource = eval(Path(path).read_text(encoding="utf-8"), names)  # noqa: S307 - our own generated file
    return {"fixed": resource["ffi"], "strings": strings}


def test_the_version_resource_is_true(tmp_path):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    make = version_resource(tmp_path, "北京某某科技有限公司")
    resource = read_resource(make("complaint-desk-cli", "投诉台命令行 Complaint Desk command line"))
    assert resource["strings"]["CompanyName"] == "北京某某科技有限公司"
    assert resource["strings"]["OriginalFilename"] == "complaint-desk-cli.exe"
    assert resource["strings"]["ProductName"] == "投诉台 Complaint Desk"
    assert resource["fixed"]["filevers"] == (0, 1, 0, 0)
    # no made-up publisher: without one the field is left out, never a placeholder
    anonymous = read_resource(version_resource(tmp_path, "")("complaint-desk", "投诉台 Complaint Desk"))
    assert "CompanyName" not in anonymous["strings"] and anonymous["strings"]["FileVersion"] == version
    assert version_resource(tmp_path, "x", platform="linux")("complaint-desk", "d") is None


def test_the_command_line_program_never_loads_qt_and_speaks_utf8_in_a_gbk_console(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CDESK_", "PYTHON"))}
    env.update(PYTHONPATH=str(ROOT), PYTHONIOENCODING="gbk", CDESK_LANG="zh", CDESK_PASSWORD="secret-1",
               XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path))
    code = ("import runpy, sys; sys.argv = ['complaint-desk-cli', *sys.argv[1:]]\n"
            "try:\n    runpy.run_path(sys.argv.pop(1), run_name='__main__')\n"
            "finally:\n    print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT', file=sys.stderr)")
    db = tmp_path / "desk.sqlite3"
    proc = subprocess.run([sys.executable, "-c", code, str(ROOT / "app" / "console.py"), "init", "--branch", "BJ01",
                           "--branch-name", "吉𠮷分公司", "--admin", "admin", "--db", str(db)],
                          capture_output=True, env=env, cwd=str(tmp_path), timeout=120)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert json.loads(proc.stdout.decode("utf-8"))["branch_name"] == "吉𠮷分公司"
    assert proc.stderr.decode().strip().endswith("NOQT")
