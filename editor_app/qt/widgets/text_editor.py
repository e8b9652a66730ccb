"""The corrected text of the selected article, committed as one operation per pause.

Typing is not an operation per keystroke: the text is committed when the editor loses
focus, after a pause in typing, or on Escape (which also hands focus back to the raw text).

The article's open suggestions are marked in its text as in the raw text, placed through
the alignment of the text with its raw span; typing takes the marks away until the text
is saved and shown again, since their places no longer hold. F8 and Shift+F8 walk the
suggestions from the article text's cursor too: the alignment maps it back to a raw offset.
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QPlainTextEdit,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor_app.model.alignment import RunMap, diff_runs
from editor_app.qt.diff_view import raw_diff_html
from editor_app.qt.widgets.suggestion_marks import (
    Mark,
    WalkedTo,
    mark_at,
    mark_selections,
    mark_span,
    paint_outline,
    show_mark_tooltip,
)

PAUSE_MS = 1500


def place_marks(suggestions: list, raw_span: str, span_start: int, text: str) -> list[Mark]:
    """Marks in an article's text for suggestions at raw offsets of its span (which starts
    at raw offset `span_start`); one whose characters the text no longer has is left out."""
    mapping = None if text == raw_span else RunMap(diff_runs(text, raw_span))
    marks = []
    for suggestion in suggestions:
        raw_first = suggestion.start - span_start
        if raw_first < 0 or suggestion.end - span_start > len(raw_span):
            continue
        first = raw_first
        if mapping is not None:
            first = mapping.text_position(raw_first, len(text), len(raw_span))
        last = first + len(suggestion.before)
        if text[first:last] == suggestion.before:
            marks.append(Mark(suggestion, *mark_span(suggestion, first, last)))
    return marks


def raw_offset_of(position: int, text: str, raw_span: str, span_start: int) -> int:
    """The raw offset a position of an article's text comes from, through the alignment of
    the text with its raw span (which starts at raw offset `span_start`); a position in
    characters the editor put in maps to where they were put in."""
    if text == raw_span:
        return span_start + position
    return span_start + RunMap(diff_runs(text, raw_span)).source_start(position)


class CorrectedTextEdit(QPlainTextEdit):
    """A plain text editor that reports when the editor leaves it or pauses, and shows the
    article's open suggestions as marks."""

    left = Signal()
    escaped = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.marks: list[Mark] = []
        self.selected_mark: Mark | None = None
        self._walked_to = WalkedTo()

    def set_marks(self, marks: list[Mark], selected=None) -> None:
        self.marks = marks
        self.setExtraSelections(mark_selections(self.document(), marks))
        self.select_suggestion(selected)

    def select_suggestion(self, suggestion) -> None:
        """Box this suggestion's characters (None, or one not marked here: no box)."""
        wanted = suggestion.id if suggestion is not None else None
        self.selected_mark = next((m for m in self.marks if m.suggestion.id == wanted), None)
        self.viewport().update()

    def walk_to(self, suggestion) -> None:
        """Put the cursor on a suggestion's mark (where it is when the text has none) and
        remember it, so the next step from here goes past it."""
        mark = next((m for m in self.marks if m.suggestion.id == suggestion.id), None)
        if mark is not None:
            cursor = self.textCursor()
            cursor.setPosition(mark.first)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self._walked_to.remember(suggestion.id, self.textCursor().position())

    def walked_suggestion_id(self) -> int | None:
        """The suggestion the cursor was walked to, while the cursor still stands there."""
        return self._walked_to.suggestion_id(self.textCursor())

    def forget_walk(self) -> None:
        self._walked_to.forget()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        paint_outline(self, self.selected_mark)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            show_mark_tooltip(self, self.marks, event)
            return True
        return super().viewportEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class CorrectedTextPane(QWidget):
    text_committed = Signal(int, str)  # article id, text
    leave_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.article_id: int | None = None
        self.raw_span = ""
        self.span_start = 0
        self.baseline = ""
        self._loading = False
        self._keeping_typing = False
        self._escaping = False
        self.diff_toggle = QCheckBox(self)
        self.diff_toggle.setObjectName("diffToggle")
        self.editor = CorrectedTextEdit(self)
        self.editor.setObjectName("correctedText")
        self.diff = QTextBrowser(self)
        self.diff.setObjectName("diffView")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.diff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.diff_toggle)
        layout.addWidget(self.stack)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(self.commit)
        self.editor.textChanged.connect(self._typed)
        self.editor.left.connect(self._left)
        self.editor.escaped.connect(self._escape)
        self.diff_toggle.toggled.connect(self._show_diff)
        self.retranslate()

    def retranslate(self) -> None:
        self.diff_toggle.setText(self.tr("Show differences from the raw text"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, article_id: int | None, text: str, raw_span: str, span_start: int = 0) -> None:
        """Show an article's text; unchanged text keeps the cursor where it is."""
        self.pause.stop()
        typing_kept = self._keeping_typing and article_id == self.article_id
        self.article_id, self.raw_span, self.baseline = article_id, raw_span, text
        self.span_start = span_start
        if not typing_kept and self.editor.toPlainText() != text:
            self._loading = True
            self.editor.setPlainText(text)
            self._loading = False
            self.editor.forget_walk()
        self.editor.setEnabled(article_id is not None)
        if self.diff_toggle.isChecked():
            self._show_diff(True)

    def show_suggestions(self, suggestions: list, selected=None) -> None:
        """Mark the article's open suggestions in its text (none while typing is unsaved)."""
        text = self.editor.toPlainText()
        if text != self.baseline:
            self.editor.set_marks([])
            return
        marks = place_marks(suggestions, self.raw_span, self.span_start, text)
        self.editor.set_marks(marks, selected)

    def raw_cursor_offset(self) -> int:
        """The raw offset of the text cursor: its suggestion's start when the cursor stands
        on a mark, else the position mapped back through the alignment."""
        position = self.editor.textCursor().position()
        mark = mark_at(self.editor.marks, position)
        if mark is not None:
            return mark.suggestion.start
        text = self.editor.toPlainText()
        return raw_offset_of(position, text, self.raw_span, self.span_start)

    @contextmanager
    def keeping_typing(self):
        """Reloads inside keep the editor's text of the same article; only the baseline
        follows the stored text, so the next commit tries the unsaved typing again."""
        self._keeping_typing = True
        try:
            yield
        finally:
            self._keeping_typing = False

    def _typed(self) -> None:
        if not self._loading:
            self.pause.start()
            if self.editor.marks:
                self.editor.set_marks([])

    def commit(self) -> None:
        """Hand pending typing to the window as one edit (no-op when nothing changed)."""
        self.pause.stop()
        text = self.editor.toPlainText()
        if self.article_id is None or text == self.baseline:
            return
        self.baseline = text
        self.text_committed.emit(self.article_id, text)

    def _left(self) -> None:
        if not self._escaping:  # Escape has just committed (or tried to)
            self.commit()

    def _escape(self) -> None:
        self.commit()
        self._escaping = True
        try:
            self.leave_requested.emit()
        finally:
            self._escaping = False

    def _show_diff(self, on: bool) -> None:
        if on:
            self.commit()
            self.diff.setHtml(raw_diff_html(self.raw_span, self.editor.toPlainText()))
        self.stack.setCurrentWidget(self.diff if on else self.editor)

    def set_editable(self, editable: bool) -> None:
        self.editor.setReadOnly(not editable)
