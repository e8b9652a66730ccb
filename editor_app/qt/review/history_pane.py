"""The change log of the project, a document or an article: filter, read a diff, revert."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from html import escape

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor_app.model import Operation
from editor_app.model.change import HistoryItem
from editor_app.model.diff_html import diff_html
from editor_app.qt.labels import field_name, operation_name, rule_name
from editor_app.qt.review import history_words as words
from editor_app.qt.review.history_model import HistoryModel, local_time
from editor_app.qt.review.running import Runner, direct_runner
from editor_app.storage import ProjectError, as_text

MAX_SHOWN_FIELDS = 60  # a batch step can touch hundreds of rows; its diff stays readable
DIFF_CONTEXT = 30  # characters of kept text beside each change in the diff
TREE_SHARE = 2  # the log takes this many parts of the pane's height to the diff's one
ANY = None  # the "all" entry of a filter combo


def utc_bound(day: QDate, *, end: bool = False) -> str:
    """Start of a local calendar day (or of the next day for an end bound) as a log stamp."""
    local = datetime(day.year(), day.month(), day.day()) + timedelta(days=1 if end else 0)
    return local.astimezone().astimezone(timezone.utc).isoformat(timespec="milliseconds")


class HistoryTree(QTreeView):
    """The log's tree: operations, and the items of one when it is expanded."""

    def selectRow(self, row: int) -> None:  # noqa: N802 - as QTableView names it
        """Select an operation's row (its items stay as they are)."""
        index = self.model().index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().setCurrentIndex(index, flags | QItemSelectionModel.SelectionFlag.Rows)

    _fitting = False

    def fit_columns(self) -> None:
        """Every column but the last as wide as its contents; the last takes the rest."""
        if self._fitting:
            return  # sizing lays the view out, which may fetch a page: sized once, here
        self._fitting = True
        try:
            for column in range(self.model().columnCount() - 1):
                self.resizeColumnToContents(column)
        finally:
            self._fitting = False


