"""Before an import: the publication every imported file is stored under.

Enter accepts, Escape cancels the import. The last publication is offered again, and the
ones the project already holds are completed as the editor types.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLineEdit


class PublicationDialog(QDialog):
    def __init__(self, last: str, known: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("publicationDialog")
        self.setWindowTitle(self.tr("Import"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.publication = QLineEdit(last, self)
        self.publication.setObjectName("importPublication")
        self.publication.setPlaceholderText(self.tr("none"))
        self.publication.selectAll()  # typing replaces the offered name
        completer = QCompleter(known, self.publication)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.publication.setCompleter(completer)
        self.publication.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 24))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Publication of the imported files"), self.publication)
        form.addRow(buttons)

    def chosen(self) -> str:
        return self.publication.text().strip()
