"""The register window at headquarters, on SQLite and on PostgreSQL: a two-character word typed in the search
box lists the cases of every branch that hold it, and sorting is done by the database."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import type_text


@pytest.fixture
def window(hq, qapp, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from app.services import ui_queries
    from ui import application
    from ui.main_window import MainWindow
    from ui.session import Session

    application.create_application(language="en")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    application.install_language(qapp, "en")
    hq.use()
    main = MainWindow(Session(actor=hq.zb, db_target=hq.site.target, data_dir=tmp_path,
                              branch=ui_queries.local_branch()))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    yield main
    ui_queries.close_database()


def shown(view) -> list[str]:
    return [view.model.row_at(r)["number"] for r in range(view.model.rowCount())]


def test_headquarters_searches_its_register_for_a_two_character_word(hq, window, qtbot):
    view = window.go_to("register")
    view.refresh()
    assert view.count_label.text() == "8 cases"  # the branch's misconduct report is not headquarters' (R2)
    view.search.setFocus()
    type_text("配件", view.search)
    qtbot.waitUntil(lambda: view.model.filters.get("text") == "配件", timeout=3000)
    qtbot.waitUntil(lambda: view.count_label.text() == "2 cases", timeout=3000)
    assert sorted(shown(view)) == ["BJ01-2026-00002", "SH01-2026-00002"]
    view.search.clear()
    type_text("SH01-2026", view.search)
    qtbot.waitUntil(lambda: view.count_label.text() == "4 cases", timeout=3000)
    received = view.model.columns.index(next(c for c in view.model.columns if c.key == "received_at"))
    view.model.sort(received, Qt.SortOrder.AscendingOrder)
    assert shown(view) == [f"SH01-2026-0000{i}" for i in (1, 2, 3, 4)]
    view.model.sort(received, Qt.SortOrder.DescendingOrder)
    assert shown(view) == [f"SH01-2026-0000{i}" for i in (4, 3, 2, 1)]
