"""F1: every command and its key, grouped by menu."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

from editor_app.qt.keymap import COMMANDS, MENUS, SCAN_HEADING, SCAN_KEYS


def cheat_sheet_html() -> str:
    rows = []
    for menu, title in MENUS.items():
        commands = [c for c in COMMANDS if c.menu == menu and c.keys]
        if commands:
            rows += _section(title, [(c.shortcuts(), c.text) for c in commands])
    rows += _section(SCAN_HEADING, [([k.keys], k.text) for k in SCAN_KEYS])
    return f"<table cellspacing=2>{''.join(rows)}</table>"


def _section(title: str, keyed: list[tuple[list[str], str]]) -> list[str]:
    """A heading, then a row per command: its keys and its text."""
    heading = QCoreApplication.translate("Menus", title).replace("&", "")
    rows = [f"<tr><th colspan=2 align=left><br>{html.escape(heading)}</th></tr>"]
    for shortcuts, command_text in keyed:
        keys = ", ".join(
            QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in shortcuts
        )
        text = QCoreApplication.translate("Commands", command_text).rstrip("…")
        rows.append(
            f"<tr><td><code>{html.escape(keys)}</code>&nbsp;&nbsp;</td>"
            f"<td>{html.escape(text)}</td></tr>"
        )
    return rows


class CheatSheet(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("cheatSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setWindowFlag(Qt.WindowType.Tool, True)
        self.browser = QTextBrowser(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.resize(520, 640)
        self.refresh()

    def refresh(self) -> None:
        self.browser.setHtml(cheat_sheet_html())
