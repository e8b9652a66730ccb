"""The project dictionary in its own panel: opened by key, entries added and removed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.qt.conftest import SEEDS, make_project, press, type_text
from tests.qt.keyboard import CTRL, SHIFT, KeyboardEditor

FIRST = SEEDS / "000_0568ddfa57c73b20.txt"
TITLE_LINE = 89  # `潮县镇:“敲门招商”促发展`
WRONG, RIGHT = "潮县镇", "漷县镇"


def dictionary_suggestions(window) -> list[str]:
    """What the article's suggestion list shows from the dictionary."""
    return [s.before for s in window.suggestion_panel.model.items if s.rule == "dictionary"]


def test_a_dictionary_entry_added_and_removed_by_keys(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST))
    keys = KeyboardEditor(qtbot, window)
    keys.select_article_at(TITLE_LINE)
    assert dictionary_suggestions(window) == []
    editor = window.text_pane.editor
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
    for _ in WRONG:
        qtbot.keyClick(editor, Qt.Key.Key_Right, SHIFT)
    press(qtbot, window, Qt.Key.Key_D, CTRL | SHIFT)
    dock, panel = window.review.dictionary_dock, window.review.dictionary_panel
    assert dock.isVisible() and not dock.isFloating()
    assert panel.wrong_edit.text() == WRONG  # the selected misread
    assert QApplication.focusWidget() is panel.right_edit
    type_text(qtbot, panel.right_edit, RIGHT)
    press(qtbot, window, Qt.Key.Key_Return)
    assert panel.listed() == [(WRONG, RIGHT, "")]
    assert [(e["wrong"], e["right"]) for e in window.project.suggestions.dictionary()] == [
        (WRONG, RIGHT)
    ]
    assert WRONG in dictionary_suggestions(window)  # as an entry from find and replace does
    assert "suggestions made" in panel.message_label.text()

    press(qtbot, window, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is editor
    keys.go_to(TITLE_LINE)  # Ctrl+Z in the text would undo typing there
    keys.undo()  # the list follows the file, whoever changed it
    assert panel.listed() == [] and dictionary_suggestions(window) == []
    keys.redo()
    assert panel.listed() == [(WRONG, RIGHT, "")]

    panel.entries.setFocus()
    press(qtbot, window, Qt.Key.Key_Down)
    assert panel.current_wrong() == WRONG
    press(qtbot, window, Qt.Key.Key_Delete)
    assert panel.listed() == [] and window.project.suggestions.dictionary() == []
    assert dictionary_suggestions(window) == []
    assert window.actions["undo"].text().startswith("Undo remove dictionary entry")


def test_the_dictionary_is_in_the_tools_menu_and_reachable_from_find(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST))
    assert window.actions["dictionary"] in window.menus["tools"].actions()
    press(qtbot, window, Qt.Key.Key_H, CTRL)
    search = window.review.search_panel
    qtbot.mouseClick(search.open_dictionary_button, Qt.MouseButton.LeftButton)
    assert window.review.dictionary_dock.isVisible()
    window.switch_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.review.dictionary_dock.windowTitle() == "项目词典")
        assert window.actions["dictionary"].text() == "项目词典…"
    finally:
        window.switch_language("en")
