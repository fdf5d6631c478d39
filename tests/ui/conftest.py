"""Fixtures for the desk's window tests: a fresh database with the sample branch, settings in a temporary
folder, the English translation by default, and the blocking dialogs patched (as in Vorta)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"

# The moment the sample branch's week of cases leads up to: a Wednesday morning in the middle of a month, so
# that the whole week falls in one month whatever day the tests run (ui/sample_data.py places every case
# relative to it).
SAMPLE_NOW = datetime(2026, 11, 18, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _build_translations() -> None:
    """`make test` builds the .qm files; a bare `pytest` run builds stale ones here the same way."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    for ts in TRANSLATIONS.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if tool and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(autouse=True)
def _core_messages_in_english():
    """Every window test starts with the core's messages in English, as the windows are (a test run before it in
    the same process may have left them in Chinese)."""
    from app import i18n

    i18n.set_language("en")


@pytest.fixture(scope="session")
def desk_app(qapp):
    from ui import application

    _build_translations()
    application.create_application(language="en")
    return qapp


class Prompts:
    """Records what the desk would have asked or shown in a blocking dialog, and answers ``ask``."""

    def __init__(self):
        self.asked, self.errors, self.infos = [], [], []
        self.answer = True
        self.save_path = ""
        self.folder = ""
        self.backup_secret = ""  # "" writes without a password (after ``ask``), None cancels

    def ask(self, parent, title, text):
        self.asked.append((title, text))
        return self.answer

    def error(self, parent, title, text):
        self.errors.append((title, text))

    def info(self, parent, title, text):
        self.infos.append((title, text))

    def save_file(self, parent, title, suggested, pattern):
        return self.save_path

    def choose_folder(self, parent, title, folder=None):
        return self.folder

    def backup_password(self, parent):
        return self.backup_secret


@pytest.fixture
def prompts(monkeypatch):
    from ui import dialogs

    recorder = Prompts()
    for name in ("ask", "error", "info", "save_file", "choose_folder", "backup_password"):
        monkeypatch.setattr(dialogs, name, getattr(recorder, name))
    return recorder


@pytest.fixture
def desk(desk_app, tmp_path, qtbot, prompts):
    """A branch with reception (wangfang), handlers (liuyang, zhoumin), a supervisor (chenjing) and an admin;
    ``now`` is the reference time the tests give ui/sample_data.py."""
    from PySide6.QtCore import QSettings

    from app.services import ui_queries
    from ui import application, sample_data
    from ui.main_window import MainWindow
    from ui.session import Session

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    application.install_language(desk_app, "en")
    db_path = tmp_path / "desk.sqlite3"
    actors = sample_data.create_branch(db_path)
    branch = ui_queries.local_branch()
    windows = []

    def session(username):
        return Session(actor=actors[username], db_target=str(db_path), data_dir=tmp_path, branch=branch)

    def main_window(username):
        window = MainWindow(session(username))
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield SimpleNamespace(actors=actors, db_path=db_path, data_dir=tmp_path, session=session,
                          main_window=main_window, prompts=prompts, app=desk_app, now=SAMPLE_NOW)
    for window in windows:
        for child in list(window.case_windows.values()):
            child.close()
    application.install_language(desk_app, "en")
    ui_queries.close_database()
