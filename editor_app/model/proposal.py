"""What the segmenter proposes for one document: segments and line roles."""

from __future__ import annotations

from dataclasses import dataclass, field, make_dataclass

from editor_app.model import fields
from editor_app.model.fields import NON_ARTICLE_KINDS


def _proposed_fields() -> list[tuple]:
    """The fields the segmenter proposes, after the kind (which every segment names)."""
    proposed = fields.made_from_registry("Segment")
    return fields.dataclass_fields(f for f in proposed if f.proposed and f.name != "kind")


def _is_article(self) -> bool:
    return self.kind not in NON_ARTICLE_KINDS


Segment = make_dataclass(
    "Segment",
    [
        ("kind", str),
        ("start", int),
        ("end", int),
        *_proposed_fields(),
        ("roles", dict[int, str], field(default_factory=dict)),
    ],
    namespace={
        "__doc__": """An article or non-article over the raw lines start..end (1-based,
    inclusive), with what the segmenter proposes for it (the proposed fields of
    model/fields.py) and the roles of its lines.
    """,
        "__module__": __name__,
        "is_article": property(_is_article),
    },
    slots=True,
)


@dataclass(slots=True)
class Proposal:
    """All segments of a document in line order, and the role of every non-empty line."""

    segments: list[Segment] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)

    @property
    def articles(self) -> list[Segment]:
        return [s for s in self.segments if s.is_article]

    @property
    def non_articles(self) -> list[Segment]:
        return [s for s in self.segments if not s.is_article]
