"""The geometry of pressed pages: each page's line boxes, read from its hOCR by the app's reader.

A pressed page ships as NAME.txt + NAME.gold.json + NAME.layout.json (the hOCR itself is too
big to ship); the raw text the reader derives from NAME.hocr must be NAME.txt byte for byte
(but for the file's final newline),
or the boxes would belong to other lines.
"""

from __future__ import annotations

from pathlib import Path

from editor_app.ingest.ocr_read import read_ocr_text
from editor_app.model import normalise_newlines
from editor_app.model.gold_pages import Page, read_directory
from editor_app.model.layout import PageLayout


class LayoutMismatchError(Exception):
    """A page's hOCR does not give its raw text."""


def page_layout(hocr: Path, text: str) -> PageLayout:
    """The layout of the page `hocr` was read from; its derived text must be `text`."""
    page = read_ocr_text(hocr.read_bytes(), str(hocr))
    # The .txt is written with a final newline, which adds no raw line.
    if page.text != text.removesuffix("\n"):
        raise LayoutMismatchError(f"{hocr}: the raw text derived from it is not its .txt")
    return PageLayout.of(page.width, page.height, page.line_boxes)


def pages_with_layouts(pressed: Path) -> list[Page]:
    """The pressed pages of a directory, each with the layout of its NAME.hocr beside it."""
    pages = []
    for page in read_directory(pressed):
        hocr = pressed / (Path(page.key).stem + ".hocr")
        if hocr.is_file():
            layout = page_layout(hocr, normalise_newlines(page.text_bytes.decode("utf-8")))
            page = Page(page.key, page.text_bytes, page.gold_bytes, layout.to_json())
        pages.append(page)
    return pages
