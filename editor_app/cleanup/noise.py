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
    lines = doc.lines
    for index, line in enumerate(lines):
        if line.is_blank or not doc.in_article(line.number) or not NOISE_RE.match(line.text):
            continue
        following = next((n for n in lines[index + 1 :] if not n.is_blank), None)
        if following is not None:
            start, end = line.start, following.start
        else:
            previous = next((p for p in reversed(lines[:index]) if not p.is_blank), None)
            start, end = (previous.end if previous else line.start), line.end
        reason = f"文章中孤立的页码或年份“{line.text.strip()}”"
        yield doc.suggestion(RULE, start, end, "", reason, 0.85, "孤立页码/年份→删除")
