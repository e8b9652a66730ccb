"""Reading the project's state: the documents service, article reads, counts."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from editor_app.model import Article, Document, LineIndex
from editor_app.model.fields import FIELDS, NON_ARTICLE_KINDS, SPAN_COLUMNS
from editor_app.model.layout import PageLayout
from editor_app.storage.document_sources import (
    PageGeometry,
    page_geometry,
    page_layout,
    page_summary,
    relocate_image,
)
from editor_app.storage.errors import NotFoundError
from editor_app.storage.suggestion_packs import packed_counts

# The effective text of an article: the editor's version, else its raw span.
EFFECTIVE_TEXT = (
    "coalesce(a.corrected_text, "
    "substr(d.raw_text, a.start_offset + 1, a.end_offset - a.start_offset))"
)
ARTICLE_LIST_COLUMNS = (
    "a.id, a.document_id, a.start_line, a.end_line, a.kind, a.kicker, a.title, a.subtitle, "
    "a.status, a.truncated, a.lost_text, a.confidence, a.reason"
)
BATCH = 500  # bound parameters per statement, well under SQLite's limit


# A segment is an article unless its kind is a non-article one (model/fields.py).
_IS_ARTICLE = "kind NOT IN ({})".format(", ".join(f"'{k}'" for k in sorted(NON_ARTICLE_KINDS)))
_ARTICLES = f"WHERE {_IS_ARTICLE}"

_line_index = lru_cache(maxsize=64)(LineIndex)  # a document's lines, split once while it is used


class Documents:
    """`project.documents`: the imported pages, their text, lines and line roles."""

    def __init__(self, db, path, edits=None) -> None:
        self.db = db
        self.path = path
        self.edits = edits  # the one write: pointing a document at its page image again

    def get(self, document_id: int) -> Document:
        rows = list(self.db.query("SELECT * FROM documents WHERE id = ?", [document_id]))
        if not rows:
            raise NotFoundError(self.path, f"no document {document_id}")
        return _document(rows[0])

    def lines(self, document_id: int) -> LineIndex:
        """The document's raw lines: `[n - 1]` is line n, with offsets and blank-line look-ups."""
        return _line_index(self.raw_text(document_id))

    def raw_text(self, document_id: int) -> str:
        row = self.db.execute(
            "SELECT raw_text FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(self.path, f"no document {document_id}")
        return row[0]

    def geometry(self, document_id: int) -> PageGeometry | None:
        """Page size, image, line boxes per raw line and word box per character of a
        document imported from an OCR file; None for one imported from plain text."""
        return page_geometry(self.db, document_id)

    def layout(self, document_id: int) -> PageLayout | None:
        """The page layout the segmenter reads (size and line boxes per raw line); None for
        a document imported from plain text."""
        return page_layout(self.db, document_id)

    def relocate_image(self, document_id: int, image: str):
        """Point the document's page image at another file (PNG, JPEG or TIFF), recording
        its path and sha256 as one undoable step; the image is not copied."""
        return relocate_image(self.edits, self.db, self.path, document_id, image)

    def page(self, document_id: int) -> dict | None:
        """The page size, image reference and line boxes, without the source file."""
        return page_summary(self.db, document_id)

    def rows(self, *, offset: int = 0, limit: int = -1) -> list[dict]:
        """Documents without their text, with article and reviewed counts, in import order."""
        return list(
            self.db.query(
                """SELECT d.id, d.file_name, d.publication, d.date, d.page, d.edition,
                          d.size_bytes, d.encoding, d.sha256, d.imported_at,
                          (SELECT count(*) FROM articles a WHERE a.document_id = d.id
                             AND a.kind NOT IN ('boilerplate', 'noise')) AS articles,
                          (SELECT count(*) FROM articles a WHERE a.document_id = d.id
                             AND a.kind NOT IN ('boilerplate', 'noise')
                             AND a.status IN ('reviewed', 'approved')) AS reviewed
                   FROM documents d ORDER BY d.id LIMIT ? OFFSET ?""",
                [limit, offset],
            )
        )

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def names(self) -> dict[int, str]:
        """File names by document id."""
        return {
            doc_id: name
            for doc_id, name in self.db.execute("SELECT id, file_name FROM documents ORDER BY id")
        }

    def publications(self) -> list[str]:
        """The publications the documents are stored under, each once, sorted."""
        rows = self.db.execute(
            "SELECT DISTINCT publication FROM documents WHERE publication != '' ORDER BY 1"
        )
        return [row[0] for row in rows]

    def line_roles(self, document_id: int) -> dict[int, str]:
        rows = self.db.execute(
            "SELECT line, role FROM line_roles WHERE document_id = ?", [document_id]
        )
        return {line: role for line, role in rows}

    def line_roles_at(self, document_id: int, lines: Iterable[int]) -> dict[int, str | None]:
        """The role of each of these lines of a document; None where a line has none."""
        ordered = sorted(set(lines))
        found: dict[int, str | None] = dict.fromkeys(ordered)
        for batch in batches(ordered):
            rows = self.db.execute(
                f"SELECT line, role FROM line_roles WHERE document_id = ? "
                f"AND line IN ({', '.join('?' * len(batch))})",
                [document_id, *batch],
            )
            found.update(dict(rows))
        return found

    def neighbour_id(self, document_id: int | None, step: int) -> int | None:
        """The document after (step > 0) or before this one in import order; None past the
        ends. Without a current document the next one is the first."""
        if document_id is None:
            if step < 0:
                return None
            sql, params = "SELECT id FROM documents ORDER BY id LIMIT 1", []
        elif step > 0:
            sql = "SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT 1"
            params = [document_id]
        else:
            sql = "SELECT id FROM documents WHERE id < ? ORDER BY id DESC LIMIT 1"
            params = [document_id]
        row = self.db.execute(sql, params).fetchone()
        return row[0] if row else None

    def raw_span(self, article: Article) -> str:
        return self.raw_text(article.document_id)[article.start_offset : article.end_offset]

    def counts(self) -> dict:
        """Figures for `info` and `stats`. Articles and non-article segments (boilerplate,
        noise) are counted apart, and each whole is the sum of its parts:
        `articles` == sum(`articles_by_status`) == sum(`articles_by_kind`),
        `non_articles` == sum(`non_articles_by_kind`), `segments` == both."""
        q = self.db.execute
        articles_by_status = dict(
            q(f"SELECT status, count(*) FROM articles {_ARTICLES} GROUP BY 1")
        )
        articles_by_kind = dict(q(f"SELECT kind, count(*) FROM articles {_ARTICLES} GROUP BY 1"))
        non_articles_by_kind = dict(
            q(f"SELECT kind, count(*) FROM articles WHERE NOT ({_IS_ARTICLE}) GROUP BY 1")
        )
        articles, non_articles = sum(articles_by_kind.values()), sum(non_articles_by_kind.values())
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "segments": articles + non_articles,
            "articles": articles,
            "articles_by_status": articles_by_status,
            "articles_by_kind": articles_by_kind,
            "non_articles": non_articles,
            "non_articles_by_kind": non_articles_by_kind,
            "open_suggestions": sum(open_suggestion_counts(self.db).values()),
            "changes": q("SELECT count(*) FROM operations").fetchone()[0],
            "raw_bytes": q("SELECT coalesce(sum(size_bytes), 0) FROM documents").fetchone()[0],
            "schema_version": q("PRAGMA user_version").fetchone()[0],
        }


