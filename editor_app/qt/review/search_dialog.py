"""Find across the project, jump to a hit, and replace the kept hits as one undo step.

The panel lives in a dock of the main window, so it never covers the text a hit is
shown in. Its results are always those of the project as it is now: a reopened panel
or a change made elsewhere searches again.

In the window a search runs on a pool thread and sends its hits a page at a time; the
panel lists them a chunk per turn of the event loop, so the first screen shows at once,
the count follows, and typing, scrolling and the rest of the window never wait. A new
search, a new project or closing the panel stops the one running.
"""

from __future__ import annotations

import re
from collections import deque

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.qt.labels import field_name
from editor_app.qt.review.running import Runner, direct_runner
from editor_app.storage import Hit, ProjectError

SEARCH_LIMIT = 1000
LIST_CHUNK = 100  # rows added in one turn of the event loop: a few ms, never a stall
HIT_ROLE = Qt.ItemDataRole.UserRole
ISSUE, TITLE, LINE, FIELD, CONTEXT = range(5)


def hit_context(hit: Hit, *, with_replacement: bool = False) -> str:
    """before【match】after on one line; a preview shows 【match→replacement】."""
    middle = f"{hit.match}→{hit.replacement}" if with_replacement else hit.match
    return _one_line(f"{hit.before}【{middle}】{hit.after}")


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


