"""Drive the main window the way an editor does: keys and clicks on the real widgets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from editor_app.model import ROLES
from tests.qt.conftest import press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


class KeyboardEditor:
    def __init__(self, qtbot, window) -> None:
        self.qtbot = qtbot
        self.window = window
        self.steps: list[str] = []  # what was done, for the failure message

    @property
    def project(self):
        return self.window.project

    def key(self, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        press(self.qtbot, self.window, key, modifiers)

    # -- moving -----------------------------------------------------------------------------

    def go_to(self, first: int, last: int | None = None) -> None:
        """Ctrl+G, type the line or range, Return: the raw text has the cursor there."""
        self.key(Qt.Key.Key_G, CTRL)
        box = self.window.line_box
        assert QApplication.focusWidget() is box
        self.qtbot.keyClicks(box, str(first) if last is None else f"{first}-{last}")
        self.qtbot.keyClick(box, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is self.window.raw_view
        assert self.window.raw_view.current_line() == (last or first), box.text()

    def select_article_at(self, line: int) -> int:
        self.go_to(line)
        return self.window.article_id

    # -- boundaries and roles ---------------------------------------------------------------

    def split_at(self, line: int) -> None:
        self.steps.append(f"split_at {line}")
        self.go_to(line)
        self.key(Qt.Key.Key_Return, CTRL)

    def merge_with_previous(self, line: int) -> None:
        self.steps.append(f"merge_with_previous {line}")
        self.go_to(line)
        self.key(Qt.Key.Key_Up, CTRL | SHIFT)

    def move_start(self, line: int, direction: int) -> None:
        self.steps.append(f"move_start {line} {direction}")
        self.go_to(line)
        self.key(Qt.Key.Key_Up if direction < 0 else Qt.Key.Key_Down, ALT)

    def title_to_head(self, title_line: int) -> None:
        self.steps.append(f"title_to_head {title_line}")
        self.go_to(title_line)
        self.key(Qt.Key.Key_T, CTRL)

    def mark(self, first: int, last: int, kind: str) -> None:
        self.steps.append(f"mark {first} {last} {kind}")
        self.go_to(first, last)
        self.key(Qt.Key.Key_B if kind == "boilerplate" else Qt.Key.Key_N, CTRL | SHIFT)

    def set_role(self, line: int, role: str) -> None:
        self.steps.append(f"set_role {line} {role}")
        self.go_to(line)
        digit = str(ROLES.index(role) + 1)
        self.qtbot.keyClick(self.window.raw_view, digit)

    # -- the article form -------------------------------------------------------------------

    def fill_field(self, name: str, value: str) -> None:
        self.steps.append(f"fill_field {name} {value}")
        edit = self.window.form.edits[name]
        self.qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        self.qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
        if value:
            type_text(self.qtbot, edit, value)
        else:
            self.qtbot.keyClick(edit, Qt.Key.Key_Delete)
        self.qtbot.keyClick(edit, Qt.Key.Key_Return)

    def toggle_flag(self, name: str) -> None:
        self.steps.append(f"toggle_flag {name}")
        box = getattr(self.window.form, name)
        indicator = QPoint(8, box.rect().center().y())  # on the box, not past its label
        self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator)

    def choose_kind(self, kind: str) -> None:
        self.steps.append(f"choose_kind {kind}")
        combo = self.window.form.kind
        self.qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
        view = combo.view()
        self.qtbot.waitUntil(view.isVisible)
        steps = combo.findData(kind) - combo.currentIndex()
        for _ in range(abs(steps)):
            self.qtbot.keyClick(view, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
        self.qtbot.keyClick(view, Qt.Key.Key_Return)

    # -- text and suggestions ---------------------------------------------------------------

    def delete_in_text(self, position: int, length: int) -> None:
        """Click into the corrected text, walk to a position by keys, delete, Escape."""
        self.steps.append(f"delete_in_text {position} {length}")
        editor = self.window.text_pane.editor
        self.qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
        self.qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
        for _ in range(position):
            self.qtbot.keyClick(editor, Qt.Key.Key_Right)
        for _ in range(length):
            self.qtbot.keyClick(editor, Qt.Key.Key_Right, SHIFT)
        self.qtbot.keyClick(editor, Qt.Key.Key_Delete)
        self.qtbot.keyClick(editor, Qt.Key.Key_Escape)

    def accept_suggestion(self, suggestion_id: int) -> None:
        """Click the suggestion in the article's list, then F9."""
        self.steps.append(f"accept_suggestion {suggestion_id}")
        panel = self.window.suggestion_panel
        row = panel.model.row_of(suggestion_id)
        assert row is not None, "the suggestion is not listed for this article"
        view = panel.list
        view.scrollTo(panel.model.index(row))
        rect = view.visualRect(panel.model.index(row))
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert panel.current().id == suggestion_id
        self.key(Qt.Key.Key_F9)

    def undo(self) -> None:
        self.key(Qt.Key.Key_Z, CTRL)

    def redo(self) -> None:
        self.key(Qt.Key.Key_Z, CTRL | SHIFT)
