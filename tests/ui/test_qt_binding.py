"""The Qt binding must not leak references: PySide6 6.12.0 on Python 3.11 dropped a reference to None on
every QTableWidgetItem.setData, and after a few thousand rows Python aborted ("none_dealloc"). pyproject.toml
keeps PySide6 below 6.12; this test fails if a release with that fault comes back."""
from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def test_filling_a_table_keeps_references_balanced(qtbot):
    table = QTableWidget(10, 2)
    qtbot.addWidget(table)
    before = sys.getrefcount(None)
    for i in range(3000):
        item = QTableWidgetItem(f"BJ01-2026-{i:05d}")
        item.setData(Qt.ItemDataRole.UserRole, f"{i}")
        table.setItem(i % 10, i % 2, item)
    assert abs(sys.getrefcount(None) - before) < 100
