"""Raw page text -> proposed line roles, articles, metadata, confidence and reasons.

Entry point: `segment(text)`; helpers for the gold format and the metrics live in
`gold_format` and `evaluate`.
"""

from __future__ import annotations

from editor_app.model import Proposal
from editor_app.segmentation.assemble import build
from editor_app.segmentation.boundaries import find_starts
from editor_app.segmentation.context import refine
from editor_app.segmentation.kinds import classify
from editor_app.segmentation.lines import non_empty_lines


def segment(text: str) -> Proposal:
    """Propose segments for normalised raw text (newlines already "\\n")."""
    lines = non_empty_lines(text)
    if not lines:
        return Proposal()
    classify(lines)
    page = refine(lines)
    starts, runs = find_starts(page)
    return build(page, starts, runs)


__all__ = ["segment"]
