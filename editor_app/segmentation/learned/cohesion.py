"""Lexical cohesion across a line: do the text above it and the text below it share words?

A new article changes the subject, a subhead does not: the pairs of adjacent Chinese
characters in the lines just above a line and in those just below it overlap less when the
line opens another story. And a title's words come back in its own story: a heading shares
more pairs with the text below it than with the text above it. Pairs survive OCR's misreads
well enough (a wrong character spoils two pairs of the hundreds on either side), so this
reads alike on clean and OCR'd pages, and it needs nothing but the page itself.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

# Characters of text each side takes: whole lines, up to this many or just past it.
WINDOW = 200
# Of a line longer than this, a side takes the characters nearest to the line only.
LONG = 2 * WINDOW
# Shares of pairs the two sides have in common (of the smaller side), as bucket limits.
OVERLAP_BUCKETS = (0.01, 0.025, 0.05, 0.08, 0.12)
_OVERLAP_NAMES = (*(f"coh<{limit}" for limit in OVERLAP_BUCKETS), "coh=hi")
# Shares of the line's own pairs found on one side: none, a few, some, half or more.
_ECHO_LIMITS = (0.2, 0.5)
_ECHO_SHARES = ("lo", "mid", "hi")
_NOT_CHINESE = re.compile(r"[^\u4e00-\u9fff]+")


def pairs_of(text: str) -> set[int]:
    """The pairs of adjacent Chinese characters of a line, each as one number (the two code
    points side by side), what is not Chinese left out (a pair may span a mark)."""
    data = _NOT_CHINESE.sub("", text).encode("utf-32-le")
    # Eight bytes read as one number are two characters: those from the first character,
    # then those from the second, cover every adjacent pair.
    size = len(data)
    found = set(array("Q", data[: size - size % 8]))
    size -= 4
    if size >= 8:
        found.update(array("Q", data[4 : 4 + size - size % 8]))
    return found


def sides(lengths: list[int]) -> list[tuple[int, int]]:
    """Per line, the slice bounds of the lines above it and below it that each side takes:
    going away from the line, whole lines until WINDOW characters or the page's end."""
    count = len(lengths)
    found = []
    first, above = 0, 0  # the side above: lines first..index-1, `above` characters
    stop, below = 1, 0  # the side below: lines index+1..stop-1, `below` characters
    for index in range(count):
        while first < index and above - lengths[first] >= WINDOW:
            above -= lengths[first]
            first += 1
        if stop <= index:
            stop, below = index + 1, 0
        while below < WINDOW and stop < count:
            below += lengths[stop]
            stop += 1
        found.append((first, stop))
        above += lengths[index]
        if stop > index + 1:
            below -= lengths[index + 1]
    return found


def overlaps(texts: list[str]) -> list[float | None]:
    """Per line, the share of pairs the lines above it and the lines below it have in common,
    of the smaller side; None at either end of the page, where one side is empty."""
    return [None if found is None else found[0] for found in _measures(texts)]


def cohesion_attributes(texts: list[str]) -> list[list[str]]:
    """Per line: the bucket of its overlap (`overlaps`); which side its own pairs come back
    on more (`echo=up`, `echo=down`, `echo=both`, `echo=none`); and how many of them come
    back on each (`eu=`, `ed=`: 0, lo, mid, hi). Nothing at either end of the page."""
    attributes = []
    for found in _measures(texts):
        if found is None:
            attributes.append([])
            continue
        overlap, own, up, down = found
        names = [_OVERLAP_NAMES[bisect_right(OVERLAP_BUCKETS, overlap)], _direction(up, down)]
        if own:
            names += ["eu=" + _echo_share(up, own), "ed=" + _echo_share(down, own)]
        attributes.append(names)
    return attributes


def _measures(texts: list[str]) -> list[tuple[float, int, int, int] | None]:
    """Per line (overlap of the sides, own pairs, of them found above, found below)."""
    pairs = [pairs_of(text) for text in texts]
    # A side takes of a long line only the end nearest to it, so that one huge line among
    # short ones is not counted in full for each of them.
    heads = [
        _end_pairs(text, own, slice(None, LONG)) for text, own in zip(texts, pairs, strict=True)
    ]
    tails = [
        _end_pairs(text, own, slice(-LONG, None)) for text, own in zip(texts, pairs, strict=True)
    ]
    union = set().union
    found: list[tuple[float, int, int, int] | None] = []
    for index, (first, stop) in enumerate(sides([len(text) for text in texts])):
        # A side of one line is that line's own set (most of an OCR'd page's sides).
        above = tails[first] if first == index - 1 else union(*tails[first:index])
        below = heads[stop - 1] if stop == index + 2 else union(*heads[index + 1 : stop])
        if not (above and below):
            found.append(None)
            continue
        own = pairs[index]
        overlap = len(above & below) / min(len(above), len(below))
        found.append((overlap, len(own), len(own & above), len(own & below)))
    return found


def _end_pairs(text: str, own: set[int], end: slice) -> set[int]:
    """The pairs of one end of a long line (`end` of it); of a line no longer, all of them."""
    return pairs_of(text[end]) if len(text) > LONG else own


def _direction(up: int, down: int) -> str:
    if up == down:
        return "echo=none" if up == 0 else "echo=both"
    return "echo=down" if down > up else "echo=up"


def _echo_share(count: int, own: int) -> str:
    if count == 0:
        return "0"
    return _ECHO_SHARES[bisect_right(_ECHO_LIMITS, count / own)]
