"""Tesseract's hOCR as paragraphs of words with their boxes, and the raw text it makes.

Raw text, as the OCR'd training pages have it: one line per `ocr_par` (its words joined by a
space, line after line), a blank line between paragraphs, and white space between two Chinese
characters or marks removed; everything else as tesseract gave it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

_BBOX = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_CJK = (
    r"\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"
    r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
)
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    box: tuple[int, int, int, int]  # left, top, right, bottom


@dataclass(slots=True)
class Paragraph:
    box: tuple[int, int, int, int]
    lines: list[list[Word]] = field(default_factory=list)

    @property
    def words(self) -> list[Word]:
        return [word for line in self.lines for word in line]

    @property
    def text(self) -> str:
        """The paragraph as one raw line."""
        joined = " ".join(" ".join(w.text for w in line) for line in self.lines if line)
        return tidy(joined)


def tidy(text: str) -> str:
    """White space between two Chinese characters (or marks) removed, the ends stripped."""
    return _SPACE_BETWEEN_CJK.sub("", text).strip()


def _box(element: ET.Element) -> tuple[int, int, int, int]:
    found = _BBOX.search(element.get("title", ""))
    if found is None:
        return (0, 0, 0, 0)
    left, top, right, bottom = (int(v) for v in found.groups())
    return (left, top, right, bottom)


def _classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def read_hocr(path: str | Path) -> list[Paragraph]:
    """The page's paragraphs in tesseract's reading order."""
    return parse_hocr(Path(path).read_text(encoding="utf-8"))


def parse_hocr(markup: str) -> list[Paragraph]:
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", markup, count=1))
    paragraphs = []
    for element in root.iter():
        if "ocr_par" not in _classes(element):
            continue
        paragraph = Paragraph(_box(element))
        for line in element:  # ocr_line, ocr_textfloat, ocr_caption, ocr_header
            words = [
                Word("".join(w.itertext()).strip(), _box(w))
                for w in line
                if "ocrx_word" in _classes(w)
            ]
            words = [w for w in words if w.text]
            if words:
                paragraph.lines.append(words)
        paragraphs.append(paragraph)
    return paragraphs
