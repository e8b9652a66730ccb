"""Fixtures for GUI tests: a real main window on a real project file in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

import editor_app.qt  # noqa: F401  (installs the PySide6 workaround before any Qt call)
from editor_app.qt.main_window import MainWindow
from editor_app.qt.settings import Preferences
from editor_app.storage import Project, import_paths

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def make_project(folder: Path, *sources: Path, name: str = "test.qingyang") -> Path:
    """A project file imported from the given raw files, closed again."""
    path = folder / name
    project = Project.create(path, editor="tester")
    try:
        if sources:
            import_paths(project, [str(s) for s in sources], workers=1)
    finally:
        project.close()
    return path


@pytest.fixture(autouse=True)
def messages(monkeypatch):
    """Every QMessageBox shown, as (kind, title, text); none blocks any test."""
    shown: list[tuple[str, str, str]] = []

    def recorder(kind):
        def show(_parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("critical", "information", "warning", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    return shown


@pytest.fixture
def preferences(tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    prefs = Preferences(settings)
    prefs.language = "en"
    prefs.editor_name = "tester"
    return prefs


@pytest.fixture
def window(qtbot, preferences, messages):
    """The real main window, shown and active, in English, with dialogs patched."""
    win = MainWindow(preferences)
    qtbot.addWidget(win)
    win.switch_language("en")
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    if win.files.import_job is not None:
        win.files.import_job.cancel()
        win.files.import_job.thread.wait()
    win.close_project()


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as the editor would type it."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifiers)


def type_text(qtbot, widget, text: str) -> None:
    """Type text: ASCII by keys; Chinese as an input method commits it."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
