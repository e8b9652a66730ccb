"""A page split into lines once, with offsets both ways.

Lines are numbered from 1, as the gold format and the stored articles count them; a
line's [start, end) offsets leave out its newline. The index is built once per page (an
import builds it in the worker and hands it to segmentation and cleanup) and is cheap:
one `split` and one running sum. The `Line` objects are made only when asked for.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document: 1-based number and [start, end) offsets without the newline."""

    number: int
    start: int
    end: int
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


class LineIndex:
    """The lines of one normalised text (newlines already "\\n"), looked up fast."""

    __slots__ = ("text", "texts", "starts", "_lines")

    def __init__(self, text: str) -> None:
        self.text = text
        self.texts = text.split("\n")  # each line's text, without its newline
        starts = list(accumulate((len(part) + 1 for part in self.texts), initial=0))
        starts.pop()  # the last sum is one past the end of the text: no line starts there
        self.starts = starts  # starts[n - 1] is where line n starts
        self._lines: list[Line] | None = None

    @classmethod
    def of(cls, text: str | LineIndex) -> LineIndex:
        """The index itself, or one built for a plain text."""
        return text if isinstance(text, LineIndex) else cls(text)

    # -- the lines as a sequence of Line ---------------------------------------------------

    @property
    def lines(self) -> list[Line]:
        """Every line as a `Line`, made on first use."""
        if self._lines is None:
            numbered = zip(range(1, len(self.texts) + 1), self.starts, self.texts, strict=True)
            self._lines = [Line(n, start, start + len(text), text) for n, start, text in numbered]
        return self._lines

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index):
        return self.lines[index]

    def __iter__(self) -> Iterator[Line]:
        return iter(self.lines)

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    # -- offsets ---------------------------------------------------------------------------

    def start(self, number: int) -> int:
        """Offset of line `number`'s first character."""
        return self.starts[number - 1]

    def end(self, number: int) -> int:
        """Offset just past line `number`'s last character (its newline is not included)."""
        return self.starts[number - 1] + len(self.texts[number - 1])

    def number_at(self, offset: int, first: int = 1) -> int:
        """The number of the line that holds `offset` (a newline belongs to its line).

        `first` is a line known to start at or before `offset`: scans in order pass the
        last line found, so each look-up searches only what lies ahead.
        """
        return bisect_right(self.starts, offset, first - 1)

    def line_at(self, offset: int) -> Line:
        return self.lines[self.number_at(offset) - 1]

    # -- blank lines -----------------------------------------------------------------------

    def is_blank(self, number: int) -> bool:
        """Whether the line holds nothing but white space (or nothing at all)."""
        return not self.texts[number - 1].strip()

    def next_nonblank(self, number: int) -> int | None:
        """The first non-blank line after line `number`, or None."""
        texts = self.texts
        for index in range(number, len(texts)):
            if texts[index].strip():
                return index + 1
        return None

    def previous_nonblank(self, number: int) -> int | None:
        """The last non-blank line before line `number`, or None."""
        texts = self.texts
        for index in range(min(number, len(texts) + 1) - 2, -1, -1):
            if texts[index].strip():
                return index + 1
        return None

    def nonblank_numbers(self, first: int = 1, last: int | None = None) -> list[int]:
        """The numbers of the non-blank lines from `first` to `last` (both included)."""
        texts = self.texts
        stop = len(texts) if last is None else min(last, len(texts))
        return [n for n in range(max(first, 1), stop + 1) if texts[n - 1].strip()]
