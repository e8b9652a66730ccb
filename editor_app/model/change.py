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
