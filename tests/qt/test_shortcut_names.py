"""Keys are spelled one way in every language: in the menus and on the shortcut sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from editor_app.qt.keymap import COMMANDS, SCAN_KEYS
from tests.qt.conftest import SEEDS, make_project, press
from tests.qt.keyboard import CTRL, SHIFT

NATIVE = QKeySequence.SequenceFormat.NativeText
PORTABLE = QKeySequence.SequenceFormat.PortableText


def portable(keys: str) -> str:
    return QKeySequence(keys).toString(PORTABLE)


def shortcuts_in_menus(window) -> dict[str, str]:
    """What each menu item shows beside its text, as QMenu draws it."""
    shown = {}
    for menu in window.menus.values():
        for action in menu.actions():
            if not action.shortcut().isEmpty():
                shown[action.objectName()] = action.shortcut().toString(NATIVE)
    return shown


def test_chinese_menus_and_sheet_spell_keys_portably(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt"))
    window.switch_language("zh_CN")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "文件(&F)")  # on LanguageChange

    in_menus = shortcuts_in_menus(window)
    assert in_menus["action_merge_previous"] == "Ctrl+Shift+Up"
    for command in COMMANDS:
        if command.keys and command.menu:
            shown = in_menus[f"action_{command.name}"]
            assert shown == portable(command.keys), command.name

    press(qtbot, window, Qt.Key.Key_F1)
    sheet = window.editing.cheat_sheet
    qtbot.waitUntil(sheet.isVisible)
    text = sheet.browser.toPlainText()
    keys = [line.strip() for line in text.splitlines() if line.endswith("  ")]  # key cells
    listed = [", ".join(portable(k) for k in c.shortcuts()) for c in COMMANDS if c.keys]
    assert keys == listed + [portable(k.keys) for k in SCAN_KEYS]
    assert "Ctrl+Shift+Up" in keys and "Alt+Down" in keys and "Ctrl+Return" in keys
    assert "合并" in text  # the commands themselves are in Chinese


def test_a_key_switches_the_language_and_is_listed(qtbot, window, preferences, tmp_path):
    assert window.open_project(make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt"))
    switch = window.actions["switch_language"]
    assert switch in window.menus["view"].actions()
    every_key = [k for c in COMMANDS for k in c.shortcuts()]
    assert every_key.count("Ctrl+Shift+L") == 1  # no other command has it

    press(qtbot, window, Qt.Key.Key_L, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.menus["file"].title() == "文件(&F)")
    assert preferences.language == "zh_CN"  # kept for the next start
    assert window.findChild(type(switch), "language_zh_CN").isChecked()
    press(qtbot, window, Qt.Key.Key_F1)
    sheet = window.editing.cheat_sheet
    qtbot.waitUntil(sheet.isVisible)
    assert "Ctrl+Shift+L  \n切换语言" in sheet.browser.toPlainText()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_L, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&File")
    assert preferences.language == "en"
