"""The one executable: windows without a command, the command line with one; version and logs."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.mark.parametrize("args, windows", [
    ([], True), (["--demo"], True), (["-platform", "offscreen"], True), (["--demo", "-platform", "offscreen"], True),
    (["selftest"], False), (["case", "add", "--json", "-"], False), (["--help"], False), (["--version"], False),
    (["--demo", "selftest"], False),
])
def test_a_command_word_means_the_command_line(args, windows):
    from ui.entry import wants_windows

    assert wants_windows(args) is windows


def run_entry(tmp_path, *args, password=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CDESK_")}
    env.update({"PYTHONPATH": str(ROOT), "CDESK_LANG": "en", "XDG_DATA_HOME": str(tmp_path / "data"),
                "HOME": str(tmp_path)})
    if password:
        env["CDESK_PASSWORD"] = password
    code = ("import sys; from ui.entry import main; rc = main(sys.argv[1:]); "
            "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT', file=sys.stderr); "
            "sys.exit(rc)")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          cwd=str(tmp_path), timeout=120)


def test_commands_run_without_qt_and_log_to_the_data_folder(tmp_path):
    db = tmp_path / "desk.sqlite3"
    proc = run_entry(tmp_path, "init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin",
                     "--db", str(db), password="secret-1")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["branch"] == "BJ01"
    assert proc.stderr.strip().endswith("NOQT")
    log = tmp_path / "data" / "ComplaintDesk" / "logs" / "complaint-desk.log"
    assert f"start cli {project_version()}" in log.read_text(encoding="utf-8")

    refused = run_entry(tmp_path, "case", "show", "X", "--as", "admin", "--db", str(tmp_path / "none.sqlite3"),
                        password="secret-1")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr


def test_version(tmp_path):
    proc = run_entry(tmp_path, "--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"complaint-desk {project_version()}"


def test_the_version_has_one_source():
    import app
    from app.version import version

    assert version() == project_version() == app.__version__


@pytest.fixture
def fresh_logging(monkeypatch):
    """``app.records.logs`` as at start-up (not configured yet); the handlers a test adds are removed after it.
    Yields the handlers there were before."""
    from app.records import logs

    monkeypatch.setattr(logs, "_configured", None)
    logger = logging.getLogger(logs.LOGGER)
    before = list(logger.handlers)
    yield before
    for handler in logger.handlers[:]:
        if handler not in before:
            logger.removeHandler(handler)
            handler.close()
    sys.excepthook = sys.__excepthook__


def test_logging_is_configured_once_and_rotates(tmp_path, fresh_logging):
    from app.records import logs

    logger = logging.getLogger(logs.LOGGER)
    path = logs.configure("test", directory=tmp_path / "logs")
    assert logs.configure("test", directory=tmp_path / "other") == path  # the second call changes nothing
    handlers = [h for h in logger.handlers if h not in fresh_logging]
    assert len(handlers) == 1 and handlers[0].maxBytes == logs.MAX_BYTES
    assert handlers[0].backupCount == logs.BACKUPS
    logging.getLogger("complaint_desk.test").warning("点检 %s", "ok")
    handlers[0].flush()
    assert "点检 ok" in path.read_text(encoding="utf-8")


def test_an_unwritable_data_folder_does_not_stop_the_program(tmp_path, monkeypatch):
    from app.records import logs

    monkeypatch.setattr(logs, "_configured", None)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert logs.configure("test", directory=blocker / "logs") is None


def test_every_module_logs_into_the_log_file(tmp_path, fresh_logging):
    """What a module logs (an automatic backup made or failed, the import's worker failing) is in the log file
    support reads, and never printed on the user's terminal."""
    import importlib
    import pkgutil

    from app.records import logs

    loggers = {}
    for package in ("app", "models", "printing", "ui"):
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, package + "."):
            if info.name.endswith("__main__"):
                continue
            module = importlib.import_module(info.name)
            loggers.update({info.name: value for value in vars(module).values() if isinstance(value, logging.Logger)})
    assert {"app.exchange.ahead", "ui.backups", "ui.restore"} <= loggers.keys()

    path = logs.configure("test", directory=tmp_path / "logs")
    for name, module_log in loggers.items():
        module_log.warning("from %s", name)
    for handler in logging.getLogger(logs.LOGGER).handlers:
        handler.flush()
    written = path.read_text(encoding="utf-8")
    assert [name for name in loggers if f"from {name}" not in written] == []
