"""Search and replace across the project's corrected text and metadata.

Hits stream out in document and article order: the documents are walked in ranges of
ids, a few at first and more as the walk goes on, so a common word's first screen comes
from the first documents and the rest of the archive is not read until it is asked for.

In each range, three or more characters: the trigram indexes (raw text per document,
edits and metadata per article) propose candidate articles, each checked exactly. One or
two characters: the trigram index cannot answer, so the raw text of the range's
documents is scanned with instr() (fast, in SQLite) and edited texts and metadata
separately. A regular expression checks every article. Either way each hit is a real
occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from editor_app.model.fields import BODY, BY_NAME, SEARCHED, names_of
from editor_app.model.text_edits import apply_edits
from editor_app.storage.errors import OperationError
from editor_app.storage.journal import OpResult
from editor_app.storage.queries import EFFECTIVE_TEXT

if TYPE_CHECKING:
    from editor_app.storage.editing import Edits
    from editor_app.storage.operations import Articles

# Where a hit can be: the searched fields of model/fields.py, the article's text as "text".
_METADATA = tuple(field for field in SEARCHED if field.kind != BODY)
SEARCHED_FIELDS = (*names_of(_METADATA), "text")
NAME_SEPARATOR = " "  # names are searched as the form shows them: `甲 乙`
_METADATA_COLUMNS = ", ".join(f"a.{name}" for name in names_of(_METADATA))
# Where a hit is, as the results list shows it: the issue, the article, the line.
_PLACE_COLUMNS = (
    "a.start_line AS hit_first_line, a.end_line AS hit_last_line, a.title AS hit_title, "
    "d.file_name AS hit_file_name, d.publication AS hit_publication, d.date AS hit_date, "
    "d.page AS hit_page"
)
CONTEXT = 20
PAGE = 50  # hits in a page: a screen of results
FIRST_RANGE = 4  # documents read for the first page of a common word
LAST_RANGE = 1024  # the ranges double up to this: a rare word walks all in few statements


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence: in which article and field, where, and the text around it.

    `issue` names the document as an editor knows it (publication, date, page; else its
    file name), `title` is the article's title and `line` the raw line the hit is on (a
    metadata field's hit: the article's first line). The window and the command line
    both show these, so they say the same.
    """

    article_id: int
    document_id: int
    field: str
    start: int
    end: int
    before: str
    match: str
    after: str
    replacement: str = ""
    issue: str = ""
    title: str = ""
    line: int = 0


