"""What one operation changed, by kind: views refresh from this and re-read nothing else.

`ChangeRecorder` collects the row changes of one operation (or of its undo or redo) as
they are written; `ProjectChange` is the frozen result handed to whoever shows the project.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EMPTY: frozenset = frozenset()


@dataclass(frozen=True, slots=True)
class ProjectChange:
    """The rows one operation added, changed or removed, per kind of row.

    `documents`: every document something changed in (its articles, line roles,
    suggestions). `reviews`: articles whose review status changed. `line_roles`:
    (document, line) pairs. `tables`: the tables written.
    """

    documents: frozenset[int] = EMPTY
    articles_added: frozenset[int] = EMPTY
    articles_changed: frozenset[int] = EMPTY
    articles_removed: frozenset[int] = EMPTY
    suggestions: frozenset[int] = EMPTY
    line_roles: frozenset[tuple[int, int]] = EMPTY
    reviews: frozenset[int] = EMPTY
    dictionary: frozenset[int] = EMPTY
    tables: frozenset[str] = EMPTY

    @property
    def articles(self) -> frozenset[int]:
        """Every article added, changed or removed."""
        return self.articles_added | self.articles_changed | self.articles_removed

    @property
    def is_empty(self) -> bool:
        return not self.tables

    def roles_in(self, document_id: int) -> frozenset[int]:
        """The lines of one document whose role changed."""
        return frozenset(line for doc, line in self.line_roles if doc == document_id)

    def touches(self, document_id: int | None) -> bool:
        return document_id is not None and document_id in self.documents


@dataclass(slots=True)
class ChangeRecorder:
    """Collects row changes as they are written; `freeze()` gives the ProjectChange."""

    documents: set[int] = field(default_factory=set)
    added: set[int] = field(default_factory=set)
    changed: set[int] = field(default_factory=set)
    removed: set[int] = field(default_factory=set)
    suggestions: set[int] = field(default_factory=set)
    line_roles: set[tuple[int, int]] = field(default_factory=set)
    reviews: set[int] = field(default_factory=set)
    dictionary: set[int] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)
    unplaced: dict[str, set[int]] = field(default_factory=dict)  # rows of unknown document

    def note(
        self,
        table: str,
        key: dict,
        before: dict | None,
        after: dict | None,
        document_id: int | None = None,
    ) -> None:
        """One row written: `before`/`after` are None for an insert/a delete."""
        self.tables.add(table)
        row = after or before or {}
        document = row.get("document_id", key.get("document_id", document_id))
        if document is not None:
            self.documents.add(document)
        elif "id" in key and table in ("articles", "suggestions"):
            self.unplaced.setdefault(table, set()).add(key["id"])
        if table == "articles":
            self._note_article(key["id"], before, after)
        elif table == "suggestions":
            self.suggestions.add(key["id"])
        elif table == "line_roles":
            self.line_roles.add((key["document_id"], key["line"]))
        elif table == "dictionary":
            self.dictionary.add(key["id"])

    def _note_article(self, article_id: int, before: dict | None, after: dict | None) -> None:
        if before is None:  # inserted: new, or back after a removal in the same step
            if article_id in self.removed:
                self.removed.discard(article_id)
                self.changed.add(article_id)
            else:
                self.added.add(article_id)
        elif after is None:
            self.changed.discard(article_id)
            if article_id in self.added:
                self.added.discard(article_id)  # made and gone in one step: nothing to show
            else:
                self.removed.add(article_id)
        elif article_id not in self.added:
            self.changed.add(article_id)
        if "status" in (after or before or {}):
            self.reviews.add(article_id)

    def place(self, table: str, documents) -> None:
        """The documents of rows noted without one, found by whoever can read them."""
        self.unplaced.pop(table, None)
        self.documents.update(documents)

    def freeze(self) -> ProjectChange:
        return ProjectChange(
            documents=frozenset(self.documents),
            articles_added=frozenset(self.added),
            articles_changed=frozenset(self.changed),
            articles_removed=frozenset(self.removed),
            suggestions=frozenset(self.suggestions),
            line_roles=frozenset(self.line_roles),
            reviews=frozenset(self.reviews),
            dictionary=frozenset(self.dictionary),
            tables=frozenset(self.tables),
        )
