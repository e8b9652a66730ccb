"""Alignment runs: which stretches of one text stand character for character for another.

A run `(a, b, n)` says that text[a:a+n] corresponds to source[b:b+n], character by
character. Characters outside every run (an editor's insertion, a converted phrase of a
different length) have no single source character.
"""

from __future__ import annotations

from bisect import bisect_right

from diff_match_patch import diff_match_patch

Run = tuple[int, int, int]

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # no time limit: the same texts must give the same runs every time


def diff_runs(text: str, source: str) -> list[Run]:
    """The equal stretches of `text` and `source` as runs, in order.

    Lines are matched first; only changed lines are compared character by character,
    so an article with a few fixes per line costs little more than reading it.
    """
    if text == source:
        return [(0, 0, len(text))] if text else []
    encoded_text, encoded_source, lines = _DMP.diff_linesToChars(text, source)
    runs: list[Run] = []
    a = b = 0
    removed: list[str] = []
    added: list[str] = []
    line_diffs = _DMP.diff_main(encoded_text, encoded_source, False)
    # A blank line shared between two edits is no anchor: fold it into one changed block.
    _DMP.diff_cleanupSemantic(line_diffs)
    for op, chunk in line_diffs:
        block = "".join([lines[ord(char)] for char in chunk])
        if op < 0:
            removed.append(block)
        elif op > 0:
            added.append(block)
        else:
            a, b = _changed_block(runs, "".join(removed), "".join(added), a, b)
            removed.clear(), added.clear()
            _append(runs, (a, b, len(block)))
            a += len(block)
            b += len(block)
    _changed_block(runs, "".join(removed), "".join(added), a, b)
    return runs


def _changed_block(runs: list[Run], old: str, new: str, a: int, b: int) -> tuple[int, int]:
    """Runs of one block of changed lines (text `old` at a, source `new` at b)."""
    if old and new:
        if len(old) == len(new) and _mostly_equal(old, new):
            pairs = _positional_runs(old, new)
        else:
            pairs = _char_runs(old, new)
        for x, y, size in pairs:
            _append(runs, (a + x, b + y, size))
    return a + len(old), b + len(new)


def _mostly_equal(old: str, new: str) -> bool:
    # Same length and few differing characters: characters were replaced, not moved.
    differing = sum(1 for x, y in zip(old, new, strict=True) if x != y)
    return differing * 10 <= len(old)


def _positional_runs(old: str, new: str) -> list[Run]:
    runs: list[Run] = []
    start = None
    for index, (x, y) in enumerate(zip(old, new, strict=True)):
        if x == y:
            if start is None:
                start = index
        elif start is not None:
            runs.append((start, start, index - start))
            start = None
    if start is not None:
        runs.append((start, start, len(old) - start))
    return runs


def _char_runs(old: str, new: str) -> list[Run]:
    runs: list[Run] = []
    a = b = 0
    for op, chunk in _DMP.diff_main(old, new, False):
        size = len(chunk)
        if op == 0:
            runs.append((a, b, size))
            a += size
            b += size
        elif op < 0:
            a += size
        else:
            b += size
    return runs


class RunMap:
    """Positions of `text` mapped to `source` through runs sorted by text position."""

    def __init__(self, runs: list[Run]) -> None:
        self.runs = runs
        self._starts = [run[0] for run in runs]

    def source_start(self, pos: int) -> int:
        """Source position of text[pos]; for a character without one, where it was put in."""
        index = bisect_right(self._starts, pos) - 1
        if index < 0:
            return 0
        a, b, size = self.runs[index]
        return b + min(pos - a, size)

    def source_end(self, end: int) -> int:
        """Source position just past the character text[end - 1] came from."""
        index = bisect_right(self._starts, end - 1) - 1
        if index < 0:
            return 0
        a, b, size = self.runs[index]
        return b + min(end - a, size)

    def clip(self, lo: int, hi: int, *, base: int = 0) -> list[Run]:
        """The runs inside text[lo:hi], with text positions from lo and source + base."""
        index = max(bisect_right(self._starts, lo) - 1, 0)
        clipped: list[Run] = []
        for a, b, size in self.runs[index:]:
            if a >= hi:
                break
            first, last = max(a, lo), min(a + size, hi)
            if first < last:
                clipped.append((first - lo, b + first - a + base, last - first))
        return clipped


def compose(outer: list[Run], inner: list[Run]) -> list[Run]:
    """Runs new -> source from runs new -> middle (`outer`) and middle -> source (`inner`)."""
    result: list[Run] = []
    for a, b, size in outer:
        for c, d, length in inner:
            first, last = max(b, c), min(b + size, c + length)
            if first < last:
                _append(result, (a + first - b, d + first - c, last - first))
    return result


def _append(runs: list[Run], run: Run) -> None:
    """Add a run, joining it to the previous one when both continue each other."""
    if runs:
        a, b, size = runs[-1]
        if a + size == run[0] and b + size == run[1]:
            runs[-1] = (a, b, size + run[2])
            return
    runs.append(run)
