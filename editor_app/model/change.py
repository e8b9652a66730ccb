"""The change log: an operation groups the row changes of one user action."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Change:
    """One row written by an operation; `before`/`after` are None for insert/delete."""

    table: str
    key: dict
    before: dict | None
    after: dict | None


@dataclass(slots=True)
class Operation:
    """One user action as logged: who, when, what, and the rows it changed."""

    id: int
    action: str
    label: str
    editor: str
    time: str
    document_id: int | None = None
    article_id: int | None = None
    state: str = "done"
    kind: str = "do"
    target: int | None = None
    changes: list[Change] = field(default_factory=list)

    @property
    def undone(self) -> bool:
        return self.state == "undone"


@dataclass(frozen=True, slots=True)
class HistoryTarget:
    """An article an operation touched, named by its title (None: the article is gone)."""

    article_id: int
    title: str | None
    document_id: int | None


@dataclass(frozen=True, slots=True)
class SuggestionGroup:
    """Suggestions one operation decided alike: their rule, their new status, how many."""

    rule: str
    status: str
    count: int


@dataclass(frozen=True, slots=True)
class HistoryItem:
    """One thing an operation did, as an editor reads it.

    `kind` is "field" (a short value), "text" (a long text, read as a diff), "suggestion"
    (`column` is its rule, before/after its text in context, `status` its new status),
    "role" (`line` set), "added" or "removed" (an article), "dictionary" (an entry).
    """

    kind: str
    column: str = ""
    before: str = ""
    after: str = ""
    article_id: int | None = None
    title: str | None = None
    document_id: int | None = None
    line: int | None = None
    status: str = ""


@dataclass(frozen=True, slots=True)
class HistorySummary:
    """What one logged operation did, read for a person: every view shows the same.

    `what` and `target` are the core's Chinese wording; the facts beside them (groups,
    articles, documents, items) let a view word them in its own language.
    """

    operation_id: int
    what: str
    target: str
    detail: str
    groups: tuple[SuggestionGroup, ...] = ()
    articles: tuple[HistoryTarget, ...] = ()
    documents: tuple[tuple[int, str], ...] = ()
    item_count: int = 0
    first_item: HistoryItem | None = None
