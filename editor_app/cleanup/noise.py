"""Noise inside an article: a lone year or page number line (`2023`, `12`, `第6版`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor_app.cleanup.document import CleanupDocument
from editor_app.model import Suggestion

RULE = "noise"
NOISE_RE = re.compile(
    r"^[\s\u3000\u00a0]*(?:第\s*\d{1,3}\s*版|\d{1,3}|(?:19|20)\d{2}年?|[-—]\s*\d{1,3}\s*[-—])[\s\u3000\u00a0]*$"
)


def find(doc: CleanupDocument) -> Iterator[Suggestion]:
    index = doc.index
    for line in doc.lines:
        # The pattern first: it rules out almost every line (a blank one too) at once.
        if not NOISE_RE.match(line.text) or line.is_blank or not doc.in_article(line.number):
            continue
        following = index.next_nonblank(line.number)
        if following is not None:
            start, end = line.start, index.start(following)
        else:
            previous = index.previous_nonblank(line.number)
            start, end = (index.end(previous) if previous else line.start), line.end
        reason = f"文章中孤立的页码或年份“{line.text.strip()}”"
        yield doc.suggestion(RULE, start, end, "", reason, 0.85, "孤立页码/年份→删除")
