"""Help > About: what support asks for on the telephone (version, data folder, database size)."""
from __future__ import annotations

import tomllib

from tests.ui.conftest import ROOT


def test_help_about_shows_version_data_folder_and_database_size(desk, qtbot):
    from ui.about import AboutDialog

    window = desk.main_window("wangfang")
    menu = window.menuBar().actions()[-1].menu()
    about = menu.actions()[0]
    assert about.shortcut().toString() == "F1"

    dialog = AboutDialog(window.session.db_target, desk.data_dir, window)
    qtbot.addWidget(dialog)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    text = dialog.text()
    assert f"Version: {version}" in text
    assert f"Data folder: {desk.data_dir}" in text
    size = dialog.values["Database size"].text()
    assert size.endswith(("KB", "MB")) and float(size.split()[0]) > 0
    dialog.copy()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == text


def test_about_a_database_not_created_yet(desk_app, tmp_path, qtbot):
    from ui.about import AboutDialog, human_size

    dialog = AboutDialog(str(tmp_path / "none.sqlite3"), tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.values["Database size"].text() == "not created yet"
    assert human_size(512) == "512 B" and human_size(3 * 1024 * 1024) == "3.0 MB"
