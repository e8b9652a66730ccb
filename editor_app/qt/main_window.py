"""The correction desk: documents and articles left, raw text centre, the article right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor_app.qt.background import Background
from editor_app.qt.i18n import LANGUAGES
from editor_app.qt.keymap import COMMANDS, MENUS
from editor_app.qt.models.article_list import ArticleListModel
from editor_app.qt.models.document_list import DocumentListModel
from editor_app.desk.navigation import segment_at_line, suggestions_in
from editor_app.qt.operations import OperationRunner
from editor_app.qt.review.review_filters import ReviewFilterBar
from editor_app.qt.settings import Preferences
from editor_app.qt.widgets.article_form import ArticleForm
from editor_app.qt.widgets.raw_view import RawTextView
from editor_app.qt.widgets.suggestion_panel import SuggestionPanel
from editor_app.qt.widgets.text_editor import CorrectedTextPane
from editor_app.qt.window_commands import EditingCommands
from editor_app.qt.window_files import FileCommands
from editor_app.qt.window_learning import LearningCommands
from editor_app.qt.window_review import ReviewCommands

SPLITTERS = ("main", "left", "right")


class MainWindow(FileCommands, EditingCommands, ReviewCommands, LearningCommands, QMainWindow):
    """Views and keys only: every change is a Project operation run by `self.runner`."""

    import_finished = Signal(object)  # ImportReport or None
    article_shown = Signal(int)
    backup_finished = Signal(object, str)  # the copy made (or None), an error message
    export_finished = Signal(object)  # ExportReport or None

    def __init__(self, preferences: Preferences | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.preferences = preferences or Preferences()
        self.runner = OperationRunner(self)
        self.background = Background(self)
        self.document_id: int | None = None
        self.article_id: int | None = None
        self.segments: list[dict] = []
        self.open_suggestions: list = []
        self.import_job = None
        self.cheat_sheet = None
        self._following = False  # an undo, redo or revert runs: show the document it changed
        self._build_panes()
        self._build_history_dock()
        self._build_learning()
        self._build_actions()
        self._build_menus()
        self._connect()
        self.retranslate()
        self.apply_text_size(self.preferences.text_size)
        self.restore_layout()
        self.update_enabled()

    @property
    def project(self):
        return self.runner.project

    # -- building ---------------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.documents = DocumentListModel(self)
        self.document_view = self._table(self.documents, "documentList")
        self.articles = ArticleListModel(self)
        self.article_view = self._table(self.articles, "articleList")
        self.filter_bar = ReviewFilterBar(None, self)
        self.filter_bar.setObjectName("reviewFilterBar")
        article_box = QWidget(self)
        column = QVBoxLayout(article_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_bar)
        column.addWidget(self.article_view, 1)
        self.raw_view = RawTextView(self)
        self.form = ArticleForm(self)
        self.text_pane = CorrectedTextPane(self)
        self.suggestion_panel = SuggestionPanel(self)
        self.left = self._splitter("left", Qt.Orientation.Vertical, self.document_view, article_box)
        self.right = self._splitter(
            "right", Qt.Orientation.Vertical, self.form, self.text_pane, self.suggestion_panel
        )
        self.main_splitter = self._splitter(
            "main", Qt.Orientation.Horizontal, self.left, self.raw_view, self.right
        )
        self.main_splitter.setSizes([340, 640, 520])
        self.right.setSizes([330, 330, 160])
        self.setCentralWidget(self.main_splitter)
        self.line_box = QLineEdit(self)
        self.line_box.setObjectName("goToLine")
        self.line_box.setMaximumWidth(120)
        self.line_label = QLabel(self)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("navigation")
        self.toolbar.addWidget(self.line_label)
        self.toolbar.addWidget(self.line_box)
        self.addToolBar(self.toolbar)
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)
        self.resize(1400, 860)

    def _table(self, model, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        stretch = 0 if name == "documentList" else 1  # the publication, the title
        for column in range(model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        return view

    def _splitter(self, name: str, orientation, *widgets) -> QSplitter:
        splitter = QSplitter(orientation, self)
        splitter.setObjectName(f"{name}Splitter")
        splitter.setChildrenCollapsible(False)
        for widget in widgets:
            splitter.addWidget(widget)
        return splitter

    def _build_actions(self) -> None:
        self.actions: dict[str, QAction] = {}
        for command in COMMANDS:
            action = QAction(self)
            action.setObjectName(f"action_{command.name}")
            action.setShortcuts([QKeySequence(keys) for keys in command.shortcuts()])
            if command.scope in ("raw", "lines"):
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.raw_view.addAction(action)
                if command.scope == "lines":
                    self.article_view.addAction(action)
            else:
                self.addAction(action)
            action.triggered.connect(self._handler(command.name))
            self.actions[command.name] = action
        self.actions["show_diff"].setCheckable(True)
        self.actions["history"].setCheckable(True)
        self.runner.undo_action = self.actions["undo"]
        self.runner.redo_action = self.actions["redo"]

    def _handler(self, name: str):
        if name.startswith("role_"):
            return lambda: self.cmd_set_role(name.removeprefix("role_"))
        method = getattr(self, f"cmd_{name}")
        return lambda: method()

    def _build_menus(self) -> None:
        self.menus = {}
        for menu_name in MENUS:
            menu = self.menuBar().addMenu("")
            menu.setObjectName(f"menu_{menu_name}")
            self.menus[menu_name] = menu
            for command in (c for c in COMMANDS if c.menu == menu_name):
                if command.name == "preferences":
                    self.recent_menu = menu.addMenu("")
                    self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
                    menu.addSeparator()
                menu.addAction(self.actions[command.name])
        self.language_menu = self.menus["view"].addMenu("")
        self.language_menu.setObjectName("menu_language")
        self.language_actions = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = self.language_menu.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setData(code)
            self.language_actions.addAction(action)
        self.language_actions.triggered.connect(lambda a: self.switch_language(a.data()))
        self.raw_view.context_actions = (
            [
                self.actions[n]
                for n in (
                    "split",
                    "merge_previous",
                    "merge_next",
                    "boundary_up",
                    "boundary_down",
                    "title_to_head",
                )
            ]
            + [None]
            + [
                self.actions[f"role_{r}"]
                for r in ("kicker", "title", "subtitle", "byline", "subhead", "body")
            ]
            + [None]
            + [self.actions["mark_boilerplate"], self.actions["mark_noise"]]
        )

    def _connect(self) -> None:
        self.runner.changed.connect(self.apply_change)
        self.runner.state_changed.connect(self.update_title)
        self.runner.failed.connect(self._operation_failed)
        self.runner.before_run.append(self.commit_typing)
        self.document_view.selectionModel().currentRowChanged.connect(self._document_clicked)
        self.article_view.selectionModel().currentRowChanged.connect(self._article_clicked)
        self.raw_view.cursor_line_changed.connect(self._cursor_line_changed)
        self.form.field_edited.connect(self.edit_field)
        self.form.status_chosen.connect(self.choose_status)
        self.text_pane.text_committed.connect(self.commit_text)
        self.text_pane.leave_requested.connect(self.raw_view.setFocus)
        self.text_pane.diff_toggle.toggled.connect(self.actions["show_diff"].setChecked)
        self.line_box.returnPressed.connect(self._go_to_typed_lines)
        self.suggestion_panel.accept_clicked.connect(self.cmd_accept_suggestion)
        self.suggestion_panel.reject_clicked.connect(self.cmd_reject_suggestion)
        self.suggestion_panel.accept_rule_clicked.connect(self.cmd_accept_rule)
        self.suggestion_panel.current_changed.connect(self._suggestion_focused)
        self._connect_review()
        self._connect_learning()

    # -- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        for name, menu in self.menus.items():
            menu.setTitle(translate("Menus", MENUS[name]))
        for command in COMMANDS:
            self.actions[command.name].setText(translate("Commands", command.text))
        self.recent_menu.setTitle(self.tr("Recent projects"))
        self.language_menu.setTitle(self.tr("Language"))
        self.line_label.setText(self.tr("Line: "))
        self.line_box.setPlaceholderText(self.tr("12 or 83-87"))
        self.toolbar.setWindowTitle(self.tr("Navigation"))
        self.retranslate_review()
        self.retranslate_learning()
        self.runner.refresh_undo_actions()
        for action in self.language_actions.actions():
            action.setChecked(action.data() == self.language)
        if self.cheat_sheet is not None:
            self.cheat_sheet.refresh()
        self.update_title()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- title and enabled state ------------------------------------------------------------

    def update_title(self) -> None:
        if self.project is None:
            self.setWindowTitle(self.tr("Qingyang — no project open"))
            self.status_label.setText("")
            return
        if self.runner.last_write_failed:
            state = self.tr("LAST CHANGE NOT SAVED")
        elif self.runner.busy:
            state = self.tr("importing…")
        elif self.project.read_only:
            state = self.tr("read-only")
        else:
            state = self.tr("saved")
        self.setWindowTitle(
            self.tr("%1 — Qingyang — %2").replace("%1", self.project.path.name).replace("%2", state)
        )
        self.status_label.setText(self.project.notice or state)

    def update_enabled(self) -> None:
        editable = self.runner.can_edit
        for command in COMMANDS:
            if command.edits:
                self.actions[command.name].setEnabled(editable)
        needs_project = self.project is not None
        for name in (
            "next_suggestion",
            "previous_suggestion",
            "next_article",
            "previous_article",
            "next_document",
            "previous_document",
            "next_uncertain",
            "go_to_line",
            "export",
            "find_replace",
            "history",
            "statistics",
        ):
            self.actions[name].setEnabled(needs_project)
        self.form.set_editable(editable)
        self.text_pane.set_editable(editable)
        self.suggestion_panel.setEnabled(editable)
        self.runner.refresh_undo_actions()
        self.update_title()

    # -- text size and fonts ----------------------------------------------------------------

    def apply_text_size(self, size: int) -> None:
        size = max(7, min(40, size))
        self.preferences.text_size = size
        family = self.preferences.font_family
        for widget in (self.raw_view, self.text_pane.editor, self.text_pane.diff):
            font = QFont(widget.font())
            if family:
                font.setFamily(family)
            font.setPointSize(size)
            widget.setFont(font)

    # -- layout -----------------------------------------------------------------------------

    def restore_layout(self) -> None:
        geometry = self.preferences.layout("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.preferences.layout("state")
        if state is not None:
            self.restoreState(state)
        for name, splitter in zip(
            SPLITTERS, (self.main_splitter, self.left, self.right), strict=True
        ):
            saved = self.preferences.layout(f"splitter_{name}")
            if saved is not None:
                splitter.restoreState(saved)

    def save_layout(self) -> None:
        self.preferences.set_layout("geometry", self.saveGeometry())
        self.preferences.set_layout("state", self.saveState())
        for name, splitter in zip(
            SPLITTERS, (self.main_splitter, self.left, self.right), strict=True
        ):
            self.preferences.set_layout(f"splitter_{name}", splitter.saveState())

    # -- showing a document and an article --------------------------------------------------

    def commit_typing(self) -> None:
        """Save what is still being typed in a form field or the corrected text."""
        self.form.commit()
        self.text_pane.commit()

    def show_document(self, document_id: int | None, line: int | None = None) -> None:
        """Load a document into the raw view and the article list; select the article at line."""
        self.commit_typing()
        self.document_id = document_id
        self.article_id = None
        if document_id is None:
            self.segments, self.open_suggestions = [], []
            self.articles.set_rows(None, [])
            self.raw_view.show_document(None, "", [], {}, [])
            self.show_article(None)
            return
        self._load_document_state()
        self.raw_view.show_document(
            document_id,
            self.project.raw_text(document_id),
            self.segments,
            self.project.line_roles(document_id),
            self.open_suggestions,
        )
        self._select_document_row(document_id)
        first = (
            line if line is not None else (self.segments[0]["start_line"] if self.segments else 1)
        )
        self.raw_view.go_to_lines(first)
        self._cursor_line_changed(self.raw_view.current_line(), force=True)

    def _load_document_state(self) -> None:
        self.segments = self.project.article_rows(self.document_id)
        self.open_suggestions = self.suggestions_of_document(self.document_id)
        self.articles.set_rows(self.document_id, self.filtered_segments(self.segments))

    def suggestions_of_document(self, document_id: int) -> list:
        return list(self.project.suggestions(document_id=document_id))

    def show_article(self, article_id: int | None, *, move_cursor: bool = False) -> None:
        """Show an article's form, text and suggestions, highlight its span."""
        self.commit_typing()
        self.article_id = article_id
        article = self.project.article(article_id) if article_id is not None else None
        self.form.load(article)
        raw = self.project.raw_span(article) if article is not None else ""
        self.text_pane.load(article_id, article.corrected_text if article else "", raw)
        row = segment_at_line(self.segments, article.start_line) if article else None
        self.raw_view.highlight_span((article.start_line, article.end_line) if article else None)
        keep = self.suggestion_panel.current()
        self.suggestion_panel.set_items(
            suggestions_in(self.open_suggestions, row, None), keep.id if keep else None
        )
        self._select_article_row(article_id)
        if move_cursor and article is not None:
            self.raw_view.go_to_lines(article.start_line)
        if article_id is not None:
            self.article_shown.emit(article_id)

    def _cursor_line_changed(self, line: int, force: bool = False) -> None:
        segment = segment_at_line(self.segments, line)
        if segment is not None and (force or segment["id"] != self.article_id):
            self.show_article(segment["id"])
        elif force and segment is None:
            self.show_article(self.segments[0]["id"] if self.segments else None)

    def _select_document_row(self, document_id: int) -> None:
        row = self.documents.row_of(document_id)
        if row is not None and self.document_view.currentIndex().row() != row:
            blocker = self.document_view.selectionModel().blockSignals(True)
            self.document_view.setCurrentIndex(self.documents.index(row, 0))
            self.document_view.selectionModel().blockSignals(blocker)

    def _select_article_row(self, article_id: int | None) -> None:
        row = self.articles.row_of(article_id) if article_id is not None else None
        model = self.article_view.selectionModel()
        blocker = model.blockSignals(True)
        if row is None:
            self.article_view.clearSelection()
        elif self.article_view.currentIndex().row() != row:
            self.article_view.setCurrentIndex(self.articles.index(row, 1))
        model.blockSignals(blocker)
        self.article_view.viewport().update()

    def _document_clicked(self, current, _previous) -> None:
        document_id = self.documents.document_id(current.row())
        if document_id is not None and document_id != self.document_id:
            self.show_document(document_id)

    def _article_clicked(self, current, _previous) -> None:
        article_id = self.articles.article_id(current.row())
        if article_id is not None and article_id != self.article_id:
            self.show_article(article_id, move_cursor=True)

    def _suggestion_focused(self, suggestion) -> None:
        if suggestion is not None and self.suggestion_panel.list.hasFocus():
            self.raw_view.go_to_offset(suggestion.start)

    # -- after an operation -----------------------------------------------------------------

    def apply_change(self, result) -> None:
        """Refresh what an operation changed, keeping the cursor where the editor is."""
        self.documents.refresh_documents(result.document_ids)
        if self._following and result.document_ids and self.document_id not in result.document_ids:
            self.show_document(min(result.document_ids))
            return
        self.reload_current()

    def run_and_follow(self, operation, *args):
        """Run an undo, redo or revert: the window goes to the document it changed, since
        the editor cannot see beforehand where that is. Other edits leave the view alone."""
        self._following = True
        try:
            return self.runner.run(operation, *args)
        finally:
            self._following = False

    def _operation_failed(self, _message: str) -> None:
        """Show the stored state again, but keep typing whose save failed in the editor."""
        with self.text_pane.keeping_typing():
            self.reload_current()

    def reload_current(self) -> None:
        if self.project is None or self.document_id is None:
            return
        self._load_document_state()
        self.raw_view.set_overlay(
            self.segments, self.project.line_roles(self.document_id), self.open_suggestions
        )
        segment = segment_at_line(self.segments, self.raw_view.current_line())
        ids = {row["id"] for row in self.segments}
        if segment is not None:
            chosen = segment["id"]
        else:
            chosen = (
                self.article_id
                if self.article_id in ids
                else (self.segments[0]["id"] if self.segments else None)
            )
        self.show_article(chosen)

    def closeEvent(self, event) -> None:
        if self.import_job is not None:
            self.import_job.worker.cancel()
            self.import_job.thread.wait()
        self.commit_typing()
        self.save_layout()
        self.close_project()
        super().closeEvent(event)
