"""Import raw text files into a project, one transaction per document.

Files are analysed (decoded, segmented, cleanup suggestions) in worker processes and
written by this process's one writer connection. Each document is written in one
transaction, so an import that is killed leaves every document whole or absent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.model import split_lines
from editor_app.storage.analysis import Analysis, analyse_file, set_context
from editor_app.storage.journal import now
from editor_app.storage.suggestions import reason_id

TEXT_SUFFIXES = {".txt", ".text"}
PARALLEL_FROM = 16  # below this many files, a pool costs more than it saves


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
    report = ImportReport()
    known = frozenset(r[0] for r in project.db.execute("SELECT sha256 FROM documents"))
    seen: set[str] = set(known)
    dictionary = tuple((e["wrong"], e["right"]) for e in project.dictionary())
    for done, analysis in enumerate(_analyses(files, known, dictionary, workers), start=1):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        report.bytes_read += analysis.size
        _store_one(project, analysis, publication, seen, report)
        if progress is not None:
            progress(done, len(files), analysis.path)
    log_import(project, report)
    return report


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


def _store_one(project, analysis: Analysis, publication: str, seen: set, report) -> None:
    name = Path(analysis.path).name
    if analysis.error:
        report.skipped.append((analysis.path, analysis.error))
        return
    if analysis.sha256 in seen:
        report.skipped.append((analysis.path, "already in the project (same content)"))
        return
    seen.add(analysis.sha256)
    with project.db.atomic():
        doc_id = _insert_document(project.db, analysis, name, publication)
    report.imported.append((analysis.path, doc_id))


def _insert_document(db, analysis: Analysis, name: str, publication: str) -> int:
    lines = split_lines(analysis.text)
    doc_id = (
        db.table("documents")
        .insert(
            {
                "file_name": name,
                "source_path": str(Path(analysis.path).resolve()),
                "sha256": analysis.sha256,
                "encoding": analysis.encoding,
                "had_crlf": int(analysis.had_crlf),
                "publication": publication,
                "date": analysis.date,
                "page": analysis.page,
                "edition": "",
                "raw_text": analysis.text,
                "size_bytes": analysis.size,
                "line_count": len(lines),
                "imported_at": now(),
            }
        )
        .last_pk
    )
    # Plain executemany: the bulk of an import is these rows, and they need no conversion.
    proposal = analysis.proposal
    db.conn.executemany(ARTICLE_INSERT, [_article_row(doc_id, s, lines) for s in proposal.segments])
    db.conn.executemany(
        "INSERT INTO line_roles (document_id, line, role) VALUES (?, ?, ?)",
        [(doc_id, number, role) for number, role in proposal.roles.items()],
    )
    reasons: dict[str, int] = {}
    db.conn.executemany(
        SUGGESTION_INSERT,
        [_suggestion_row(db, doc_id, s, reasons) for s in analysis.suggestions],
    )
    return doc_id


ARTICLE_INSERT = (
    "INSERT INTO articles (document_id, start_line, end_line, start_offset, end_offset, kind, "
    "kicker, title, subtitle, dateline, reporters, correspondents, interns, truncated, "
    "confidence, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
SUGGESTION_INSERT = (
    "INSERT INTO suggestions (document_id, rule, line, col, next_line, start, end, before, "
    "after, reason_id, confidence, pattern) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _article_row(doc_id: int, seg, lines) -> tuple:
    return (
        doc_id,
        seg.start,
        seg.end,
        lines[seg.start - 1].start,
        lines[seg.end - 1].end,
        seg.kind,
        seg.kicker,
        seg.title,
        seg.subtitle,
        seg.dateline,
        _names(seg.reporters),
        _names(seg.correspondents),
        _names(seg.interns),
        int(seg.truncated),
        seg.confidence,
        seg.reason,
    )


def _names(names) -> str:
    return json.dumps(list(names or []), ensure_ascii=False)


def _suggestion_row(db, doc_id: int, s, reasons: dict) -> tuple:
    return (
        doc_id,
        s.rule,
        s.line,
        s.column,
        s.next_line,
        s.start,
        s.end,
        s.before,
        s.after,
        reason_id(db, s.reason, reasons),
        s.confidence,
        s.pattern,
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
