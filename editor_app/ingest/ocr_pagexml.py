"""PAGE XML (PRImA, 2009 to 2019 schemas): TextRegions of TextLines, with their TextEquiv.

Regions come in the order of the Page's ReadingOrder, those it leaves out after them as
written. A line's words are its Word elements when each has a text; otherwise the line's
own text is one word, boxed as the line. Coordinates are image pixels: `Coords/@points`
("x,y x,y …"), or `Point` children in the 2009 and 2010 schemas.
"""

from __future__ import annotations

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


def read_pagexml(root, name: str) -> OcrPage:
    tag = _namer(root)
    page = root.find(tag("Page"))
    if page is None:
        raise OcrFormatError(name, "the PAGE file holds no Page")
    try:
        width, height = int(page.get("imageWidth")), int(page.get("imageHeight"))
    except (TypeError, ValueError):
        raise OcrFormatError(name, "the PAGE Page has no imageWidth and imageHeight") from None
    reader = _Reader(tag, name)
    regions = _in_reading_order(page, list(page.iter(tag("TextRegion"))), tag)
    paragraphs = tuple(p for p in map(reader.region, regions) if p is not None)
    return OcrPage("page", width, height, page.get("imageFilename") or "", paragraphs)


def _namer(root):
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    return (lambda local: f"{{{namespace}}}{local}") if namespace else (lambda local: local)


def _in_reading_order(page, regions: list, tag) -> list:
    order = page.find(tag("ReadingOrder"))
    if order is None:
        return regions
    refs = [ref.get("regionRef") for ref in _references(order, tag)]
    rank = {}
    for ref in refs:
        rank.setdefault(ref, len(rank))
    last = len(rank)
    keyed = sorted((rank.get(r.get("id"), last), i) for i, r in enumerate(regions))
    return [regions[index] for _, index in keyed]


def _references(group, tag) -> list:
    """The region references of a group and the groups inside it, in their order."""
    children = list(group)
    if any(child.get("index") is not None for child in children):
        children.sort(key=lambda child: int(child.get("index") or 0))
    found = []
    for child in children:
        if child.get("regionRef") is not None:
            found.append(child)
        found += _references(child, tag)
    return found


class _Reader:
    def __init__(self, tag, name: str) -> None:
        self.tag = tag
        self.name = name

    def region(self, region) -> OcrParagraph | None:
        box = self.box(region)
        lines = [self.line(line) for line in region.iterfind(self.tag("TextLine"))]
        if not lines:  # a region transcribed as a whole: one line
            lines = [line_of([OcrWord(self.text(region), box)], box)]
        return paragraph_of(lines, box)

    def line(self, line) -> OcrLine | None:
        box = self.box(line)
        words = [
            OcrWord(self.text(word), self.box(word)) for word in line.iterfind(self.tag("Word"))
        ]
        if not words or not all(word.text.strip() for word in words):
            words = [OcrWord(self.text(line), box)]
        return line_of(words, box)

    def text(self, element) -> str:
        """The first TextEquiv's Unicode (the lowest `index` where they are numbered)."""
        equivalents = list(element.iterfind(self.tag("TextEquiv")))
        if not equivalents:
            return ""
        equivalents.sort(key=lambda e: int(e.get("index") or 0))
        return (equivalents[0].findtext(self.tag("Unicode")) or "").strip()

    def box(self, element) -> Box:
        coords = element.find(self.tag("Coords"))
        if coords is None:
            raise OcrFormatError(self.name, f"a PAGE {_local(element.tag)} without Coords")
        try:
            points = _points(coords, self.tag)
        except ValueError:
            raise OcrFormatError(
                self.name, f"unreadable Coords in a PAGE {_local(element.tag)}"
            ) from None
        if not points:
            raise OcrFormatError(self.name, f"empty Coords in a PAGE {_local(element.tag)}")
        xs, ys = [x for x, _ in points], [y for _, y in points]
        return Box(min(xs), min(ys), max(xs), max(ys))


def _points(coords, tag) -> list[tuple[int, int]]:
    text = coords.get("points")
    if text is not None:
        pairs = (pair.split(",") for pair in text.split())
        return [(round(float(x)), round(float(y))) for x, y in pairs]
    return [
        (round(float(p.get("x"))), round(float(p.get("y")))) for p in coords.iterfind(tag("Point"))
    ]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
