"""Review in the main window (a mixin): history, find and replace, statistics, filters.

The review widgets write through the window's OperationRunner, so each change is one
undo step with its label on Edit → Undo, and the views refresh from the runner's signal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCheckBox, QDockWidget, QVBoxLayout, QWidget

from editor_app.qt.review.history_pane import HistoryPane
from editor_app.qt.review.review_filters import mark_approved, mark_reviewed_and_next
from editor_app.qt.review.search_dialog import SearchReplaceDialog
from editor_app.qt.review.stats_view import StatsDialog


class ReviewCommands:
    search_dialog: SearchReplaceDialog | None = None
    stats_dialog: StatsDialog | None = None

    # -- building ---------------------------------------------------------------------------

    def _build_history_dock(self) -> None:
        self.history_dock = QDockWidget(self)
        self.history_dock.setObjectName("historyDock")
        box = QWidget(self.history_dock)
        column = QVBoxLayout(box)
        column.setContentsMargins(4, 4, 4, 4)
        self.history_whole_project = QCheckBox(box)
        self.history_whole_project.setObjectName("historyWholeProject")
        self.history_pane = HistoryPane(None, box, run=self.run_and_follow)
        self.history_pane.setObjectName("historyPane")
        column.addWidget(self.history_whole_project)
        column.addWidget(self.history_pane, 1)
        self.history_dock.setWidget(box)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self._history_stale = True

    def _connect_review(self) -> None:
        self.history_dock.visibilityChanged.connect(self._history_visibility)
        self.history_whole_project.toggled.connect(lambda _on: self._history_scope())
        self.history_pane.jump_to_article.connect(self.go_to_article)
        self.article_shown.connect(lambda _id: self._history_scope())
        self.runner.changed.connect(self._review_changed)
        self.filter_bar.articles_filtered.connect(self._articles_filtered)

    def retranslate_review(self) -> None:
        self.history_dock.setWindowTitle(QCoreApplication.translate("Review", "History"))
        self.history_whole_project.setText(QCoreApplication.translate("Review", "Whole project"))

    # -- the project ------------------------------------------------------------------------

    def review_project_changed(self) -> None:
        """A project was opened or closed: the review widgets follow."""
        bar = self.filter_bar
        bar.project, bar.document_id = self.project, None  # no whole-project query here
        bar.refresh_editors()
        self._history_stale = True
        self._sync_history()
        if self.search_dialog is not None:
            self.search_dialog.set_project(self.project)
            self.search_dialog.use_background(self.background, self.reader)
        if self.stats_dialog is not None:
            self.stats_dialog.close()
            self.stats_dialog = None

    def _review_changed(self, _result) -> None:
        self._history_stale = True
        self._sync_history()

    # -- history ----------------------------------------------------------------------------

    def cmd_history(self) -> None:
        show = self.actions["history"].isChecked()
        self.history_dock.setVisible(show)
        if show:
            self.history_dock.raise_()
            self.history_pane.table.setFocus()

    def _history_visibility(self, visible: bool) -> None:
        self.actions["history"].setChecked(visible)
        if visible:
            self._sync_history()

    def _sync_history(self) -> None:
        """Reload the history when it is on screen; otherwise when it next shows."""
        if not self.history_dock.isVisible() or not self._history_stale:
            return
        self._history_stale = False
        if self.history_pane.project is not self.project:
            self.history_pane.set_project(self.project)
        else:
            self.history_pane.refresh()
        self._history_scope()

    def _history_scope(self) -> None:
        """The selected article's changes, or the whole project's when the box is ticked."""
        if not self.history_dock.isVisible() or self.project is None:
            return
        if self.history_whole_project.isChecked() or self.document_id is None:
            self.history_pane.set_scope()
        else:
            self.history_pane.set_scope(document_id=self.document_id, article_id=self.article_id)

    # -- find and replace -------------------------------------------------------------------

    def cmd_find_replace(self) -> None:
        if self.project is None:
            return
        if self.search_dialog is None:
            self.search_dialog = SearchReplaceDialog(self.project, self, run=self.runner.run)
            self.search_dialog.setObjectName("searchDialog")
            self.search_dialog.use_background(self.background, self.reader)
            self.search_dialog.jump_to_article.connect(self._jump_to_hit)
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.activateWindow()
        self.search_dialog.query_edit.setFocus()
        self.search_dialog.query_edit.selectAll()

    def _jump_to_hit(self, article_id: int, field: str, start: int) -> None:
        """Show the hit's document and article, and select the hit in its field."""
        if self.go_to_article(article_id) is None:
            return
        hit = next(
            (
                h
                for h in self.search_dialog.hits
                if (h.article_id, h.field, h.start) == (article_id, field, start)
            ),
            None,
        )
        end = hit.end if hit is not None else start
        if field == "text":
            editor = self.text_pane.editor
            cursor = editor.textCursor()
            cursor.setPosition(min(start, len(editor.toPlainText())))
            cursor.setPosition(min(end, len(editor.toPlainText())), QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()
        elif field in self.form.edits:
            self.form.edits[field].setSelection(start, end - start)

    def go_to_article(self, article_id: int):
        """Select an article anywhere in the project: its document, then the article."""
        if self.project is None:
            return None
        try:
            article = self.project.articles.get(article_id)
        except (KeyError, LookupError):
            self.statusBar().showMessage(
                QCoreApplication.translate("Review", "That article no longer exists."), 5000
            )
            return None
        if article.document_id != self.document_id:
            self.show_document(article.document_id, line=article.start_line)
        self.show_article(article_id, move_cursor=True)
        return article

    # -- statistics -------------------------------------------------------------------------

    def cmd_statistics(self) -> None:
        if self.project is None:
            return
        if self.stats_dialog is None:
            self.stats_dialog = StatsDialog(None, self)
            self.stats_dialog.setObjectName("statsDialog")
            self.stats_dialog.use_background(self.background, self.reader)
            self.stats_dialog.set_project(self.project)
        else:
            self.stats_dialog.refresh()
        self.stats_dialog.show()
        self.stats_dialog.raise_()

    # -- review shortcuts -------------------------------------------------------------------

    def cmd_reviewed_next(self) -> None:
        if self.article_id is None:
            return
        result, following = mark_reviewed_and_next(
            self.project, self.article_id, run=self.runner.run
        )
        if result is None:
            return
        if following is None:
            self.statusBar().showMessage(
                QCoreApplication.translate("Commands", "Every article is reviewed."), 5000
            )
            return
        self.go_to_article(following)

    def cmd_mark_approved(self) -> None:
        if self.article_id is not None:
            mark_approved(self.project, self.article_id, run=self.runner.run)

    # -- the filter bar ---------------------------------------------------------------------

    def filtered_segments(self, segments: list[dict]) -> list[dict]:
        """The article list's rows: every segment, or those the filter bar lets through."""
        bar = self.filter_bar
        bar.document_id = self.document_id
        if bar.mode() == "all" or self.project is None:
            return segments
        shown = set(bar.article_ids())
        return [row for row in segments if row["id"] in shown]

    def _articles_filtered(self, ids: list) -> None:
        if self.document_id is None or self.filter_bar.document_id != self.document_id:
            return
        rows = self.segments
        if self.filter_bar.mode() != "all":
            shown = set(ids)
            rows = [row for row in self.segments if row["id"] in shown]
        self.articles.set_rows(self.document_id, rows)
        self._select_article_row(self.article_id)
