"""One alignment of a corrected text with the raw text it was made from.

A run `(a, b, n)` says that text[a:a+n] corresponds to source[b:b+n], character by
character: here the text is an article's corrected text and the source its raw span.
Characters outside every run (an editor's insertion, a converted phrase of a different
length) have no single source character.

The same runs serve every use: exported provenance maps corrected characters back to raw
offsets (`RunMap.source_start`, `source_end`, `clip`), and splits and suggestion placement
map raw positions forward into the corrected text (`RunMap.text_position`,
`corrected_position`), so both always agree on where a character came from.

`DIFF` is the project's one diff_match_patch, shared with the diff views
(`readable_diff`). Its timeout is 0, no time limit: the same two texts must always give
the same runs (a timed-out diff depends on the machine's speed), and an article of a few
thousand characters diffs in milliseconds once equal lines are matched first.
"""

from __future__ import annotations

from bisect import bisect_right

from diff_match_patch import diff_match_patch

Run = tuple[int, int, int]

DIFF = diff_match_patch()
DIFF.Diff_Timeout = 0  # no time limit: see the module's docstring


def diff_runs(text: str, source: str) -> list[Run]:
    """The equal stretches of `text` and `source` as runs, in order.

    Lines are matched first; only changed lines are compared character by character,
    so an article with a few fixes per line costs little more than reading it.
    """
    if text == source:
        return [(0, 0, len(text))] if text else []
    encoded_text, encoded_source, lines = DIFF.diff_linesToChars(text, source)
    runs: list[Run] = []
    a = b = 0
    removed: list[str] = []
    added: list[str] = []
    line_diffs = DIFF.diff_main(encoded_text, encoded_source, False)
    # A blank line shared between two edits is no anchor: fold it into one changed block.
    DIFF.diff_cleanupSemantic(line_diffs)
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


def edits_between(before: str, after: str) -> list[tuple[int, int, str]]:
    """The edits `(start, end, text)` of `before` that make it `after`: the stretches
    between the runs both texts share, placed in `before` (see model/text_edits.py)."""
    edits = []
    a = b = 0
    for run_a, run_b, length in [*diff_runs(after, before), (len(after), len(before), 0)]:
        if run_a > a or run_b > b:
            edits.append((b, run_b, after[a:run_a]))
        a, b = run_a + length, run_b + length
    return edits


def _changed_block(runs: list[Run], old: str, new: str, a: int, b: int) -> tuple[int, int]:
    """Runs of one block of changed lines (text `old` at a, source `new` at b).

    Always a character diff, never a position-by-position comparison of lines of the
    same length: a character inserted and another deleted on one line would shift
    every character between them out of its run.
    """
    if old and new:
        for x, y, size in _char_runs(old, new):
            _append(runs, (a + x, b + y, size))
    return a + len(old), b + len(new)


def _char_runs(old: str, new: str) -> list[Run]:
    runs: list[Run] = []
    a = b = 0
    for op, chunk in DIFF.diff_main(old, new, False):
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
    """Positions of `text` mapped to `source` and back, through runs sorted by position.

    Runs go forward in both texts at once, so one sorted list serves both directions.
    """

    def __init__(self, runs: list[Run]) -> None:
        self.runs = runs
        self._starts = [run[0] for run in runs]
        self._source_starts: list[int] | None = None

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

    def text_position(self, source_pos: int, text_length: int, source_length: int) -> int:
        """Where the source character at `source_pos` ended up in the text.

        A character the editor replaced or deleted maps to where its stretch of changes
        starts; the source's end maps to the text's end. So a text cut at the images of
        two source positions keeps the editor's insertions with the source before them,
        and a replacement with the source it replaced.
        """
        if source_pos >= source_length:
            return text_length
        if self._source_starts is None:
            self._source_starts = [run[1] for run in self.runs]
        index = bisect_right(self._source_starts, source_pos) - 1
        if index < 0:
            return 0
        a, b, size = self.runs[index]
        return a + min(source_pos - b, size)

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


def corrected_position(raw: str, corrected: str, raw_pos: int) -> int:
    """Where the character at `raw_pos` of `raw` ended up in `corrected` (see text_position)."""
    if raw == corrected:
        return raw_pos
    mapping = RunMap(diff_runs(corrected, raw))
    return mapping.text_position(raw_pos, len(corrected), len(raw))


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


def readable_diff(before: str, after: str) -> list[tuple[int, str]]:
    """(op, text) pieces for a person to read: -1 deleted, 0 kept, 1 inserted.

    Cleaned up to whole words and phrases, unlike the runs, which keep every equal
    character they can.
    """
    diffs = DIFF.diff_main(before, after)
    DIFF.diff_cleanupSemantic(diffs)
    return [(op, text) for op, text in diffs if text]


def diff_in_context(before: str, after: str, context: int = 12) -> list[tuple[int, str]]:
    """The readable diff with each kept stretch cut to `context` characters beside a change.

    A cut is marked "…": a long article's diff reads as its changes and a few characters
    either side of each, not as the whole text.
    """
    pieces = readable_diff(before, after)
    if all(op == 0 for op, _ in pieces):
        return pieces
    out = []
    last = len(pieces) - 1
    for index, (op, text) in enumerate(pieces):
        if op == 0:
            text = _kept_in_context(text, context, first=index == 0, last=index == last)
        out.append((op, text))
    return out


def _kept_in_context(text: str, context: int, *, first: bool, last: bool) -> str:
    if first and len(text) > context:
        return "…" + text[-context:]
    if last and len(text) > context:
        return text[:context] + "…"
    if not first and not last and len(text) > 2 * context + 1:
        return text[:context] + "…" + text[-context:]
    return text
