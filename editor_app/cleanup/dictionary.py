"""The project dictionary: every occurrence of a `wrong` entry becomes a suggestion."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from editor_app.cleanup.document import CleanupDocument
from editor_app.model import Suggestion

RULE = "dictionary"


@lru_cache(maxsize=32)
def _compiled(
    entries: tuple[tuple[str, str], ...],
) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One alternation over all entries, longest first so `漷县镇` wins over `漷县`."""
    table = {wrong: right for wrong, right in entries if wrong and wrong != right}
    if not table:
        return None, table
    alternatives = sorted(table, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alternatives))), table


def find(doc: CleanupDocument) -> Iterator[Suggestion]:
    pattern, table = _compiled(doc.dictionary)
    if pattern is None:
        return
    for match in pattern.finditer(doc.text):
        wrong = match.group()
        right = table[wrong]
        reason = f"项目词典：“{wrong}”应为“{right}”"
        yield doc.suggestion(
            RULE, match.start(), match.end(), right, reason, 1.0, f"{wrong}→{right}"
        )
