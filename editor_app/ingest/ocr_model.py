"""One page of OCR as the engines describe it: paragraphs of lines of words, each with a box.

Boxes are in page pixels, as integers, (x0, y0) the top left corner and (x1, y1) the bottom
right one. Every format's reader (ocr_alto, ocr_hocr, ocr_pagexml) produces these.
"""

from __future__ import annotations

from typing import NamedTuple


class Box(NamedTuple):
    x0: int
    y0: int
    x1: int
    y1: int

    @classmethod
    def around(cls, boxes) -> Box | None:
        """The smallest box holding all of `boxes`; None for none."""
        boxes = list(boxes)
        if not boxes:
            return None
        return cls(
            min(b.x0 for b in boxes),
            min(b.y0 for b in boxes),
            max(b.x1 for b in boxes),
            max(b.y1 for b in boxes),
        )


class OcrWord(NamedTuple):
    text: str
    box: Box


class OcrLine(NamedTuple):
    box: Box
    words: tuple[OcrWord, ...]


class OcrParagraph(NamedTuple):
    box: Box
    lines: tuple[OcrLine, ...]


class OcrPage(NamedTuple):
    """`format` is 'alto', 'hocr' or 'page'; `image` the image file the OCR names, or ''."""

    format: str
    width: int
    height: int
    image: str
    paragraphs: tuple[OcrParagraph, ...]


class OcrFormatError(ValueError):
    """An OCR file that cannot be read; `reason` says why, `name` which file."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def line_of(words: list[OcrWord], box: Box | None = None) -> OcrLine | None:
    """A line of the words that hold text, boxed as given or around them; None if empty."""
    kept = tuple(word for word in words if word.text.strip())
    if not kept:
        return None
    return OcrLine(box or Box.around(w.box for w in kept), kept)


def paragraph_of(lines: list[OcrLine | None], box: Box | None = None) -> OcrParagraph | None:
    """A paragraph of the lines that hold text; None if none does."""
    kept = tuple(line for line in lines if line is not None)
    if not kept:
        return None
    return OcrParagraph(box or Box.around(line.box for line in kept), kept)
