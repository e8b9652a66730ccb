"""The open suggestions of the selected article."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from editor_app.qt.labels import rule_colour, rule_name
from editor_app.qt.widgets.suggestion_marks import mark_tooltip, shown

NO_PARENT = QModelIndex()


def describe(suggestion) -> str:
    """One line: where, what becomes what, and which rule says so."""
    before, after = shown(suggestion.before), shown(suggestion.after)
    return (
        f"{suggestion.line}:{suggestion.column}  {before} → {after}  [{rule_name(suggestion.rule)}]"
    )


class SuggestionListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list = []

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def row_of(self, suggestion_id: int) -> int | None:
        return next((n for n, s in enumerate(self.items) if s.id == suggestion_id), None)

    def rowCount(self, parent: QModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return describe(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{mark_tooltip(item)} ({item.confidence:.2f})"
        if role == Qt.ItemDataRole.DecorationRole:
            return rule_colour(item.rule)  # the colour its mark has in the text
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None