class SearchPanel(QWidget):
    """Search the corrected text and metadata of every article; replace what is kept."""

    jump_to_article = Signal(int, str, int)  # article id, field, start offset in the field
    changed = Signal(object)  # the OpResult of a replace or a new dictionary entry
    searched = Signal(list)  # the hits of a search or preview, once they are listed
    leave = Signal()  # Escape: the editor goes back to the text
    open_dictionary = Signal()  # the project dictionary is asked for
    # From the search's pool thread, queued to this panel: (serial, page of hits) and
    # (serial, None or the error that ended it), in the order they were sent.
    _page_found = Signal(int, object)
    _search_ended = Signal(int, object)

    def __init__(self, project=None, parent=None, *, run: Runner | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.run = run or direct_runner(self)
        self.hits: list[Hit] = []  # those listed
        self.previewing = False
        self.background = None  # set by use_background: searches then leave the GUI thread
        self.reader = None
        self._serial = 0  # what arrives for an older serial is for a search since replaced
        self._reads = 0  # searches and previews started: a change may have started one
        self._keep_row = 0  # the current result row a refresh keeps
        self._placed = False  # the current row is set in the list being filled
        self._call = None  # the search or preview running on the pool, to cancel
        self._waiting: deque[Hit] = deque()  # arrived, not yet listed
        self._streaming = False  # more hits may still arrive
        self._listing = False  # a search or preview is not yet wholly listed
        self._lister = QTimer(self)
        self._lister.setInterval(0)
        self._lister.timeout.connect(self._list_chunk)
        self._page_found.connect(self._arrived)
        self._search_ended.connect(self._ended)
        self._build()
        self.retranslate()
        self._update_buttons()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        grid = QGridLayout()
        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("findQuery")
        self.regex_check = QCheckBox(self)
        self.search_button = self._button(self.search)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceWith")
        self.preview_button = self._button(self.preview)
        self.apply_button = self._button(self.apply)
        self.dictionary_button = self._button(self.save_dictionary_entry)
        self.open_dictionary_button = self._button(self.open_dictionary.emit)
        self.find_label = QLabel(self)
        self.replace_label = QLabel(self)
        grid.addWidget(self.find_label, 0, 0)
        grid.addWidget(self.query_edit, 0, 1)
        grid.addWidget(self.regex_check, 0, 2)
        grid.addWidget(self.search_button, 0, 3)
        grid.addWidget(self.open_dictionary_button, 0, 4)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        grid.addWidget(self.preview_button, 1, 2)
        grid.addWidget(self.apply_button, 1, 3)
        grid.addWidget(self.dictionary_button, 1, 4)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("findCount")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        layout.addWidget(self._results(), 1)
        self.query_edit.returnPressed.connect(self.search)
        self.query_edit.textEdited.connect(self._inputs_edited)
        self.replace_edit.textEdited.connect(self._inputs_edited)
        self.regex_check.toggled.connect(self._inputs_edited)
        self.query_edit.installEventFilter(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Search and replace"))
        self.query_edit.setPlaceholderText(self.tr("Text to find"))
        self.regex_check.setText(self.tr("Regular expression"))
        self.search_button.setText(self.tr("Search"))
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.preview_button.setText(self.tr("Preview"))
        self.apply_button.setText(self.tr("Apply"))
        self.dictionary_button.setText(self.tr("Save as dictionary entry"))
        self.open_dictionary_button.setText(self.tr("Project dictionary…"))
        self.find_label.setText(self.tr("Find:"))
        self.replace_label.setText(self.tr("Replace:"))
        self.results.setHeaderLabels(
            [
                self.tr("Issue"),
                self.tr("Article"),
                self.tr("Line"),
                self.tr("Field"),
                self.tr("Context"),
            ]
        )
        if self.hits and not self.previewing and not self._listing:
            self._say(self.count_text(len(self.hits)))

    def hideEvent(self, event) -> None:
        """Closed, the panel stops its search: it searches afresh when it opens again."""
        if not event.spontaneous():  # a minimised window keeps searching
            self._stop()
        super().hideEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _button(self, slot) -> QPushButton:
        button = QPushButton(self)
        button.setAutoDefault(False)  # Enter searches or jumps; it never applies by accident
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _results(self) -> QTreeWidget:
        self.results = QTreeWidget(self)
        self.results.setObjectName("findResults")
        self.results.setColumnCount(5)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        header = self.results.header()
        # Columns fit the rows on screen, not a thousand rows measured at every chunk.
        header.setResizeContentsPrecision(0)
        for column in (ISSUE, TITLE, LINE, FIELD):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CONTEXT, QHeaderView.ResizeMode.Stretch)
        self.results.itemActivated.connect(self._activated)
        self.results.itemChanged.connect(self._update_buttons)
        return self.results

    # -- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave.emit()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:
        """Down or Up in the query walks into the results: the keyboard never leaves."""
        if (
            watched is self.query_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
            and self.results.topLevelItemCount()
        ):
            self.results.setFocus()
            return True
        return super().eventFilter(watched, event)

    # -- public -------------------------------------------------------------------------------

    def set_project(self, project) -> None:
        self.project = project
        self._stop()  # a search still running is for the old project
        self._show([], previewing=False)
        self.message_label.clear()

    def set_query(self, text: str, *, regex: bool = False) -> None:
        self.query_edit.setText(text)
        self.regex_check.setChecked(regex)

    def show_replace(self, shown: bool) -> None:
        """Find alone, or find and replace (the replace row shown)."""
        for widget in (self.replace_label, self.replace_edit, self.preview_button):
            widget.setVisible(shown)
        for widget in (self.apply_button, self.dictionary_button):
            widget.setVisible(shown)
        if not shown and self.previewing:
            self._show(self.hits, previewing=False)

    def replace_shown(self) -> bool:
        return not self.replace_edit.isHidden()

    def reopen(self) -> None:
        """The panel is asked for again: the last query selected, its results searched
        afresh for the project as it is now; with no query, no results."""
        self.query_edit.setFocus()
        self.query_edit.selectAll()
        if self._query():
            self._keep_row = 0
            self.search()
        else:
            self._show([], previewing=False)
            self.message_label.clear()

    def refresh(self) -> None:
        """The project changed: list the hits again, keeping the current row's place."""
        if not (self.hits or self._listing) or self.project is None:
            return
        item = self.results.currentItem()
        self._keep_row = self.results.indexOfTopLevelItem(item) if item is not None else 0
        if self.previewing:
            self.preview()
        else:
            self.search()

    def use_background(self, background, reader) -> None:
        """Search and preview on a pool thread (`background.start`) through `reader.read`."""
        self.background = background
        self.reader = reader

    def search(self) -> list[Hit]:
        """Run the query; hits are listed, an invalid query is explained in the panel.

        In the background the hits arrive a page at a time, the first screen at once;
        `searched` fires when the last is listed, and this returns [].
        """
        query, regex = self._query(), self._regex()

        def pages(project, cancelled):
            found = project.search.pages(query, regex=regex, cancelled=cancelled)
            return _limited(found, SEARCH_LIMIT)

        return self._read(pages, previewing=False)

    def preview(self) -> list[Hit]:
        """List every hit with its replacement, each with a box to keep or skip it."""
        find, replacement, regex = self._query(), self.replace_edit.text(), self._regex()

        def pages(project, _cancelled):
            yield project.search.replace_preview(find, replacement, regex=regex)

        return self._read(pages, previewing=True)

    def count_text(self, count: int) -> str:
        """How many hits, in the UI language: 1 hit, 2 hits; 1 处, 2 处."""
        if count >= SEARCH_LIMIT:
            return self.tr("The first %1 hits are shown.").replace("%1", f"{count:,}")
        if count == 1:
            return self.tr("1 hit")
        return self.tr("%1 hits").replace("%1", f"{count:,}")

    def _read(self, pages, *, previewing: bool) -> list[Hit]:
        """pages(project, cancelled) here, or on a pool thread through the reader; each
        page is listed as it comes. Here the hits are returned once listed."""
        if self.project is None:
            return []
        if not self._query():
            self._say(self.tr("Type something to find."), error=True)
            return []
        self._reads += 1
        self._stop()
        if self.background is None:
            hits = self._ask(lambda: [hit for page in pages(self.project, None) for hit in page])
            if hits is None:
                return []
            self._begin(previewing)
            self._add(hits)
            self._finish()
            return hits
        self._begin(previewing)
        self._streaming = True
        self._say(self.tr("Searching…"))
        serial = self._serial
        self._call = self.background.start(
            self._streamed(pages), failed=lambda message: self._failed(serial, message)
        )
        return []

    def _streamed(self, pages):
        """The pool's work: every page sent to the panel as it is read, then the end."""
        serial, reader = self._serial, self.reader
        found, ended = self._page_found, self._search_ended

        def read(project, cancelled) -> None:
            for page in pages(project, cancelled):
                if cancelled():
                    return
                found.emit(serial, page)

        def work(_progress, cancelled):
            try:
                reader.read(lambda project: read(project, cancelled))
            except (ProjectError, re.error) as error:
                ended.emit(serial, error)  # explained on the GUI thread
            else:
                ended.emit(serial, None)

        return work

    def _arrived(self, serial: int, page: list[Hit]) -> None:
        if serial != self._serial:
            return  # a newer search was started meanwhile
        self._waiting.extend(page)
        self._lister.start()

    def _ended(self, serial: int, error) -> None:
        if serial != self._serial:
            return
        self._call = None
        self._streaming = False
        if error is not None:
            self._listing = False
            self._explain(error)
        else:
            self._lister.start()  # lists what still waits, then finishes

    def _failed(self, serial: int, message: str) -> None:
        if serial == self._serial:
            self._stop()
            self._say(message, error=True)

    def _list_chunk(self) -> None:
        """One turn's share of the waiting hits; the count follows; the end is said."""
        chunk = [self._waiting.popleft() for _ in range(min(LIST_CHUNK, len(self._waiting)))]
        self._add(chunk)
        if self._waiting:
            return
        self._lister.stop()
        if self._streaming:
            self._say(
                self.tr("%1 hits found, still searching…").replace("%1", f"{len(self.hits):,}")
            )
        else:
            self._finish()

    def _stop(self) -> None:
        """Stop the running search or preview; what it sends from now on is dropped."""
        self._serial += 1
        if self._call is not None:
            self._call.cancel()
            self._call = None
        self._lister.stop()
        self._waiting.clear()
        self._streaming = False
        if self._listing:
            self._listing = False
            self._say(
                self.tr("Search stopped; %1 hits listed.").replace("%1", f"{len(self.hits):,}")
            )
            self._update_buttons()

    def kept_hits(self) -> list[Hit]:
        if not self.previewing:
            return []
        return [
            self.results.topLevelItem(i).data(0, HIT_ROLE)
            for i in range(self.results.topLevelItemCount())
            if self.results.topLevelItem(i).checkState(0) == Qt.CheckState.Checked
        ]

    def apply(self):
        """Replace the kept hits of the preview: one operation, one undo step."""
        kept = self.kept_hits()
        if not kept:
            self._say(self.tr("Nothing to replace: preview first and keep at least one hit."))
            return None
        reads = self._reads
        self.previewing = False  # a refresh the change starts lists hits, not a preview
        result = self.run(self.project.search.apply_replace, kept)
        if result is None:
            self.previewing = True
            return None
        self.changed.emit(result)
        if self._reads == reads:  # the window did not search again on the change
            self.search()
        self._say(self.tr("Replaced %1 occurrences as one step.").replace("%1", str(len(kept))))
        return result

    def save_dictionary_entry(self):
        """Add find → replacement to the project dictionary (it then suggests it everywhere)."""
        if not self._dictionary_possible():
            return None
        result = self.run(
            self.project.suggestions.add_dictionary_entry, self._query(), self.replace_edit.text()
        )
        if result is None:
            return None
        self.changed.emit(result)
        made = result.value if isinstance(result.value, int) else 0
        self._say(self.tr("Dictionary entry saved; %1 suggestions made.").replace("%1", str(made)))
        return result

    # -- helpers ------------------------------------------------------------------------------

    def _query(self) -> str:
        return self.query_edit.text()

    def _regex(self) -> bool:
        return self.regex_check.isChecked()

    def _ask(self, call):
        """Run a read; a bad query becomes a message here, never an exception."""
        try:
            return call()
        except (ProjectError, re.error) as error:
            self._explain(error)
        return None

    def _explain(self, error: Exception) -> None:
        if isinstance(error, ProjectError):
            self._say(self._problem_text(error.problem), error=True)
        else:  # a bad group reference in a regex replacement
            self._say(self.tr("Not a valid replacement: %1").replace("%1", str(error)), error=True)
        self._show([], previewing=False)

    def _problem_text(self, problem: str) -> str:
        if problem.startswith("not a valid regular expression"):
            detail = problem.partition(":")[2].strip()
            return self.tr("Not a valid regular expression: %1").replace("%1", detail)
        return problem

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet("color: #b31d28;" if error else "")
        self.message_label.setText(text)

    def _show(self, hits: list[Hit], *, previewing: bool) -> None:
        """List these hits at once (those already listed, or none); a search or preview
        still being listed stops."""
        self._stop()
        self._begin(previewing)
        self._add(list(hits))
        self._listing = False
        self._place_current()
        self._keep_row = 0
        self._update_buttons()

    def _begin(self, previewing: bool) -> None:
        """An empty list for the hits of a search or preview about to be listed."""
        self.hits = []
        self.previewing = previewing
        self._listing = True
        self._placed = False
        self.results.clear()
        self._update_buttons()

    def _add(self, hits: list[Hit]) -> None:
        if not hits:
            return
        self.results.blockSignals(True)
        self.results.addTopLevelItems([self._item(hit, self.previewing) for hit in hits])
        self.results.blockSignals(False)
        self.hits.extend(hits)
        if self._keep_row < len(self.hits):
            self._place_current()

    def _place_current(self) -> None:
        """The row a refresh keeps (else the last) is current once it is listed."""
        if not self._placed and self.hits:
            row = min(self._keep_row, len(self.hits) - 1)
            self.results.setCurrentItem(self.results.topLevelItem(row))
            self._placed = True

    def _finish(self) -> None:
        """The last hit is listed: the count is said and `searched` fires."""
        self._listing = False
        self._place_current()
        self._keep_row = 0
        count = len(self.hits)
        if self.previewing:
            self._say(
                self.tr("%1 hits would change. Untick the ones to keep as they are.").replace(
                    "%1", f"{count:,}"
                )
            )
        else:
            self._say(self.count_text(count))
        self._update_buttons()
        self.searched.emit(self.hits)

    def _item(self, hit: Hit, previewing: bool) -> QTreeWidgetItem:
        context = hit_context(hit, with_replacement=previewing)
        title = hit.title or f"#{hit.article_id}"
        item = QTreeWidgetItem(
            [hit.issue, _one_line(title), str(hit.line), field_name(hit.field), context]
        )
        item.setData(0, HIT_ROLE, hit)
        item.setTextAlignment(LINE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if previewing:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
        return item

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.jump_to_article.emit(hit.article_id, hit.field, hit.start)

    def _inputs_edited(self) -> None:
        if self.previewing:  # a preview of other words must not be applied
            self._show(self.hits, previewing=False)
        self._update_buttons()

    def _dictionary_possible(self) -> bool:
        find, replacement = self._query(), self.replace_edit.text()
        return bool(not self._regex() and find and replacement and find != replacement)

    def _update_buttons(self, *_args) -> None:
        writable = self.project is not None and not self.project.read_only
        self.apply_button.setEnabled(writable and not self._listing and bool(self.kept_hits()))
        self.preview_button.setEnabled(writable)
        self.dictionary_button.setEnabled(writable and self._dictionary_possible())
        self.open_dictionary_button.setEnabled(self.project is not None)


def _limited(pages, limit: int):
    """The pages up to `limit` hits in all, the last one cut to fit."""
    left = limit
    for page in pages:
        yield page[:left]
        left -= len(page)
        if left <= 0:
            return
