"""Apply accepted suggestions to a text: pure, by offset, non-overlapping."""

from __future__ import annotations

from collections.abc import Iterable

from editor_app.model import Suggestion


class OverlapError(ValueError):
    """Two suggestions touch the same characters; only one of them can be applied."""


def apply_suggestions(text: str, suggestions: Iterable[Suggestion]) -> str:
    """Replace each suggestion's [start, end) with its `after`, checking `before` matches."""
    ordered = sorted(suggestions, key=lambda s: (s.start, s.end))
    parts: list[str] = []
    position = 0
    for suggestion in ordered:
        if suggestion.start < position:
            raise OverlapError(f"suggestion at offset {suggestion.start} overlaps the one before")
        if text[suggestion.start : suggestion.end] != suggestion.before:
            raise ValueError(
                f"text at {suggestion.start}:{suggestion.end} is not {suggestion.before!r}"
            )
        parts.append(text[position : suggestion.start])
        parts.append(suggestion.after)
        position = suggestion.end
    parts.append(text[position:])
    return "".join(parts)
