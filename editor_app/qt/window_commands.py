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
from editor_app.qt import rule_decisions
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
        self._decide(self.desk.accept_suggestion)

    def cmd_reject_suggestion(self) -> None:
        self._decide(self.desk.reject_suggestion)

    def _decide(self, decide: Callable[[int], object]) -> None:
        """Accept or reject the selected suggestion, then go on to the next open one from
        its place (not back to the first of the list)."""
        suggestion = self.w.suggestion_panel.current()
        if suggestion is None or decide(suggestion.id) is None:
            return
        self._walk(self.desk.suggestion_from(suggestion.start, +1))

    def cmd_accept_rule(self) -> None:
        self._decide_rule("accept_rule")

    def cmd_reject_rule(self) -> None:
        self._decide_rule("reject_rule")

    def cmd_accept_rule_project(self) -> None:
        self._decide_rule("accept_rule_project")

    def cmd_reject_rule_project(self) -> None:
        self._decide_rule("reject_rule_project")

    def _decide_rule(self, command: str) -> None:
        """Every open suggestion of the selected one's kind, in the issue or the project,
        once the editor has seen how many: one step; the cursor keeps its place."""
        suggestion = self.w.suggestion_panel.current()
        if suggestion is None:
            return
        decision = rule_decisions.DECISIONS[command]
        count = self.desk.open_of_rule(suggestion.rule, decision.whole_project)
        if count == 0:
            return
        title = self.window.actions[command].text().rstrip("…")
        if not rule_decisions.confirmed(self.window, decision, title, suggestion.rule, count):
            return
        result = self.desk.decide_rule(decision.verdict, suggestion.rule, decision.whole_project)
        if result is None:
            return
        following = self.desk.suggestion_from(suggestion.start, +1)
        if following is not None:
            self._walk(following)
        self.say(rule_decisions.done_message(decision, suggestion.rule, result.value), STATUS_MS)

    def cmd_next_suggestion(self) -> None:
        self._step_suggestion(+1)

    def cmd_previous_suggestion(self) -> None:
        self._step_suggestion(-1)

    def _step_suggestion(self, step: int) -> None:
        """From the cursor of the raw text, or of the article text when it has the focus: a
        suggestion the cursor stands on is the next one, unless the walk has just put the
        cursor there."""
        offset, walked = self._walk_start()
        passed = next((s for s in self.desk.open_suggestions if s.id == walked), None)
        self._walk(self.desk.suggestion_from(offset, step, passed))

    def _walk_start(self) -> tuple[int, int | None]:
        """The raw offset a walk starts from, and the suggestion walked to there if any."""
        text_pane, raw_view = self.w.text_pane, self.w.raw_view
        if not text_pane.editor.hasFocus():
            return raw_view.textCursor().position(), raw_view.walked_suggestion_id()
        text_pane.commit()  # the marks and the alignment hold for saved text only
        return text_pane.raw_cursor_offset(), text_pane.editor.walked_suggestion_id()

    def _walk(self, suggestion) -> None:
        """Put the cursor on a suggestion and select it in the list (None: say so); the
        article text, when it has the focus, keeps it and puts its cursor there too."""
        if suggestion is None:
            self.say(
                QCoreApplication.translate("Commands", "No more suggestions in this document."),
                STATUS_MS,
            )
            return
        self.w.raw_view.walk_to(suggestion)
        self.w.suggestion_panel.select(suggestion.id)
        editor = self.w.text_pane.editor
        if editor.hasFocus():
            editor.walk_to(suggestion)

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
