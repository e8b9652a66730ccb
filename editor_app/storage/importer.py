"""Import raw text files into a project, one transaction per batch of documents.

Files are analysed (decoded, segmented, cleanup suggestions) in worker processes and
written by this process's one writer connection. A document is never split across
transactions, so an import that is killed leaves every document whole or absent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import orjson

from editor_app.ingest.analysis import (
    ARTICLE_COLUMNS,
    Analysis,
    analyse_file,
    analyse_files,
    set_context,
    set_packed_context,
)
from editor_app.ingest.sources import find_sources, printable_path
from editor_app.storage.import_report import DUPLICATE, ImportInterrupted, ImportReport
from editor_app.storage.journal import now
from editor_app.storage.suggestion_packs import PACK_INSERT, reserve_ids
from editor_app.storage.suggestions import reason_id
from editor_app.support.processes import worker_pool

__all__ = ["ImportInterrupted", "ImportReport", "import_paths", "log_import"]

PARALLEL_FROM = 16  # below this many files, a pool costs more than it saves
CHUNK_FILES = 16  # files per worker task, at most
# A transaction ends after this much raw text or this many files, whichever comes first.
# About the size of FTS5's in-memory index (1 MB): bigger batches save little more.
BATCH_BYTES = 1_000_000
BATCH_DOCUMENTS = 50


def import_paths(
    project,
    paths: Iterable,
    *,
    publication: str = "",
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    isolated: bool = False,
) -> ImportReport:
    """Import files and folders; returns what was imported and what was skipped, and why.

    `isolated`: analyse in worker processes however few the files, started clean (not
    forked from the caller): for a GUI, whose threads must keep the interpreter lock free.
    Ctrl-C ends it with ImportInterrupted once the batch in progress is stored or rolled
    back; its report says what the project kept. An import that stores nothing leaves
    the project as it was, history included.
    """
    project.require_writable()
    known = frozenset(r[0] for r in project.db.execute("SELECT sha256 FROM documents"))
    # The same for the worker processes, one a line, joined by SQLite in one step (the
    # interpreter lock free meanwhile): a pool pickles what its workers start with,
    # holding the lock, and pickles one string much faster than a set of strings.
    packed = project.db.execute("SELECT group_concat(sha256, char(10)) FROM documents")
    known_lines = packed.fetchone()[0] or ""
    dictionary = tuple((e["wrong"], e["right"]) for e in project.suggestions.dictionary())
    model = project.models.current_bytes()  # the project's own, once it has learned one
    writer = _Writer(project.db, publication, progress, cancelled, 0, set(known))
    try:
        sources = find_sources(paths)
        writer.total = len(sources.files)
        writer.report.found = len(sources.files) + len(sources.refused)
        writer.report.skipped += [(printable_path(p), why) for p, why in sources.refused]
        analyses = _analyses(
            sources.files, (known, known_lines), dictionary, workers, isolated, model
        )
        try:
            writer.run(analyses)
        finally:
            analyses.close()  # the workers stop here, not whenever the generator is collected
    except KeyboardInterrupt as interrupt:
        writer.settle()
        writer.report.interrupted = True
        log_import(project, writer.report)
        raise ImportInterrupted(writer.report) from interrupt
    log_import(project, writer.report)
    return writer.report


def _analyses(
    files: list[str],
    known: tuple[frozenset[str], str],
    dictionary: tuple,
    workers: int | None,
    isolated: bool = False,
    model: bytes | None = None,
) -> Iterator[Analysis]:
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if not isolated and (workers <= 1 or len(files) < PARALLEL_FROM):
        set_context(known[0], dictionary, model)
        for path in files:
            yield analyse_file(path)
        return
    pool = worker_pool(
        max(1, min(workers, len(files))),
        set_packed_context,
        (known[1], dictionary, model),
        # Forking a process with GUI threads could copy a lock some thread holds.
        clean=isolated,
    )
    # Files go out in chunks: every task costs this process (the writer's) a round of
    # pickling, locking and waking, which a chunk pays once for many files.
    size = max(1, min(CHUNK_FILES, len(files) // (workers * 4)))
    chunks = [files[start : start + size] for start in range(0, len(files), size)]
    with pool:
        pending = []
        try:
            for chunk in chunks:
                pending.append(pool.submit(analyse_files, chunk))
                # Bounded look-ahead keeps memory flat however many files there are.
                if len(pending) > workers * 2:
                    yield from pending.pop(0).result()
            for future in pending:
                yield from future.result()
        finally:
            for future in pending:
                future.cancel()  # a cancelled import does not wait for chunks not yet begun


@dataclass(slots=True)
class _Batch:
    """The documents of one transaction: their ids, and the rows written at its end."""

    first_id: int
    size: int = 0
    documents: list[tuple] = field(default_factory=list)
    articles: list[tuple] = field(default_factory=list)
    # Reported once committed: (path, document id), and the paths written escaped.
    imported: list[tuple[str, int]] = field(default_factory=list)
    escaped: list[str] = field(default_factory=list)

    def full(self) -> bool:
        return self.size >= BATCH_BYTES or len(self.documents) >= BATCH_DOCUMENTS


Steps = Iterator[tuple[int, Analysis]]


@dataclass(slots=True)
class _Writer:
    """Stores analyses through the writer connection, a batch of documents per transaction.

    A transaction per batch keeps every document whole or absent after a crash. Inside
    one, lines and suggestions go in as each analysis arrives; the documents and articles
    go in at the end, each table in one statement. That order is for FTS5 (SQLite 3.40):
    it writes out its pending index at every statement that could roll back, so the
    text of a whole batch is indexed in one go instead of document by document.
    A transaction begins only with a document to store: skipped files write nothing.
    """

    db: object
    publication: str
    progress: Callable[[int, int, str], None] | None
    cancelled: Callable[[], bool] | None
    total: int
    seen: set[str]
    report: ImportReport = field(default_factory=ImportReport)
    reasons: dict[str, int] = field(default_factory=dict)
    committing: _Batch | None = None  # a batch whose commit may not be reported yet

    def run(self, analyses: Iterator[Analysis]) -> None:
        steps = enumerate(analyses, start=1)
        first = self._skip_to_document(steps)
        while first is not None and self._store_batch(first, steps):
            first = self._skip_to_document(steps)

    def settle(self) -> None:
        """After an interruption: report the batch in flight if its commit went through."""
        batch, self.committing = self.committing, None
        if batch is None or not batch.documents or self.db.conn.in_transaction:
            return
        stored = self.db.conn.execute(
            "SELECT 1 FROM documents WHERE id = ? AND sha256 = ?",
            (batch.first_id, batch.documents[0][3]),
        ).fetchone()
        reported = self.report.imported[-len(batch.imported) :] == batch.imported
        if stored and not reported:
            self._report_stored(batch)

    def _skip_to_document(self, steps: Steps) -> tuple[int, Analysis] | None:
        """Record skipped files up to the next one to store; None when none is left."""
        for done, analysis in steps:
            if self._stopped():
                return None
            if not self._skipped(analysis):
                return done, analysis
            self._advance(done, analysis)
        return None

    def _store_batch(self, first: tuple[int, Analysis], steps: Steps) -> bool:
        """One transaction of analyses, until the batch is full; False when all are done."""
        conn = self.db.conn
        with self.db.atomic():
            # Rows name their document before it exists: checked at commit instead.
            conn.execute("PRAGMA defer_foreign_keys = ON")
            first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM documents").fetchone()
            batch = self.committing = _Batch(first_id[0])
            self._add_document(first[1], batch)
            self._advance(*first)
            more = batch.full() or self._fill(batch, steps)
            _insert_rows(conn, DOCUMENT_INSERT, batch.documents)
            _insert_rows(conn, ARTICLE_INSERT, batch.articles)
        self._report_stored(batch)
        self.committing = None
        return more

    def _report_stored(self, batch: _Batch) -> None:
        self.report.imported += batch.imported
        self.report.escaped_names += batch.escaped

    def _fill(self, batch: _Batch, steps: Steps) -> bool:
        for done, analysis in steps:
            if self._stopped():
                return False
            if not self._skipped(analysis):
                self._add_document(analysis, batch)
            self._advance(done, analysis)
            if batch.full():
                return True
        return False

    def _stopped(self) -> bool:
        if self.cancelled is not None and self.cancelled():
            self.report.cancelled = True
        return self.report.cancelled

    def _skipped(self, analysis: Analysis) -> bool:
        """Records why the file is not stored, if it is not."""
        reason = analysis.error or (DUPLICATE if analysis.sha256 in self.seen else "")
        if reason:
            self.report.skipped.append((printable_path(analysis.path), reason))
        return bool(reason)

    def _advance(self, done: int, analysis: Analysis) -> None:
        self.report.bytes_read += analysis.size
        if self.progress is not None:
            self.progress(done, self.total, printable_path(analysis.path))

    def _add_document(self, analysis: Analysis, batch: _Batch) -> int:
        self.seen.add(analysis.sha256)
        # The id SQLite would give it: one more than the largest, and this is the only writer.
        doc_id = batch.first_id + len(batch.documents)
        path = printable_path(analysis.path)
        batch.imported.append((path, doc_id))
        if path != analysis.path:
            batch.escaped.append(path)
        batch.documents.append((doc_id, *self._document_row(analysis)))
        batch.articles.extend((doc_id, *row) for row in analysis.articles)
        batch.size += analysis.size
        conn = self.db.conn
        conn.execute(ROLE_INSERT, (doc_id, analysis.roles))
        if analysis.ocr is not None:
            _store_source(conn, doc_id, analysis)
        if analysis.suggestion_kinds:
            self._store_pack(doc_id, analysis)
        return doc_id

    def _store_pack(self, doc_id: int, analysis: Analysis) -> None:
        """The page's suggestions as one pack, under ids reserved for them now."""
        kinds = [
            (*kind[:-2], self._reason_id(kind[-2]), kind[-1]) for kind in analysis.suggestion_kinds
        ]
        size = sum(kind[-1] for kind in kinds)  # each kind ends with its number of uses
        first_id = reserve_ids(self.db.conn, size)
        self.db.conn.execute(
            PACK_INSERT,
            (
                doc_id,
                first_id,
                size,
                orjson.dumps(kinds).decode(),
                analysis.suggestions,
            ),
        )

    def _document_row(self, analysis: Analysis) -> tuple:
        return (
            analysis.file_name,
            analysis.source_path,
            analysis.sha256,
            analysis.encoding,
            int(analysis.had_crlf),
            self.publication,
            analysis.date,
            analysis.page,
            "",
            analysis.text,
            analysis.size,
            analysis.line_count,
            now(),
        )

    def _reason_id(self, text: str) -> int:
        found = self.reasons.get(text)
        return found if found is not None else reason_id(self.db, text, self.reasons)


