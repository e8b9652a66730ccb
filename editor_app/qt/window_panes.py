"""The panes follow the desk: the document list, the article list, the raw text, the article.

`DeskPanes` shows what the `DeskSession` holds and redraws after a change only what the
desk's `DeskUpdate` names; it writes nothing itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, Signal

from editor_app.desk import DeskSession


@dataclass(frozen=True, slots=True)
class PaneWidgets:
    """The widgets and models the panes draw into."""

    documents: object  # DocumentListModel
    document_view: object
    articles: object  # ArticleListModel
    article_view: object
    raw_view: object
    form: object
    text_pane: object
    suggestion_panel: object
    filter_bar: object


class DeskPanes(QObject):
    article_shown = Signal(int)
    document_shown = Signal()  # another document (or none) is on screen

    def __init__(self, desk: DeskSession, widgets: PaneWidgets, parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.w = widgets

    def connect(self) -> None:
        w = self.w
        w.document_view.selectionModel().currentRowChanged.connect(self._document_clicked)
        w.article_view.selectionModel().currentRowChanged.connect(self._article_clicked)
        w.raw_view.cursor_line_changed.connect(self.cursor_line_changed)
        w.suggestion_panel.current_changed.connect(self._suggestion_focused)
        w.raw_view.suggestion_pointed.connect(self._suggestion_pointed)
        w.filter_bar.articles_filtered.connect(self._articles_filtered)

    def commit_typing(self) -> None:
        """Save what is still being typed in a form field or the corrected text."""
        self.w.form.commit()
        self.w.text_pane.commit()

    # -- the project ------------------------------------------------------------------------

    def use_project(self, project) -> None:
        """A project was opened (or closed, None): list its documents, show the first."""
        self.desk.use_project(project)
        self.w.documents.set_project(project)
        bar = self.w.filter_bar
        bar.project, bar.document_id = project, None  # no whole-project query here
        bar.refresh_editors()
        self.show_document(self.w.documents.document_id(0) if project is not None else None)

    # -- showing a document and an article --------------------------------------------------

    def show_document(self, document_id: int | None, line: int | None = None) -> None:
        """Load a document into the raw view and the article list; select the article at line."""
        self.commit_typing()
        desk, w = self.desk, self.w
        desk.show_document(document_id)
        if document_id is None:
            w.articles.set_rows(None, [])
            w.raw_view.show_document(None, "", [], {}, [])
            self.show_article(None)
            self.document_shown.emit()
            return
        w.articles.set_rows(document_id, self.filtered_segments())
        w.raw_view.show_document(
            document_id, desk.raw_text(), desk.segments, desk.roles, desk.open_suggestions
        )
        self.select_document_row(document_id)
        w.raw_view.go_to_lines(line if line is not None else desk.first_line())
        self.cursor_line_changed(w.raw_view.current_line(), force=True)
        self.document_shown.emit()

    def show_article(self, article_id: int | None, *, move_cursor: bool = False) -> None:
        """Show an article's form, text and suggestions, highlight its span."""
        self.commit_typing()
        desk, w = self.desk, self.w
        desk.select_article(article_id)
        article = desk.project.articles.get(article_id) if article_id is not None else None
        w.form.load(article)
        raw = desk.project.documents.raw_span(article) if article is not None else ""
        w.text_pane.load(
            article_id, article.text if article else "", raw, article.start_offset if article else 0
        )
        segment = desk.segment_at(article.start_line) if article else None
        w.raw_view.highlight_span((article.start_line, article.end_line) if article else None)
        keep = w.suggestion_panel.current()
        listed = desk.suggestions_of(segment)
        w.suggestion_panel.set_items(listed, keep.id if keep else None)
        w.text_pane.show_suggestions(listed, w.suggestion_panel.current())
        self.outline(w.suggestion_panel.current())
        self.select_article_row(article_id)
        if move_cursor and article is not None:
            w.raw_view.go_to_lines(article.start_line)
        if article_id is not None:
            self.article_shown.emit(article_id)

    def cursor_line_changed(self, line: int, force: bool = False) -> None:
        desk = self.desk
        segment = desk.segment_at(line)
        if segment is not None and (force or segment["id"] != desk.article_id):
            self.show_article(segment["id"])
        elif force and segment is None:
            self.show_article(desk.segments[0]["id"] if desk.segments else None)

    def go_to_article(self, article) -> None:
        """Show an article read from the project: its document first when another one."""
        if article.document_id != self.desk.document_id:
            self.show_document(article.document_id, line=article.start_line)
        self.show_article(article.id, move_cursor=True)

    def select_document_row(self, document_id: int) -> None:
        documents, view = self.w.documents, self.w.document_view
        row = documents.row_of(document_id)
        while row is None and documents.canFetchMore(QModelIndex()):
            documents.fetchMore(QModelIndex())  # a document past the pages loaded so far
            row = documents.row_of(document_id)
        if row is not None and view.currentIndex().row() != row:
            blocker = view.selectionModel().blockSignals(True)
            view.setCurrentIndex(documents.index(row, 0))
            view.selectionModel().blockSignals(blocker)

    def select_article_row(self, article_id: int | None) -> None:
        articles, view = self.w.articles, self.w.article_view
        row = articles.row_of(article_id) if article_id is not None else None
        model = view.selectionModel()
        blocker = model.blockSignals(True)
        if row is None:
            view.clearSelection()
        elif view.currentIndex().row() != row:
            view.setCurrentIndex(articles.index(row, 1))
        model.blockSignals(blocker)
        view.viewport().update()

    def _document_clicked(self, current, _previous) -> None:
        document_id = self.w.documents.document_id(current.row())
        if document_id is not None and document_id != self.desk.document_id:
            self.show_document(document_id)

    def _article_clicked(self, current, _previous) -> None:
        article_id = self.w.articles.article_id(current.row())
        if article_id is not None and article_id != self.desk.article_id:
            self.show_article(article_id, move_cursor=True)

    def _suggestion_focused(self, suggestion) -> None:
        panel = self.w.suggestion_panel
        self.outline(suggestion)
        if suggestion is not None and panel.list.hasFocus():
            self.w.raw_view.walk_to(suggestion)

    def _suggestion_pointed(self, suggestion) -> None:
        """A right click on a mark selects its suggestion, for the menu to act on."""
        self.w.suggestion_panel.select(suggestion.id)
        self.outline(suggestion)

    def outline(self, suggestion) -> None:
        """Box the selected suggestion in the raw text and the article text."""
        self.w.raw_view.select_suggestion(suggestion)
        self.w.text_pane.editor.select_suggestion(suggestion)

    # -- the filter bar ---------------------------------------------------------------------

    def filtered_segments(self) -> list[dict]:
        """The article list's rows: every segment, or those the filter bar lets through."""
        bar, desk = self.w.filter_bar, self.desk
        bar.document_id = desk.document_id
        if bar.mode() == "all" or desk.project is None:
            return desk.segments
        shown = set(bar.article_ids())
        return [row for row in desk.segments if row["id"] in shown]

    def _articles_filtered(self, ids: list) -> None:
        desk, bar = self.desk, self.w.filter_bar
        if desk.document_id is None or bar.document_id != desk.document_id:
            return
        rows = desk.segments
        if bar.mode() != "all":
            shown = set(ids)
            rows = [row for row in desk.segments if row["id"] in shown]
        self.w.articles.set_rows(desk.document_id, rows)
        self.select_article_row(desk.article_id)

    # -- after an operation -----------------------------------------------------------------

    def apply_change(self, result) -> None:
        """Redraw what an operation changed, keeping the cursor where the editor is."""
        desk, w = self.desk, self.w
        update = desk.follow(result.change)
        w.documents.refresh_documents(update.documents)
        if update.document is not None:
            self.show_document(update.document)
            return
        if desk.document_id is None or desk.project is None:
            return
        if update.rows:
            w.articles.set_rows(desk.document_id, self.filtered_segments())
        if update.overlay:
            w.raw_view.set_overlay(desk.segments, desk.roles, desk.open_suggestions)
        chosen = self._article_at_cursor()
        if update.article or update.overlay or chosen != desk.article_id:
            self.show_article(chosen)

    def reload_current(self) -> None:
        """Read the current document again, whole, and show it as the cursor left it."""
        desk, w = self.desk, self.w
        if desk.project is None or desk.document_id is None:
            return
        desk.reload()
        w.articles.set_rows(desk.document_id, self.filtered_segments())
        w.raw_view.set_overlay(desk.segments, desk.roles, desk.open_suggestions)
        self.show_article(self._article_at_cursor())

    def _article_at_cursor(self) -> int | None:
        """The segment at the cursor; else the current article if it is still there."""
        desk = self.desk
        segment = desk.segment_at(self.w.raw_view.current_line())
        if segment is not None:
            return segment["id"]
        if desk.article_id in desk.article_ids():
            return desk.article_id
        return desk.segments[0]["id"] if desk.segments else None
