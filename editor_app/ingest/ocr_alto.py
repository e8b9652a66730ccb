"""ALTO (v1–v4, and the older CCS namespace): TextBlocks of TextLines of Strings.

Coordinates are in the file's MeasurementUnit: `pixel`, `mm10` (tenths of a millimetre) or
`inch1200`. ALTO names no resolution for the latter two; they are read as a scan of
ASSUMED_DPI, the resolution archives scan newspapers at, so the boxes keep the page's shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

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
from editor_app.ingest.ocr_text import PageText, join_words, joined_paragraphs

ASSUMED_DPI = 300
# Measurement units per inch; a pixel is taken as it is.
_UNITS_PER_INCH = {"mm10": 254.0, "inch1200": 1200.0}


def read_alto(root, name: str) -> OcrPage:
    """The first page of an ALTO document (an ALTO file holds one page in practice)."""
    layout = _layout(root, name)
    reader = _BlockReader(layout.tag, layout.scale, name, (layout.width, layout.height))
    paragraphs = tuple(p for p in map(reader.paragraph, layout.blocks) if p is not None)
    return OcrPage("alto", layout.width, layout.height, layout.image, paragraphs)


def read_alto_text(root, name: str, reader=None) -> PageText | None:
    """The raw text and line boxes of a plain ALTO page, read without making its words.

    Plain: pixel units, whole numbers, every line and word boxed inside the page. That is
    how engines write ALTO, and such a page needs no word objects to check: its strings
    are read straight into the paragraphs' text. Anything else gives None, and the page
    is read by `read_alto`, which accepts or refuses it with its reason; the raw text
    is the same either way (`derive_text` of `read_alto`). `reader(tag, width, height)`
    makes the PlainReader that reads the blocks (ocr_alto_bytes gives one reading the
    lines' strings from the file's bytes).
    """
    layout = _layout(root, name)
    if layout.scale != 1.0 or layout.width <= 0 or layout.height <= 0:
        return None
    reading = (reader or PlainReader)(layout.tag, layout.width, layout.height)
    try:
        paragraphs = [p for p in map(reading.paragraph, layout.blocks) if p is not None]
    except NotPlain:
        return None
    if not paragraphs:
        return None
    text, line_boxes = joined_paragraphs(paragraphs)
    return PageText("alto", layout.width, layout.height, layout.image, text, line_boxes)


class _Layout(NamedTuple):
    tag: Callable[[str], str]
    scale: float
    image: str
    width: int
    height: int
    blocks: list  # the TextBlocks in reading order


def _layout(root, name: str) -> _Layout:
    """The page's unit, image, size and text blocks; OcrFormatError when it has none."""
    tag = _namer(root)
    scale = _scale(root.findtext(f"{tag('Description')}/{tag('MeasurementUnit')}"), name)
    image = root.findtext(f"{tag('Description')}/{tag('sourceImageInformation')}/{tag('fileName')}")
    page = root.find(f"{tag('Layout')}/{tag('Page')}")
    if page is None:
        raise OcrFormatError(name, "the ALTO file holds no Layout/Page")
    width, height = _page_size(page, scale, name)
    blocks = _in_reading_order(root, list(page.iter(tag("TextBlock"))), tag)
    return _Layout(tag, scale, (image or "").strip(), width, height, blocks)


def _namer(root):
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if namespace:
        return lambda local: f"{{{namespace}}}{local}"
    return lambda local: local


def _scale(unit: str | None, name: str) -> float:
    unit = (unit or "pixel").strip()
    if unit == "pixel":
        return 1.0
    if unit not in _UNITS_PER_INCH:
        raise OcrFormatError(name, f"unknown ALTO MeasurementUnit {unit!r}")
    return ASSUMED_DPI / _UNITS_PER_INCH[unit]


def _page_size(page, scale: float, name: str) -> tuple[int, int]:
    try:
        return round(float(page.get("WIDTH")) * scale), round(float(page.get("HEIGHT")) * scale)
    except (TypeError, ValueError):
        raise OcrFormatError(name, "the ALTO Page has no WIDTH and HEIGHT") from None


def _in_reading_order(root, blocks: list, tag) -> list:
    """Blocks in the order of ALTO 4's ReadingOrder where it names them, else as written."""
    refs = [
        ref.get("REF")
        for ref in root.iterfind(f"{tag('ReadingOrder')}//{tag('ElementRef')}")
        if ref.get("REF")
    ]
    if not refs:
        return blocks
    rank = {ref: index for index, ref in enumerate(refs)}
    last = len(rank)
    keyed = [(rank.get(block.get("ID"), last), index) for index, block in enumerate(blocks)]
    return [blocks[index] for _, index in sorted(keyed)]


