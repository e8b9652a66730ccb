"""What the print tells about a cut: the join model's features from a page's layout.

A document read from hOCR, ALTO or PAGE has, per raw line (one OCR paragraph), the boxes of
its printed lines (`model/layout.py`). A paragraph that a column cut in two ends on a printed
line that fills the column, and goes on at the top of the next column without the indent a
new paragraph opens with; a paragraph's real end is usually a short line, and a heading or a
caption is printed taller or narrower. Every measure is a ratio to something on the same page
(the body's printed-line height, the column width, the paragraph's own lines), never pixels,
so that it holds across scanners and resolutions. The names start with `g:`; a cut gets none
of them when the page has no layout or either line has no box.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from editor_app.cleanup.join_cuts import Cut
from editor_app.model.layout import BoxTuple, PageLayout

PREFIX = "g:"
# The last printed line's reach against the paragraph's own lines (or the column's width).
FILL_FULL, FILL_PART = 0.9, 0.6
# A first-line indent in body heights: a Chinese character is about as wide as a line is tall.
INDENT_NONE, INDENT_CHARS = 0.5, 2.5
# Printed-line height against the body's.
HEIGHT_SMALL, HEIGHT_BIG, HEIGHT_HUGE = 0.85, 1.25, 1.8
# A paragraph's width against the column's.
WIDTH_NARROW, WIDTH_PART, WIDTH_WIDE = 0.6, 0.9, 1.5
# The vertical gap between the two lines, in body heights.
GAP_TIGHT, GAP_LOOSE = 0.6, 1.5


@dataclass(frozen=True, slots=True)
class PagePrint:
    """The page's yardsticks: the body's printed-line height and the column's width."""

    layout: PageLayout
    body: float
    column: float


def page_print(layout: PageLayout | None) -> PagePrint | None:
    """The yardsticks of a page with geometry; None without a layout or without a box."""
    if layout is None:
        return None
    printed = [box for boxes in layout.lines for box in boxes]
    if not printed:
        return None
    body = max(1.0, float(median(b[3] - b[1] for b in printed)))
    widths = sorted(b[2] - b[0] for b in printed)
    # Body lines fill their column: the upper quarter of the widths is the column width.
    column = max(1.0, float(widths[len(widths) * 3 // 4]))
    return PagePrint(layout, body, column)


def cut_geometry(cut: Cut, page: PagePrint) -> list[str]:
    """The geometry features of a cut, or none when either of its lines has no box."""
    above = page.layout.boxes(cut.first.number)
    below = page.layout.boxes(cut.second.number)
    if not above or not below:
        return []
    last, first = above[-1], below[0]
    fill = _fill(above, page)
    move = _move(last, first, page)
    indent = _indent(below, page)
    names = [
        f"g:fill{'' if len(above) > 1 else '1'}={fill}",
        f"g:move={move}",
        f"g:ind={indent}",
        f"g:ha={_height(above, page)}",
        f"g:hb={_height(below, page)}",
        f"g:wa={_width(above, page)}",
        f"g:wb={_width(below, page)}",
    ]
    if move == "down":
        names.append(f"g:gap={_gap(last, first, page)}")
        names.append(f"g:left={_step(first[0] - min(b[0] for b in above), page)}")
    return names


def _fill(boxes: tuple[BoxTuple, ...], page: PagePrint) -> str:
    """How far the paragraph's last printed line reaches: to its other lines' right edge
    (to the column's width for a paragraph of one printed line)."""
    last = boxes[-1]
    if len(boxes) > 1:
        left = min(b[0] for b in boxes)
        right = max(b[2] for b in boxes[:-1])
        ratio = (last[2] - left) / max(1, right - left)
    else:
        ratio = (last[2] - last[0]) / page.column
    if ratio >= FILL_FULL:
        return "full"
    return "part" if ratio >= FILL_PART else "short"


def _move(last: BoxTuple, first: BoxTuple, page: PagePrint) -> str:
    """Where the second paragraph starts from the first one's last printed line: below it
    in the same column, at the top of the next column (above and to the right), above it
    elsewhere, or below it in another column."""
    if first[1] < last[3] - page.body / 2:
        return "next" if first[0] > last[0] + page.column / 2 else "up"
    if first[2] < last[0] or first[0] > last[2]:
        return "jump"
    return "down"


def _indent(boxes: tuple[BoxTuple, ...], page: PagePrint) -> str:
    """The second paragraph's first-line indent against its own other lines ("one" when it
    has a single printed line)."""
    if len(boxes) < 2:
        return "one"
    return _step(boxes[0][0] - min(b[0] for b in boxes[1:]), page)


def _step(offset: float, page: PagePrint) -> str:
    """A horizontal offset in characters: none, one or two (an indent), more."""
    chars = offset / page.body
    if chars < -INDENT_NONE:
        return "out"
    if chars < INDENT_NONE:
        return "0"
    return "1-2" if chars < INDENT_CHARS else "more"


def _height(boxes: tuple[BoxTuple, ...], page: PagePrint) -> str:
    ratio = median(b[3] - b[1] for b in boxes) / page.body
    if ratio < HEIGHT_SMALL:
        return "small"
    if ratio < HEIGHT_BIG:
        return "body"
    return "big" if ratio < HEIGHT_HUGE else "huge"


def _width(boxes: tuple[BoxTuple, ...], page: PagePrint) -> str:
    ratio = (max(b[2] for b in boxes) - min(b[0] for b in boxes)) / page.column
    if ratio < WIDTH_NARROW:
        return "narrow"
    if ratio < WIDTH_PART:
        return "part"
    return "column" if ratio < WIDTH_WIDE else "wide"


def _gap(last: BoxTuple, first: BoxTuple, page: PagePrint) -> str:
    ratio = (first[1] - last[3]) / page.body
    if ratio < GAP_TIGHT:
        return "tight"
    return "loose" if ratio < GAP_LOOSE else "wide"
