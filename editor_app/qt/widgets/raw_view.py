"""The raw text of a document: role gutter, boundary rules, selected span, suggestions.

The gutter marks each proposed start line the segmenter was unsure of; its tooltip on a
start line gives the boundary's confidence and reason. Open suggestions are marked in the
text in their kind's colour, the selected one boxed and named in the note under the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QTextCursor, QTextFormat
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from editor_app.desk.navigation import uncertain_boundary
from editor_app.model import NON_ARTICLE_KINDS
from editor_app.qt.labels import ROLE_NAMES, role_colour, role_name
from editor_app.qt.widgets.suggestion_marks import (
    Mark,
    SuggestionNote,
    WalkedTo,
    mark_near,
    mark_selection,
    mark_span,
    marks_between,
    paint_outline,
    show_mark_tooltip,
)

SPAN_COLOUR = QColor("#fff6d5")
CURSOR_LINE_COLOUR = QColor("#ffe9a8")
RULE_COLOUR = QColor("#2c6fbb")
UNCERTAIN_RULE_COLOUR = QColor("#c0392b")
NON_ARTICLE_RULE_COLOUR = QColor("#95a5a6")
ROLE_BAR_WIDTH = 6
MARK_WIDTH = 10  # the gutter's right edge, where an uncertain boundary is marked
MARK_SIZE = 7
# Suggestions are marked (extra selections built) for the characters in view and this many
# screens above and below: a page holds several hundred, and building them all made every
# switch of document wait for marks nobody could see.
MARKED_SCREENS = 3  # the next articles of the page are marked before they are shown


class RoleGutter(QWidget):
    """Line numbers and each line's role, on the role's colour."""

    def __init__(self, view: RawTextView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self) -> QSize:
        return QSize(self.view.gutter_width(), 0)

    def paintEvent(self, event) -> None:
        self.view.paint_gutter(self, event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            note = self.view.boundary_note(self.view.line_at(event.pos().y()))
            if note:
                QToolTip.showText(event.globalPos(), note, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class RawTextView(QPlainTextEdit):
    cursor_line_changed = Signal(int)
    suggestion_pointed = Signal(object)  # the suggestion under a right click

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setObjectName("rawView")
        self.document_id: int | None = None
        self.segments: list[dict] = []
        self.roles: dict[int, str] = {}
        self.suggestions: list = []
        self.span: tuple[int, int] | None = None
        self.marked_lines: frozenset[int] = frozenset()  # uncertain proposed start lines
        self.marks: list[Mark] = []  # sorted by where they start
        self._mark_firsts: list[int] = []
        self.selected_mark: Mark | None = None
        self._mark_selections: list = []
        self._marked_range: tuple[int, int] | None = None  # characters marked so far
        self._built: dict[int, object] = {}  # each mark's extra selection, once built
        self._line_selections: list = []  # the selected span's and the cursor line's
        self._replacing = False
        self._walked_to = WalkedTo()
        self.context_actions: list = []
        self.suggestion_actions: list = []  # first in the menu over a mark
        self._last_line = 0
        self.gutter = RoleGutter(self)
        self.note = SuggestionNote(self)
        self.blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._scroll_gutter)
        self.verticalScrollBar().valueChanged.connect(self._view_moved)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self._update_margins()

    # -- content ----------------------------------------------------------------------------

    def show_document(self, document_id, text: str, segments, roles, suggestions) -> None:
        """Show a document; the cursor stays where it was when the document is the same."""
        if document_id != self.document_id or text != self.toPlainText():
            self.document_id = document_id
            self._last_line = 0
            self.segments, self.suggestions, self.span = [], [], None
            self.selected_mark = None
            # Nothing built for the text before is used with the new one.
            self._set_marks([])
            self._line_selections = []
            self._replacing = True  # the view moves as the text goes: marked after it
            try:
                self.setPlainText(text)
            finally:
                self._replacing = False
        self.set_overlay(segments, roles, suggestions)

    def set_overlay(self, segments, roles, suggestions) -> None:
        self.segments, self.roles, self.suggestions = list(segments), dict(roles), list(suggestions)
        self.marked_lines = frozenset(
            s["start_line"] for s in self.segments if uncertain_boundary(s)
        )
        self._set_marks([Mark(s, *mark_span(s, s.start, s.end)) for s in self.suggestions])
        self._mark_view()
        selected = self.selected_mark.suggestion if self.selected_mark else None
        self.select_suggestion(selected)
        self._update_margins()
        self._refresh_selections()
        self.viewport().update()
        self.gutter.update()

    def select_suggestion(self, suggestion) -> None:
        """Box this suggestion's characters and name it in the note (None: no box)."""
        wanted = suggestion.id if suggestion is not None else None
        self.selected_mark = next((m for m in self.marks if m.suggestion.id == wanted), None)
        self.note.show_suggestion(self.selected_mark.suggestion if self.selected_mark else None)
        self.viewport().update()

    def highlight_span(self, span: tuple[int, int] | None) -> None:
        self.span = span
        self._refresh_selections()

    def boundary_at(self, line: int) -> dict | None:
        """The segment whose proposed start is this line."""
        return next((s for s in self.segments if s["start_line"] == line), None)

    def boundary_note(self, line: int) -> str:
        """A start line's confidence and reason ("" on any other line)."""
        segment = self.boundary_at(line)
        if segment is None:
            return ""
        note = self.tr("Boundary confidence %1").replace("%1", f"{segment['confidence']:.2f}")
        return f"{note}: {segment['reason']}" if segment["reason"] else note

    def line_at(self, y: int) -> int:
        """The line drawn at height y of the viewport (and of the gutter beside it)."""
        return self.cursorForPosition(QPoint(0, y)).blockNumber() + 1

    # -- cursor -----------------------------------------------------------------------------

    def current_line(self) -> int:
        return self.textCursor().blockNumber() + 1

    def selected_lines(self) -> tuple[int, int]:
        """First and last line touched by the selection (a selection ending at column 0
        of a line does not include that line)."""
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        end_line = last.blockNumber() + 1
        if cursor.hasSelection() and cursor.selectionEnd() == last.position() and last != first:
            end_line -= 1
        return first.blockNumber() + 1, end_line

    def go_to_lines(self, first: int, last: int | None = None) -> None:
        """Put the cursor on line `first`, selecting through line `last` when given."""
        doc = self.document()
        block = doc.findBlockByNumber(max(0, min(first, doc.blockCount()) - 1))
        cursor = QTextCursor(block)
        if last is not None and last > first:
            end = doc.findBlockByNumber(min(last, doc.blockCount()) - 1)
            cursor.setPosition(
                end.position() + max(0, end.length() - 1), QTextCursor.MoveMode.KeepAnchor
            )
        self.setTextCursor(cursor)
        self.centerCursor()

    def go_to_offset(self, offset: int, *, centre: bool = True) -> None:
        """Put the cursor at a raw offset: in the middle of the view, or (centre=False)
        scrolling only as far as it takes, so walking from mark to mark keeps the page."""
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(offset, self.document().characterCount() - 1)))
        self.setTextCursor(cursor)
        if centre:
            self.centerCursor()
        else:
            self.ensureCursorVisible()

    def walk_to(self, suggestion) -> None:
        """Put the cursor on a suggestion for the editor to decide on, and remember it, so
        the next step from here goes past it."""
        self.go_to_offset(suggestion.start, centre=False)
        self._walked_to.remember(suggestion.id, self.textCursor().position())

    def walked_suggestion_id(self) -> int | None:
        """The suggestion the cursor was walked to, while the cursor still stands there."""
        return self._walked_to.suggestion_id(self.textCursor())

    def _cursor_moved(self) -> None:
        line = self.current_line()
        if line != self._last_line:
            self._last_line = line
            self._refresh_selections()
            self.cursor_line_changed.emit(line)

    # -- painting ---------------------------------------------------------------------------

    def gutter_width(self) -> int:
        metrics = self.fontMetrics()
        digits = len(str(max(1, self.blockCount())))
        widest_role = max(metrics.horizontalAdvance(role_name(r)) for r in ROLE_NAMES)
        numbers = metrics.horizontalAdvance("9" * digits)
        return ROLE_BAR_WIDTH + 12 + numbers + widest_role + MARK_WIDTH

    def note_height(self) -> int:
        return self.fontMetrics().height() + 6  # the note has the text's font

    def _update_margins(self, *_args) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, self.note_height())
        if hasattr(self, "note"):  # a font change during construction comes before it
            self._place_margins()

    def _scroll_gutter(self, rect, dy) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_margins()
        self._view_moved()  # a taller view shows more

    def _set_marks(self, marks: list[Mark]) -> None:
        """The page's marks, none of them built yet."""
        self.marks = sorted(marks, key=lambda mark: mark.first)
        self._mark_firsts = [mark.first for mark in self.marks]
        self._built, self._marked_range, self._mark_selections = {}, None, []

    def _view_moved(self, *_args) -> None:
        if not self._replacing and self._mark_view():  # the lines' backgrounds stay as they were
            self.setExtraSelections(self._line_selections + self._mark_selections)

    def _screen_characters(self) -> int:
        """At most how many characters the view shows at once: its rows times the widest
        characters a row holds. Read off the view's size and font, not its text's layout,
        which Qt works out lazily and which a resize is in the middle of changing."""
        metrics = self.fontMetrics()
        rows = self.viewport().height() // max(1, metrics.lineSpacing()) + 1
        columns = self.viewport().width() // max(1, metrics.horizontalAdvance("中")) + 1
        return rows * columns

    def _mark_view(self) -> bool:
        """Mark the characters in view and MARKED_SCREENS screens either side, unless they
        are marked already; True when the marks changed. Each mark's selection is built
        once per page."""
        first = self.firstVisibleBlock().position()
        screen = self._screen_characters()
        covered = self._marked_range
        if covered is not None and covered[0] <= first and first + screen <= covered[1]:
            return False
        low = max(0, first - MARKED_SCREENS * screen)
        high = first + (MARKED_SCREENS + 1) * screen
        document, built, marks = self.document(), self._built, self.marks
        selections = []
        for index in marks_between(marks, self._mark_firsts, low, high):
            if index not in built:
                built[index] = mark_selection(document, marks[index])
            if built[index] is not None and marks[index].last > low:
                selections.append(built[index])
        self._mark_selections = selections
        self._marked_range = (low, high)
        return True

    def _place_margins(self) -> None:
        """The gutter left of the text, the note under it (not under the scroll bar)."""
        area, text = self.contentsRect(), self.viewport().geometry()
        self.gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), text.height()))
        self.note.setGeometry(
            QRect(
                area.left(), text.bottom() + 1, text.right() + 1 - area.left(), self.note_height()
            )
        )

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        self._update_margins()  # role names change width with the language or the font

    def paint_gutter(self, gutter: QWidget, event) -> None:
        painter = QPainter(gutter)
        painter.fillRect(event.rect(), QColor("#f7f7f7"))
        metrics = self.fontMetrics()
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        while block.isValid() and top <= event.rect().bottom():
            height = round(self.blockBoundingRect(block).height())
            number = block.blockNumber() + 1
            role = self.roles.get(number)
            if role:
                painter.fillRect(0, top, ROLE_BAR_WIDTH, height, role_colour(role))
                painter.setPen(role_colour(role).darker(160))
                painter.drawText(
                    ROLE_BAR_WIDTH + 4,
                    top,
                    gutter.width(),
                    metrics.height(),
                    Qt.AlignmentFlag.AlignLeft,
                    role_name(role),
                )
            if number in self.marked_lines:
                self._paint_mark(painter, gutter.width(), top, metrics.height())
            painter.setPen(QColor("#999999"))
            painter.drawText(
                0,
                top,
                gutter.width() - MARK_WIDTH,
                metrics.height(),
                Qt.AlignmentFlag.AlignRight,
                str(number),
            )
            block = block.next()
            top += height

    @staticmethod
    def _paint_mark(painter: QPainter, width: int, top: int, height: int) -> None:
        """A dot at the gutter's right edge: this line's proposed start is uncertain."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(UNCERTAIN_RULE_COLOUR)
        left = width - MARK_WIDTH + (MARK_WIDTH - MARK_SIZE) // 2
        painter.drawEllipse(left, top + (height - MARK_SIZE) // 2, MARK_SIZE, MARK_SIZE)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        for segment in self.segments[1:]:
            self._paint_rule(painter, segment)
        painter.end()
        paint_outline(self, self.selected_mark)

    def _paint_rule(self, painter: QPainter, segment: dict) -> None:
        """A rule above the first line of each segment: where the boundary is proposed."""
        block = self.document().findBlockByNumber(segment["start_line"] - 1)
        previous = block.previous()
        anchor = previous if previous.isValid() and not previous.text().strip() else block
        geometry = self.blockBoundingGeometry(anchor).translated(self.contentOffset())
        y = round(geometry.center().y() if anchor != block else geometry.top())
        if y < 0 or y > self.viewport().height():
            return
        colour = RULE_COLOUR
        if segment["kind"] in NON_ARTICLE_KINDS:
            colour = NON_ARTICLE_RULE_COLOUR
        elif uncertain_boundary(segment):
            colour = UNCERTAIN_RULE_COLOUR
        painter.setPen(QPen(colour, 2, Qt.PenStyle.SolidLine))
        painter.drawLine(0, y, self.viewport().width(), y)

    # -- extra selections -------------------------------------------------------------------

    def _refresh_selections(self) -> None:
        selections = []
        if self.span is not None:
            selections += self._line_backgrounds(self.span[0], self.span[1], SPAN_COLOUR)
        line = self.current_line()
        selections += self._line_backgrounds(line, line, CURSOR_LINE_COLOUR)
        self._line_selections = selections
        # The marks are built as the view reaches them: cursor moves are frequent.
        self.setExtraSelections(selections + self._mark_selections)

    def _line_backgrounds(self, first: int, last: int, colour: QColor) -> list:
        result = []
        doc = self.document()
        for number in range(first, last + 1):
            block = doc.findBlockByNumber(number - 1)
            if not block.isValid():
                break
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(colour)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            selection.cursor = cursor
            result.append(selection)
        return result

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            show_mark_tooltip(self, self.marks, event)
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event) -> None:
        cursor = self.cursorForPosition(event.pos())
        if not self.textCursor().hasSelection():
            self.setTextCursor(cursor)
        menu = QMenu(self)
        mark = mark_near(self.marks, cursor.position())
        if mark is not None:  # the menu decides on the suggestion clicked
            self.suggestion_pointed.emit(mark.suggestion)
            self._add_actions(menu, [*self.suggestion_actions, None])
        self._add_actions(menu, self.context_actions)
        menu.exec(event.globalPos())

    @staticmethod
    def _add_actions(menu: QMenu, actions: list) -> None:
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
