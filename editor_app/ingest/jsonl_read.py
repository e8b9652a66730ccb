"""Read a whole JSONL corpus export and validate it before anything is written.

Each line must be one article record (see jsonl_schema). Across lines, the records of
one document must agree on the document, ids must not repeat, and the spans of each
document must follow each other with room for what lay between them, so the import can
rebuild the raw text with every offset and line number in place. Any problem is a
ProjectError naming the file, the line and the field.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.ingest.jsonl_schema import (
    ArticleRecord,
    DocumentRecord,
    RecordError,
    brief,
    check_record,
    decode_record,
)
from editor_app.support.errors import ProjectError

BOM = b"\xef\xbb\xbf"
# One article per line: a line this long is no article of any newspaper page.
MAX_LINE_MIB = 256
MAX_LINE_BYTES = MAX_LINE_MIB * 2**20


@dataclass(slots=True)
class ExportedArticle:
    line: int  # its line in the JSONL file
    record: ArticleRecord


@dataclass(slots=True)
class ExportedDocument:
    document: DocumentRecord
    first_line: int
    articles: list[ExportedArticle] = field(default_factory=list)  # in raw order, once read


@dataclass(slots=True)
class Export:
    path: Path
    documents: list[ExportedDocument]


def read_export(path) -> Export:
    """Every document of the export with its articles, or a ProjectError for the first fault."""
    path = Path(path)
    collector = _Collector(path)
    with _open_regular(path) as handle:
        for number, data in _lines(path, handle):
            collector.add(number, _record(path, number, data))
    return Export(path, collector.finish())


def _open_regular(path: Path):
    # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ProjectError(path, f"cannot read: {error.strerror}") from error
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ProjectError(path, "not a regular file")
    return os.fdopen(fd, "rb")


def _lines(path: Path, handle):
    """(number, bytes) of each line that holds a record; an empty file is refused.

    A byte order mark (a spreadsheet or an editor may add one) and blank lines (one at
    the end often comes with an edited file) hold nothing and are passed over.
    """
    number = records = 0
    try:
        while data := handle.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(data) > MAX_LINE_BYTES:
                raise ProjectError(path, f"line {number}: longer than {MAX_LINE_MIB} MiB")
            if number == 1:
                data = data.removeprefix(BOM)
            if data.strip():
                records += 1
                yield number, data
    except OSError as error:
        raise ProjectError(path, f"cannot read: {error.strerror}") from error
    if records == 0:
        raise ProjectError(path, "empty: a JSONL export holds one article per line")


def _record(path: Path, number: int, data: bytes) -> ArticleRecord:
    try:
        record = decode_record(data)
        check_record(record)
    except RecordError as error:
        raise ProjectError(path, f"line {number}: {error}") from None
    return record


class _Collector:
    """Groups records by document as they come; checks what ties lines to each other."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.documents: dict[str, ExportedDocument] = {}
        self.document_ids: dict[tuple[str, int], int] = {}  # (project, id) -> first line
        self.article_ids: dict[tuple[str, int], int] = {}

    def add(self, number: int, record: ArticleRecord) -> None:
        document = self.documents.get(record.document.sha256)
        if document is None:
            self._check_document_id(number, record)
            document = ExportedDocument(record.document, number)
            self.documents[record.document.sha256] = document
        else:
            self._check_same_document(number, record, document)
        self._check_article_id(number, record)
        document.articles.append(ExportedArticle(number, record))

    def finish(self) -> list[ExportedDocument]:
        for document in self.documents.values():
            document.articles.sort(
                key=lambda a: (a.record.provenance.raw_start, a.record.provenance.start_line)
            )
            check_layout(self.path, document)
        return list(self.documents.values())

    def _fail(self, number: int, field: str, problem: str):
        raise ProjectError(self.path, f"line {number}: {field}: {problem}")

    def _check_document_id(self, number: int, record: ArticleRecord) -> None:
        key = (record.project, record.document.id)
        if key in self.document_ids:
            self._fail(
                number,
                "document.id",
                f"{record.document.id} names a different document on line "
                f"{self.document_ids[key]} (another sha256) of the same project",
            )
        self.document_ids[key] = number

    def _check_same_document(self, number, record, document: ExportedDocument) -> None:
        for name in DocumentRecord.__struct_fields__:
            now, before = getattr(record.document, name), getattr(document.document, name)
            if now != before:
                self._fail(
                    number,
                    f"document.{name}",
                    f"{brief(repr(now))} here, {brief(repr(before))} on line "
                    f"{document.first_line} for the same document (same sha256)",
                )

    def _check_article_id(self, number: int, record: ArticleRecord) -> None:
        key = (record.project, record.id)
        if key in self.article_ids:
            self._fail(
                number, "id", f"article {record.id} is on line {self.article_ids[key]} already"
            )
        self.article_ids[key] = number


