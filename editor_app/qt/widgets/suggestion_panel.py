"""The selected article's open suggestions with Accept / Reject buttons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from editor_app.qt.models.suggestion_list import SuggestionListModel


class SuggestionPanel(QWidget):
    accept_clicked = Signal()
    reject_clicked = Signal()
    accept_rule_clicked = Signal()
    current_changed = Signal(object)  # Suggestion or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = SuggestionListModel(self)
        self.heading = QLabel(self)
        self.list = QListView(self)
        self.list.setObjectName("suggestionList")
        self.list.setModel(self.model)
        self.list.setIconSize(QSize(6, 14))  # the kind's colour: a bar, like the role bar
        # One line each: the list lays out without asking every row its size, which made
        # each switch of article wait for all of the article's suggestions to be measured.
        self.list.setUniformItemSizes(True)
        self.accept = QPushButton(self)
        self.accept.setObjectName("acceptSuggestion")
        self.reject = QPushButton(self)
        self.reject.setObjectName("rejectSuggestion")
        self.accept_rule = QPushButton(self)
        self.accept_rule.setObjectName("acceptRule")
        buttons = QHBoxLayout()
        for button in (self.accept, self.reject, self.accept_rule):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.accept.clicked.connect(self.accept_clicked)
        self.reject.clicked.connect(self.reject_clicked)
        self.accept_rule.clicked.connect(self.accept_rule_clicked)
        self.list.selectionModel().currentChanged.connect(
            lambda *_: self.current_changed.emit(self.current())
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Open suggestions"))
        self.accept.setText(self.tr("Accept"))
        self.reject.setText(self.tr("Reject"))
        self.accept_rule.setText(self.tr("Accept all of this kind…"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_context_actions(self, actions: list) -> None:
        """The list's context menu: these actions, a separator for each None."""
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in actions:
            if action is None:
                action = QAction(self.list)
                action.setSeparator(True)
            self.list.addAction(action)

    def set_items(self, items: list, keep_id: int | None = None) -> None:
        """List an article's suggestions, the kept one (else the first) current. Quietly:
        a new list is no choice of the editor's, so the text's cursor stays where it is."""
        selection = self.list.selectionModel()
        blocked = selection.blockSignals(True)
        try:
            self.model.set_items(items)
            row = self.model.row_of(keep_id) if keep_id is not None else None
            if row is None and items:
                row = 0
            if row is not None:
                self.list.setCurrentIndex(self.model.index(row))
        finally:
            selection.blockSignals(blocked)
        if row is not None:
            self.list.scrollTo(self.model.index(row))
        self.list.viewport().update()
        self._enable()

    def select(self, suggestion_id: int) -> None:
        row = self.model.row_of(suggestion_id)
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))

    def current(self):
        index = self.list.currentIndex()
        return self.model.items[index.row()] if index.isValid() else None

    def _enable(self) -> None:
        has = bool(self.model.items)
        for button in (self.accept, self.reject, self.accept_rule):
            button.setEnabled(has)
