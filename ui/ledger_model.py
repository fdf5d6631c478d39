"""A table model for ledgers of any size: ids fetched a page at a time, rows on demand, sorting and
filtering done by the core in SQL.

Like Qt's fetchMore example, ``rowCount`` is what has been fetched so far and ``fetchMore`` appends the next
page of ids (inserting exactly those rows); like Anki's browser, only ids are kept for the whole result and
the display rows live in a bounded cache, fetched in blocks when the view paints them. A register of a
million cases therefore opens with one count, one page of ids and one block of rows.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from app.services import queries
from ui import ops


@dataclass(frozen=True)
class Column:
    key: str  # the key in a row dict and the sort key the service understands
    title: str
    sortable: bool = True
    render: Callable[[dict], str] | None = None  # text for display; default str(row[key])
    tone: Callable[[dict], Any] | None = None  # (foreground, background) colours or None
    align_right: bool = False


class LedgerSource:
    """What the model asks the core: a count, a page of ids, and the rows for some ids."""

    def count(self, filters: dict) -> int:  # pragma: no cover - interface
        raise NotImplementedError

    def ids(self, filters: dict, sort: str | None, descending: bool, offset: int, limit: int) -> list:
        raise NotImplementedError  # pragma: no cover

    def rows(self, ids: list) -> list[dict]:
        raise NotImplementedError  # pragma: no cover


class LedgerModel(QAbstractTableModel):
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    ROW_ROLE = Qt.ItemDataRole.UserRole + 2

    reloaded = Signal(int)  # total number of matching records
    failed = Signal(str)  # the message for a failed read (ops.failure_text)

    PAGE = queries.PAGE  # ids per fetchMore
    BLOCK = 100  # rows per ledger_rows call
    CACHE = 5000  # rows kept

    def __init__(self, source: LedgerSource, columns: list[Column], parent=None):
        super().__init__(parent)
        self.source = source
        self.columns = list(columns)
        self.filters: dict = {}
        self.sort_key: str | None = None
        self.descending = True
        self.total = 0
        self._ids: list = []
        self._cache: OrderedDict = OrderedDict()

    # --- Qt model API ---------------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._ids) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        start = len(self._ids)
        page = self._call(self.source.ids, self.filters, self.sort_key, self.descending, start,
                          min(self.PAGE, self.total - start)) or []
        if not page:
            self.total = start  # the register shrank meanwhile
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._ids.extend(page)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._ids):
            return section + 1
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._ids) or index.column() >= len(self.columns):
            return None
        if role == self.ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole, self.ROW_ROLE):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == self.ROW_ROLE:
            return row
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column.render:
                return column.render(row)
            value = row.get(column.key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if column.tone:
            tone = column.tone(row)
            if tone:
                return tone[0] if role == Qt.ItemDataRole.ForegroundRole else tone[1]
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        key, descending = self.columns[column].key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return  # already in this order (QTableView.setSortingEnabled asks again): nothing to ask the core
        self.sort_key, self.descending = key, descending
        self.reload()

    # --- the desk's API -------------------------------------------------------------------------------------

    def set_filters(self, filters: dict) -> None:
        self.filters = dict(filters)
        self.reload()

    def reload(self) -> None:
        """Ask the core again (filters, sort order or data changed): one count, then the first page."""
        self.beginResetModel()
        self._cache.clear()
        self.total = self._call(self.source.count, self.filters) or 0
        # the first page comes with the reset itself, so views never see an empty register flash by
        self._ids = (self._call(self.source.ids, self.filters, self.sort_key, self.descending, 0,
                                min(self.PAGE, self.total)) or []) if self.total else []
        if len(self._ids) < min(self.PAGE, self.total):
            self.total = len(self._ids)
        self.endResetModel()
        self.reloaded.emit(self.total)

    def refresh_rows(self) -> None:
        """Forget the cached rows (a case changed) but keep the list and the scroll position."""
        self._cache.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def id_at(self, row: int):
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_at(self, row: int) -> dict | None:
        if not 0 <= row < len(self._ids):
            return None
        key = self._ids[row]
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        block = [i for i in self._ids[row:row + self.BLOCK] if i not in self._cache]
        for found in self._call(self.source.rows, block) or []:
            self._cache[found["id"]] = found
        while len(self._cache) > self.CACHE:
            self._cache.popitem(last=False)
        return self._cache.get(key)

    def _call(self, fn, *args):
        result = ops.call(fn, *args, on_error=lambda _exc, text: self.failed.emit(text))
        return None if result is ops.FAILED else result


__all__ = ["Column", "LedgerModel", "LedgerSource"]
