"""Loud messages: every error names the file and the problem. Tests patch QMessageBox."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def show_notice(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def non_modal_notice(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """A warning that does not stop the editor's work; it closes with its button."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("nonModalNotice")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def project_error_message(error) -> str:
    """The file and the problem, in the UI's language around the core's own words."""
    path = getattr(error, "path", "")
    problem = getattr(error, "problem", str(error))
    text = QCoreApplication.translate("Dialogs", "The project file\n%1\ncannot be used:\n%2")
    return text.replace("%1", path).replace("%2", problem)
