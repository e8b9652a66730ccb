"""Moving around a document's segments and suggestions: pure functions over loaded rows."""

from __future__ import annotations

from editor_app.model import NON_ARTICLE_KINDS
from editor_app.model.article import DONE_STATUSES, UNCERTAIN_BELOW


def segment_at_line(rows: list[dict], line: int) -> dict | None:
    return next((r for r in rows if r["start_line"] <= line <= r["end_line"]), None)


def neighbour(rows: list[dict], current_id: int | None, step: int) -> dict | None:
    """The segment `step` places from the current one in line order (None past the ends)."""
    ids = [r["id"] for r in rows]
    if not rows:
        return None
    if current_id not in ids:
        return rows[0] if step > 0 else rows[-1]
    position = ids.index(current_id) + step
    return rows[position] if 0 <= position < len(rows) else None


def waiting_for_review(row: dict) -> bool:
    """An article (no boilerplate, no noise) the editor has not reviewed or approved."""
    return row["kind"] not in NON_ARTICLE_KINDS and row["status"] not in DONE_STATUSES


def uncertain_boundary(row: dict) -> bool:
    """A proposed article start the segmenter was unsure of."""
    return row["kind"] not in NON_ARTICLE_KINDS and row["confidence"] < UNCERTAIN_BELOW


def next_unreviewed(rows: list[dict], current_id: int | None) -> dict | None:
    """The next article waiting for review after the current one in line order, else the
    first one before it: never one of another document. None when all are reviewed."""
    waiting = [r for r in rows if waiting_for_review(r) and r["id"] != current_id]
    ids = [r["id"] for r in rows]
    here = ids.index(current_id) if current_id in ids else -1
    later = [r for r in waiting if ids.index(r["id"]) > here]
    return (later or waiting or [None])[0]


def next_uncertain(rows: list[dict], current_id: int | None) -> dict | None:
    """Unreviewed uncertain segments by confidence, lowest first; the one after the current, cycling."""
    ranked = sorted(
        (r for r in rows if r["status"] not in DONE_STATUSES and r["confidence"] < UNCERTAIN_BELOW),
        key=lambda r: (r["confidence"], r["start_line"]),
    )
    if not ranked:
        return None
    ids = [r["id"] for r in ranked]
    if current_id not in ids:
        return ranked[0]
    return ranked[(ids.index(current_id) + 1) % len(ranked)]


def parse_line_range(text: str) -> tuple[int, int] | None:
    """ "12" -> (12, 12); "83-87" or "83–87" -> (83, 87); anything else -> None."""
    parts = text.replace("–", "-").replace(" ", "").split("-")
    if not 1 <= len(parts) <= 2 or not all(p.isdigit() for p in parts):
        return None
    first, last = int(parts[0]), int(parts[-1])
    return (first, last) if 0 < first <= last else None


def suggestion_from(suggestions: list, offset: int, step: int, passed=None):
    """The suggestion F8 (step > 0) or Shift+F8 (step < 0) goes to from a raw offset.

    Forward: the first one at or after the offset, the one the cursor stands in included.
    Backward: the last one starting before it. `passed` is the suggestion the editor was
    walked to and still stands on: the walk goes on from it instead, so pressing the key
    again moves on (and two suggestions at one place are each visited once).
    """
    ordered = sorted(suggestions, key=_in_text_order)
    if passed is not None:
        here = _in_text_order(passed)
        if step > 0:
            return next((s for s in ordered if _in_text_order(s) > here), None)
        return next((s for s in reversed(ordered) if _in_text_order(s) < here), None)
    if step > 0:
        return next((s for s in ordered if s.start >= offset or s.end > offset), None)
    return next((s for s in reversed(ordered) if s.start < offset), None)


def _in_text_order(suggestion) -> tuple[int, int]:
    return suggestion.start, suggestion.id or 0


def suggestions_in(suggestions: list, row: dict | None, lines) -> list:
    """The suggestions whose position lies within a segment's lines."""
    if row is None:
        return []
    return [s for s in suggestions if row["start_line"] <= s.line <= row["end_line"]]
