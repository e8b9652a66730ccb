"""Review in the main window: history, find and replace, the project dictionary,
statistics, the review shortcuts.

The review widgets write through the window's OperationRunner, so each change is one
undo step with its label on Edit → Undo, and the views refresh from the runner's signal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QScrollArea, QWidget

from editor_app.desk import DeskSession
from editor_app.qt.review.dictionary_panel import DictionaryPanel
from editor_app.qt.review.search_dialog import SearchPanel
from editor_app.qt.review.stats_view import StatsDialog
from editor_app.qt.window_panes import DeskPanes

STATUS_MS = 5000
NATIVE = QKeySequence.SequenceFormat.NativeText
HISTORY_ROWS = 12  # the history opens showing at least this many changes


@dataclass(frozen=True, slots=True)
class ReviewWidgets:
    history_dock: object
    history_pane: object
    history_whole_project: object
    history_action: object  # View → History, checkable
    text_pane: object
    form: object


class ReviewController:
    """`reader()` gives the window's ProjectReader (None while no project is open)."""

    def __init__(
        self,
        desk: DeskSession,
        panes: DeskPanes,
        widgets: ReviewWidgets,
        *,
        runner,
        background,
        reader: Callable[[], object],
        say: Callable[[str, int], None],
        window,
    ) -> None:
        self.desk = desk
        self.panes = panes
        self.w = widgets
        self.runner = runner
        self.background = background
        self.reader = reader
        self.say = say
        self.window = window
        self.stats_dialog: StatsDialog | None = None
        self._history_stale = True
        self._history_sized = False
        self._return_to: QWidget | None = None  # where Escape in a panel puts the focus
        self.search_panel = SearchPanel(None, window, run=runner.run)
        self.search_panel.setObjectName("searchPanel")
        self.search_dock = self._dock(
            "searchDock", self.search_panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.dictionary_panel = DictionaryPanel(None, window, run=runner.run)
        self.dictionary_panel.setObjectName("dictionaryPanel")
        self.dictionary_dock = self._dock(
            "dictionaryDock", self.dictionary_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )

    def _dock(self, name: str, panel: QWidget, area) -> QDockWidget:
        """A dock for a panel, hidden until asked for; the window's layout keeps its place."""
        dock = QDockWidget(self.window)
        dock.setObjectName(name)
        dock.setWidget(panel)
        dock.setWindowTitle(panel.windowTitle())
        panel.windowTitleChanged.connect(dock.setWindowTitle)
        self.window.addDockWidget(area, dock)
        dock.hide()
        return dock

    def connect(self) -> None:
        w = self.w
        w.history_dock.visibilityChanged.connect(self._history_visibility)
        w.history_whole_project.toggled.connect(lambda _on: self._history_scope())
        w.history_pane.jump_to_article.connect(self.go_to_article)
        self.search_panel.jump_to_article.connect(self._jump_to_hit)
        self.search_panel.leave.connect(self._back_to_text)
        self.search_panel.open_dictionary.connect(self.cmd_dictionary)
        self.dictionary_panel.leave.connect(self._back_to_text)
        self.panes.article_shown.connect(lambda _id: self._history_scope())
        self.runner.changed.connect(self._review_changed)

    def retranslate(self) -> None:
        self.w.history_dock.setWindowTitle(QCoreApplication.translate("Review", "History"))
        self.w.history_whole_project.setText(QCoreApplication.translate("Review", "Whole project"))

    @property
    def project(self):
        return self.runner.project

    # -- the project ------------------------------------------------------------------------

    def project_changed(self) -> None:
        """A project was opened or closed: the review widgets follow."""
        self._history_stale = True
        self._sync_history()
        self.search_panel.set_project(self.project)
        self.search_panel.use_background(self.background, self.reader())
        self.dictionary_panel.set_project(self.project)
        if self.stats_dialog is not None:
            self.stats_dialog.close()
            self.stats_dialog = None

    def _review_changed(self, result) -> None:
        self._history_stale = True
        self._sync_history()
        self.dictionary_panel.follow(result)
        if self.search_dock.isVisible():
            self.search_panel.refresh()  # hidden, it searches afresh when it opens

    # -- history ----------------------------------------------------------------------------

    def cmd_history(self) -> None:
        w = self.w
        show = w.history_action.isChecked()
        w.history_dock.setVisible(show)
        if show:
            w.history_dock.raise_()
            w.history_pane.table.setFocus()

    def _history_visibility(self, visible: bool) -> None:
        self.w.history_action.setChecked(visible)
        if visible:
            self._size_history_once()
            self._sync_history()

    def _size_history_once(self) -> None:
        """On first show, a docked history at least a useful height: a few rows of a dock
        with a tree and a diff under it would show no change whole."""
        dock = self.w.history_dock
        if self._history_sized or dock.isFloating():
            return
        self._history_sized = True
        pane = self.w.history_pane
        wanted = max(
            dock.height() - pane.height() + pane.height_for_rows(HISTORY_ROWS),
            self.window.height() // 3,
        )
        if dock.height() < wanted:
            self.window.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)
        pane.share_height()

    def _sync_history(self) -> None:
        """Reload the history when it is on screen; otherwise when it next shows."""
        pane = self.w.history_pane
        if not self.w.history_dock.isVisible() or not self._history_stale:
            return
        self._history_stale = False
        if pane.project is not self.project:
            pane.set_project(self.project)
        else:
            pane.refresh()
        self._history_scope()

    def _history_scope(self) -> None:
        """The selected article's changes, or the whole project's when the box is ticked."""
        w, desk = self.w, self.desk
        if not w.history_dock.isVisible() or self.project is None:
            return
        if w.history_whole_project.isChecked() or desk.document_id is None:
            w.history_pane.set_scope()
        else:
            w.history_pane.set_scope(document_id=desk.document_id, article_id=desk.article_id)

    # -- find and replace, the dictionary ----------------------------------------------------

    def cmd_find(self) -> None:
        self._open_search(replace=False)

    def cmd_find_replace(self) -> None:
        self._open_search(replace=True)

    def _open_search(self, *, replace: bool) -> None:
        if self.project is None:
            return
        self._remember_focus(self.search_dock)
        self.search_panel.show_replace(replace)
        self._show_dock(self.search_dock)
        self.search_panel.reopen()

    def cmd_dictionary(self) -> None:
        if self.project is None:
            return
        self._remember_focus(self.dictionary_dock)
        selected = self.w.text_pane.editor.textCursor().selectedText()
        panel = self.dictionary_panel
        panel.refresh()
        self._show_dock(self.dictionary_dock)
        if selected and "\u2029" not in selected and not panel.wrong_edit.text():
            panel.wrong_edit.setText(selected)  # the misread just selected in the text
            panel.right_edit.setFocus()
        else:
            panel.wrong_edit.setFocus()

    def _show_dock(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()
        if dock.isFloating():
            dock.activateWindow()

    def _remember_focus(self, dock: QDockWidget) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and not dock.isAncestorOf(focused):
            self._return_to = focused

    def _back_to_text(self) -> None:
        """Escape in a panel: the focus goes back to the text (or field) it came from."""
        target = self._return_to
        if target is None or not target.isVisible():
            target = self.w.text_pane.editor
        self.window.activateWindow()
        target.setFocus()

    def _jump_to_hit(self, article_id: int, field: str, start: int) -> None:
        """Show the hit's document and article, and select the hit in its field."""
        if self.go_to_article(article_id) is None:
            return
        hit = next(
            (
                h
                for h in self.search_panel.hits
                if (h.article_id, h.field, h.start) == (article_id, field, start)
            ),
            None,
        )
        end = hit.end if hit is not None else start
        form = self.w.form
        if field == "text":
            editor = self.w.text_pane.editor
            cursor = editor.textCursor()
            cursor.setPosition(min(start, len(editor.toPlainText())))
            cursor.setPosition(min(end, len(editor.toPlainText())), QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()
            self._return_to = editor
        elif field in form.edits:
            edit = form.edits[field]
            edit.setSelection(start, end - start)
            _scroll_to(edit)
            self._return_to = edit

    def go_to_article(self, article_id: int):
        """Select an article anywhere in the project: its document, then the article."""
        if self.project is None:
            return None
        try:
            article = self.project.articles.get(article_id)
        except (KeyError, LookupError):
            self.say(
                QCoreApplication.translate("Review", "That article no longer exists."), STATUS_MS
            )
            return None
        self.panes.go_to_article(article)
        return article

    # -- statistics -------------------------------------------------------------------------

    def cmd_statistics(self) -> None:
        if self.project is None:
            return
        if self.stats_dialog is None:
            self.stats_dialog = StatsDialog(None, self.window)
            self.stats_dialog.setObjectName("statsDialog")
            self.stats_dialog.use_background(self.background, self.reader())
            self.stats_dialog.set_project(self.project)
        else:
            self.stats_dialog.refresh()
        self.stats_dialog.show()
        self.stats_dialog.raise_()

    # -- review shortcuts -------------------------------------------------------------------

    def cmd_reviewed_next(self) -> None:
        """Reviewed, then the next unreviewed article of this issue; at the end of the
        issue it stops and says so: the next issue is the editor's own step."""
        result, following = self.desk.reviewed_and_next()
        if result is None:
            return
        if following is None:
            self.say(self._end_of_issue(), STATUS_MS)
            return
        self.go_to_article(following)

    def _end_of_issue(self) -> str:
        key = self.window.actions["next_document"].shortcut().toString(NATIVE)
        return QCoreApplication.translate(
            "Commands", "End of this issue: all articles reviewed (next issue: %1)"
        ).replace("%1", key)

    def cmd_mark_issue_reviewed(self) -> None:
        """Every article of the issue reviewed in one step, once the editor has seen what
        is still open in it."""
        if self.desk.document_id is None:
            return
        progress = self.desk.progress()
        if progress.done:
            self.say(self._end_of_issue(), STATUS_MS)
            return
        if not self._confirm_issue_reviewed(progress):
            return
        result = self.desk.mark_issue_reviewed()
        if result is not None:
            self.say(
                QCoreApplication.translate(
                    "Commands", "Issue marked reviewed: %1 articles"
                ).replace("%1", str(result.value)),
                STATUS_MS,
            )

    def _confirm_issue_reviewed(self, progress) -> bool:
        translate = QCoreApplication.translate
        text = (
            translate(
                "Commands",
                "Mark %1 unreviewed articles of this issue reviewed?\n\n"
                "Still open in this issue: %2 suggestions, %3 uncertain boundaries.",
            )
            .replace("%1", str(progress.waiting))
            .replace("%2", str(progress.open_suggestions))
            .replace("%3", str(progress.uncertain))
        )
        answer = QMessageBox.question(
            self.window,
            translate("Commands", "Mark whole issue reviewed"),
            text,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Ok

    def cmd_mark_approved(self) -> None:
        self.desk.set_status("approved")


def _scroll_to(widget: QWidget) -> None:
    """Scroll the scroll area holding a widget (the article form) until it shows."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)
