"""python -m editor_app.qt.screenshot OUT.png [PROJECT]: the main window on a seed issue.

Without a project, one is built from seeds/ in a temporary folder. Run it under a real
display or Xvfb (with a CJK font installed) for a faithful picture.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from editor_app.qt.app import SEEDS, application
from editor_app.qt.i18n import install_language
from editor_app.qt.main_window import MainWindow
from editor_app.qt.settings import Preferences
from editor_app.storage import Project, import_paths

SIZE = (1600, 940)


def demo_project(folder: Path) -> Path:
    path = folder / "seeds.qingyang"
    with Project.create(path, editor="demo") as project:
        import_paths(project, [str(SEEDS)], workers=1)
    return path


def render(out: Path, project_path: Path | None, folder: Path) -> None:
    app = application()
    preferences = Preferences(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    language = install_language("zh_CN")
    window = MainWindow(preferences)
    window.language = language
    window.retranslate()
    window.resize(*SIZE)
    window.show()
    window.open_project(project_path or demo_project(folder))
    window.actions["next_document"].trigger()
    if len(window.segments) > 3:
        window.panes.show_article(window.segments[3]["id"], move_cursor=True)
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out))
    window.close()


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        render(Path(argv[0]), Path(argv[1]) if len(argv) > 1 else None, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
