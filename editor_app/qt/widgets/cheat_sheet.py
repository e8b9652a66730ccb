"""F1: every command and its key, grouped by menu."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

from editor_app.qt.keymap import COMMANDS, MENUS


def cheat_sheet_html() -> str:
    rows = []
    for menu, title in MENUS.items():
        commands = [c for c in COMMANDS if c.menu == menu and c.keys]
        if not commands:
            continue
        heading = QCoreApplication.translate("Menus", title).replace("&", "")
        rows.append(f"<tr><th colspan=2 align=left><br>{html.escape(heading)}</th></tr>")
        for command in commands:
            keys = ", ".join(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                for k in command.shortcuts()
            )
            text = QCoreApplication.translate("Commands", command.text).rstrip("…")
            rows.append(
                f"<tr><td><code>{html.escape(keys)}</code>&nbsp;&nbsp;</td>"
                f"<td>{html.escape(text)}</td></tr>"
            )
    return f"<table cellspacing=2>{''.join(rows)}</table>"


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
