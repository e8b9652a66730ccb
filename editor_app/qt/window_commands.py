"""The editing and navigation commands of the main window.

Each command reads where the editor is (cursor line, selection, the suggestion in the
panel) and asks the desk session for the operation; the desk runs it through the window's
OperationRunner, and the panes redraw from the change it reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from editor_app.desk import DeskSession
from editor_app.desk.navigation import parse_line_range
from editor_app.qt.widgets.cheat_sheet import CheatSheet
from editor_app.qt.window_panes import DeskPanes

STATUS_MS = 5000


@dataclass(frozen=True, slots=True)
class EditingWidgets:
    raw_view: object
    text_pane: object
    suggestion_panel: object
    line_box: object
    show_diff: object  # the View → Show changes action


class EditingController:
    """Commands on the document and the article; `say` puts a line in the status bar."""

    def __init__(
        self,
        desk: DeskSession,
        panes: DeskPanes,
        widgets: EditingWidgets,
        *,
        say: Callable[[str, int], None],
        text_size: Callable[[int], None],
        preferences,
        window,
    ) -> None:
        self.desk = desk
        self.panes = panes
        self.w = widgets
        self.say = say
        self.text_size = text_size
        self.preferences = preferences
        self.window = window
        self.cheat_sheet: CheatSheet | None = None

    def connect(self, form) -> None:
        w = self.w
        form.field_edited.connect(self.edit_field)
        form.status_chosen.connect(self.choose_status)
        w.text_pane.text_committed.connect(self.commit_text)
        w.text_pane.leave_requested.connect(w.raw_view.setFocus)
        w.text_pane.diff_toggle.toggled.connect(w.show_diff.setChecked)
        w.line_box.returnPressed.connect(self.go_to_typed_lines)
        w.suggestion_panel.accept_clicked.connect(self.cmd_accept_suggestion)
        w.suggestion_panel.reject_clicked.connect(self.cmd_reject_suggestion)
        w.suggestion_panel.accept_rule_clicked.connect(self.cmd_accept_rule)

    @property
    def line(self) -> int:
        return self.w.raw_view.current_line()

    # -- boundaries and roles ---------------------------------------------------------------

    def cmd_split(self) -> None:
        self.desk.split(self.line)

    def cmd_merge_previous(self) -> None:
        self.desk.merge_previous(self.line)

    def cmd_merge_next(self) -> None:
        self.desk.merge_next(self.line)

    def cmd_boundary_up(self) -> None:
        self.desk.move_boundary(self.line, -1)

    def cmd_boundary_down(self) -> None:
        self.desk.move_boundary(self.line, +1)

    def cmd_title_to_head(self) -> None:
        self.desk.title_to_head(self.line)

    def cmd_mark_boilerplate(self) -> None:
        self.desk.mark_non_article(*self.w.raw_view.selected_lines(), "boilerplate")

    def cmd_mark_noise(self) -> None:
        self.desk.mark_non_article(*self.w.raw_view.selected_lines(), "noise")

    def cmd_set_role(self, role: str) -> None:
        """The role of the cursor line, or of every non-blank line of the selection."""
        self.desk.set_role(*self.w.raw_view.selected_lines(), role)

    # -- fields, text, status ---------------------------------------------------------------

    def edit_field(self, name: str, value) -> None:
        self.desk.set_field(name, value)

    def choose_status(self, status: str) -> None:
        self.desk.set_status(status)

    def commit_text(self, article_id: int, text: str) -> None:
        self.desk.replace_text(article_id, text)

    # -- suggestions ------------------------------------------------------------------------

    def cmd_accept_suggestion(self) -> None:
        suggestion = self.w.suggestion_panel.current()
        if suggestion is not None:
            self.desk.accept_suggestion(suggestion.id)

    def cmd_reject_suggestion(self) -> None:
        suggestion = self.w.suggestion_panel.current()
        if suggestion is not None:
            self.desk.reject_suggestion(suggestion.id)

    def cmd_accept_rule(self) -> None:
        suggestion = self.w.suggestion_panel.current()
        if suggestion is not None:
            self.desk.accept_rule(suggestion.rule)

    def cmd_next_suggestion(self) -> None:
        self._step_suggestion(+1)

    def cmd_previous_suggestion(self) -> None:
        self._step_suggestion(-1)

    def _step_suggestion(self, step: int) -> None:
        raw_view, panel = self.w.raw_view, self.w.suggestion_panel
        offset = raw_view.textCursor().position()
        current = panel.current()
        if current is not None and step > 0:
            offset = max(offset, current.start)
        suggestion = self.desk.suggestion_from(offset, step)
        if suggestion is None:
            self.say(
                QCoreApplication.translate("Commands", "No more suggestions in this document."),
                STATUS_MS,
            )
            return
        raw_view.go_to_offset(suggestion.start)
        panel.select(suggestion.id)

    # -- navigation -------------------------------------------------------------------------

    def cmd_next_article(self) -> None:
        self._go_to_segment(self.desk.neighbour_article(+1))

    def cmd_previous_article(self) -> None:
        self._go_to_segment(self.desk.neighbour_article(-1))

    def cmd_next_uncertain(self) -> None:
        self._go_to_segment(self.desk.next_uncertain())

    def _go_to_segment(self, segment: dict | None) -> None:
        if segment is not None:
            self.panes.show_article(segment["id"], move_cursor=True)

    def cmd_next_document(self) -> None:
        self._step_document(+1)

    def cmd_previous_document(self) -> None:
        self._step_document(-1)

    def _step_document(self, step: int) -> None:
        document_id = self.desk.neighbour_document(step)
        if document_id is not None:
            self.panes.show_document(document_id)

    def cmd_go_to_line(self) -> None:
        self.w.line_box.setFocus()
        self.w.line_box.selectAll()

    def go_to_typed_lines(self) -> None:
        lines = parse_line_range(self.w.line_box.text())
        if lines is None:
            self.say(
                QCoreApplication.translate("Commands", "Type a line number or a range like 83-87."),
                STATUS_MS,
            )
            return
        self.w.raw_view.setFocus()
        self.w.raw_view.go_to_lines(*lines)

    # -- undo, view, help -------------------------------------------------------------------

    def cmd_undo(self) -> None:
        self.desk.undo()

    def cmd_redo(self) -> None:
        self.desk.redo()

    def cmd_zoom_in(self) -> None:
        self.text_size(self.preferences.text_size + 1)

    def cmd_zoom_out(self) -> None:
        self.text_size(self.preferences.text_size - 1)

    def cmd_show_diff(self) -> None:
        self.w.text_pane.diff_toggle.setChecked(self.w.show_diff.isChecked())

    def cmd_cheat_sheet(self) -> None:
        if self.cheat_sheet is None:
            self.cheat_sheet = CheatSheet(self.window)
        self.cheat_sheet.refresh()
        self.cheat_sheet.show()
        self.cheat_sheet.raise_()
