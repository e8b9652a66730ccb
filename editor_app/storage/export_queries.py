"""Read-only figures the corpus export needs in bulk, each computed in one SQL pass."""

from __future__ import annotations

import json

from editor_app.model import Article

_ARTICLE_COLUMNS = (
    "id, document_id, start_line, end_line, start_offset, end_offset, kind, kicker, title, "
    "subtitle, dateline, reporters, correspondents, interns, section, corrected_text, status, "
    "truncated, lost_text, note, confidence, reason"
)

# Every operation that wrote an article row, and every undo/redo that replayed one of them.
_ARTICLE_TOUCHES = """
WITH touched AS (
    SELECT DISTINCT c.operation_id AS op,
           CAST(json_extract(c.row_key, '$.id') AS INTEGER) AS article_id
    FROM changes c WHERE c.tbl = 'articles'
)
SELECT t.article_id, o.editor, o.time, (o.kind = 'do' AND o.state = 'done') AS effective
FROM touched t JOIN operations o ON o.id = t.op
UNION ALL
SELECT t.article_id, r.editor, r.time, 0
FROM touched t JOIN operations r ON r.target = t.op AND r.kind IN ('undo', 'redo')
"""


def _names(value: str | None) -> list[str]:
    return json.loads(value) if value and value != "[]" else []


def _article(row: tuple) -> Article:
    return Article(
        *row[:11],
        reporters=_names(row[11]),
        correspondents=_names(row[12]),
        interns=_names(row[13]),
        section=row[14] or "",
        corrected_text=row[15],
        status=row[16],
        truncated=bool(row[17]),
        lost_text=bool(row[18]),
        note=row[19] or "",
        confidence=row[20],
        reason=row[21] or "",
    )


class Exports:
    """`project.exports`: the bulk reads of the corpus export."""

    def __init__(self, db) -> None:
        self.db = db

    def article_editors(self) -> dict[int, tuple[list[str], str | None]]:
        """{article id: (sorted editor names, time of the last change)} for every edited article.

        The editors are those whose operations are in effect (not undone); the last change is
        the latest write to the article, an undo or a redo included. Articles never edited are
        absent.
        """
        editors: dict[int, set[str]] = {}
        last: dict[int, str] = {}
        for article_id, editor, time, effective in self.db.execute(_ARTICLE_TOUCHES):
            names = editors.setdefault(article_id, set())
            if effective:
                names.add(editor)
            if time and (article_id not in last or time > last[article_id]):
                last[article_id] = time
        return {key: (sorted(names), last.get(key)) for key, names in editors.items()}

    def articles(self, document_id: int) -> list[Article]:
        """A document's segments in line order; `corrected_text` is None where it is the raw span.

        Lighter than `project.articles.of_document()` for reading a whole corpus: the raw span is not copied out
        of SQLite for every article, and rows are not turned into dicts first.
        """
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE document_id = ? ORDER BY start_line",
            [document_id],
        )
        return [_article(row) for row in rows]
