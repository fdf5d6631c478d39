"""``python -m app`` writes the log file that its "unexpected error" line names."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(tmp_path, code_or_module, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CDESK_", "XDG_"))}
    env.update({"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path), "CDESK_LANG": "en",
                "CDESK_PASSWORD": "secret-12", "PYTHONPATH": str(ROOT)})
    command = [sys.executable, "-m", "app", *args] if code_or_module is None else [sys.executable, "-c",
                                                                                    code_or_module, *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=str(tmp_path), timeout=120)


def test_python_m_app_writes_its_log(tmp_path):
    proc = run(tmp_path, None, "init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin",
               "--db", str(tmp_path / "desk.sqlite3"))
    assert proc.returncode == 0, proc.stderr
    log = tmp_path / "data" / "ComplaintDesk" / "logs" / "complaint-desk.log"
    assert "start cli" in log.read_text(encoding="utf-8")


def test_an_unexpected_error_names_the_log_file_that_holds_its_details(tmp_path):
    code = ("import runpy, sys\n"
            "import app.services.setup as setup\n"
            "def broken(*args, **kw):\n"
            "    raise RuntimeError('simulated fault')\n"
            "setup.init_database = broken\n"
            "sys.argv = ['app'] + sys.argv[1:]\n"
            "runpy.run_module('app', run_name='__main__', alter_sys=True)\n")
    proc = run(tmp_path, code, "init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin",
               "--db", str(tmp_path / "desk.sqlite3"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    log = tmp_path / "data" / "ComplaintDesk" / "logs" / "complaint-desk.log"
    assert str(log) in proc.stderr, proc.stderr
    text = log.read_text(encoding="utf-8")
    assert "simulated fault" in text and "Traceback" in text
