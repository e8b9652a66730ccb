"""The correction desk: documents and articles left, raw text centre, the article right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor_app.desk import DeskSession
from editor_app.qt.background import Background
from editor_app.qt.i18n import LANGUAGES
from editor_app.qt.keymap import COMMANDS, MENUS
from editor_app.qt.learning import WindowLearning
from editor_app.qt.models.article_list import ArticleListModel
from editor_app.qt.models.document_list import DocumentListModel
from editor_app.qt.operations import OperationRunner
from editor_app.qt.review.history_pane import HistoryPane
from editor_app.qt.review.review_filters import ReviewFilterBar
from editor_app.qt.settings import Preferences
from editor_app.qt.widgets.article_form import ArticleForm
from editor_app.qt.widgets.issue_status import IssueStatus
from editor_app.qt.widgets.learning_bars import LearningStatus, OfferBar
from editor_app.qt.widgets.raw_view import RawTextView
from editor_app.qt.widgets.scan_pane import ScanPane
from editor_app.qt.widgets.suggestion_panel import SuggestionPanel
from editor_app.qt.widgets.text_editor import CorrectedTextPane
from editor_app.qt.window_commands import EditingController, EditingWidgets
from editor_app.qt.window_files import FileController, WindowHooks
from editor_app.qt.window_learning import LearningController
from editor_app.qt.window_panes import DeskPanes, PaneWidgets
from editor_app.qt.window_review import ReviewController, ReviewWidgets
from editor_app.qt.window_scan import ScanController, ScanWidgets
from editor_app.qt.window_status import StatusController

SPLITTERS = ("main", "left", "right", "raw")
DECIDE_RULE_COMMANDS = ("accept_rule", "reject_rule", "accept_rule_project", "reject_rule_project")


class MainWindow(QMainWindow):
    """Widgets, keys and menus. What the keys do is the controllers' work:

    `panes` shows the desk session, `editing` edits and navigates, `review` holds
    history, search and statistics, `learning` the learning bars, `files` the project's
    lifetime. Each is given the widgets it acts on; every change is a Project operation
    run by `self.runner`, and the panes redraw from the change it reports.
    """

    import_finished = Signal(object)  # ImportReport or None
    backup_finished = Signal(object, str)  # the copy made (or None), an error message
    export_finished = Signal(object)  # ExportReport or None

    def __init__(self, preferences: Preferences | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.preferences = preferences or Preferences()
        self.runner = OperationRunner(self)
        self.background = Background(self)
        self.desk = DeskSession(run=self.runner.run)
        self._build_panes()
        self._build_history_dock()
        self._build_learning()
        self._build_actions()
        self._build_controllers()
        self._build_menus()
        self._connect()
        self.retranslate()
        self.apply_text_size(self.preferences.text_size)
        self.restore_layout()
        self.update_enabled()

    # -- what tests and tools read ----------------------------------------------------------

    @property
    def project(self):
        return self.runner.project

    @property
    def document_id(self) -> int | None:
        return self.desk.document_id

    @property
    def article_id(self) -> int | None:
        return self.desk.article_id

    @property
    def segments(self) -> list[dict]:
        return self.desk.segments

    @property
    def language(self) -> str:
        return self.files.language

    @language.setter
    def language(self, code: str) -> None:
        self.files.language = code

    def open_project(self, path) -> bool:
        return self.files.open_project(path)

    def create_project(self, path) -> bool:
        return self.files.create_project(path)

    def close_project(self) -> None:
        self.files.close_project()

    def start_import(self, paths) -> None:
        self.files.start_import(paths)

    def switch_language(self, language: str, remember: bool = True) -> None:
        self.files.switch_language(language, remember)

    # -- building ---------------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.documents = DocumentListModel(self)
        self.document_view = self._table(self.documents, "documentList")
        self.document_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps page and suffix
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
        # The form scrolls, so its dozen fields do not hold the window's height from a dock.
        form_box = QScrollArea(self)
        form_box.setWidget(self.form)
        form_box.setWidgetResizable(True)
        form_box.setFrameShape(QScrollArea.Shape.NoFrame)
        self.right = self._splitter(
            "right", Qt.Orientation.Vertical, form_box, self.text_pane, self.suggestion_panel
        )
        # The page scan beside the raw text, for documents imported from OCR files.
        self.scan_pane = ScanPane(self)
        self.raw_splitter = self._splitter(
            "raw", Qt.Orientation.Horizontal, self.raw_view, self.scan_pane
        )
        self.main_splitter = self._splitter(
            "main", Qt.Orientation.Horizontal, self.left, self.raw_splitter, self.right
        )
        self.main_splitter.setSizes([460, 540, 500])  # the documents: room for file names
        self.raw_splitter.setSizes([540, 540])
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
        self.issue_status = IssueStatus(self)
        self.statusBar().addPermanentWidget(self.issue_status)
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
        stretch = getattr(model, "STRETCH_COLUMN", 1)  # the file name, the title
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

    def _build_history_dock(self) -> None:
        self.history_dock = QDockWidget(self)
        self.history_dock.setObjectName("historyDock")
        box = QWidget(self.history_dock)
        column = QVBoxLayout(box)
        column.setContentsMargins(4, 4, 4, 4)
        self.history_whole_project = QCheckBox(box)
        self.history_whole_project.setObjectName("historyWholeProject")
        self.history_pane = HistoryPane(None, box, run=self.desk.run_following)
        self.history_pane.setObjectName("historyPane")
        column.addWidget(self.history_whole_project)
        column.addWidget(self.history_pane, 1)
        self.history_dock.setWidget(box)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.history_dock)
        self.history_dock.hide()

    def _build_learning(self) -> None:
        """The offer bar goes above the panes; the progress into the status bar."""
        self.learning = WindowLearning(self.runner, self.preferences, self)
        self.offer_bar = OfferBar(self)
        self.learning_status = LearningStatus(self)
        self.statusBar().insertPermanentWidget(0, self.learning_status)  # left of "saved"
        panes = self.takeCentralWidget()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.offer_bar)
        column.addWidget(panes, 1)
        self.setCentralWidget(central)

    def _build_controllers(self) -> None:
        say = self.statusBar().showMessage
        self.panes = DeskPanes(
            self.desk,
            PaneWidgets(
                self.documents,
                self.document_view,
                self.articles,
                self.article_view,
                self.raw_view,
                self.form,
                self.text_pane,
                self.suggestion_panel,
                self.filter_bar,
            ),
            self,
        )
        self.editing = EditingController(
            self.desk,
            self.panes,
            EditingWidgets(
                self.raw_view,
                self.text_pane,
                self.suggestion_panel,
                self.line_box,
                self.actions["show_diff"],
            ),
            say=say,
            text_size=self.apply_text_size,
            preferences=self.preferences,
            window=self,
        )
        self.files = FileController(
            self,
            self.runner,
            self.preferences,
            self.background,
            WindowHooks(
                opened=self._project_opened,
                closing=self.learning.stop,
                closed=self._project_closed,
                imported=self._import_ended,
                enabled_changed=self.update_enabled,
                title_changed=self.update_title,
                commit_typing=self.panes.commit_typing,
                text_size=self.apply_text_size,
                say=say,
            ),
        )
        self.review = ReviewController(
            self.desk,
            self.panes,
            ReviewWidgets(
                self.history_dock,
                self.history_pane,
                self.history_whole_project,
                self.actions["history"],
                self.text_pane,
                self.form,
            ),
            runner=self.runner,
            background=self.background,
            reader=lambda: self.files.reader,
            say=say,
            window=self,
        )
        self.learning_bars = LearningController(
            self.learning,
            self.offer_bar,
            self.learning_status,
            self.actions["stop_learning"],
            say=say,
            commit_typing=self.panes.commit_typing,
            window=self,
        )
        self.status_words = StatusController(self.desk, self.issue_status, self.raw_view, say=say)
        self.scan = ScanController(
            self.desk,
            ScanWidgets(self.scan_pane, self.raw_view, self.suggestion_panel, self.actions["scan"]),
            runner=self.runner,
            background=self.background,
            preferences=self.preferences,
            window=self,
        )
        self.commands = (self.files, self.editing, self.review, self.learning_bars, self.scan)

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
            self.actions[command.name] = action
        self.actions["show_diff"].setCheckable(True)
        self.actions["history"].setCheckable(True)
        self.actions["scan"].setCheckable(True)
        self.runner.undo_action = self.actions["undo"]
        self.runner.redo_action = self.actions["redo"]

    def _connect_actions(self) -> None:
        for name, action in self.actions.items():
            action.triggered.connect(self._handler(name))

    def _handler(self, name: str):
        """The controller's `cmd_NAME` for the command NAME; roles share one command."""
        if name.startswith("role_"):
            role = name.removeprefix("role_")
            return lambda: self.editing.cmd_set_role(role)
        method = next(
            getattr(controller, f"cmd_{name}")
            for controller in self.commands
            if hasattr(controller, f"cmd_{name}")
        )
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
                    self.recent_menu.aboutToShow.connect(
                        lambda: self.files.fill_recent_menu(self.recent_menu)
                    )
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
        suggestion_actions = [
            self.actions["accept_suggestion"],
            self.actions["reject_suggestion"],
            None,
            *(self.actions[n] for n in DECIDE_RULE_COMMANDS),
        ]
        self.suggestion_panel.set_context_actions(suggestion_actions)
        self.raw_view.suggestion_actions = suggestion_actions

    def _connect(self) -> None:
        self.runner.changed.connect(self.panes.apply_change)
        self.runner.state_changed.connect(self.update_title)
        self.runner.failed.connect(self._operation_failed)
        self.runner.before_run.append(self.panes.commit_typing)
        self._connect_actions()
        self.panes.connect()
        self.status_words.connect(self.runner, self.panes)
        self.scan.connect(self.panes)
        self.editing.connect(self.form)
        self.review.connect()
        self.learning_bars.connect(self.import_finished)

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
        self.review.retranslate()
        self.learning_bars.retranslate()
        self.runner.refresh_undo_actions()
        for action in self.language_actions.actions():
            action.setChecked(action.data() == self.language)
        if self.editing.cheat_sheet is not None:
            self.editing.cheat_sheet.refresh()
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
            "find",
            "find_replace",
            "dictionary",
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
        for name, splitter in zip(SPLITTERS, self._splitters(), strict=True):
            saved = self.preferences.layout(f"splitter_{name}")
            if saved is not None:
                splitter.restoreState(saved)

    def _splitters(self) -> tuple[QSplitter, ...]:
        return (self.main_splitter, self.left, self.right, self.raw_splitter)

    def save_layout(self) -> None:
        self.preferences.set_layout("geometry", self.saveGeometry())
        self.preferences.set_layout("state", self.saveState())
        for name, splitter in zip(SPLITTERS, self._splitters(), strict=True):
            self.preferences.set_layout(f"splitter_{name}", splitter.saveState())

    # -- the project comes and goes -------------------------------------------------------

    def _project_opened(self, project) -> None:
        self.update_enabled()
        self.review.project_changed()
        self.panes.use_project(project)

    def _project_closed(self) -> None:
        self.panes.use_project(None)
        self.review.project_changed()

    def _import_ended(self) -> None:
        self.documents.count_again()
        self.update_enabled()
        if self.desk.document_id is None:
            self.panes.show_document(self.documents.document_id(0))

    def _operation_failed(self, _message: str) -> None:
        """Show the stored state again, but keep typing whose save failed in the editor."""
        with self.text_pane.keeping_typing():
            self.panes.reload_current()

    def closeEvent(self, event) -> None:
        job = self.files.import_job
        if job is not None:
            job.worker.cancel()
            job.thread.wait()
        self.panes.commit_typing()
        self.save_layout()
        self.close_project()
        super().closeEvent(event)
