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
from editor_app.storage.analysis import Analysis, analyse_file
from editor_app.storage.journal import now

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
    _log_import(project, report)
    return report


def _analyses(
    files: list[str], known: frozenset[str], dictionary: tuple, workers: int | None
) -> Iterator[Analysis]:
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < PARALLEL_FROM:
        for path in files:
            yield analyse_file(path, known, dictionary)
        return
    # Bounded look-ahead keeps memory flat however many files there are.
    window = workers * 4
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = []
        for path in files:
            pending.append(pool.submit(analyse_file, path, known, dictionary))
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
    proposal = analysis.proposal
    db.table("articles").insert_all(
        [_article_row(doc_id, seg, lines) for seg in proposal.segments], batch_size=500
    )
    db.table("line_roles").insert_all(
        [{"document_id": doc_id, "line": n, "role": r} for n, r in proposal.roles.items()],
        batch_size=2000,
    )
    db.table("suggestions").insert_all(
        [_suggestion_row(doc_id, s) for s in analysis.suggestions], batch_size=1000
    )
    return doc_id


def _article_row(doc_id: int, seg, lines) -> dict:
    return {
        "document_id": doc_id,
        "start_line": seg.start,
        "end_line": seg.end,
        "start_offset": lines[seg.start - 1].start,
        "end_offset": lines[seg.end - 1].end,
        "kind": seg.kind,
        "kicker": seg.kicker,
        "title": seg.title,
        "subtitle": seg.subtitle,
        "dateline": seg.dateline,
        "reporters": json.dumps(seg.reporters or [], ensure_ascii=False),
        "correspondents": json.dumps(seg.correspondents or [], ensure_ascii=False),
        "interns": json.dumps(seg.interns or [], ensure_ascii=False),
        "section": "",
        "corrected_text": None,
        "status": "proposed",
        "truncated": int(seg.truncated),
        "lost_text": 0,
        "note": "",
        "confidence": seg.confidence,
        "reason": seg.reason,
    }


def _suggestion_row(doc_id: int, s) -> dict:
    return {
        "document_id": doc_id,
        "rule": s.rule,
        "line": s.line,
        "col": s.column,
        "next_line": s.next_line,
        "start": s.start,
        "end": s.end,
        "before": s.before,
        "after": s.after,
        "reason": s.reason,
        "confidence": s.confidence,
        "pattern": s.pattern,
        "status": "open",
    }


def _log_import(project, report: ImportReport) -> None:
    detail = {
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