# -- article reads, for the articles service and the services that edit text -----------------


def article_rows(db, document_id: int) -> list[dict]:
    """The segments of a document in line order, without their text."""
    return list(
        db.query(
            f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles a WHERE a.document_id = ? "
            "ORDER BY a.start_line",
            [document_id],
        )
    )


def article_rows_by_id(db, article_ids: Iterable[int]) -> list[dict]:
    """Rows like `article_rows` gives, of these articles only (those still there)."""
    rows: list[dict] = []
    for batch in batches(sorted(set(article_ids))):
        rows += db.query(
            f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles a "
            f"WHERE a.id IN ({', '.join('?' * len(batch))})",
            batch,
        )
    return rows


def batches(ordered: list) -> Iterable[list]:
    """`ordered` in slices of at most BATCH, for `IN (...)` lists."""
    for first in range(0, len(ordered), BATCH):
        yield ordered[first : first + BATCH]


def articles_of(db, document_id: int) -> list[Article]:
    rows = db.query(
        f"SELECT a.*, {EFFECTIVE_TEXT} AS text FROM articles a "
        "JOIN documents d ON d.id = a.document_id WHERE a.document_id = ? "
        "ORDER BY a.start_line",
        [document_id],
    )
    return [_article(row) for row in rows]


def read_article(db, path, article_id: int) -> Article:
    rows = list(
        db.query(
            f"SELECT a.*, {EFFECTIVE_TEXT} AS text FROM articles a "
            "JOIN documents d ON d.id = a.document_id WHERE a.id = ?",
            [article_id],
        )
    )
    if not rows:
        raise NotFoundError(path, f"no article {article_id}")
    return _article(rows[0])


def article_id_at_line(db, document_id: int, line: int) -> int | None:
    row = db.execute(
        "SELECT id FROM articles WHERE document_id = ? AND start_line <= ? AND end_line >= ?",
        [document_id, line, line],
    ).fetchone()
    return row[0] if row else None


def open_suggestion_counts(db) -> dict[str, int]:
    """Open suggestions by rule, stored one by one and packed."""
    counts = dict(
        db.execute("SELECT rule, count(*) FROM suggestions WHERE status = 'open' GROUP BY rule")
    )
    for rule, count in packed_counts(db).items():
        counts[rule] = counts.get(rule, 0) + count
    return counts


def equal_to(pairs) -> tuple[list[str], list]:
    """WHERE clauses `column = ?` and their values, for the (column, value) pairs given a value."""
    chosen = [(column, value) for column, value in pairs if value is not None]
    return [f"{column} = ?" for column, _ in chosen], [value for _, value in chosen]


def _document(row: dict) -> Document:
    return Document(
        id=row["id"],
        file_name=row["file_name"],
        sha256=row["sha256"],
        encoding=row["encoding"],
        text=row["raw_text"],
        publication=row["publication"],
        date=row["date"],
        page=row["page"],
        edition=row["edition"],
        imported_at=row["imported_at"],
        source_path=row["source_path"] or "",
    )


def article_from_row(row, text: str) -> Article:
    """An Article from a row of the articles table read by column name, and its text."""
    span = [row[name] for name in SPAN_COLUMNS]
    return article_from_values(span, [row[field.name] for field in FIELDS], text)


def article_from_values(span, stored, text: str) -> Article:
    """An Article from its SPAN_COLUMNS values, its fields' stored values (in FIELDS order)
    and its text."""
    values = dict(zip(SPAN_COLUMNS, span, strict=True))
    for field, value in zip(FIELDS, stored, strict=True):
        if field.name != "corrected_text":  # the Article holds the text itself
            values[field.name] = field.loaded(value)
    return Article(**values, text=text)


def _article(row: dict) -> Article:
    return article_from_row(row, row["text"])
