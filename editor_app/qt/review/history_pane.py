"""The change log of the project, a document or an article: filter, read a diff, revert."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from html import escape

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
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
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor_app.model import Change, Operation
from editor_app.model.diff_html import diff_html
from editor_app.qt.labels import field_name, operation_name
from editor_app.qt.review.running import Runner, direct_runner
from editor_app.storage import ProjectError, as_text

PAGE_SIZE = 200
MAX_SHOWN_FIELDS = 60  # a batch step can touch hundreds of rows; its diff stays readable
ANY = None  # the "all" entry of a filter combo


def local_time(stamp: str) -> str:
    """A logged UTC time stamp in the local time zone, to the second."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def utc_bound(day: QDate, *, end: bool = False) -> str:
    """Start of a local calendar day (or of the next day for an end bound) as a log stamp."""
    local = datetime(day.year(), day.month(), day.day()) + timedelta(days=1 if end else 0)
    return local.astimezone().astimezone(timezone.utc).isoformat(timespec="milliseconds")


class HistoryModel(QAbstractTableModel):
    """The filtered log, fetched a page at a time as the view scrolls."""

    COLUMNS = ("time", "editor", "operation", "target", "state")

    def __init__(self, parent=None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.project = None
        self.page_size = page_size
        self.filters: dict = {}
        self._rows: list[Operation] = []
        self._exhausted = True
        self._titles: dict[int, str] = {}
        self._documents: dict[int, str] = {}

    # -- loading ------------------------------------------------------------------------------

    def set_project(self, project) -> None:
        self.project = project
        self.reload()

    def set_filters(self, **filters) -> None:
        self.filters = {name: value for name, value in filters.items() if value is not None}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._titles = {}
        self._documents = self.project.documents.names() if self.project else {}
        self._exhausted = self.project is None
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 - Qt's default
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        before = self._rows[-1].id if self._rows else None
        page = self.project.history.entries(before_id=before, limit=self.page_size, **self.filters)
        self._exhausted = len(page) < self.page_size
        if not page:
            return
        self._titles.update(self.project.history.article_titles(op.article_id for op in page))
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def operation(self, row: int) -> Operation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, operation_id: int) -> int:
        return next((i for i, op in enumerate(self._rows) if op.id == operation_id), -1)

    # -- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def retranslate(self) -> None:
        """Headers and operation names are shown in the UI language: show them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Time"),
            self.tr("Editor"),
            self.tr("Operation"),
            self.tr("Target"),
            self.tr("State"),
        ][section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        op = self.operation(index.row()) if index.isValid() else None
        if op is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(op, self.COLUMNS[index.column()])
        if role == Qt.ItemDataRole.ForegroundRole and op.undone:
            return QColor("#888888")
        if role == Qt.ItemDataRole.FontRole and op.undone:
            font = QFont()
            font.setStrikeOut(index.column() == 2)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return op.id
        return None

    def _text(self, op: Operation, column: str) -> str:
        if column == "time":
            return local_time(op.time)
        if column == "editor":
            return op.editor
        if column == "operation":
            return self.operation_text(op)
        if column == "target":
            return self.target_text(op)
        return self.state_text(op)

    def operation_text(self, op: Operation) -> str:
        name = operation_name(op.label, op.action)
        if op.kind == "undo":
            return self.tr("Undo: %1").replace("%1", name)
        if op.kind == "redo":
            return self.tr("Redo: %1").replace("%1", name)
        return name

    def target_text(self, op: Operation) -> str:
        parts = []
        if op.document_id is not None:
            parts.append(self._documents.get(op.document_id, f"#{op.document_id}"))
        if op.article_id is not None:
            title = self._titles.get(op.article_id)
            if title is None:
                parts.append(self.tr("article %1 (gone)").replace("%1", str(op.article_id)))
            else:
                parts.append(f"#{op.article_id} {title}".strip())
        return " › ".join(parts) or self.tr("whole project")

    def state_text(self, op: Operation) -> str:
        return self.tr("undone") if op.undone else ""


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
            values = [row_name(conflict.table, conflict.key), field_name(conflict.column)]
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
        rows = self.table.selectionModel().selectedRows()
        return self.model.operation(rows[0].row()) if rows else None

    def select_operation(self, operation_id: int, *, fetch: bool = False) -> bool:
        """Select a loaded change by id (with fetch, page on until it shows); False if absent."""
        row = self.model.row_of(operation_id)
        while fetch and row < 0 and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(operation_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

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

    def _table(self) -> QTableView:
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)
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
        self.jump_button.setEnabled(op is not None and op.article_id is not None)
        self.diff_view.setHtml(self.diff_document(op) if op else "")

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        op = self.model.operation(index.row())
        if op is not None and op.article_id is not None:
            self.jump_to_article.emit(op.article_id)

    def _jump(self) -> None:
        op = self.selected_operation()
        if op is not None and op.article_id is not None:
            self.jump_to_article.emit(op.article_id)

    # -- the diff -----------------------------------------------------------------------------

    def diff_document(self, op: Operation) -> str:
        """HTML for the selected change: a heading, then a diff per changed field."""
        head = escape(f"{self.model.operation_text(op)} · {op.editor} · {local_time(op.time)}")
        parts = [f"<p><b>{head}</b></p>"]
        changes = self._changes_shown_for(op)
        if not changes:
            parts.append(f"<p><i>{escape(self.tr('No field changes recorded.'))}</i></p>")
        fields = (f for change in changes for f in self.project.history.field_changes(change))
        for shown, field in enumerate(fields):
            if shown == MAX_SHOWN_FIELDS:
                more = self.tr("Only the first %1 changed fields are shown.")
                parts.append(f"<p><i>{escape(more.replace('%1', str(shown)))}</i></p>")
                break
            title = escape(f"{row_name(field.table, field.key)} · {field_name(field.column)}")
            parts.append(f"<p><b>{title}</b><br/>{diff_html(field.before, field.after)}</p>")
        return "".join(parts)

    def _changes_shown_for(self, op: Operation) -> list[Change]:
        """An undo or redo step shows the rows of the change it replayed, in its direction."""
        if op.kind in ("undo", "redo") and op.target is not None:
            changes = self.project.history.changes(op.target)
            if op.kind == "undo":
                return [Change(c.table, c.key, c.after, c.before) for c in reversed(changes)]
            return changes
        return self.project.history.changes(op.id)

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


def row_name(table: str, key: dict) -> str:
    """Which row a change touched, in words."""
    if table == "articles":
        text = QCoreApplication.translate("HistoryPane", "Article %1")
        return text.replace("%1", str(key.get("id")))
    if table == "line_roles":
        text = QCoreApplication.translate("HistoryPane", "Document %1, line %2")
        return text.replace("%1", str(key.get("document_id"))).replace("%2", str(key.get("line")))
    if table == "suggestions":
        text = QCoreApplication.translate("HistoryPane", "Suggestion %1")
        return text.replace("%1", str(key.get("id")))
    if table == "dictionary":
        text = QCoreApplication.translate("HistoryPane", "Dictionary entry %1")
        return text.replace("%1", str(key.get("id")))
    return f"{table} " + ", ".join(f"{k} {v}" for k, v in key.items())


def _shorten(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
