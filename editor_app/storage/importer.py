"""Import raw text files into a project, one transaction per batch of documents.

Files are analysed (decoded, segmented, cleanup suggestions) in worker processes and
written by this process's one writer connection. A document is never split across
transactions, so an import that is killed leaves every document whole or absent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.storage.analysis import (
    ARTICLE_COLUMNS,
    SUGGESTION_COLUMNS,
    Analysis,
    analyse_file,
    set_context,
)
from editor_app.storage.journal import now
from editor_app.storage.suggestions import reason_id

TEXT_SUFFIXES = {".txt", ".text"}
PARALLEL_FROM = 16  # below this many files, a pool costs more than it saves
# A transaction ends after this much raw text or this many files, whichever comes first.
# About the size of FTS5's in-memory index (1 MB): bigger batches save little more.
BATCH_BYTES = 1_000_000
BATCH_DOCUMENTS = 50


@dataclass(slots=True)
class ImportReport:
    imported: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    bytes_read: int = 0
    cancelled: bool = False

    def summary(self) -> str:
        text = f"imported {len(self.imported)}, skipped {len(self.skipped)}"
        return text + (" (cancelled)" if self.cancelled else "")


def iter_text_files(paths: Iterable) -> Iterator[Path]:
    """Files named directly, and the .txt files inside folders (sorted, recursive)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES:
                    yield child
        else:
            yield path


def import_paths(
    project,
    paths: Iterable,
    *,
    publication: str = "",
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import files and folders; returns what was imported and what was skipped, and why."""
    project.require_writable()
    files = [str(p) for p in iter_text_files(paths)]
    known = frozenset(r[0] for r in project.db.execute("SELECT sha256 FROM documents"))
    dictionary = tuple((e["wrong"], e["right"]) for e in project.dictionary())
    writer = _Writer(project.db, publication, progress, cancelled, len(files), set(known))
    writer.run(_analyses(files, known, dictionary, workers))
    log_import(project, writer.report)
    return writer.report


def _analyses(
    files: list[str], known: frozenset[str], dictionary: tuple, workers: int | None
) -> Iterator[Analysis]:
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < PARALLEL_FROM:
        set_context(known, dictionary)
        for path in files:
            yield analyse_file(path)
        return
    # Bounded look-ahead keeps memory flat however many files there are.
    window = workers * 4
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=set_context, initargs=(known, dictionary)
    )
    with pool:
        pending = []
        for path in files:
            pending.append(pool.submit(analyse_file, path))
            if len(pending) >= window:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


@dataclass(slots=True)
class _Writer:
    """Stores analyses through the writer connection, a batch of documents per transaction."""

    db: object
    publication: str
    progress: Callable[[int, int, str], None] | None
    cancelled: Callable[[], bool] | None
    total: int
    seen: set[str]
    report: ImportReport = field(default_factory=ImportReport)
    reasons: dict[str, int] = field(default_factory=dict)

    def run(self, analyses: Iterator[Analysis]) -> None:
        steps = enumerate(analyses, start=1)
        while self._store_batch(steps):
            pass

    def _store_batch(self, steps: Iterator[tuple[int, Analysis]]) -> bool:
        """Store analyses in one transaction until the batch is full; False when done.

        A transaction per batch keeps every document whole or absent after a crash, and
        the trigram index is written out once per batch instead of once per document.
        """
        size = count = 0
        with self.db.atomic():
            for done, analysis in steps:
                if self.cancelled is not None and self.cancelled():
                    self.report.cancelled = True
                    return False
                self.report.bytes_read += analysis.size
                self._store_one(analysis)
                if self.progress is not None:
                    self.progress(done, self.total, analysis.path)
                size, count = size + analysis.size, count + 1
                if size >= BATCH_BYTES or count >= BATCH_DOCUMENTS:
                    return True
        return False

    def _store_one(self, analysis: Analysis) -> None:
        if analysis.error:
            self.report.skipped.append((analysis.path, analysis.error))
            return
        if analysis.sha256 in self.seen:
            self.report.skipped.append((analysis.path, "already in the project (same content)"))
            return
        self.seen.add(analysis.sha256)
        doc_id = self._insert_document(analysis)
        self.report.imported.append((analysis.path, doc_id))

    def _insert_document(self, analysis: Analysis) -> int:
        conn = self.db.conn
        # A plain execute: sqlite-utils' insert wraps each row in a savepoint, and every
        # savepoint makes FTS5 flush its pending index data, the dearest part of a write.
        doc_id = conn.execute(DOCUMENT_INSERT, self._document_row(analysis)).lastrowid
        conn.executemany(ARTICLE_INSERT, [(doc_id, *row) for row in analysis.articles])
        conn.executemany(ROLE_INSERT, [(doc_id, *row) for row in analysis.roles])
        conn.executemany(
            SUGGESTION_INSERT,
            [(doc_id, *row[:-1], self._reason_id(row[-1])) for row in analysis.suggestions],
        )
        return doc_id

    def _document_row(self, analysis: Analysis) -> tuple:
        path = Path(analysis.path)
        return (
            path.name,
            str(path.resolve()),
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


DOCUMENT_INSERT = (
    "INSERT INTO documents (file_name, source_path, sha256, encoding, had_crlf, publication, "
    "date, page, edition, raw_text, size_bytes, line_count, imported_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
ARTICLE_INSERT = (
    f"INSERT INTO articles (document_id, {ARTICLE_COLUMNS}) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
ROLE_INSERT = "INSERT INTO line_roles (document_id, line, role) VALUES (?, ?, ?)"
SUGGESTION_INSERT = (
    f"INSERT INTO suggestions (document_id, {SUGGESTION_COLUMNS}) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def log_import(project, report: ImportReport, **detail) -> None:
    """One history entry for a whole import (not an undo step: imports are not undone)."""
    detail |= {
        "imported": len(report.imported),
        "skipped": report.skipped,
        "bytes": report.bytes_read,
        "cancelled": report.cancelled,
    }
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
