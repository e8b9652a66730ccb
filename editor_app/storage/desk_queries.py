"""Small reads the correction desk makes after an edit: only the rows a change names."""

from __future__ import annotations

from collections.abc import Iterable

from editor_app.storage.queries import ARTICLE_LIST_COLUMNS

BATCH = 500  # SQLite's bound parameters per statement stay well under its limit


def article_rows_by_id(project, article_ids: Iterable[int]) -> list[dict]:
    """Rows like `Project.article_rows` gives, of these articles only (those still there)."""
    ordered = sorted(set(article_ids))
    rows: list[dict] = []
    for first in range(0, len(ordered), BATCH):
        batch = ordered[first : first + BATCH]
        rows += project.db.query(
            f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles a "
            f"WHERE a.id IN ({', '.join('?' * len(batch))})",
            batch,
        )
    return rows


def line_roles_at(project, document_id: int, lines: Iterable[int]) -> dict[int, str | None]:
    """The role of each of these lines of a document; None where a line has none."""
    ordered = sorted(set(lines))
    found: dict[int, str | None] = dict.fromkeys(ordered)
    for first in range(0, len(ordered), BATCH):
        batch = ordered[first : first + BATCH]
        rows = project.db.execute(
            f"SELECT line, role FROM line_roles WHERE document_id = ? "
            f"AND line IN ({', '.join('?' * len(batch))})",
            [document_id, *batch],
        )
        found.update(dict(rows))
    return found


def neighbour_document_id(project, document_id: int | None, step: int) -> int | None:
    """The document after (step > 0) or before this one in import order; None past the
    ends. Without a current document the next one is the first."""
    if document_id is None:
        if step < 0:
            return None
        row = project.db.execute("SELECT id FROM documents ORDER BY id LIMIT 1").fetchone()
    elif step > 0:
        row = project.db.execute(
            "SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT 1", [document_id]
        ).fetchone()
    else:
        row = project.db.execute(
            "SELECT id FROM documents WHERE id < ? ORDER BY id DESC LIMIT 1", [document_id]
        ).fetchone()
    return row[0] if row else None
