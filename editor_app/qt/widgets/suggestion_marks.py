"""Open suggestions marked in a text view, as tracked changes.

Each suggestion's characters are tinted and underlined in its kind's colour
(`labels.rule_colour`); the selected one gets a box around its characters; the note
under the raw text names the selected one's kind, change and reason. The raw text and the
article text share these, each with its own positions: a `Mark` is a suggestion and the
characters [first, last) of the view it covers.
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QToolTip

from editor_app.qt.labels import rule_colour, rule_name

TINT_ALPHA = 56  # the kind's colour behind the characters, light enough to read them
OUTLINE_WIDTH = 2
LONGEST_OUTLINE = 200  # characters boxed at most: a mark is a few characters, a join two


@dataclass(frozen=True, slots=True)
class Mark:
    suggestion: object
    first: int
    last: int


def mark_span(suggestion, first: int, last: int) -> tuple[int, int]:
    """The characters a mark covers in a view, from where the suggestion's change lies.

    A change of line breaks alone (a paragraph join, an extra blank line) has nothing to see
    where it lies: its mark goes on the last character before the break. An insertion marks
    the character after it.
    """
    before = suggestion.before
    if before and "\n" in before and not before.strip() and first > 0:
        return first - 1, first
    return first, max(last, first + 1)


def shown(text: str) -> str:
    """A suggestion's text on one line: a line break as ⏎, nothing as ∅."""
    return text.replace("\n", "⏎") or "∅"


def mark_tooltip(suggestion) -> str:
    """The kind, the change and the reason, as the tooltip over a mark says them."""
    change = f"{shown(suggestion.before)} → {shown(suggestion.after)}"
    return f"{rule_name(suggestion.rule)}: {change}\n{suggestion.reason}"


def show_mark_tooltip(view: QPlainTextEdit, marks: list[Mark], event) -> None:
    """A tooltip event over a text view: the mark under the pointer explains itself."""
    mark = mark_near(marks, view.cursorForPosition(event.pos()).position())
    if mark is not None:
        QToolTip.showText(event.globalPos(), mark_tooltip(mark.suggestion), view)
    else:
        QToolTip.hideText()


def note_html(suggestion) -> str:
    """The selected suggestion in one line: a swatch of its kind's colour, the kind, the
    change and the reason ("" for none)."""
    if suggestion is None:
        return ""
    colour = rule_colour(suggestion.rule).name()
    parts = (
        f'<span style="color:{colour}">■</span> <b>{html.escape(rule_name(suggestion.rule))}</b>',
        f'<span style="color:{colour}">{html.escape(shown(suggestion.before))}</span>'
        f" → <b>{html.escape(shown(suggestion.after))}</b>",
        html.escape(suggestion.reason or ""),
    )
    return "&nbsp;&nbsp;".join(parts)


def mark_selections(document: QTextDocument, marks: list[Mark]) -> list:
    """One extra selection per mark inside the document: tint and underline in its colour."""
    return [s for mark in marks if (s := mark_selection(document, mark)) is not None]


def marks_between(marks: list[Mark], firsts: list[int], first: int, last: int) -> range:
    """Where in `marks` (sorted by `first`, whose starts `firsts` are) those lie that may
    touch the characters [first, last): a mark is a few characters, a join two."""
    return range(bisect_left(firsts, first - LONGEST_OUTLINE), bisect_right(firsts, last))


def mark_selection(document: QTextDocument, mark: Mark) -> QTextEdit.ExtraSelection | None:
    """The extra selection of one mark (None when it lies past the document's end)."""
    return _selection(document, mark) if mark.last < document.characterCount() else None


def _selection(document: QTextDocument, mark: Mark) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    colour = rule_colour(mark.suggestion.rule)
    tint = QColor(colour)
    tint.setAlpha(TINT_ALPHA)
    # Change the format in place: assigning a new one to the field trips PySide's refcounts.
    selection.format.setBackground(tint)
    selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    selection.format.setUnderlineColor(colour)
    cursor = QTextCursor(document)
    cursor.setPosition(mark.first)
    cursor.setPosition(mark.last, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    return selection


def mark_at(marks: list[Mark], position: int) -> Mark | None:
    """The mark over the character at a position, if any."""
    return next((m for m in marks if m.first <= position < m.last), None)


class WalkedTo:
    """The suggestion a walk (F8, Shift+F8, a decision) put a view's cursor on, while the
    cursor still stands there: the next step goes on from it instead of finding it again."""

    def __init__(self) -> None:
        self._at: tuple[int, int] | None = None  # (suggestion id, cursor position)

    def remember(self, suggestion_id: int, position: int) -> None:
        self._at = (suggestion_id, position)

    def forget(self) -> None:
        self._at = None

    def suggestion_id(self, cursor: QTextCursor) -> int | None:
        if self._at is None or cursor.hasSelection():
            return None
        suggestion_id, position = self._at
        return suggestion_id if cursor.position() == position else None


def mark_near(marks: list[Mark], position: int) -> Mark | None:
    """The mark a pointer at a cursor position is over: a position lies between two
    characters, and the pointer on a character's right half gives the one after it."""
    return mark_at(marks, position) or mark_at(marks, position - 1)


def outline_rects(view: QPlainTextEdit, mark: Mark) -> list[QRect]:
    """Boxes around a mark's characters in the view's viewport, one per row they lie on."""
    document = view.document()
    metrics = view.fontMetrics()
    cursor = QTextCursor(document)
    rects: list[QRect] = []
    last = min(mark.last, mark.first + LONGEST_OUTLINE, document.characterCount() - 1)
    for position in range(mark.first, last):
        cursor.setPosition(position)
        at = view.cursorRect(cursor)
        character = document.characterAt(position)
        visible = character if character.isprintable() and character.strip() else " "
        box = QRect(at.left(), at.top(), max(2, metrics.horizontalAdvance(visible)), at.height())
        if rects and rects[-1].top() == box.top() and rects[-1].right() + 1 >= box.left() - 1:
            rects[-1] = rects[-1].united(box)
        else:
            rects.append(box)
    return rects


def paint_outline(view: QPlainTextEdit, mark: Mark | None) -> None:
    """Draw the box around the selected mark over the view's text."""
    if mark is None or mark.last >= view.document().characterCount():
        return
    painter = QPainter(view.viewport())
    painter.setPen(QPen(rule_colour(mark.suggestion.rule), OUTLINE_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for rect in outline_rects(view, mark):
        painter.drawRect(rect.adjusted(-1, 0, 0, -1))
    painter.end()


class SuggestionNote(QLabel):
    """One line under the text: the selected suggestion's kind, change and reason.

    A fixed strip rather than a note beside the mark: it never covers the text, it does
    not move while the eye follows the marks, and a page of several hundred punctuation
    marks stays readable instead of filling every line's end with notes.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionNote")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet("QLabel { background: #f7f7f7; color: #333333; padding: 0 6px; }")
        self.suggestion = None

    def show_suggestion(self, suggestion) -> None:
        self.suggestion = suggestion
        self.setText(note_html(suggestion))
        self.setToolTip(mark_tooltip(suggestion) if suggestion is not None else "")