class Search:
    """`project.search`: find, and replace as one operation, across text and metadata."""

    def __init__(self, db, path, edits: Edits, articles: Articles) -> None:
        self.db = db
        self.path = path
        self.edits = edits
        self.articles = articles

    def find(self, query: str, *, regex: bool = False, limit: int = 1000) -> list[Hit]:
        """Hits in document and article order; at most `limit` of them."""
        return list(islice(self._hits(query, regex, None, None), limit))

    def pages(
        self,
        query: str,
        *,
        regex: bool = False,
        page: int = PAGE,
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterator[list[Hit]]:
        """The hits of find(), `page` at a time (the last page may be shorter).

        A page is read when it is asked for: stopping after the first reads only the
        documents it came from. `cancelled()` is asked between two ranges of documents;
        once it says yes no more is read. A bad query is refused here, not at the first page.
        """
        return _paged(self._hits(query, regex, None, cancelled), page)

    def _hits(self, query: str, regex: bool, replacement: str | None, cancelled) -> Iterator[Hit]:
        pattern = _compile(query, regex, self.path)
        expand = _expander(replacement, regex, self.path)

        def walk() -> Iterator[Hit]:
            for row in self._candidate_rows(query, regex, cancelled):
                yield from _hits_in_row(row, pattern, expand)

        return walk()

    def replace_preview(
        self, find: str, replacement: str, *, regex: bool = False, limit: int = 100000
    ) -> list[Hit]:
        """Every hit with the text it would become; nothing is written."""
        return list(islice(self._hits(find, regex, replacement, None), limit))

    def apply_replace(self, hits: list[Hit], label: str = "") -> OpResult:
        """Apply the kept hits of a preview as one operation (one undo step)."""
        by_field: dict[tuple[int, str], list[Hit]] = {}
        # The metadata first: the text's hits then make the fields copied from its lines
        # follow, and find no field changed under them.
        for hit in sorted(hits, key=lambda h: h.field == "text"):
            by_field.setdefault((hit.article_id, hit.field), []).append(hit)
        with self.edits.operation("replace", label or f"替换 {len(hits)} 处") as op:
            for (article_id, field), group in by_field.items():
                self._replace_in_field(article_id, field, group)
            op.value = len(hits)
        return op

    def _replace_in_field(self, article_id: int, field: str, hits: list[Hit]) -> None:
        article = self.articles.get(article_id)
        text = searched_text(field, getattr(article, field))
        for hit in hits:
            if text[hit.start : hit.end] != hit.match:
                raise OperationError(self.path, f"article {article_id} changed since the preview")
        edits = [(hit.start, hit.end, hit.replacement) for hit in hits]
        if field == "text":
            self.articles.rewrite_text(article_id, text, edits)
        else:
            self.articles.set_fields(article_id, {field: apply_edits(text, edits)})

    # -- candidates -------------------------------------------------------------------------

    def _candidate_rows(self, query: str, regex: bool, cancelled) -> Iterator[dict]:
        """Rows with text of the candidate articles, one range of documents at a time.

        Each range is one statement whose rows are read as they are used, so a search
        that stops early reads only the articles it shows.
        """
        sql, params = _candidate_sql(query, regex)
        for first, last in self._document_ranges(cancelled):
            yield from self.db.query(sql, {**params, "first": first, "last": last})

    def _document_ranges(self, cancelled) -> Iterator[tuple[int, int]]:
        """(first, last) document ids, FIRST_RANGE wide, doubling up to LAST_RANGE."""
        lowest, highest = self.db.execute("SELECT min(id), max(id) FROM documents").fetchone()
        if lowest is None:
            return
        first, width = lowest, FIRST_RANGE
        while first <= highest:
            if cancelled is not None and cancelled():
                return
            yield first, first + width - 1
            first, width = first + width, min(width * 2, LAST_RANGE)


def _candidate_sql(query: str, regex: bool) -> tuple[str, dict]:
    """The rows of one range's candidate articles, in order: `:first`, `:last` to bind."""
    select = (
        f"SELECT a.id, a.document_id, {_METADATA_COLUMNS}, "
        f"{_PLACE_COLUMNS}, {EFFECTIVE_TEXT} AS text "
        # Walked in the index's order, so rows come as they are found, never sorted first.
        "FROM articles a INDEXED BY articles_by_document "
        "JOIN documents d ON d.id = a.document_id WHERE "
    )
    order = " ORDER BY a.document_id, a.start_line"
    if regex:  # every article is checked
        return f"{select}a.document_id BETWEEN :first AND :last{order}", {}
    if len(query) >= 3:
        return f"{_INDEXED_CANDIDATES}{select}{_INDEXED_CONDITION}{order}", {
            "q": _trigram_query(query)
        }
    return f"{select}{_SCANNED_CONDITION}{order}", {"q": query}


# Three or more characters: both indexes are asked for the range only (FTS5 seeks to a
# rowid range). An article's id is not in document order (a split adds a new one), so
# the article index is asked for the ids between the range's lowest and highest.
_INDEXED_CANDIDATES = (
    "WITH raw AS (SELECT rowid AS id FROM document_search WHERE document_search MATCH :q "
    "AND rowid BETWEEN :first AND :last), "
    "edited AS (SELECT rowid AS id FROM article_search WHERE article_search MATCH :q "
    "AND rowid BETWEEN (SELECT min(id) FROM articles WHERE document_id BETWEEN :first AND :last) "
    "AND (SELECT max(id) FROM articles WHERE document_id BETWEEN :first AND :last)) "
)
# Only the documents that hold a candidate are looked up, in order; an article's row is
# read once its document or its own id matched.
_INDEXED_CONDITION = (
    "a.document_id IN (SELECT id FROM raw UNION SELECT document_id FROM articles "
    "WHERE id IN edited AND document_id BETWEEN :first AND :last) "
    "AND ((a.document_id IN raw AND a.corrected_text IS NULL) OR a.id IN edited)"
)
# One or two characters: the raw text of the range's documents is scanned, and the
# edited text and metadata of their articles.
_SCANNED_CONDITION = (
    "a.document_id BETWEEN :first AND :last "
    "AND ((a.corrected_text IS NULL AND a.document_id IN (SELECT id FROM documents "
    "WHERE id BETWEEN :first AND :last AND instr(raw_text, :q) > 0)) "
    "OR instr(a.corrected_text, :q) > 0 "
    + "".join(f"OR instr(a.{field.name}, :q) > 0 " for field in _METADATA)
    + ")"
)


def _paged(hits: Iterator[Hit], size: int) -> Iterator[list[Hit]]:
    while page := list(islice(hits, size)):
        yield page


def searched_text(field: str, value) -> str:
    """A field's value as search reads it: lists of names as `甲 乙`, as in the form."""
    if isinstance(value, list):
        return NAME_SEPARATOR.join(value)
    return value or ""


def _loaded(field: str, value):
    return value if field == "text" else BY_NAME[field].loaded(value)


def _compile(query: str, regex: bool, path) -> re.Pattern:
    if not query:
        raise OperationError(path, "an empty search matches nothing")
    try:
        return re.compile(query if regex else re.escape(query))
    except re.error as error:
        raise OperationError(path, f"not a valid regular expression: {error}") from error


def _trigram_query(query: str) -> str:
    """Every trigram of the query, ANDed: single terms need no positions (detail=none)."""
    grams = dict.fromkeys(query[i : i + 3] for i in range(len(query) - 2))
    return " AND ".join('"' + gram.replace('"', '""') + '"' for gram in grams)


def _expander(replacement: str | None, regex: bool, path):
    """What a match becomes: the replacement as typed, or expanded with its groups."""
    if replacement is None:
        return lambda found: ""
    if not regex:
        return lambda found: replacement

    def expand(found: re.Match) -> str:
        # Expanded on the match in its text, so look-arounds and groups see their context.
        try:
            return found.expand(replacement)
        except (re.error, IndexError) as error:
            raise OperationError(
                path, f"the replacement does not fit the pattern: {error}"
            ) from error

    return expand


def issue_name(publication: str, date: str, page: str, file_name: str) -> str:
    """A document as an editor names it: `publication date page`, else its file name."""
    parts = [part for part in (publication, date, page) if part]
    return " ".join(parts) if parts else file_name


def _hit_line(row: dict, field: str, text: str, start: int) -> int:
    """The raw line of a hit: lines counted into the article's text, kept inside it."""
    first, last = row["hit_first_line"], row["hit_last_line"]
    if field != "text":
        return first
    return min(first + text.count("\n", 0, start), last)


def _hits_in_row(row: dict, pattern: re.Pattern, expand) -> list[Hit]:
    hits = []
    issue = issue_name(
        row["hit_publication"] or "",
        row["hit_date"] or "",
        row["hit_page"] or "",
        row["hit_file_name"],
    )
    title = row["hit_title"] or ""
    for field in SEARCHED_FIELDS:
        value = searched_text(field, _loaded(field, row[field]))
        for found in pattern.finditer(value):
            if found.end() == found.start():
                continue  # an empty match replaces nothing
            hits.append(
                Hit(
                    article_id=row["id"],
                    document_id=row["document_id"],
                    field=field,
                    start=found.start(),
                    end=found.end(),
                    before=value[max(0, found.start() - CONTEXT) : found.start()],
                    match=found.group(),
                    after=value[found.end() : found.end() + CONTEXT],
                    replacement=expand(found),
                    issue=issue,
                    title=title,
                    line=_hit_line(row, field, value, found.start()),
                )
            )
    return hits
