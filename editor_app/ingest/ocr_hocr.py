"""hOCR: an HTML page whose `class` names the OCR parts and whose `title` holds their boxes.

Paragraphs are `ocr_par` (else `ocr_carea`, else each line alone); lines are `ocr_line` and
the other line classes tesseract and OCRopus write; words are `ocrx_word`. A line without
words is one word, boxed as the line.
"""

from __future__ import annotations

import re

from editor_app.ingest.ocr_model import (
    Box,
    OcrFormatError,
    OcrLine,
    OcrPage,
    OcrParagraph,
    OcrWord,
    line_of,
    paragraph_of,
)

LINE_CLASSES = frozenset(
    {"ocr_line", "ocr_textfloat", "ocr_header", "ocr_caption", "ocr_footer", "ocrx_line"}
)
_BBOX = re.compile(
    r"\bbbox\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)"
)
_IMAGE = re.compile(r"""\bimage\s+(?:"([^"]*)"|'([^']*)'|([^;\s]+))""")


def read_hocr(root, name: str) -> OcrPage:
    """The first `ocr_page` of the document."""
    parts = _Parts(root)
    if not parts.pages:
        raise OcrFormatError(name, "the hOCR file holds no ocr_page")
    page = parts.pages[0]
    title = page.get("title") or ""
    box = _bbox(title, name, "ocr_page")
    image = _IMAGE.search(title)
    image_name = next((g for g in image.groups() if g is not None), "") if image else ""
    paragraphs = tuple(
        p for p in (_paragraph(element, parts, name) for element in parts.paragraphs(page)) if p
    )
    return OcrPage("hocr", box.x1, box.y1, image_name, paragraphs)


class _Parts:
    """The elements of one hOCR document by class, in document order."""

    def __init__(self, root) -> None:
        self.by_element: dict = {}
        self.pages: list = []
        for element in root.iter():
            classes = element.get("class")
            if not classes or not isinstance(element.tag, str):
                continue
            kinds = set(classes.split())
            self.by_element[element] = kinds
            if "ocr_page" in kinds:
                self.pages.append(element)

    def within(self, parent, wanted) -> list:
        return [
            e for e in parent.iter() if e is not parent and self.by_element.get(e, set()) & wanted
        ]

    def paragraphs(self, page) -> list:
        for kind in ("ocr_par", "ocr_carea"):
            found = self.within(page, {kind})
            if found:
                return found
        return self.within(page, LINE_CLASSES)


def _paragraph(element, parts: _Parts, name: str) -> OcrParagraph | None:
    box = _bbox(element.get("title") or "", name, "paragraph")
    if parts.by_element[element] & LINE_CLASSES:  # a page of lines without paragraphs
        return paragraph_of([_line(element, parts, name)], box)
    return paragraph_of(
        [_line(line, parts, name) for line in parts.within(element, LINE_CLASSES)], box
    )


def _line(element, parts: _Parts, name: str) -> OcrLine | None:
    box = _bbox(element.get("title") or "", name, "line")
    words = [
        OcrWord(_text(word), _bbox(word.get("title") or "", name, "word"))
        for word in parts.within(element, {"ocrx_word"})
    ]
    if not words:
        words = [OcrWord(_text(element), box)]
    return line_of(words, box)


def _text(element) -> str:
    return "".join(element.itertext()).strip()


def _bbox(title: str, name: str, what: str) -> Box:
    found = _BBOX.search(title)
    if found is None:
        raise OcrFormatError(name, f"an hOCR {what} without a bbox")
    x0, y0, x1, y1 = (round(float(value)) for value in found.groups())
    return Box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
