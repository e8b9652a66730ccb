"""python -m editor_app.qt.screenshot OUT.png [PROJECT] [--view desk|suggestions|history]:
the main window on a seed issue.

`desk` shows an article of the second issue; `suggestions` walks to a look-alike misread of
the first issue, so the marks of several kinds and the note under the raw text show;
`history` makes a few decisions and edits first, then opens the whole project's history.
`--scan OCR_FILE`: the window on a page imported from an ALTO, hOCR or PAGE file (its image
beside it), the page scan beside the raw text.
Without a project, one is built from seeds/ in a temporary folder. Run it under a real
display or Xvfb (with a CJK font installed) for a faithful picture; the picture is saved
with a palette of 256 colours, which keeps it small and the text sharp.
"""

from __future__ import annotations

import argparse
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
SMALL_SIZE = (1440, 860)  # the pictures of one feature, for the README's width
SCAN_SIZE = (1800, 1000)


def demo_project(folder: Path, sources: list[str] | None = None) -> Path:
    path = folder / "seeds.qingyang"
    with Project.create(path, editor="demo") as project:
        import_paths(project, sources or [str(SEEDS)], workers=1)
    return path


def show_desk(window: MainWindow) -> None:
    window.actions["next_document"].trigger()
    if len(window.segments) > 3:
        window.panes.show_article(window.segments[3]["id"], move_cursor=True)


def show_suggestions(window: MainWindow) -> None:
    """The first issue at its second look-alike misread, walked to by F8 from the line above."""
    misreads = window.project.suggestions.find(document_id=window.document_id, rule="lookalike")
    target = misreads[min(1, len(misreads) - 1)] if misreads else None
    if target is None:
        return
    window.raw_view.go_to_lines(max(1, target.line - 1))
    window.raw_view.centerCursor()
    window.actions["next_suggestion"].trigger()
    window.raw_view.setFocus()


def show_history(window: MainWindow) -> None:
    """A few steps of an editor's day, then the project's history with the last one open."""
    desk = window.desk
    first = desk.open_suggestions[0]
    desk.accept_suggestion(first.id)
    desk.decide_rule("accept", "punctuation")
    desk.decide_rule("reject", "whitespace", whole_project=True)
    misread = next((s for s in desk.open_suggestions if s.rule == "lookalike"), None)
    if misread is not None:
        desk.accept_suggestion(misread.id)
    window.panes.show_article(desk.segments[2]["id"], move_cursor=True)
    desk.set_field("kicker", "区委巡察")
    desk.set_status("reviewed")
    window.history_whole_project.setChecked(True)
    window.actions["history"].trigger()
    table = window.history_pane.table
    table.setCurrentIndex(table.model().index(0, 0))


def show_scan(window: MainWindow) -> None:
    """The page scan view: the second article selected, its lines outlined on the image."""
    window.main_splitter.setSizes([330, 1000, 470])
    window.raw_splitter.setSizes([430, 570])
    application().processEvents()
    if len(window.segments) > 1:
        window.panes.show_article(window.segments[1]["id"], move_cursor=True)
        window.raw_view.go_to_lines(window.segments[1]["start_line"] + 2)
    view = window.scan_pane.view
    view.zoom_by(1.3)  # the print legible, the outlines clear
    _x0, y0, _x1, _y1 = view.boxes("article")[0]
    view.centerOn(view.sceneRect().width() / 2, y0 + 120)


VIEWS = {
    "desk": show_desk,
    "suggestions": show_suggestions,
    "history": show_history,
    "scan": show_scan,
}
SIZES = {"desk": SIZE, "scan": SCAN_SIZE}


def render(out: Path, project_path: Path | None, folder: Path, view: str = "desk") -> None:
    app = application()
    preferences = Preferences(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    preferences.editor_name = "王编辑"  # the history names who did what
    language = install_language("zh_CN")
    window = MainWindow(preferences)
    window.language = language
    window.retranslate()
    window.resize(*SIZES.get(view, SMALL_SIZE))
    window.show()
    window.open_project(project_path or demo_project(folder))
    VIEWS[view](window)
    for _ in range(5):
        app.processEvents()
    picture = window.grab().toImage()
    if view != "desk":
        picture = picture.convertToFormat(
            QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
        )
    picture.save(str(out))
    window.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m editor_app.qt.screenshot")
    parser.add_argument("out", type=Path)
    parser.add_argument("project", type=Path, nargs="?")
    parser.add_argument("--view", choices=sorted(set(VIEWS) - {"scan"}), default="desk")
    parser.add_argument("--scan", type=Path, metavar="OCR_FILE", help="an ALTO/hOCR/PAGE page")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        if args.scan:
            project = demo_project(Path(folder), [str(args.scan)])
            render(args.out, project, Path(folder), "scan")
        else:
            render(args.out, args.project, Path(folder), args.view)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
