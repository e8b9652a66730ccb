"""Run one Project operation for the window: catch errors loudly, emit what changed.

The window never writes on its own: every change is a call on the Project made through
`OperationRunner.run`, and the views refresh from the OpResult it emits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from editor_app.qt.dialogs import project_error_message, show_error
from editor_app.qt.labels import operation_name
from editor_app.storage import ProjectError, storage_error


class OperationRunner(QObject):
    """Owns the open project for the window's writes and the Undo/Redo actions' labels."""

    changed = Signal(object)  # OpResult
    failed = Signal(str)
    state_changed = Signal()  # saved / failed / busy changed: the title bar follows

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.project = None
        self.busy = False  # an import owns the project's writer
        self.last_write_failed = False
        self.before_run: list[Callable[[], None]] = []
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        self._depth = 0

    @property
    def can_edit(self) -> bool:
        return self.project is not None and not self.project.read_only and not self.busy

    def run(self, operation: Callable, *args):
        """Call operation(*args); returns its OpResult, or None when refused or failed."""
        if not self.can_edit:
            return None
        self._depth += 1
        try:
            if self._depth == 1:
                for flush in self.before_run:
                    flush()
            result = operation(*args)
        except ProjectError as error:
            self._report(self.tr("The change was not made"), project_error_message(error))
            return None
        except Exception as error:  # a failed write: disk full, I/O error, a damaged file, ...
            known = storage_error(error, self.project.path)
            self._report(
                self.tr("The change could not be saved"),
                self.tr(
                    "Writing to the project file failed: %1\nEverything saved before this change is kept."
                ).replace("%1", str(known or error)),
            )
            return None
        finally:
            self._depth -= 1
        self._succeeded(result)
        return result

    def _succeeded(self, result) -> None:
        if self.last_write_failed:
            self.last_write_failed = False
            self.state_changed.emit()
        if result is not None:
            self.changed.emit(result)
        self.refresh_undo_actions()

    def _report(self, title: str, message: str) -> None:
        self.last_write_failed = True
        show_error(self.window, title, message)
        self.failed.emit(message)
        self.state_changed.emit()
        self.refresh_undo_actions()

    def refresh_undo_actions(self) -> None:
        """Undo/Redo texts name the step they would revert ("撤销 拆分文章")."""
        project = self.project if self.project is not None and self.project.db else None
        try:
            undo = project.undo.undo_label() if project is not None else None
            redo = project.undo.redo_label() if project is not None else None
        except Exception as error:  # a file that cannot be read offers no step to undo
            if storage_error(error, project.path) is None:
                raise
            undo = redo = None
        self._label(self.undo_action, self.tr("Undo"), self.tr("Undo %1"), undo)
        self._label(self.redo_action, self.tr("Redo"), self.tr("Redo %1"), redo)

    def _label(self, action: QAction | None, plain: str, named: str, label: str | None) -> None:
        if action is None:
            return
        action.setText(named.replace("%1", operation_name(label)) if label else plain)
        action.setEnabled(label is not None and self.can_edit)
