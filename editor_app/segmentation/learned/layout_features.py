"""Line features from a page's layout (an OCR page's geometry), relative to the page itself.

Every measure is a ratio to something on the same page (the body's printed-line height, the
column's width), so it holds across scanners and resolutions: a title's printed lines are
tall against the body's, a heading centred in its column, a new article opens after a gap.
Pages without a layout get none of these attributes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from statistics import median

from editor_app.model.layout import BoxTuple, PageLayout

# Printed-line height against the page's body line height, in tenths.
HEIGHT_BUCKETS = (8, 12, 15, 20, 30)
# Paragraph width against the column width, in tenths.
WIDTH_BUCKETS = (3, 6, 9, 12, 18)
# Vertical gap against the body line height, in tenths.
GAP_BUCKETS = (3, 6, 10, 20, 40)
# Features a caller can leave out, one family at a time (to measure what each adds).
FAMILIES = ("h", "w", "n", "pos", "gap", "span", "col", "up")

PREFIX = "g:"  # every layout attribute starts with it


def _bucket(name: str, limits: tuple[int, ...], ratio: float) -> str:
    index = bisect_right(limits, ratio * 10)
    return f"g:{name}<{limits[index]}" if index < len(limits) else f"g:{name}=max"


class _Page:
    """The page's yardsticks: body line height, column width and the columns' left edges."""

    def __init__(self, layout: PageLayout) -> None:
        printed = [box for boxes in layout.lines for box in boxes]
        self.body = max(1.0, median(b[3] - b[1] for b in printed)) if printed else 1.0
        widths = sorted(b[2] - b[0] for b in printed)
        # Body lines fill their column: the upper half of the widths is the column width.
        self.column = max(1.0, float(widths[len(widths) * 3 // 4])) if widths else 1.0
        full = sorted(b[0] for b in printed if b[2] - b[0] >= 0.9 * self.column)
        # Every printed line by its foot, lowest first (then in reading order), with its raw
        # line: what `nearest_over` walks from a height upwards.
        self._by_foot = sorted(
            (-box[3], order, number, box)
            for order, (number, box) in enumerate(
                (number, box) for number, boxes in enumerate(layout.lines, 1) for box in boxes
            )
        )
        self.lefts: list[int] = []
        for x in full:
            if not self.lefts or x - self.lefts[-1] > 0.3 * self.column:
                self.lefts.append(x)

    def nearest_over(self, box: BoxTuple, number: int) -> tuple[BoxTuple | None, int]:
        """The printed line whose foot is nearest over `box` (a half body line of overlap
        allowed) and which stands over at least 0.3 of the narrower of the two, with the
        raw line it belongs to; (None, 0) when nothing prints over it."""
        limit = box[1] + self.body / 2
        start = bisect_left(self._by_foot, (-limit,))
        for _, _, owner, other in self._by_foot[start:]:
            if owner == number:
                continue
            overlap = min(box[2], other[2]) - max(box[0], other[0])
            if overlap >= 0.3 * min(box[2] - box[0], other[2] - other[0]):
                return other, owner
        return None, 0

    def column_left(self, x0: int) -> float:
        """The left edge of the column a box starting at `x0` stands in."""
        slack = 0.15 * self.column
        fitting = [left for left in self.lefts if left <= x0 + slack]
        return float(fitting[-1]) if fitting else float(x0)


def _around(boxes: tuple[BoxTuple, ...]) -> BoxTuple:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def layout_attributes(
    layout: PageLayout, numbers: list[int], skip: frozenset[str] = frozenset()
) -> list[tuple[list[str], list[str]]]:
    """(shared, own) layout attributes of each of the raw lines `numbers` (in page order).

    `shared` the neighbours see too (height, printed-line count); `own` only the line.
    """
    page = _Page(layout)
    found = [layout.boxes(number) for number in numbers]
    # Each paragraph's extent once: its own line and both neighbours read it.
    extents = [_around(boxes) if boxes else None for boxes in found]
    result = []
    for index, boxes in enumerate(found):
        if not boxes:
            result.append(([], []))
            continue
        previous = extents[index - 1] if index else None
        following = extents[index + 1] if index + 1 < len(found) else None
        shared, own = _line(page, boxes, extents[index], previous, following)
        if "g:col=first" in own:
            own += _above(page, layout, numbers[index], boxes)
        if skip:
            shared = [a for a in shared if _family(a) not in skip]
            own = [a for a in own if _family(a) not in skip]
        result.append((shared, own))
    return result


def _family(attribute: str) -> str:
    """`g:gap<6>` -> `gap`, `g:up.h<30` -> `up`: the family an attribute belongs to."""
    return re.split("[<=.]", attribute[2:], maxsplit=1)[0]


def _line(page: _Page, boxes, box: BoxTuple, above, below) -> tuple[list[str], list[str]]:
    """Attributes of a paragraph printed in `boxes` (their extent `box`), the paragraphs
    before and after it in reading order spanning `above` and `below` (None: no print)."""
    height = median(b[3] - b[1] for b in boxes)
    width = box[2] - box[0]
    shared = [_bucket("h", HEIGHT_BUCKETS, height / page.body)]
    shared.append(f"g:n={min(len(boxes), 4)}")
    own = [_bucket("w", WIDTH_BUCKETS, width / page.column)]
    if width > 1.5 * page.column:
        own.append("g:span=yes")
    own.append(_position(page, box))
    if above is not None:
        if above[3] > box[1] + page.body / 2:
            own.append("g:col=first")  # the line above ends lower: a new column starts here
        else:
            own.append(_bucket("gap", GAP_BUCKETS, (box[1] - above[3]) / page.body))
    else:
        own.append("g:col=first")
    if below is not None and below[1] >= box[3] - page.body / 2:
        own.append(_bucket("gap", GAP_BUCKETS, (below[1] - box[3]) / page.body) + ">")
    return shared, own


def _position(page: _Page, box: BoxTuple) -> str:
    """Where a paragraph stands in its column: flush left, indented, centred or right."""
    left = page.column_left(box[0])
    offset = (box[0] - left) / page.column
    width = (box[2] - box[0]) / page.column
    centre = (box[0] + box[2]) / 2 - (left + page.column / 2)
    if width < 0.9 and abs(centre) < 0.08 * page.column and offset > 0.05:
        return "g:pos=centre"
    if offset < 0.04:
        return "g:pos=left"
    return "g:pos=indent" if offset < 0.15 else "g:pos=right"


def _above(page: _Page, layout: PageLayout, number: int, boxes: tuple[BoxTuple, ...]) -> list[str]:
    """What stands on the page right above the first printed line of a paragraph that opens
    a column: nothing (the top of the page), or the nearest printed line over it, how far
    up, how tall its paragraph's print is and whether that paragraph is much wider.

    Reading order says nothing there (the line before is the foot of another column); the
    page does: a column under a wide title goes on its article, one under the end of a
    story below a small gap starts a new one.
    """
    first = boxes[0]
    nearest, owner = page.nearest_over(first, number)
    if nearest is None:
        return ["g:up=none"]
    printed = layout.boxes(owner)
    height = median(b[3] - b[1] for b in printed) / page.body
    found = [
        _bucket("up.gap", GAP_BUCKETS, (first[1] - nearest[3]) / page.body),
        _bucket("up.h", HEIGHT_BUCKETS, height),
    ]
    over, mine = _around(printed), _around(boxes)
    if over[2] - over[0] > 1.5 * (mine[2] - mine[0]):
        found.append("g:up=wide")
    return found
