"""python -m editor_app.qt.screenshot OUT.png [PROJECT]: the main window on a seed issue.

`python -m editor_app.qt.screenshot --scan OUT.png OCR_FILE`: the window on a page imported
from an ALTO, hOCR or PAGE file (its image beside it), the page scan beside the raw text.

Without a project, one is built from seeds/ in a temporary folder. Run it under a real
display or Xvfb (with a CJK font installed) for a faithful picture.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage

from editor_app.qt.app import SEEDS, application
from editor_app.qt.i18n import install_language
from editor_app.qt.main_window import MainWindow
from editor_app.qt.settings import Preferences
from editor_app.storage import Project, import_paths

SIZE = (1600, 940)
SCAN_SIZE = (1800, 1000)


def demo_project(folder: Path, sources: list[str] | None = None) -> Path:
    path = folder / "seeds.qingyang"
    with Project.create(path, editor="demo") as project:
        import_paths(project, sources or [str(SEEDS)], workers=1)
    return path


def opened_window(folder: Path, size: tuple[int, int]) -> MainWindow:
    """The window in Chinese, shown at `size`, remembering nothing from earlier runs."""
    preferences = Preferences(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    language = install_language("zh_CN")
    window = MainWindow(preferences)
    window.language = language
    window.retranslate()
    window.resize(*size)
    window.show()
    return window


def save(window: MainWindow, out: Path, colours: int = 0) -> None:
    """The window's picture; with `colours`, a palette of that many (a smaller PNG)."""
    app = application()
    for _ in range(5):
        app.processEvents()
    image = window.grab().toImage()
    if colours:
        image = image.convertToFormat(
            QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
        )
    image.save(str(out))
    window.close()


def render(out: Path, project_path: Path | None, folder: Path) -> None:
    application()
    window = opened_window(folder, SIZE)
    window.open_project(project_path or demo_project(folder))
    window.actions["next_document"].trigger()
    if len(window.segments) > 3:
        window.panes.show_article(window.segments[3]["id"], move_cursor=True)
    save(window, out)


def render_scan(out: Path, ocr_file: Path, folder: Path) -> None:
    """The page scan view: the second article selected, its lines outlined on the image."""
    app = application()
    window = opened_window(folder, SCAN_SIZE)
    window.open_project(demo_project(folder, [str(ocr_file)]))
    window.main_splitter.setSizes([330, 1000, 470])
    window.raw_splitter.setSizes([430, 570])
    app.processEvents()
    if len(window.segments) > 1:
        window.panes.show_article(window.segments[1]["id"], move_cursor=True)
        window.raw_view.go_to_lines(window.segments[1]["start_line"] + 2)
    view = window.scan_pane.view
    view.zoom_by(1.3)  # the print legible, the outlines clear
    x0, y0, _x1, _y1 = view.boxes("article")[0]
    view.centerOn(view.sceneRect().width() / 2, y0 + 120)
    save(window, out, colours=256)


def main(argv: list[str]) -> int:
    scan = argv[:1] == ["--scan"]
    argv = argv[1:] if scan else argv
    if not argv or (scan and len(argv) != 2):
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        if scan:
            render_scan(Path(argv[0]), Path(argv[1]), Path(folder))
        else:
            render(Path(argv[0]), Path(argv[1]) if len(argv) > 1 else None, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
