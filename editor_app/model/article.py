"""An article (or non-article span) as the project stores it.

The kinds and statuses are those of the registry's choices (model/fields.py).
"""

from __future__ import annotations

from dataclasses import make_dataclass

from editor_app.model import fields
from editor_app.model.fields import ARTICLE_KINDS as ARTICLE_KINDS
from editor_app.model.fields import KINDS as KINDS
from editor_app.model.fields import NON_ARTICLE_KINDS
from editor_app.model.fields import STATUSES as STATUSES

# Metadata an editor can set with one operation (see `project.articles.set_field`).
EDITABLE_FIELDS = fields.names_of(fields.EDITABLE)
LIST_FIELDS = frozenset(fields.names_of(fields.NAME_LISTS))
FLAG_FIELDS = frozenset(fields.names_of(fields.of_kind(fields.FLAG)))
# The fields typed as text (lists as names separated by spaces or 、).
TEXT_FIELDS = tuple(
    f for f in EDITABLE_FIELDS if fields.field(f).kind in (fields.TEXT, fields.NAMES)
)
# A proposed boundary with a confidence under this is flagged to the editor as uncertain.
UNCERTAIN_BELOW = 0.6
# The statuses of an article the editor is done with: review counts them as reviewed.
DONE_STATUSES = frozenset({"reviewed", "approved"})

_SPAN = [
    ("id", int | None),
    ("document_id", int),
    ("start_line", int),
    ("end_line", int),
    ("start_offset", int),
    ("end_offset", int),
]


def _registry_part() -> list[tuple]:
    """Every field of the registry; the article holds its text itself, as `text`."""
    made = fields.dataclass_fields(fields.made_from_registry("Article"))
    return [("text", *rest) if name == "corrected_text" else (name, *rest) for name, *rest in made]


def _is_article(self) -> bool:
    return self.kind not in NON_ARTICLE_KINDS


def _headline(self) -> str:
    return " ".join(p for p in (self.kicker, self.title, self.subtitle) if p)


Article = make_dataclass(
    "Article",
    [*_SPAN, *_registry_part()],
    namespace={
        "__doc__": """Its span (SPAN_COLUMNS of model/fields.py), then its fields as the registry
    lists them, each with its default.

    `text` is the article's text: the editor's version, else its raw span. (The column
    `corrected_text` is NULL while there is no editor's version.)
    """,
        "__module__": __name__,
        "is_article": property(_is_article),
        "headline": property(_headline),
    },
    slots=True,
)
