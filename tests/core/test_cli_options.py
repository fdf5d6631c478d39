"""The command line as a person types it: ``--db`` before the command as well as after it, and a mistyped
command refused in the user's language like every other refusal. The first call of each test goes through the
real program (``python -m app``, the installed ``complaint-desk``), the others through ``app.cli.main`` in this
process, which is what the program runs."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from tests.conftest import PASSWORD, ROOT, run_in_process

INSTALLED = Path(sys.executable).with_name("complaint-desk")
PYTHON_M_APP = (sys.executable, "-m", "app")


def run(*args, lang="en", password=PASSWORD, program=None, env=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CDESK_")}
    environment.update({"PYTHONPATH": str(ROOT), "CDESK_PASSWORD": password, **(env or {})})
    if lang:
        environment["CDESK_LANG"] = lang
    if program is None:
        code, out, err = run_in_process(list(args), env=environment, stdin=None)
        return SimpleNamespace(returncode=code, stdout=out, stderr=err)
    return subprocess.run([*program, *args], capture_output=True, text=True, env=environment, cwd=str(ROOT),
                          timeout=120)


def init_args(db: Path) -> list[str]:
    return ["--db", str(db), "init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin"]


def test_the_database_is_named_before_the_command_as_well_as_after_it(tmp_path):
    db = tmp_path / "desk.sqlite3"
    made = run(*init_args(db), program=PYTHON_M_APP)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["db"] == str(db)
    before = run("--db", str(db), "user", "list", "--as", "admin")
    after = run("user", "list", "--as", "admin", "--db", str(db))
    assert before.returncode == after.returncode == 0, before.stderr + after.stderr
    assert [u["username"] for u in json.loads(before.stdout)] == ["admin"]
    assert before.stdout == after.stdout
    # given on both sides, the one after the command is used; nothing is created at the other
    elsewhere = tmp_path / "elsewhere.sqlite3"
    both = run("--db", str(elsewhere), "user", "list", "--as", "admin", "--db", str(db))
    assert both.returncode == 0 and both.stdout == before.stdout
    assert not elsewhere.exists()
    # before the command, it wins over CDESK_DB as it does after the command
    named = run("--db", str(db), "user", "list", "--as", "admin", env={"CDESK_DB": str(elsewhere)})
    assert named.returncode == 0 and named.stdout == before.stdout


def test_the_installed_program_takes_the_database_before_the_command(tmp_path):
    if not INSTALLED.exists():
        pytest.skip(f"{INSTALLED} is not installed (pip install -e . installs it)")
    db = tmp_path / "desk.sqlite3"
    made = run(*init_args(db), program=(str(INSTALLED),))
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["branch"] == "BJ01"
    assert db.exists()


def one_line(result) -> str:
    assert result.returncode == 1 and result.stdout == "", (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    return result.stderr.strip()


def test_a_mistyped_command_is_refused_in_the_users_language(tmp_path):
    db = tmp_path / "desk.sqlite3"
    # Chinese by default: argparse's own words are translated too, not only the prefix
    chinese = [one_line(run("--db", str(db), "frob", lang=None, program=PYTHON_M_APP))]
    assert chinese[0].startswith("用法错误：参数 COMMAND：无效的选项 'frob'（可选：'init', "), chinese[0]
    for args, expected in (
        (["case", "show", "--db", str(db)], "用法错误：缺少必需的参数：NUMBER, --as"),
        (["--db", str(db), "init", "--branch", "BJ01"], "用法错误：缺少必需的参数：--branch-name, --admin"),
        (init_args(db)[2:] + ["--db", str(db), "--bogus"], "用法错误：无法识别的参数：--bogus"),
        (["user", "list", "--as", "admin", "--db"], "用法错误：参数 --db：缺少取值"),
    ):
        chinese.append(one_line(run(*args, lang="zh_CN")))
        assert chinese[-1] == expected
    for line in chinese:
        for english in ("usage", "argument", "invalid choice", "required", "unrecognized", "expected"):
            assert english not in line, line
    # English when asked for
    line = one_line(run("--db", str(db), "frob", lang="en"))
    assert line.startswith("usage: argument COMMAND: invalid choice: 'frob' (choose from 'init', "), line
    assert one_line(run("case", "show", "--db", str(db))) == "usage: the following arguments are required: NUMBER, --as"
    assert not db.exists()  # a refused command line opens no database
