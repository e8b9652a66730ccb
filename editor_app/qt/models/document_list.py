"""The documents of a project, fetched page by page as the view scrolls (never all at once)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

NO_PARENT = QModelIndex()


PAGE_SIZE = 200
# The file name last: it tells apart the pages of one day and the files a name gives no
# date, and it takes the width the short columns leave.
COLUMNS = ("publication", "date", "page", "progress", "file_name")


class DocumentListModel(QAbstractTableModel):
    STRETCH_COLUMN = COLUMNS.index("file_name")  # the view widens it to fill the pane

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.project = None
        self._rows: list[dict] = []
        self._row_of: dict[int, int] = {}
        self._total = 0

    def set_project(self, project) -> None:
        self.beginResetModel()
        self.project = project
        self._rows, self._row_of = [], {}
        self._total = project.documents.count() if project is not None else 0
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    # -- lazy loading -----------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex) -> None:
        if parent.isValid() or self.project is None:
            return
        page = self.project.documents.rows(offset=len(self._rows), limit=PAGE_SIZE)
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for number, row in enumerate(page, start=first):
            self._row_of[row["id"]] = number
        self._rows.extend(page)
        self.endInsertRows()

    def count_again(self) -> None:
        """After an import: more documents may be there to fetch."""
        if self.project is not None:
            self._total = self.project.documents.count()
            if len(self._rows) < PAGE_SIZE and self.canFetchMore(QModelIndex()):
                self.fetchMore(QModelIndex())

    def refresh_documents(self, document_ids) -> None:
        """Re-read the loaded rows of these documents (their progress counts)."""
        for document_id in document_ids:
            number = self._row_of.get(document_id)
            if number is None:
                continue
            fresh = self.project.documents.rows(offset=number, limit=1)
            if fresh and fresh[0]["id"] == document_id:
                self._rows[number] = fresh[0]
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))

    # -- lookups ----------------------------------------------------------------------------

    def document_id(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, document_id: int) -> int | None:
        return self._row_of.get(document_id)

    @property
    def loaded_count(self) -> int:
        return len(self._rows)

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row["file_name"]
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    @staticmethod
    def _display(row: dict, column: str) -> str:
        if column == "progress":
            done, total = row["reviewed"], row["articles"]
            return f"{'✓' if total and done == total else ''}{done}/{total}"
        return str(row[column] or "")

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Publication"),
            self.tr("Date"),
            self.tr("Page"),
            self.tr("Reviewed"),
            self.tr("File name"),
        )[section]