class _BlockReader:
    """Reads TextBlocks of one file: its tag names, unit and name, given once."""

    def __init__(self, tag, scale: float, name: str, size: tuple[int, int]) -> None:
        self.line_tag, self.string_tag, self.hyp_tag = tag("TextLine"), tag("String"), tag("HYP")
        self.scale = scale
        self.name = name
        self.size = size

    def paragraph(self, block) -> OcrParagraph | None:
        lines = [self.line(element) for element in block.iter(self.line_tag)]
        return paragraph_of(lines, self.box(block) if block.get("HPOS") else None)

    def line(self, element) -> OcrLine | None:
        words: list[OcrWord] = []
        for child in element:
            if child.tag == self.string_tag:
                words.append(OcrWord(child.get("CONTENT") or "", self.box(child)))
            elif child.tag == self.hyp_tag and words:  # the hyphen printed at the line's end
                last = words[-1]
                words[-1] = OcrWord(last.text + (child.get("CONTENT") or ""), last.box)
        return line_of(words, self.box(element) if element.get("HPOS") else None)

    def box(self, element) -> Box:
        get = element.get
        try:
            x, y, w, h = (
                _number(get("HPOS")),
                _number(get("VPOS")),
                _number(get("WIDTH")),
                _number(get("HEIGHT")),
            )
        except (TypeError, ValueError):
            raise OcrFormatError(
                self.name, f"an ALTO {_local(element.tag)} without HPOS, VPOS, WIDTH and HEIGHT"
            ) from None
        s = self.scale
        if s == 1.0:
            if all(type(v) is int for v in (x, y, w, h)) and w >= 0 and h >= 0:
                return Box(x, y, x + w, y + h)
            return _ordered(round(x), round(y), round(x + w), round(y + h))
        width, height = self.size
        x0, x1 = _converted(x, s, width), _converted(x + w, s, width)
        y0, y1 = _converted(y, s, height), _converted(y + h, s, height)
        return _ordered(x0, y0, x1, y1)


class NotPlain(Exception):
    """The page is not plain (see `read_alto_text`): `read_alto` must read it."""


class PlainReader:
    """Reads the TextBlocks of a plain page into (text, line boxes); NotPlain otherwise.

    It checks more than `read_alto` does (every line and string, kept or not, boxed in
    whole pixels inside the page), so whatever it reads `read_alto` reads the same.
    """

    def __init__(self, tag, width: int, height: int) -> None:
        self.line_tag, self.string_tag, self.hyp_tag = tag("TextLine"), tag("String"), tag("HYP")
        self.width, self.height = width, height

    def paragraph(self, block) -> tuple[str, tuple[Box, ...]] | None:
        if block.get("HPOS"):
            self.box(block)  # the paragraph's box, which must lie on the page too
        words: list[str] = []
        boxes: list[Box] = []
        for line in block.iter(self.line_tag):
            texts = self.words(line)
            box = self.box(line)
            if "".join(texts).strip():  # a line of no text is left out, as `line_of` does
                words += texts
                boxes.append(box)
        return (join_words(words), tuple(boxes)) if boxes else None

    def words(self, line) -> list[str]:
        """The line's strings, each checked inside the page.

        The hot loop of an import: `box`'s check is written out here rather than called.
        """
        if line.find(self.hyp_tag) is not None:
            return self.hyphenated_words(line)
        width, height = self.width, self.height
        texts = []
        try:
            for string in line.iterchildren(self.string_tag):
                get = string.get
                x, y, w, h = (
                    int(get("HPOS")),
                    int(get("VPOS")),
                    int(get("WIDTH")),
                    int(get("HEIGHT")),
                )
                if x < 0 or y < 0 or w < 0 or h < 0 or x + w > width or y + h > height:
                    raise NotPlain
                texts.append(get("CONTENT") or "")
        except (TypeError, ValueError):
            raise NotPlain from None
        return texts

    def hyphenated_words(self, line) -> list[str]:
        """The strings of a line with a HYP: its hyphen joins the string before it."""
        texts: list[str] = []
        for child in line.iterchildren(self.string_tag, self.hyp_tag):
            if child.tag == self.string_tag:
                self.box(child)
                texts.append(child.get("CONTENT") or "")
            elif texts:
                texts[-1] += child.get("CONTENT") or ""
        return texts

    def box(self, element) -> Box:
        get = element.get
        try:
            x, y, w, h = int(get("HPOS")), int(get("VPOS")), int(get("WIDTH")), int(get("HEIGHT"))
        except (TypeError, ValueError):
            raise NotPlain from None
        if x < 0 or y < 0 or w < 0 or h < 0 or x + w > self.width or y + h > self.height:
            raise NotPlain
        return Box(x, y, x + w, y + h)


def _number(text: str) -> int | float:
    """An ALTO coordinate: most files write integers, some decimals."""
    try:
        return int(text)
    except ValueError:
        return float(text)


def _converted(value: float, scale: float, limit: int) -> int:
    """A coordinate in pixels; one on the page's edge may round a pixel past it: kept on."""
    pixels = round(value * scale)
    return limit if limit < pixels <= limit + 1 else pixels


def _ordered(x0: int, y0: int, x1: int, y1: int) -> Box:
    return Box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
