"""Raw page text -> proposed line roles, articles, metadata, confidence and reasons."""

from __future__ import annotations

from editor_app.model import Proposal, Segment, split_lines


def segment(text: str) -> Proposal:
    """Propose segments for normalised raw text (placeholder: one article per document)."""
    lines = [line for line in split_lines(text) if not line.is_blank]
    if not lines:
        return Proposal()
    article = Segment(kind="news", start=lines[0].number, end=lines[-1].number)
    return Proposal(segments=[article], roles={line.number: "body" for line in lines})
