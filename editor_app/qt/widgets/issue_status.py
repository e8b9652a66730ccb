"""The status bar's permanent fields for the current issue: what is reviewed, what is open."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from editor_app.desk.progress import IssueProgress


class IssueStatus(QWidget):
    """Reviewed / articles, open suggestions and uncertain boundaries of the shown issue."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("issueStatus")
        self.progress: IssueProgress | None = None
        self.reviewed = self._label("issueReviewed")
        self.suggestions = self._label("issueSuggestions")
        self.uncertain = self._label("issueUncertain")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 8, 0)
        row.setSpacing(12)
        for label in (self.reviewed, self.suggestions, self.uncertain):
            row.addWidget(label)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        return label

    def show_progress(self, progress: IssueProgress | None) -> None:
        """The counts of the issue on screen; None (no issue shown) empties the fields."""
        self.progress = progress
        self.setVisible(progress is not None)
        if progress is None:
            return
        self.reviewed.setText(
            self.tr("Reviewed %1/%2")
            .replace("%1", str(progress.reviewed))
            .replace("%2", str(progress.articles))
        )
        self.suggestions.setText(
            self.tr("Open suggestions %1").replace("%1", str(progress.open_suggestions))
        )
        self.uncertain.setText(
            self.tr("Uncertain boundaries %1").replace("%1", str(progress.uncertain))
        )
        self.uncertain.setStyleSheet("color: #c0392b;" if progress.uncertain else "")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_progress(self.progress)
        super().changeEvent(event)
