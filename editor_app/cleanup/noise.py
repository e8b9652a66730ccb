"""Noise inside an article: a lone year or page number line (`2023`, `12`, `第6版`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor_app.cleanup.document import CleanupDocument
from editor_app.model import Line, Suggestion

RULE = "noise"
NOISE_RE = re.compile(
    r"^[\s\u3000\u00a0]*(?:第\s*\d{1,3}\s*版|\d{1,3}|(?:19|20)\d{2}年?|[-—]\s*\d{1,3}\s*[-—])[\s\u3000\u00a0]*$"
)


def find(doc: CleanupDocument) -> Iterator[Suggestion]:
    lines = doc.lines
    for index, line in enumerate(lines):
        # The pattern first: it rules out almost every line (a blank one too) at once.
        if not NOISE_RE.match(line.text) or line.is_blank or not doc.in_article(line.number):
            continue
        # Looked for from `index` on, never in a copy of the list: a page of many such
        # lines would copy the whole list for each.
        following = _nonblank(lines, range(index + 1, len(lines)))
        if following is not None:
            start, end = line.start, following.start
        else:
            previous = _nonblank(lines, range(index - 1, -1, -1))
            start, end = (previous.end if previous else line.start), line.end
        reason = f"文章中孤立的页码或年份“{line.text.strip()}”"
        yield doc.suggestion(RULE, start, end, "", reason, 0.85, "孤立页码/年份→删除")


def _nonblank(lines: list[Line], indexes: range) -> Line | None:
    """The first line at these indexes that is not blank."""
    return next((lines[i] for i in indexes if not lines[i].is_blank), None)
