"""Start the GUI: the application object, fonts, language, and the first project."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from editor_app.qt.i18n import install_language
from editor_app.qt.main_window import MainWindow
from editor_app.qt.platform_check import xcb_problem
from editor_app.qt.settings import Preferences
from editor_app.storage import default_editor, environment_editor

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named so QSettings has a home, speaking the chosen language."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("Qingyang")
    app.setApplicationName("Qingyang")
    app.setApplicationDisplayName("清样 Qingyang")
    use_cjk_font(app, Preferences().font_family)
    return app


def use_cjk_font(app: QApplication, preferred: str = "") -> None:
    """Chinese text in a CJK font: the preference, else the first CJK font installed."""
    families = set(QFontDatabase.families())
    for family in (preferred, *CJK_FONTS):
        if family and family in families:
            font = app.font()
            font.setFamily(family)
            app.setFont(font)
            return


def demo_project_path() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "demo.qingyang"


def open_demo(window: MainWindow) -> None:
    """The demo project from seeds/, built on first run in the user's data folder."""
    path = demo_project_path()
    if path.exists():
        window.open_project(path)
    elif window.create_project(path):
        window.start_import([str(SEEDS)])


def open_or_create(window: MainWindow, path: Path) -> None:
    if path.exists():
        window.open_project(path)
    else:
        window.create_project(path)


def ask_editor_name_once(parent: QWidget, preferences: Preferences) -> str:
    """Every change carries the editor's name: ask for it on the first run, then keep it.
    QINGYANG_EDITOR names the editor without asking, for as long as it is set."""
    if preferences.editor_name:
        return preferences.editor_name
    if environment_editor():
        return environment_editor()  # not kept: a later run without it asks
    name, accepted = QInputDialog.getText(
        parent,
        QCoreApplication.translate("Startup", "Your name"),
        QCoreApplication.translate(
            "Startup",
            "Your name, recorded with every change you make (you can change it in Preferences):",
        ),
        text=default_editor(),
    )
    name = name.strip() if accepted else ""
    preferences.editor_name = name or default_editor()
    return preferences.editor_name


def start(argv: list[str], preferences: Preferences | None = None) -> MainWindow:
    """The window as it opens at launch: language, window, editor's name, first project."""
    preferences = preferences or Preferences()
    # The language goes in before any widget is built: some panes translate once, at birth.
    language = install_language(preferences.language)
    window = MainWindow(preferences)
    window.language = language
    window.retranslate()
    window.show()
    ask_editor_name_once(window, window.preferences)
    if argv:
        open_or_create(window, Path(argv[0]))
    else:
        open_demo(window)
    return window


def main(argv: list[str]) -> int:
    problem = xcb_problem()  # before Qt would abort on it, naming no package
    if problem:
        print(problem, file=sys.stderr)
        return 1
    app = application()
    window = start(argv)  # noqa: F841  (kept alive while the application runs)
    return app.exec()
