"""The editing and navigation commands of the main window (a mixin of MainWindow).

Each editing command reads where the editor is (cursor line, selection, current article)
and runs one Project operation through the OperationRunner; nothing is changed here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex

from editor_app.desk.navigation import (
    neighbour,
    next_uncertain,
    parse_line_range,
    segment_at_line,
    suggestion_from,
)
from editor_app.qt.widgets.cheat_sheet import CheatSheet


class EditingCommands:
    # -- boundaries -------------------------------------------------------------------------

    def _segment_at_cursor(self) -> dict | None:
        return segment_at_line(self.segments, self.raw_view.current_line())

    def _current_segment(self) -> dict | None:
        return self._segment_at_cursor() or next(
            (r for r in self.segments if r["id"] == self.article_id), None
        )

    def cmd_split(self) -> None:
        segment = self._segment_at_cursor()
        if segment is not None:
            self.runner.run(self.project.split_article, segment["id"], self.raw_view.current_line())

    def cmd_merge_previous(self) -> None:
        segment = self._current_segment()
        if segment is not None:
            self.runner.run(self.project.merge_with_previous, segment["id"])

    def cmd_merge_next(self) -> None:
        segment = self._current_segment()
        if segment is not None:
            self.runner.run(self.project.merge_with_next, segment["id"])

    def cmd_boundary_up(self) -> None:
        self._move_boundary(-1)

    def cmd_boundary_down(self) -> None:
        self._move_boundary(+1)

    def _move_boundary(self, step: int) -> None:
        """Move the current article's first line to the next non-blank line up or down."""
        segment = self._current_segment()
        if segment is None:
            return
        lines = self.project.document_lines(self.document_id)
        line = segment["start_line"] + step
        while 1 <= line <= len(lines) and lines[line - 1].is_blank:
            line += step
        if 1 <= line <= len(lines):
            self.runner.run(self.project.move_boundary, segment["id"], line)

    def cmd_title_to_head(self) -> None:
        segment = self._segment_at_cursor()
        if segment is not None:
            line = self.raw_view.current_line()
            self.runner.run(self.project.move_title_to_head, segment["id"], line)

    def cmd_mark_boilerplate(self) -> None:
        self._mark("boilerplate")

    def cmd_mark_noise(self) -> None:
        self._mark("noise")

    def _mark(self, kind: str) -> None:
        if self.document_id is not None:
            first, last = self.raw_view.selected_lines()
            self.runner.run(self.project.mark_non_article, self.document_id, first, last, kind)

    def cmd_set_role(self, role: str) -> None:
        """The role of the cursor line, or of every non-blank line of the selection."""
        if self.document_id is None:
            return
        first, last = self.raw_view.selected_lines()
        if first == last:
            self.runner.run(self.project.set_role, self.document_id, first, role)
        else:
            self.runner.run(self._set_roles, first, last, role)

    def _set_roles(self, first: int, last: int, role: str):
        lines = self.project.document_lines(self.document_id)
        with self.project.group("set_role") as result:
            for line in range(first, last + 1):
                if not lines[line - 1].is_blank:
                    self.project.set_role(self.document_id, line, role)
        return result

    # -- fields, text, status ---------------------------------------------------------------

    def edit_field(self, name: str, value) -> None:
        if self.article_id is not None:
            self.runner.run(self.project.set_field, self.article_id, name, value)

    def choose_status(self, status: str) -> None:
        if self.article_id is not None:
            self.runner.run(self.project.set_status, self.article_id, status)

    def commit_text(self, article_id: int, text: str) -> None:
        self.runner.run(self.project.replace_text, article_id, text)

    # -- suggestions ------------------------------------------------------------------------

    def cmd_accept_suggestion(self) -> None:
        suggestion = self.suggestion_panel.current()
        if suggestion is not None:
            self.runner.run(self.project.accept_suggestions, [suggestion.id])

    def cmd_reject_suggestion(self) -> None:
        suggestion = self.suggestion_panel.current()
        if suggestion is not None:
            self.runner.run(self.project.reject_suggestions, [suggestion.id])

    def cmd_accept_rule(self) -> None:
        suggestion = self.suggestion_panel.current()
        if suggestion is not None:
            rule, document_id = suggestion.rule, self.document_id
            self.runner.run(
                lambda: self.project.accept_suggestions(rule=rule, document_id=document_id)
            )

    def cmd_next_suggestion(self) -> None:
        self._step_suggestion(+1)

    def cmd_previous_suggestion(self) -> None:
        self._step_suggestion(-1)

    def _step_suggestion(self, step: int) -> None:
        offset = self.raw_view.textCursor().position()
        current = self.suggestion_panel.current()
        if current is not None and step > 0:
            offset = max(offset, current.start)
        suggestion = suggestion_from(self.open_suggestions, offset, step)
        if suggestion is None:
            self.statusBar().showMessage(
                QCoreApplication.translate("Commands", "No more suggestions in this document."),
                5000,
            )
            return
        self.raw_view.go_to_offset(suggestion.start)
        self.suggestion_panel.select(suggestion.id)

    # -- navigation -------------------------------------------------------------------------

    def cmd_next_article(self) -> None:
        self._go_to_segment(neighbour(self.segments, self.article_id, +1))

    def cmd_previous_article(self) -> None:
        self._go_to_segment(neighbour(self.segments, self.article_id, -1))

    def cmd_next_uncertain(self) -> None:
        self._go_to_segment(next_uncertain(self.segments, self.article_id))

    def _go_to_segment(self, segment: dict | None) -> None:
        if segment is not None:
            self.show_article(segment["id"], move_cursor=True)

    def cmd_next_document(self) -> None:
        self._step_document(+1)

    def cmd_previous_document(self) -> None:
        self._step_document(-1)

    def _step_document(self, step: int) -> None:
        row = self.documents.row_of(self.document_id) if self.document_id is not None else -1
        target = (row if row is not None else -1) + step
        if target >= self.documents.loaded_count and self.documents.canFetchMore(QModelIndex()):
            self.documents.fetchMore(QModelIndex())
        document_id = self.documents.document_id(target)
        if document_id is not None:
            self.show_document(document_id)

    def cmd_go_to_line(self) -> None:
        self.line_box.setFocus()
        self.line_box.selectAll()

    def _go_to_typed_lines(self) -> None:
        lines = parse_line_range(self.line_box.text())
        if lines is None:
            self.statusBar().showMessage(
                QCoreApplication.translate("Commands", "Type a line number or a range like 83-87."),
                5000,
            )
            return
        self.raw_view.setFocus()
        self.raw_view.go_to_lines(*lines)

    # -- undo, view, help -------------------------------------------------------------------

    def cmd_undo(self) -> None:
        self.run_and_follow(lambda: self.project.undo())

    def cmd_redo(self) -> None:
        self.run_and_follow(lambda: self.project.redo())

    def cmd_zoom_in(self) -> None:
        self.apply_text_size(self.preferences.text_size + 1)

    def cmd_zoom_out(self) -> None:
        self.apply_text_size(self.preferences.text_size - 1)

    def cmd_show_diff(self) -> None:
        self.text_pane.diff_toggle.setChecked(self.actions["show_diff"].isChecked())

    def cmd_cheat_sheet(self) -> None:
        if self.cheat_sheet is None:
            self.cheat_sheet = CheatSheet(self)
        self.cheat_sheet.refresh()
        self.cheat_sheet.show()
        self.cheat_sheet.raise_()
