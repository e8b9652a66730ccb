"""Read-only figures the corpus export needs in bulk, each computed in one SQL pass."""

from __future__ import annotations

from editor_app.model import Article
from editor_app.model.fields import COLUMNS, SPAN_COLUMNS
from editor_app.storage.queries import article_from_values

_ARTICLE_COLUMNS = ", ".join((*SPAN_COLUMNS, *COLUMNS))

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


_SPAN = len(SPAN_COLUMNS)
_TEXT_AT = _SPAN + COLUMNS.index("corrected_text")
_START, _END = SPAN_COLUMNS.index("start_offset"), SPAN_COLUMNS.index("end_offset")


def _article_from_tuple(row: tuple, raw: str) -> Article:
    """An Article from a row of `_ARTICLE_COLUMNS`, read by position: a whole corpus goes
    through here, and a dict per row cost the export a tenth of its time."""
    text = row[_TEXT_AT]
    if text is None:  # the editor left the raw span as it is
        text = raw[row[_START] : row[_END]]
    return article_from_values(row[:_SPAN], row[_SPAN:], text)


class Exports:
    """`project.exports`: the bulk reads of the corpus export."""

    def __init__(self, db, documents) -> None:
        self.db = db
        self.documents = documents

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

    def articles(self, document_id: int, raw: str | None = None) -> list[Article]:
        """A document's segments in line order, each with its text.

        Lighter than `project.articles.of_document()` for reading a whole corpus: the raw
        span is not copied out of SQLite for every article (each text is cut from the
        page's raw text, read here unless the caller has it already).
        """
        if raw is None:
            raw = self.documents.raw_text(document_id)
        cursor = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE document_id = ? ORDER BY start_line",
            [document_id],
        )
        return [_article_from_tuple(row, raw) for row in cursor]
