"""Learning from the editors: reviewed documents become training pages for the project's model.

A document counts as reviewed when it holds at least one article and every article in it
is marked reviewed or approved. Its boundaries, kinds, line roles and metadata as the
editor left them are its gold answer, in the format of `segmentation.gold_format`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from editor_app.model import NON_ARTICLE_KINDS
from editor_app.model.fields import GOLD, NAMES, TEXT
from editor_app.model.gold_pages import CorpusError, Page, digest
from editor_app.storage.errors import OperationError
from editor_app.storage.models import ModelRecord

if TYPE_CHECKING:
    from editor_app.segmentation.learned.adapt import OwnPage
    from editor_app.segmentation.learned.holdout import Learned
    from editor_app.storage.editing import Edits
    from editor_app.storage.models import Models
    from editor_app.storage.queries import Documents

DONE = ("reviewed", "approved")
INNER_ROLES = frozenset({"kicker", "title", "subtitle", "byline", "subhead"})
OUTSIDE = "('boilerplate', 'noise')"
# What the gold format says of an article (the format of segmentation.gold_format).
_GOLD_TEXTS = tuple(f.name for f in GOLD if f.kind == TEXT)
_GOLD_NAMES = tuple(f.name for f in GOLD if f.kind == NAMES)


class NothingToLearnError(OperationError):
    """No document is reviewed yet: there is nothing to learn from."""


def _article_gold(row: dict, span: dict, roles: dict[int, str]) -> dict:
    inside = range(row["start_line"], row["end_line"] + 1)
    return {
        **span,
        **{name: row[name] or "" for name in _GOLD_TEXTS},
        **{name: json.loads(row[name] or "[]") for name in _GOLD_NAMES},
        "truncated": bool(row["truncated"]),
        "roles": {
            str(line): role
            for line, role in sorted(roles.items())
            if line in inside and role in INNER_ROLES
        },
    }


class Learning:
    """`project.learning`: reviewed documents as training pages, and learning from them."""

    def __init__(self, db, path, edits: Edits, documents: Documents, models: Models) -> None:
        self.db = db
        self.path = path
        self.edits = edits
        self.documents = documents
        self.models = models

    def reviewed_document_ids(self, among: Iterable[int] | None = None) -> list[int]:
        """Documents whose every article is reviewed or approved (and that have one); only
        those of `among` when given (a window asks after each edit about the ones it changed)."""
        among_only = "AND d.id IN (SELECT value FROM json_each(?))" if among is not None else ""
        rows = self.db.execute(
            f"""SELECT d.id FROM documents d
                WHERE EXISTS (SELECT 1 FROM articles a WHERE a.document_id = d.id
                              AND a.kind NOT IN {OUTSIDE})
                  AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.document_id = d.id
                                  AND a.kind NOT IN {OUTSIDE} AND a.status NOT IN {DONE})
                  {among_only}
                ORDER BY d.id""",
            [json.dumps(sorted(set(among)))] if among is not None else [],
        )
        return [row[0] for row in rows]

    def document_gold(self, document_id: int) -> dict:
        """The document as the editor left it, as a gold-format dict."""
        roles = self.documents.line_roles(document_id)
        gold = {
            "source": self.documents.get(document_id).file_name,
            "articles": [],
            "non_articles": [],
        }
        rows = self.db.query(
            "SELECT * FROM articles WHERE document_id = ? ORDER BY start_line", [document_id]
        )
        for row in rows:
            span = {"kind": row["kind"], "start": row["start_line"], "end": row["end_line"]}
            if row["kind"] in NON_ARTICLE_KINDS:
                gold["non_articles"].append(span)
            else:
                gold["articles"].append(_article_gold(row, span, roles))
        return gold

    def reviewed_pages(self, ids: Iterable[int]) -> dict[int, OwnPage]:
        """Raw text, gold answer and page layout (None without geometry) of each document."""
        documents = self.documents
        return {
            doc: (documents.raw_text(doc), self.document_gold(doc), documents.layout(doc))
            for doc in ids
        }

    def learn(
        self,
        *,
        base: Iterable[Page] | None = None,
        repeat: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> ModelRecord:
        """Fit the project's model on its reviewed documents and `base` (default: the shipped
        pages; each own page counted `repeat` times, by default `adapt.OWN_REPEAT`), score it
        on some held back, and store it in the project."""
        self.edits.require_writable()
        learned, detail = self.fit(base=base, repeat=repeat, progress=progress)
        return self.keep(learned, detail)

    def fit(
        self,
        *,
        base: Iterable[Page] | None = None,
        repeat: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[Learned, dict]:
        """What `learn` stores, without storing it: the fitted model and its record's detail.
        It only reads, so a read-only project serves (a window fits in another process)."""
        # The trainer loads when a model is fitted, not with the project.
        from editor_app.segmentation.learned.adapt import OWN_REPEAT, any_layout, shipped_pages
        from editor_app.segmentation.learned.holdout import learn_with_score

        repeat = OWN_REPEAT if repeat is None else repeat
        ids = self.reviewed_document_ids()
        if not ids:
            raise NothingToLearnError(
                self.path,
                "no document is reviewed yet: mark every article of a document reviewed "
                "or approved, then learn again",
            )
        pages = self.reviewed_pages(ids)
        try:
            base = list(shipped_pages(any_layout(pages.values())) if base is None else base)
        except CorpusError as error:
            raise OperationError(self.path, f"the shipped training pages: {error}") from error
        learned = learn_with_score(pages, base=base, repeat=repeat, progress=progress)
        return learned, {"base_sha256": digest(base), "base_pages": len(base), "repeat": repeat}

    def keep(self, learned: Learned, detail: dict) -> ModelRecord:
        """Store a fitted model with its record."""
        return self.models.store(
            learned.data,
            documents=learned.keys,
            held_out=learned.held_out,
            score=learned.score,
            detail=detail,
        )