def _store_source(conn, doc_id: int, analysis: Analysis) -> None:
    """The OCR file the document's raw text was derived from, and its geometry."""
    ocr = analysis.ocr
    conn.execute(
        SOURCE_INSERT,
        (
            doc_id,
            ocr.format,
            ocr.source,
            ocr.image_path,
            ocr.image_sha256,
            ocr.width,
            ocr.height,
            ocr.line_boxes,
        ),
    )


# Bound parameters per statement: SQLite builds before 3.32 allow no more than 999.
MAX_VARIABLES = 999


def _insert_rows(conn, insert: str, rows: list[tuple]) -> None:
    """Insert rows with one multi-row statement per MAX_VARIABLES values."""
    if not rows:
        return
    head, one_row = insert.split(" VALUES ")
    per_statement = max(1, MAX_VARIABLES // len(rows[0]))
    for start in range(0, len(rows), per_statement):
        chunk = rows[start : start + per_statement]
        values = ", ".join([one_row] * len(chunk))
        conn.execute(f"{head} VALUES {values}", [value for row in chunk for value in row])


DOCUMENT_INSERT = (
    "INSERT INTO documents (id, file_name, source_path, sha256, encoding, had_crlf, "
    "publication, date, page, edition, raw_text, size_bytes, line_count, imported_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
ARTICLE_INSERT = (
    f"INSERT INTO articles (document_id, {', '.join(ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (1 + len(ARTICLE_COLUMNS)))})"
)
SOURCE_INSERT = (
    "INSERT INTO document_sources (document_id, format, source, image_path, image_sha256, "
    "width, height, line_boxes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
ROLE_INSERT = (
    "INSERT INTO line_roles (document_id, line, role) "
    "SELECT ?, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)"
)


def log_import(project, report: ImportReport, **detail) -> None:
    """One history entry for a whole import (not an undo step: imports are not undone).

    None when nothing was imported: an import that stored nothing leaves no trace.
    """
    if not report.imported:
        return
    detail |= {
        "imported": len(report.imported),
        "skipped": report.skipped,
        "bytes": report.bytes_read,
        "cancelled": report.cancelled,
    }
    if report.interrupted:
        detail["interrupted"] = True
    project.db.table("operations").insert(
        {
            "kind": "import",
            "action": "import",
            "label": "导入文件",
            "editor": project.editor,
            "time": now(),
            "state": "done",
            "on_stack": 0,
            "detail": json.dumps(detail, ensure_ascii=False),
        }
    )
