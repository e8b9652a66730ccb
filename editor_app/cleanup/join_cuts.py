"""Where a paragraph may have been cut: two lines, one after the other, in one article.

Never across an article boundary, never after a title, kicker or byline. A line the proposal
calls a subhead or subtitle may still be the first half of a cut paragraph, and a "subhead"
the second half: OCR cuts paragraphs into short lines that look like headings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from editor_app.cleanup.chars import SPACES
from editor_app.cleanup.document import CleanupDocument
from editor_app.model import Line

MAYBE_CUT_BODY = frozenset({"subhead", "subtitle"})
# OCR cuts paragraphs into short lines that a proposal may take for subheads.
MAY_GO_ON = frozenset({"body", "subhead"})


@dataclass(frozen=True, slots=True)
class Cut:
    """A break between two lines; `a` and `b` are their texts without edge blanks."""

    first: Line
    second: Line
    a: str
    b: str
    role_a: str
    role_b: str
    lead: bool  # `first` is the first body line under a heading
    before: str = ""  # the line above `first` in the same article


def cuts(doc: CleanupDocument) -> Iterator[Cut]:
    """Every break a join may remove, in line order."""
    lines = doc.nonblank()
    roles = [doc.role(line.number) for line in lines]
    segments = [doc.segment_of(line.number) for line in lines]
    for index in range(len(lines) - 1):
        role_a, role_b = roles[index], roles[index + 1]
        if not _may_be_cut(role_a) or role_b not in MAY_GO_ON:
            continue
        segment = segments[index]
        if segment is None or not segment.is_article or segments[index + 1] is not segment:
            continue
        first, second = lines[index], lines[index + 1]
        yield Cut(
            first,
            second,
            first.text.strip(SPACES),
            second.text.strip(SPACES),
            role_a,
            role_b,
            lead=index == 0 or roles[index - 1] != "body",
            before=_line_above(lines, segments, index, segment),
        )


def _may_be_cut(role: str | None) -> bool:
    return role == "body" or role in MAYBE_CUT_BODY


def _line_above(lines: list[Line], segments: list, index: int, segment) -> str:
    """The text of the line above lines[index] when it is in the same article, else ""."""
    if index > 0 and segments[index - 1] is segment:
        return lines[index - 1].text.strip(SPACES)
    return ""
