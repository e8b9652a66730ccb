"""Plain text as OCR engines print it: one line of text per printed line.

Such a text has lines of about the same length, most of them cut in the middle of a
sentence, and a paragraph ends on a shorter line. It is analysed paragraph-wise: the
segmenter reads a view with one line per paragraph (a blank line between them), and what
it proposes is carried back to the raw lines, which stay as they are.
"""

from __future__ import annotations

import dataclasses

from editor_app.model import LineIndex, Proposal

MIN_LINES = 8  # fewer lines tell nothing about their shape
FULL = 0.8  # a line at least this share of the usual width runs to the column's edge
MIN_FULL_SHARE = 0.5
MIN_CUT_SHARE = 0.5  # of the full lines, this many end mid-sentence
MIN_PROSE_SHARE = 0.5  # of the paragraphs of several lines, this many end a sentence
_SENTENCE_ENDS = set("。！？!?…；;：:”’」』)）")

Run = tuple[int, int]  # the first and last raw line of one paragraph


def printed_paragraphs(lines: LineIndex) -> list[Run] | None:
    """The paragraphs of a text printed line by line; None when it is not printed so."""
    numbers = lines.nonblank_numbers()
    if len(numbers) < MIN_LINES:
        return None
    lengths = sorted(len(lines.texts[n - 1].strip()) for n in numbers)
    width = lengths[len(lengths) * 3 // 4]  # the usual length of a full line
    full = [n for n in numbers if len(lines.texts[n - 1].strip()) >= FULL * width]
    if len(full) < MIN_FULL_SHARE * len(numbers):
        return None
    cut = [n for n in full if lines.texts[n - 1].strip()[-1] not in _SENTENCE_ENDS]
    if len(cut) < MIN_CUT_SHARE * len(full):
        return None
    runs = _paragraphs(lines, numbers, FULL * width)
    # Prose: its paragraphs end a sentence (a listing of names and dates has full lines too).
    long_runs = [last for first, last in runs if last > first]
    ended = [n for n in long_runs if lines.texts[n - 1].strip()[-1] in _SENTENCE_ENDS]
    if not long_runs or len(ended) < MIN_PROSE_SHARE * len(long_runs):
        return None
    return runs


def _paragraphs(lines: LineIndex, numbers: list[int], full: float) -> list[Run]:
    """A paragraph runs on while its lines are full and the next line follows at once."""
    runs: list[Run] = []
    first = numbers[0]
    for number, following in zip(numbers, [*numbers[1:], None], strict=True):
        ends = (
            following is None
            or following != number + 1
            or len(lines.texts[number - 1].strip()) < full
        )
        if ends:
            runs.append((first, number))
            if following is not None:
                first = following
    return runs


def paragraph_view(lines: LineIndex, runs: list[Run]) -> str:
    """One line per paragraph, its printed lines joined, a blank line between paragraphs."""
    return "\n\n".join(
        "".join(lines.texts[n - 1].strip() for n in range(first, last + 1)) for first, last in runs
    )


def lift(proposal: Proposal, runs: list[Run]) -> Proposal:
    """A proposal over `paragraph_view`'s lines, carried back to the raw lines."""

    def first(view_line: int) -> int:
        return runs[(view_line - 1) // 2][0]

    def last(view_line: int) -> int:
        return runs[(view_line - 1) // 2][1]

    def roles(view_roles: dict[int, str]) -> dict[int, str]:
        lifted: dict[int, str] = {}
        for view_line, role in view_roles.items():
            if view_line % 2:  # blank view lines stand for no raw line
                lifted.update((n, role) for n in range(first(view_line), last(view_line) + 1))
        return lifted

    segments = [
        dataclasses.replace(
            segment, start=first(segment.start), end=last(segment.end), roles=roles(segment.roles)
        )
        for segment in proposal.segments
    ]
    return Proposal(segments, roles(proposal.roles))