def check_layout(path: Path, document: ExportedDocument) -> None:
    """The spans, in raw order, follow each other and fit the document with what lies between."""
    pos, line, previous = 0, 1, None
    for order, article in enumerate(document.articles, start=1):
        span = article.record.provenance
        if previous is not None:
            _check_follows(path, article, previous)
        problem = gap_problem(span.raw_start - pos, span.start_line - line, after=bool(previous))
        if problem:
            where = _after(previous, pos, line)
            raise ProjectError(
                path,
                f"line {article.line}: provenance.raw_start: {span.raw_start}: "
                f"from {where} to here, {problem}",
            )
        if article.record.order != order:
            raise ProjectError(
                path,
                f"line {article.line}: order: {article.record.order}, but the article is "
                f"number {order} of its document in raw order",
            )
        pos, line, previous = span.raw_end, span.end_line, article
    _check_end(path, document, previous, pos, line)


def _check_follows(path: Path, article: ExportedArticle, previous: ExportedArticle) -> None:
    span, before = article.record.provenance, previous.record.provenance
    if span.start_line <= before.end_line:
        raise ProjectError(
            path,
            f"line {article.line}: provenance.start_line: {span.start_line} overlaps the "
            f"article on line {previous.line} (lines {before.start_line}–{before.end_line})",
        )
    if span.raw_start < before.raw_end:
        raise ProjectError(
            path,
            f"line {article.line}: provenance.raw_start: {span.raw_start} overlaps the "
            f"article on line {previous.line} (raw text {before.raw_start}–{before.raw_end})",
        )


def _check_end(path: Path, document: ExportedDocument, last, pos: int, line: int) -> None:
    data = document.document
    problem = gap_problem(data.raw_length - pos, data.line_count - line, after=True, at_end=True)
    if problem:
        raise ProjectError(
            path,
            f"line {last.line}: document.raw_length: {data.raw_length}: from "
            f"{_after(last, pos, line)} to the end of the document "
            f"(line {data.line_count}), {problem}",
        )


def _after(previous: ExportedArticle | None, pos: int, line: int) -> str:
    if previous is None:
        return "the start of the document"
    return f"the end of the article on line {previous.line} (offset {pos}, line {line})"


def gap_problem(chars: int, breaks: int, *, after: bool, at_end: bool = False) -> str | None:
    """Why `chars` characters holding `breaks` line breaks cannot lie before a span.

    The characters that are no line break need a line of their own: not the line a span
    ends on (`after` one) nor the line the next span starts on (unless `at_end`).
    """
    if chars < breaks:
        return f"{breaks} line breaks do not fit in {chars} characters"
    lead = 1 if after and breaks > 0 else 0
    free_lines = breaks if at_end else breaks - lead
    if chars > breaks and free_lines < 1:
        return f"{chars - breaks} characters would share a line with an article"
    return None


def gap_text(chars: int, breaks: int, *, after: bool) -> str:
    """What `gap_problem` accepts: the line breaks, and spaces on a line of their own."""
    lead = 1 if after and breaks > 0 else 0
    return "\n" * lead + " " * (chars - breaks) + "\n" * (breaks - lead)
