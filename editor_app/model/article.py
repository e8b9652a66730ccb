"""An article (or non-article span) as the project stores it."""

from __future__ import annotations

from dataclasses import dataclass, field

ARTICLE_KINDS = ("news", "feature", "commentary", "interview", "brief", "photo", "other")
NON_ARTICLE_KINDS = frozenset({"boilerplate", "noise"})
STATUSES = ("proposed", "edited", "reviewed", "approved")
# Metadata an editor can set with one operation (see `project.articles.set_field`).
EDITABLE_FIELDS = (
    "kind",
    "kicker",
    "title",
    "subtitle",
    "dateline",
    "reporters",
    "correspondents",
    "interns",
    "section",
    "truncated",
    "lost_text",
    "note",
)
LIST_FIELDS = frozenset({"reporters", "correspondents", "interns"})
FLAG_FIELDS = frozenset({"truncated", "lost_text"})
# The fields typed as text (lists as names separated by spaces or 、).
TEXT_FIELDS = tuple(f for f in EDITABLE_FIELDS if f != "kind" and f not in FLAG_FIELDS)
KINDS = (*ARTICLE_KINDS, *sorted(NON_ARTICLE_KINDS))
# A proposed boundary with a confidence under this is flagged to the editor as uncertain.
UNCERTAIN_BELOW = 0.6


@dataclass(slots=True)
class Article:
    id: int | None
    document_id: int
    start_line: int
    end_line: int
    start_offset: int
    end_offset: int
    kind: str = "news"
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    dateline: str = ""
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    interns: list[str] = field(default_factory=list)
    section: str = ""
    corrected_text: str = ""
    status: str = "proposed"
    truncated: bool = False
    lost_text: bool = False
    note: str = ""
    confidence: float = 1.0
    reason: str = ""

    @property
    def is_article(self) -> bool:
        return self.kind not in NON_ARTICLE_KINDS

    @property
    def headline(self) -> str:
        return " ".join(p for p in (self.kicker, self.title, self.subtitle) if p)
