"""Cleanup rules: raw text (and its proposal) -> Suggestions. One module per rule."""

from __future__ import annotations

from editor_app.model import Proposal, Suggestion


def suggest(text: str, proposal: Proposal, dictionary=(), rules=None) -> list[Suggestion]:
    """All suggestions for one document (placeholder until the rules land)."""
    return []
