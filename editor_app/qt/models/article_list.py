"""The segments of one document (articles, boilerplate, noise), shown a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from editor_app.model.article import UNCERTAIN_BELOW
from editor_app.qt.labels import kind_name, status_name

NO_PARENT = QModelIndex()

PAGE_SIZE = 100
COLUMNS = ("mark", "title", "kind", "status")


def is_uncertain(row: dict) -> bool:
    return bool(row["truncated"]) or row["confidence"] < UNCERTAIN_BELOW


class ArticleListModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[dict] = []
        self._shown = 0
        self.document_id: int | None = None

    def set_rows(self, document_id: int | None, rows: list[dict]) -> None:
        """Rows from `project.articles.rows` (no text); the view pulls them in pages."""
        self.beginResetModel()
        self.document_id = document_id
        self._all = rows
        self._shown = min(len(rows), PAGE_SIZE)
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and self._shown < len(self._all)

    def fetchMore(self, parent: QModelIndex) -> None:
        more = min(PAGE_SIZE, len(self._all) - self._shown)
        if parent.isValid() or more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def row_of(self, article_id: int) -> int | None:
        for number, row in enumerate(self._all):
            if row["id"] == article_id:
                while number >= self._shown and self.canFetchMore(QModelIndex()):
                    self.fetchMore(QModelIndex())
                return number
        return None

    def article_id(self, row: int) -> int | None:
        return self._all[row]["id"] if 0 <= row < self._shown else None

    def rowCount(self, parent: QModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: QModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._all[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == "mark":
            return QColor("#c0392b")
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def _display(self, row: dict, column: str) -> str:
        if column == "mark":
            return "⚠" if is_uncertain(row) else ""
        if column == "title":
            headline = " ".join(p for p in (row["kicker"], row["title"]) if p)
            return headline or self.tr("(lines %1–%2)").replace(
                "%1", str(row["start_line"])
            ).replace("%2", str(row["end_line"]))
        if column == "kind":
            return kind_name(row["kind"])
        return status_name(row["status"])

    def _tooltip(self, row: dict) -> str:
        parts = [
            self.tr("Lines %1–%2")
            .replace("%1", str(row["start_line"]))
            .replace("%2", str(row["end_line"]))
        ]
        parts.append(self.tr("Confidence %1").replace("%1", f"{row['confidence']:.2f}"))
        if row["reason"]:
            parts.append(row["reason"])
        if row["truncated"]:
            parts.append(self.tr("Truncated: continues elsewhere or lost"))
        return "\n".join(parts)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return ("", self.tr("Title"), self.tr("Kind"), self.tr("Status"))[section]