class ConflictDialog(QDialog):
    """Later changes set the same fields: keep their values, overwrite them, or cancel."""

    KEEP, OVERWRITE = 10, 11

    def __init__(self, conflicts, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revert: later changes conflict"))
        self.conflicts = conflicts
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Later changes set some of the same fields again. "
                    "Keep their values, or overwrite them with the old ones?"
                )
            )
        )
        self.table = self._conflict_table(conflicts)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        self.keep_button = buttons.addButton(
            self.tr("Keep later values"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.overwrite_button = buttons.addButton(
            self.tr("Overwrite"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.keep_button.clicked.connect(lambda: self.done(self.KEEP))
        self.overwrite_button.clicked.connect(lambda: self.done(self.OVERWRITE))
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.keep_button.setDefault(True)

    def _conflict_table(self, conflicts) -> QTableWidget:
        table = QTableWidget(len(conflicts), 4, self)
        table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Field"), self.tr("Current value"), self.tr("Reverts to")]
        )
        for row, conflict in enumerate(conflicts):
            values = [_row_name(conflict.table, conflict.key), field_name(conflict.column)]
            values += [as_text(conflict.current), as_text(conflict.reverted_to)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(_shorten(value))
                item.setToolTip(value)
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        return table

    def choice(self) -> str | None:
        """Run the dialog: "keep", "overwrite", or None when cancelled."""
        code = self.exec()
        return {self.KEEP: "keep", self.OVERWRITE: "overwrite"}.get(code)


class HistoryPane(QWidget):
    """Every change, newest first, with filters, a diff of the selected one, and Revert."""

    changed = Signal(object)  # the OpResult of a revert
    jump_to_article = Signal(int)

    def __init__(self, project=None, parent=None, *, run: Runner | None = None) -> None:
        super().__init__(parent)
        self.project = None
        self.run = run or direct_runner(self)
        self.scope: dict = {}
        self.model = HistoryModel(self)
        self._build()
        self.retranslate()
        if project is not None:
            self.set_project(project)

    def retranslate(self) -> None:
        self.since_check.setText(self.tr("From"))
        self.until_check.setText(self.tr("To"))
        self.jump_button.setText(self.tr("Go to article"))
        self.revert_button.setText(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Undo this one change as a new change"))
        self._fill_filter_combos()
        self.model.retranslate()
        self._show_selected()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- public -------------------------------------------------------------------------------

    def set_project(self, project) -> None:
        self.project = project
        self.scope = {}
        self.model.project = project
        self._fill_filter_combos()
        self.apply_filters()

    def set_scope(self, *, document_id: int | None = None, article_id: int | None = None):
        """Show the whole project (no arguments), one document, or one article."""
        self.document_combo.blockSignals(True)
        self._select_data(self.document_combo, document_id)
        self.document_combo.blockSignals(False)
        self.scope = {"article_id": article_id} if article_id is not None else {}
        self.apply_filters()

    def refresh(self) -> None:
        """Reload after a change made elsewhere, keeping filters, scope and selection."""
        selected = self.selected_operation()
        self._fill_filter_combos()
        self.apply_filters()
        if selected is not None:
            self.select_operation(selected.id)

    def current_filters(self) -> dict:
        filters = {
            **self.scope,
            "editor": self.editor_combo.currentData(),
            "action": self.action_combo.currentData(),
            "document_id": self.document_combo.currentData(),
        }
        if self.since_check.isChecked():
            filters["since"] = utc_bound(self.since_edit.date())
        if self.until_check.isChecked():
            filters["until"] = utc_bound(self.until_edit.date(), end=True)
        return filters

    def apply_filters(self) -> None:
        self.model.set_filters(**self.current_filters())
        self._show_selected()

    def selected_operation(self) -> Operation | None:
        """The selected operation, or the one whose item is selected."""
        index = self._selected_index()
        return self.model.operation_at(index) if index is not None else None

    def selected_item(self) -> HistoryItem | None:
        """The selected item of an expanded operation (None on an operation's row)."""
        index = self._selected_index()
        return self.model.item_at(index) if index is not None else None

    def _selected_index(self) -> QModelIndex | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0] if rows else None

    def select_operation(self, operation_id: int, *, fetch: bool = False) -> bool:
        """Select a loaded change by id (with fetch, page on until it shows); False if absent."""
        row = self.model.row_of(operation_id)
        while fetch and row < 0 and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(operation_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def height_for_rows(self, rows: int) -> int:
        """The pane's height at which its log shows `rows` changes above the diff."""
        tree = self.table
        row = max(tree.sizeHintForRow(0), tree.fontMetrics().height() + 6)
        log = rows * row + tree.header().sizeHint().height() + 2 * tree.frameWidth()
        around = self.height() - self.splitter.height()  # the filters and the buttons
        return around + log * (TREE_SHARE + 1) // TREE_SHARE + self.splitter.handleWidth()

    def share_height(self) -> None:
        """Give the log its share of the height and the diff the rest."""
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([total * TREE_SHARE // (TREE_SHARE + 1), total // (TREE_SHARE + 1)])

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filter_row())
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._table())
        self.diff_view = QTextBrowser(self)
        self.diff_view.setOpenLinks(False)
        splitter.addWidget(self.diff_view)
        splitter.setStretchFactor(0, TREE_SHARE)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        layout.addLayout(self._button_row())

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.editor_combo = QComboBox(self)
        self.action_combo = QComboBox(self)
        self.document_combo = QComboBox(self)
        for combo in (self.editor_combo, self.action_combo, self.document_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._combo_chosen)
        self.since_check = QCheckBox(self)
        self.until_check = QCheckBox(self)
        self.since_edit = self._date_edit()
        self.until_edit = self._date_edit()
        for check in (self.since_check, self.until_check):
            check.toggled.connect(self.apply_filters)
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(self._date_changed)
        for widget in (
            self.editor_combo,
            self.action_combo,
            self.document_combo,
            self.since_check,
            self.since_edit,
            self.until_check,
            self.until_edit,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate(), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _table(self) -> HistoryTree:
        self.table = HistoryTree(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setUniformRowHeights(True)
        self.table.setAllColumnsShowFocus(True)
        self.table.header().setStretchLastSection(True)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)
        # Sized to what is loaded: after a (re)load, a page fetched or an operation expanded.
        self.model.modelReset.connect(self.table.fit_columns)
        self.model.rowsInserted.connect(lambda *_: self.table.fit_columns())
        return self.table

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.jump_button = QPushButton(self)
        self.revert_button = QPushButton(self)
        self.jump_button.clicked.connect(self._jump)
        self.revert_button.clicked.connect(self.revert_selected)
        row.addStretch(1)
        row.addWidget(self.jump_button)
        row.addWidget(self.revert_button)
        return row

    def _fill_filter_combos(self) -> None:
        project = self.project
        editors = project.history.editors() if project else []
        actions = project.history.actions() if project else {}
        documents = project.documents.names() if project else {}
        self._refill(self.editor_combo, self.tr("All editors"), [(e, e) for e in editors])
        self._refill(self.action_combo, self.tr("All operations"), [(a, a) for a in actions])
        for index, action in enumerate(actions, start=1):
            self.action_combo.setItemText(index, operation_name(actions[action], action))
            self.action_combo.setItemData(index, action, Qt.ItemDataRole.ToolTipRole)
        self._refill(
            self.document_combo,
            self.tr("All documents"),
            [(name, doc_id) for doc_id, name in documents.items()],
        )

    @staticmethod
    def _refill(combo: QComboBox, everything: str, entries) -> None:
        kept = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, ANY)
        for text, data in entries:
            combo.addItem(text, data)
        index = combo.findData(kept)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    @staticmethod
    def _select_data(combo: QComboBox, data) -> None:
        index = combo.findData(data) if data is not None else 0
        combo.setCurrentIndex(max(index, 0))

    # -- reacting -----------------------------------------------------------------------------

    def _combo_chosen(self) -> None:
        if self.sender() is self.document_combo:
            self.scope = {}  # choosing a document leaves an article scope
        self.apply_filters()

    def _date_changed(self) -> None:
        if self.since_check.isChecked() or self.until_check.isChecked():
            self.apply_filters()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection):
        self._show_selected()

    def _show_selected(self) -> None:
        op = self.selected_operation()
        writable = bool(self.project and not self.project.read_only)
        revertable = op is not None and op.kind == "do" and not op.undone
        self.revert_button.setEnabled(writable and revertable)
        self.jump_button.setEnabled(self._article_of(self._selected_index()) is not None)
        if op is None:
            self.diff_view.setHtml(self._nothing_selected_html())
        else:
            self.diff_view.setHtml(self.diff_document(op, self.selected_item()))

    def _nothing_selected_html(self) -> str:
        """Blank while the log has rows; else why it has none, so an empty pane says so."""
        if self.project is None or self.model.rowCount() > 0:
            return ""
        if "article_id" in self.scope:
            word = self.tr("No changes to this article yet.")
        elif any(value is not None for value in self.current_filters().values()):
            word = self.tr("No changes match these filters.")
        else:
            word = self.tr("No changes yet.")
        return f"<p style='color:gray'>{escape(word)}</p>"

    def _article_of(self, index: QModelIndex | QPersistentModelIndex | None) -> int | None:
        """The article an index names: its item's, else its operation's (first) article."""
        if index is None or not index.isValid():
            return None
        item = self.model.item_at(QModelIndex(index))
        if item is not None:
            return item.article_id
        op = self.model.operation_at(QModelIndex(index))
        if op is None:
            return None
        if op.article_id is not None:
            return op.article_id
        summary = self.model.summary(op)
        return summary.articles[0].article_id if summary and summary.articles else None

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        article_id = self._article_of(index)
        if article_id is not None:
            self.jump_to_article.emit(article_id)

    def _jump(self) -> None:
        article_id = self._article_of(self._selected_index())
        if article_id is not None:
            self.jump_to_article.emit(article_id)

    # -- the diff -----------------------------------------------------------------------------

    def diff_document(self, op: Operation, only: HistoryItem | None = None) -> str:
        """HTML for the selected change: what, on which article, then each item in context.

        With `only`, that one item of the change.
        """
        summary = self.model.summary(op)
        head = escape(f"{words.what_text(op, summary)} · {op.editor} · {local_time(op.time)}")
        parts = [f"<p><b>{head}</b><br/>{escape(words.target_text(summary))}</p>"]
        items = [only] if only is not None else self.project.history.items(op)
        if not items:
            parts.append(f"<p><i>{escape(self.tr('No field changes recorded.'))}</i></p>")
        for shown, item in enumerate(items):
            if shown == MAX_SHOWN_FIELDS:
                more = self.tr("Only the first %1 of %2 items are shown.")
                more = more.replace("%1", str(shown)).replace("%2", str(len(items)))
                parts.append(f"<p><i>{escape(more)}</i></p>")
                break
            parts.append(_item_html(item))
        return "".join(parts)

    # -- revert -------------------------------------------------------------------------------

    def revert_selected(self):
        """Revert the selected change as a new change; asks first when later changes conflict."""
        op = self.selected_operation()
        if op is None or self.project is None:
            return None
        try:
            conflicts = self.project.history.revert_conflicts(op.id)
        except ProjectError as error:
            QMessageBox.warning(self, self.tr("Cannot revert"), error.problem)
            return None
        mode = "refuse"
        if conflicts:
            mode = ConflictDialog(conflicts, self).choice()
            if mode is None:
                return None
        result = self.run(lambda: self.project.history.revert(op.id, on_conflict=mode))
        if result is None:
            return None
        if result.operation_id is None:
            QMessageBox.information(
                self,
                self.tr("Nothing reverted"),
                self.tr("Later changes set every field of this change; nothing was reverted."),
            )
            return result
        self.refresh()
        self.select_operation(result.operation_id)
        self.changed.emit(result)
        return result


def _item_html(item: HistoryItem) -> str:
    """One item: the article's title and what changed, a diff in context for any text."""
    title = words.item_title(item)
    if item.kind in ("text", "suggestion", "field"):
        name = rule_name(item.column) if item.kind == "suggestion" else field_name(item.column)
        heading = " · ".join(part for part in (title, name) if part)
        context = None if item.kind == "field" else DIFF_CONTEXT
        named = words.value_change(item)  # a status or a kind: by name, not by letters
        body = escape(named) if named else diff_html(item.before, item.after, context=context)
        return f"<p><b>{escape(heading)}</b><br/>{body}</p>"
    line = words.item_text(item)
    return (
        f"<p><b>{escape(title)}</b><br/>{escape(line)}</p>" if title else f"<p>{escape(line)}</p>"
    )


def _row_name(table: str, key: dict) -> str:
    """Which row a conflicting change touched, in words."""
    if table == "articles":
        text = QCoreApplication.translate("HistoryPane", "Article %1")
        return text.replace("%1", str(key.get("id")))
    if table == "line_roles":
        text = QCoreApplication.translate("HistoryPane", "Document %1, line %2")
        return text.replace("%1", str(key.get("document_id"))).replace("%2", str(key.get("line")))
    return f"{table} " + ", ".join(f"{k} {v}" for k, v in key.items())


def _shorten(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
