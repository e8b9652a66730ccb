"""An article (or non-article span) as the project stores it."""

from __future__ import annotations

from dataclasses import dataclass, field

from editor_app.model import fields

ARTICLE_KINDS = ("news", "feature", "commentary", "interview", "brief", "photo", "other")
NON_ARTICLE_KINDS = frozenset({"boilerplate", "noise"})
STATUSES = ("proposed", "edited", "reviewed", "approved")
# Metadata an editor can set with one operation (see `project.articles.set_field`).
EDITABLE_FIELDS = fields.names_of(fields.EDITABLE)
LIST_FIELDS = frozenset(fields.names_of(fields.NAME_LISTS))
FLAG_FIELDS = frozenset(fields.names_of(fields.of_kind(fields.FLAG)))
# The fields typed as text (lists as names separated by spaces or 、).
TEXT_FIELDS = tuple(
    f for f in EDITABLE_FIELDS if fields.field(f).kind in (fields.TEXT, fields.NAMES)
)
KINDS = (*ARTICLE_KINDS, *sorted(NON_ARTICLE_KINDS))
# A proposed boundary with a confidence under this is flagged to the editor as uncertain.
UNCERTAIN_BELOW = 0.6


@dataclass(slots=True)
class Article:
    """Its span (SPAN_COLUMNS of model/fields.py), then its fields as the registry lists them.

    `text` is the article's text: the editor's version, else its raw span. (The column
    `corrected_text` is NULL while there is no editor's version.)
    """

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
    photographers: list[str] = field(default_factory=list)
    section: str = ""
    text: str = ""
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
