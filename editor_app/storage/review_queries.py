"""Reads the review views need beyond the log itself: action names, titles, field values.

Functions over the project's connection, served by `project.history`, so the Qt shell can
page through a long change log without loading it whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from editor_app.model import Change

# Columns whose change an editor cares to read, in display order; the rest are bookkeeping.
SHOWN_COLUMNS = (
    "kind",
    "kicker",
    "title",
    "subtitle",
    "dateline",
    "reporters",
    "correspondents",
    "interns",
    "section",
    "corrected_text",
    "status",
    "truncated",
    "lost_text",
    "note",
    "start_line",
    "end_line",
    "role",
    "before",
    "after",
    "wrong",
    "right",
)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One column of one row as text before and after a change."""

    table: str
    key: dict
    column: str
    before: str
    after: str


def history_actions(db) -> dict[str, str]:
    """Every action in the log with its latest label, for an operation filter."""
    rows = db.execute(
        "SELECT action, label FROM operations WHERE id IN "
        "(SELECT max(id) FROM operations WHERE kind IN ('do', 'import') GROUP BY action) "
        "ORDER BY action"
    )
    return {action: label for action, label in rows}


def article_titles(db, article_ids) -> dict[int, str]:
    """Titles of the articles that still exist, by id."""
    ids = sorted({i for i in article_ids if i is not None})
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = db.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", ids)
    return {article_id: title or "" for article_id, title in rows}


def field_changes(db, raw_text: Callable[[int], str], change: Change) -> list[FieldChange]:
    """The readable columns of a logged row change, as text.

    A NULL corrected_text means "the raw span", so it is shown as that span, not as empty.
    """
    before, after = change.before or {}, change.after or {}
    columns = [c for c in SHOWN_COLUMNS if c in before or c in after]
    out = []
    for column in columns:
        old, new = before.get(column), after.get(column)
        if column == "corrected_text" and change.table == "articles":
            old = _raw_if_null(db, raw_text, change, old, before)
            new = _raw_if_null(db, raw_text, change, new, after)
        out.append(FieldChange(change.table, change.key, column, as_text(old), as_text(new)))
    return out


def _raw_if_null(db, raw_text: Callable[[int], str], change: Change, value, row: dict):
    if value is not None or not row:
        return value
    current = db.execute(
        "SELECT document_id, start_offset, end_offset FROM articles WHERE id = ?",
        [change.key.get("id")],
    ).fetchone()
    doc_id = row.get("document_id", current[0] if current else None)
    start = row.get("start_offset", current[1] if current else None)
    end = row.get("end_offset", current[2] if current else None)
    if doc_id is None or start is None or end is None:
        return value
    return raw_text(doc_id)[start:end]


def as_text(value) -> str:
    """A stored value as an editor reads it: lists joined, NULL as nothing."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith("["):
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if isinstance(items, list):
            return "、".join(str(item) for item in items)
    return str(value)
