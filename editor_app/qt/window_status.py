"""The status bar follows the desk: the issue's pending work, and a word after each step.

The permanent fields show the current issue's progress as the desk session counts it from
the rows it keeps in step with every typed change; nothing is read again for them. After
each operation a temporary message names it ("已撤销：合并文章"), and on a proposed start
line the segmenter was unsure of, the message gives the boundary's confidence and reason.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from editor_app.desk import DeskSession
from editor_app.qt.labels import operation_name

STATUS_MS = 5000


def operation_word(label: str, replaying: str | None) -> str:
    """What the status bar says after a step: its label, or that it was undone or redone."""
    name = operation_name(label)
    if replaying == "undo":
        return QCoreApplication.translate("Status", "Undone: %1").replace("%1", name)
    if replaying == "redo":
        return QCoreApplication.translate("Status", "Redone: %1").replace("%1", name)
    if label.startswith("接受"):
        return QCoreApplication.translate("Status", "Suggestion accepted")
    if label.startswith("拒绝"):
        return QCoreApplication.translate("Status", "Suggestion rejected")
    return name


class StatusController(QObject):
    """Keeps the issue fields (`issue_status`) and the temporary messages (`say`)."""

    def __init__(
        self, desk: DeskSession, issue_status, raw_view, *, say: Callable[[str, int], None]
    ) -> None:
        super().__init__(issue_status)
        self.desk = desk
        self.issue_status = issue_status
        self.raw_view = raw_view
        self.say = say

    def connect(self, runner, panes) -> None:
        runner.changed.connect(self.operation_done)  # after the panes have followed it
        runner.failed.connect(lambda _message: self.refresh())
        panes.document_shown.connect(self.refresh)
        self.raw_view.cursor_line_changed.connect(self.cursor_on_line)

    def refresh(self) -> None:
        desk = self.desk
        shown = desk.project is not None and desk.document_id is not None
        self.issue_status.show_progress(desk.progress() if shown else None)

    def operation_done(self, result) -> None:
        self.refresh()
        self.say(operation_word(result.label, self.desk.replaying), STATUS_MS)

    def cursor_on_line(self, line: int) -> None:
        if line in self.raw_view.marked_lines:
            note = self.raw_view.boundary_note(line)
            self.say(
                QCoreApplication.translate("Status", "Uncertain boundary — %1").replace("%1", note),
                STATUS_MS,
            )
