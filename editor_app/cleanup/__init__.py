"""Cleanup rules: raw text (and its proposal) -> Suggestions. One module per rule.

The rules (`registry`, and with it the lexicon's tables and the join models) load on
first use: a module that needs one rule's constants, as storage needs punctuation's
patterns, does not load them all, and a window opens without them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from editor_app.cleanup.apply import OverlapError, apply_suggestions
from editor_app.cleanup.document import CleanupDocument
from editor_app.model import LineIndex, Proposal, Suggestion
from editor_app.model.layout import PageLayout
from editor_app.support.lazy_names import names_loaded_on_use

if TYPE_CHECKING:
    from editor_app.cleanup.registry import DEFAULT_RULES, RULES

__all__ = [
    "DEFAULT_RULES",
    "RULES",
    "OverlapError",
    "apply_suggestions",
    "suggest",
]


def suggest(
    text: str | LineIndex,
    proposal: Proposal,
    dictionary: Iterable[tuple[str, str]] = (),
    rules: Iterable[str] | None = None,
    *,
    script: str = "simplified",
    layout: PageLayout | None = None,
) -> list[Suggestion]:
    """All suggestions for one document, sorted by offset and never overlapping.

    `text` is the page, or its LineIndex when the caller has split it into lines already;
    `dictionary` holds the project's (wrong, right) entries; `rules` picks rules by name
    (default all); `script` is the project's script, "simplified" or "traditional";
    `layout` the page's geometry when the document was read from an OCR file (the join rule
    reads the print as well as the text).
    """
    if script not in ("simplified", "traditional"):
        raise ValueError(f"script must be 'simplified' or 'traditional', not {script!r}")
    from editor_app.cleanup.registry import rule_names, run

    doc = CleanupDocument(text, proposal, tuple(dictionary), script, layout)
    return run(doc, rule_names(rules))


__getattr__ = names_loaded_on_use(__name__, {"DEFAULT_RULES": "registry", "RULES": "registry"})
