"""Edits of an article's text, and the fields copied from its lines that follow them.

An edit `(start, end, after)` replaces text[start:end] with `after`; the edits of one
change never overlap and are all placed in the text as it was before any of them.

The segmenter copies a heading or a dateline from the article's lines (several lines of
one role joined by a blank). A fix of those lines is a fix of the field: each part of the
field is found in the text, in order, and the edits that fall inside it are made to it
too. A field that is not found in the text (the editor typed something else) is left as
it is.
"""

from __future__ import annotations

TextEdit = tuple[int, int, str]
PART_SEPARATOR = " "  # how the segmenter joins the lines of one role


def apply_edits(text: str, edits: list[TextEdit]) -> str:
    """The text with every edit made (positions are those of the text as given)."""
    for start, end, after in sorted(edits, reverse=True):
        text = text[:start] + after + text[end:]
    return text


def follow_edits(value: str, text: str, edits: list[TextEdit]) -> str:
    """A field copied from `text`, with the edits that fall inside its parts made to it."""
    if not value or not edits:
        return value
    parts, searched_from = [], 0
    for part in value.split(PART_SEPARATOR):
        found = text.find(part, searched_from) if part else -1
        if found < 0:
            parts.append(part)
            continue
        end = found + len(part)
        inside = [(s - found, e - found, a) for s, e, a in edits if found <= s and e <= end]
        parts.append(apply_edits(part, inside))
        searched_from = end
    return PART_SEPARATOR.join(parts)
