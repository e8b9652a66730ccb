"""The change log as a tree: one row per operation, its items beneath it when it has several.

Operations are fetched a page at a time as the view scrolls, each with its summary from
`project.history.summaries`; an operation's items are read when it is first expanded.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from editor_app.model import Operation
from editor_app.model.change import HistoryItem, HistorySummary
from editor_app.qt.review import history_words as words

PAGE_SIZE = 200
TOP = 0  # internal id of an operation's row; an item's is its operation's row + 1
GREY = QColor("#888888")


def local_time(stamp: str) -> str:
    """A logged UTC time stamp in the local time zone, to the second."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class HistoryModel(QAbstractItemModel):
    """The filtered log: who, when, what, on which article, and what changed."""

    COLUMNS = ("editor", "time", "operation", "target", "change")
    OPERATION, TARGET = 2, 3

    def __init__(self, parent=None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.project = None
        self.page_size = page_size
        self.filters: dict = {}
        self._rows: list[Operation] = []
        self._summaries: dict[int, HistorySummary] = {}
        self._items: dict[int, list[HistoryItem]] = {}
        self._exhausted = True

    # -- loading ------------------------------------------------------------------------------

    def set_project(self, project) -> None:
        self.project = project
        self.reload()

    def set_filters(self, **filters) -> None:
        self.filters = {name: value for name, value in filters.items() if value is not None}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows, self._summaries, self._items = [], {}, {}
        self._exhausted = self.project is None
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 - Qt's default
        if parent.isValid():
            op = self._top_operation(parent)
            return op is not None and self._expandable(op) and op.id not in self._items
        return not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        if parent.isValid():
            self._fetch_items(parent)
            return
        before = self._rows[-1].id if self._rows else None
        page = self.project.history.entries(before_id=before, limit=self.page_size, **self.filters)
        self._exhausted = len(page) < self.page_size
        if not page:
            return
        self._summaries.update(self.project.history.summaries(page))
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def _fetch_items(self, parent: QModelIndex) -> None:
        op = self._rows[parent.row()]
        items = self.project.history.items(op)
        if not items:
            self._items[op.id] = []
            return
        self.beginInsertRows(parent, 0, len(items) - 1)
        self._items[op.id] = items
        self.endInsertRows()

    def operation(self, row: int) -> Operation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def summary(self, op: Operation) -> HistorySummary | None:
        return self._summaries.get(op.id)

    def row_of(self, operation_id: int) -> int:
        return next((i for i, op in enumerate(self._rows) if op.id == operation_id), -1)

    def item_at(self, index: QModelIndex) -> HistoryItem | None:
        """The item an index shows, or None on an operation's row."""
        if not index.isValid() or index.internalId() == TOP:
            return None
        op = self._rows[index.internalId() - 1]
        items = self._items.get(op.id, [])
        return items[index.row()] if 0 <= index.row() < len(items) else None

    def operation_at(self, index: QModelIndex) -> Operation | None:
        """The operation an index belongs to, on its row or on one of its items."""
        return self._top_operation(index) if index.isValid() else None

    def _top_operation(self, index: QModelIndex) -> Operation | None:
        row = index.row() if index.internalId() == TOP else index.internalId() - 1
        return self.operation(row)

    def _expandable(self, op: Operation) -> bool:
        summary = self._summaries.get(op.id)
        return summary is not None and summary.item_count > 1

    # -- Qt model -----------------------------------------------------------------------------

    def index(self, row, column, parent=QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=QModelIndex()):  # noqa: B008
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, TOP)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() != TOP or parent.column() != 0:
            return 0
        op = self.operation(parent.row())
        return len(self._items.get(op.id, [])) if op is not None else 0

    def hasChildren(self, parent=QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self._rows)
        if parent.internalId() != TOP or parent.column() != 0:
            return False
        op = self.operation(parent.row())
        return op is not None and self._expandable(op)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def retranslate(self) -> None:
        """Headers and texts are shown in the UI language: show them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Editor"),
            self.tr("Time"),
            self.tr("Operation"),
            self.tr("Article"),
            self.tr("Change"),
        ][section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        op = self._top_operation(index)
        if op is None:
            return None
        if index.internalId() != TOP:
            return self._item_data(self.item_at(index), index.column(), role)
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(op, column)
        if role == Qt.ItemDataRole.ForegroundRole and op.undone:
            return GREY
        if role == Qt.ItemDataRole.FontRole and op.undone:
            font = QFont()
            font.setStrikeOut(column == "operation")
            return font
        if role == Qt.ItemDataRole.UserRole:
            return op.id
        return None

    def _text(self, op: Operation, column: str) -> str:
        summary = self._summaries.get(op.id)
        if column == "editor":
            return op.editor
        if column == "time":
            return local_time(op.time)
        if column == "operation":
            return words.what_text(op, summary)
        if column == "target":
            return words.target_text(summary)
        return words.detail_text(summary)

    def _item_data(self, item: HistoryItem | None, column: int, role):
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if self.COLUMNS[column] == "target":
                return words.item_title(item)
            if self.COLUMNS[column] == "change":
                return words.item_text(item)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and item.status == "stale":
            return GREY
        return None

    # -- for the pane's tests and its diff ---------------------------------------------------

    def operation_text(self, op: Operation) -> str:
        return words.what_text(op, self._summaries.get(op.id))

    def target_text(self, op: Operation) -> str:
        return words.target_text(self._summaries.get(op.id))
