"""Raw page text -> proposed line roles, articles, metadata, confidence and reasons.

Entry point: `segment(text, layout=None)`, the learned line-sequence models shipped in
`learned/` (one for text, one for pages with geometry; their features include every rule
below); `propose_with(model, …)` with a project's own model; `segment_by_rules(text)` is the
rule segmenter alone, used when the model files are missing. Helpers for the gold format and the metrics live in
`gold_format` and `evaluate`.
"""

from __future__ import annotations

from editor_app.model import LineIndex, Proposal
from editor_app.model.layout import PageLayout
from editor_app.segmentation.assemble import build
from editor_app.segmentation.boundaries import find_starts
from editor_app.segmentation.context import refine
from editor_app.segmentation.kinds import classify
from editor_app.segmentation.learned import LearnedSegmenter, shipped_segmenter
from editor_app.segmentation.lines import non_empty_lines


def segment(text: str | LineIndex, layout: PageLayout | None = None) -> Proposal:
    """Propose segments for normalised raw text (newlines already "\\n") or its LineIndex.

    `layout`: the page's geometry (an OCR page's), evidence beside the text; the rules
    alone (no model file) do without it.
    """
    model = shipped_segmenter(with_layout=layout is not None)
    if model is None:
        return segment_by_rules(text)
    return model.segment(LineIndex.of(text).text, layout)


def propose_with(
    model: LearnedSegmenter | None, text: str | LineIndex, layout: PageLayout | None = None
) -> Proposal:
    """A project's own model proposes the pages of the kind it learned from (with geometry
    or without); the shipped models propose the rest, and every page when `model` is None."""
    if model is None or model.reads_layout != (layout is not None):
        return segment(text, layout)
    return model.segment(LineIndex.of(text).text, layout)


def segment_by_rules(text: str | LineIndex) -> Proposal:
    """The rule segmenter's proposal, without the learned model."""
    lines = non_empty_lines(text)
    if not lines:
        return Proposal()
    classify(lines)
    page = refine(lines)
    starts, runs = find_starts(page)
    return build(page, starts, runs)


__all__ = ["propose_with", "segment", "segment_by_rules"]
