"""How a review widget writes: through the window's runner, or directly with a message."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from editor_app.storage import ProjectError

# run(operation, *args) -> OpResult | None, like OperationRunner.run of the main window.
Runner = Callable[..., object]


def direct_runner(parent: QWidget) -> Runner:
    """A runner for a widget used on its own: call the operation, show a refusal."""

    def run(operation: Callable, *args):
        try:
            return operation(*args)
        except ProjectError as error:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("ReviewRunner", "The change was not made"),
                error.problem,
            )
            return None

    return run
