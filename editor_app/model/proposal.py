"""What the segmenter proposes for one document: segments and line roles."""

from __future__ import annotations

from dataclasses import dataclass, field

from editor_app.model.article import NON_ARTICLE_KINDS


@dataclass(slots=True)
class Segment:
    """An article or non-article over the raw lines start..end (1-based, inclusive)."""

    kind: str
    start: int
    end: int
    title: str = ""
    kicker: str = ""
    subtitle: str = ""
    dateline: str = ""
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    interns: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    truncated: bool = False
    roles: dict[int, str] = field(default_factory=dict)
    confidence: float = 1.0
    reason: str = ""

    @property
    def is_article(self) -> bool:
        return self.kind not in NON_ARTICLE_KINDS


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
