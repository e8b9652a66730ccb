"""The page scan follows the desk: the current document's image, its article's lines
outlined, the cursor's line filled, the current suggestion's word boxed; a click on a line
of the image puts the raw text's cursor on it. A moved image is pointed to again here.

The image comes as a preview a few times as wide as the view (`PREVIEW_VIEWS`); a zoom
past it reads the full resolution, off the GUI thread like every large read. Outlines are
drawn only on the current document's own page: another document's outlines never show on
the page still there while its image is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from editor_app.desk import DeskSession
from editor_app.qt.scan_image import ScanImage, is_large, places, read_scan
from editor_app.qt.widgets.scan_view import ARTICLE, LINE, WORD

IMAGE_FILTER = "*.png *.jpg *.jpeg *.tif *.tiff"
PREVIEW_VIEWS = 2  # the preview is this many times as wide as the view's pixels
MIN_PREVIEW_WIDTH = 1200  # pixels: sharp enough before the pane is laid out


@dataclass(frozen=True, slots=True)
class ScanWidgets:
    pane: object  # ScanPane
    raw_view: object
    suggestion_panel: object
    toggle: object  # the View menu's checkable action


def line_at(line_boxes, x: float, y: float) -> int | None:
    """The raw line one of whose printed lines lies under the page point (x, y)."""
    for number, boxes in enumerate(line_boxes, start=1):
        if any(box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1 for box in boxes):
            return number
    return None


def word_boxes(char_boxes, start: int, end: int) -> list:
    """The word boxes of the raw characters start..end, each once, in reading order."""
    found = []
    for offset in range(start, min(max(end, start + 1), len(char_boxes))):
        placed = char_boxes[offset]
        if placed is not None and placed[2] not in found:
            found.append(placed[2])
    return found


class ScanController(QObject):
    """Shows the current document's page scan in the pane beside the raw text."""

    def __init__(
        self, desk: DeskSession, widgets: ScanWidgets, *, runner, background, preferences, window
    ) -> None:
        super().__init__(window)
        self.desk = desk
        self.w = widgets
        self.runner = runner
        self.background = background
        self.preferences = preferences
        self.window = window
        self.geometry = None  # the current document's PageGeometry, None for plain text
        self.document_id = None  # the document the geometry is of
        self._reading = 0  # which read of an image the pane waits for

    def connect(self, panes) -> None:
        w = self.w
        panes.document_shown.connect(self.document_shown)
        panes.article_shown.connect(self.article_shown)
        w.raw_view.cursor_line_changed.connect(self.line_changed)
        w.suggestion_panel.current_changed.connect(self.suggestion_changed)
        w.pane.view.clicked.connect(self.page_clicked)
        w.pane.view.full_wanted.connect(self.read_full_image)
        w.pane.locate_requested.connect(self.locate_image)
        self.runner.changed.connect(self.operation_done)
        w.toggle.setChecked(self.preferences.show_scan)
        self._show_pane()

    # -- the document and its image ---------------------------------------------------------

    def document_shown(self) -> None:
        desk = self.desk
        shown = desk.project is not None and desk.document_id is not None
        self.w.pane.view.clear_overlays()  # the page still there is not the new document's
        self.document_id = desk.document_id if shown else None
        self.geometry = desk.project.documents.geometry(desk.document_id) if shown else None
        self._show_pane()
        self.read_image()

    def read_image(self) -> None:
        """Read the image's preview: at once when small, else on a pool thread while the
        pane waits."""
        self._reading += 1
        if self.geometry is None or self.w.pane.isHidden():
            return
        read = self._reader(self._preview_width())
        if not is_large(places(self.geometry)):
            self._image_read(self._reading, read())
            return
        self.w.pane.show_loading()
        self.background.start(
            lambda _progress, _cancelled: read(),
            finished=lambda scan, reading=self._reading: self._image_read(reading, scan),
        )

    def read_full_image(self) -> None:
        """Read the page at full resolution on a pool thread; the preview stays meanwhile."""
        if self.geometry is None:
            return
        read = self._reader(None)
        self.background.start(
            lambda _progress, _cancelled: read(),
            finished=lambda scan, reading=self._reading: self._full_image_read(reading, scan),
        )

    def _reader(self, preview_width: int | None):
        """A call that reads the current document's image, safe on any thread."""
        geometry = self.geometry
        looked, size = places(geometry), (geometry.width, geometry.height)
        return lambda: read_scan(looked, geometry.image_sha256, size, preview_width)

    def _preview_width(self) -> int:
        view = self.w.pane.view
        shown = view.viewport().width() * view.devicePixelRatioF()
        return max(MIN_PREVIEW_WIDTH, round(PREVIEW_VIEWS * shown))

    def _image_read(self, reading: int, scan: ScanImage) -> None:
        if reading != self._reading:
            return  # another document, or the same one pointed elsewhere since
        self.w.pane.show_scan(scan)
        if scan.image is not None:
            self.redraw()

    def _full_image_read(self, reading: int, scan: ScanImage) -> None:
        if reading == self._reading and scan.image is not None:
            self.w.pane.view.show_full(scan.image)

    def redraw(self) -> None:
        """Every overlay again, for the current article, line and suggestion."""
        self.article_shown(self.desk.article_id)
        self.line_changed(self.w.raw_view.current_line())
        self.suggestion_changed(self.w.suggestion_panel.current(), scroll=False)

    # -- following the desk -----------------------------------------------------------------

    def article_shown(self, article_id) -> None:
        if not self._drawing():
            return
        segment = next((s for s in self.desk.segments if s["id"] == article_id), None)
        boxes = []
        if segment is not None:
            for line in range(segment["start_line"], segment["end_line"] + 1):
                boxes += self._line_boxes(line)
        self.w.pane.view.outline(ARTICLE, boxes)
        self.suggestion_changed(self.w.suggestion_panel.current(), scroll=False)

    def line_changed(self, line: int) -> None:
        if not self._drawing():
            return
        boxes = self._line_boxes(line)
        self.w.pane.view.outline(LINE, boxes)
        self.w.pane.view.bring_into_view(boxes)

    def suggestion_changed(self, suggestion, scroll: bool = True) -> None:
        if not self._drawing():
            return
        boxes = []
        if suggestion is not None:
            boxes = word_boxes(self.geometry.char_boxes, suggestion.start, suggestion.end)
        self.w.pane.view.outline(WORD, boxes)
        if scroll:
            self.w.pane.view.bring_into_view(boxes)

    def page_clicked(self, point) -> None:
        if self.geometry is None:
            return
        line = line_at(self.geometry.line_boxes, point.x(), point.y())
        if line is not None:
            self.w.raw_view.go_to_lines(line)  # the article follows, as for a click there

    def operation_done(self, result) -> None:
        """An image pointed to again (or that undone): read the document's image again."""
        change = result.change
        if "document_sources" in change.tables and change.touches(self.desk.document_id):
            self.document_shown()

    def _line_boxes(self, line: int) -> list:
        boxes = self.geometry.line_boxes
        return list(boxes[line - 1]) if 1 <= line <= len(boxes) else []

    def _drawing(self) -> bool:
        """Whether the page shown is the current document's: an article of the next one is
        shown before the document is (`document_shown` comes last)."""
        return (
            self.geometry is not None
            and self.document_id == self.desk.document_id
            and self.w.pane.view.has_page()
        )

    # -- commands ---------------------------------------------------------------------------

    def cmd_scan(self) -> None:
        """Show or hide the page scan; remembered for the next start."""
        self.preferences.show_scan = self.w.toggle.isChecked()
        self._show_pane()
        self.read_image()

    def _show_pane(self) -> None:
        self.w.pane.setVisible(self.preferences.show_scan and self.geometry is not None)

    def locate_image(self) -> None:
        """Ask for the page image's file and record it in the project, as one step."""
        document_id = self.desk.document_id
        if self.geometry is None or document_id is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Locate the page image"),
            _folder_of(self.w.pane.problem),
            self.tr("Images (%1)").replace("%1", IMAGE_FILTER),
        )
        if path:
            self.runner.run(self.desk.project.documents.relocate_image, document_id, path)


def _folder_of(scan: ScanImage | None) -> str:
    """Where the file dialog opens: beside where the image was looked for."""
    if scan is None or not (scan.path or scan.looked_at):
        return ""
    return os.path.dirname(scan.path or scan.looked_at[0])
