"""Remembering what a pure function of one line found: a page asks about a line many times.

The rules, the model's features and its decoder each look for a dateline or a byline in the
same lines. Answers are kept for the lines of about one page, and only for lines of ordinary
length, so that a pathological line is never held on to; what is kept must be immutable.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

T = TypeVar("T")
PAGE_LINES = 2048
LONGEST_KEPT = 1000


def per_line(function: Callable[[str], T]) -> Callable[[str], T]:
    """`function(text)`, worked out once for each recent line no longer than LONGEST_KEPT."""
    remembered = lru_cache(maxsize=PAGE_LINES)(function)

    @wraps(function)
    def lookup(text: str) -> T:
        return remembered(text) if len(text) <= LONGEST_KEPT else function(text)

    return lookup
