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
    """The equal stretches of `text` and `source` as runs, in order."""
    runs: list[Run] = []
    a = b = 0
    for op, chunk in _DMP.diff_main(text, source, False):
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


def shifted(runs: list[Run], offset: int) -> list[Run]:
    return [(a + offset, b, size) for a, b, size in runs]


def _append(runs: list[Run], run: Run) -> None:
    """Add a run, joining it to the previous one when both continue each other."""
    if runs:
        a, b, size = runs[-1]
        if a + size == run[0] and b + size == run[1]:
            runs[-1] = (a, b, size + run[2])
            return
    runs.append(run)
