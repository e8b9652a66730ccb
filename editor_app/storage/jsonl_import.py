"""Import a JSONL corpus export (see editor_app/export) into a project.

One article per line is the export's contract, so each line carries what rebuilding
needs: its raw span text with offsets and line numbers, its line roles, its corrected
text. Each exported document becomes one document whose raw text holds the spans at
their old offsets and line numbers; what lay between them (text that was not exported)
comes back as blank lines, so every offset and line number stays valid.

The whole file is validated first (jsonl_read); then all of its new documents go in
with one transaction, or none of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from editor_app.ingest.jsonl_read import Export, ExportedDocument, gap_text, read_export
from editor_app.ingest.jsonl_schema import ArticleRecord
from editor_app.storage.importer import ImportReport, log_import
from editor_app.storage.journal import now

ARTICLE_FIELDS = ("kind", "status", "kicker", "title", "subtitle", "dateline", "section", "note")
NAME_FIELDS = ("reporters", "correspondents", "interns")
DUPLICATE = "already in the project (same content)"


class _Cancelled(Exception):
    """Rolls the import's transaction back when the caller cancels."""


def import_jsonl(
    project,
    path,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Rebuild the documents and articles of a JSONL export; known documents are skipped."""
    project.require_writable()
    return import_exports(project, [read_export(path)], progress, cancelled)


def import_exports(
    project,
    exports: list[Export],
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Write validated exports in one transaction; a cancelled import writes nothing."""
    project.require_writable()
    report = ImportReport()
    known = {row[0] for row in project.db.execute("SELECT sha256 FROM documents")}
    pending = [(export.path, document) for export in exports for document in export.documents]
    try:
        with project.db.atomic():
            for done, (path, document) in enumerate(pending, start=1):
                if cancelled is not None and cancelled():
                    raise _Cancelled
                _import_document(project.db, path, document, known, report)
                if progress is not None:
                    progress(done, len(pending), document.document.file_name)
            if report.imported:
                sources = ", ".join(str(export.path) for export in exports)
                log_import(project, report, source=sources, format="jsonl")
    except _Cancelled:
        return ImportReport(cancelled=True)
    return report


def _import_document(db, path: Path, document: ExportedDocument, known: set, report) -> None:
    data = document.document
    source = f"{path}#{data.file_name}"
    if data.sha256 in known:
        report.skipped.append((source, DUPLICATE))
        return
    raw = rebuild_raw_text(document)
    report.imported.append((source, _insert(db, path, document, raw)))
    report.bytes_read += len(raw.encode("utf-8"))
    known.add(data.sha256)


def rebuild_raw_text(document: ExportedDocument) -> str:
    """The spans at their offsets and line numbers; blank lines (and spaces) between them.

    The document was validated (jsonl_read.check_layout): every gap fits.
    """
    parts: list[str] = []
    pos, line, after = 0, 1, False
    for article in document.articles:
        span = article.record.provenance
        parts.append(gap_text(span.raw_start - pos, span.start_line - line, after=after))
        parts.append(span.raw_text)
        pos, line, after = span.raw_end, span.end_line, True
    data = document.document
    parts.append(gap_text(data.raw_length - pos, data.line_count - line, after=after))
    return "".join(parts)


def _insert(db, path: Path, document: ExportedDocument, raw: str) -> int:
    data = document.document
    doc_id = (
        db.table("documents")
        .insert(
            {
                "id": _free_id(db, "documents", data.id),
                "file_name": data.file_name,
                "source_path": str(path.resolve()),
                "sha256": data.sha256,
                "encoding": "utf-8",
                "had_crlf": 0,
                "publication": data.publication,
                "date": data.date,
                "page": data.page,
                "edition": data.edition,
                "raw_text": raw,
                "size_bytes": len(raw.encode("utf-8")),
                "line_count": raw.count("\n") + 1,
                "imported_at": now(),
            }
        )
        .last_pk
    )
    for article in document.articles:
        db.table("articles").insert(_article_row(db, doc_id, article.record))
    roles = [
        {"document_id": doc_id, "line": line, "role": role}
        for article in document.articles
        for line, role in article.record.provenance.line_roles
    ]
    db.table("line_roles").insert_all(roles, batch_size=2000)
    return doc_id


def _article_row(db, doc_id: int, article: ArticleRecord) -> dict:
    span = article.provenance
    row = {
        "id": _free_id(db, "articles", article.id),
        "document_id": doc_id,
        "start_line": span.start_line,
        "end_line": span.end_line,
        "start_offset": span.raw_start,
        "end_offset": span.raw_end,
        "corrected_text": None if span.corrected_text == span.raw_text else span.corrected_text,
        "truncated": int(article.flags.truncated),
        "lost_text": int(article.flags.lost_text),
        "confidence": 1.0,
        "reason": "",
    }
    row.update({name: getattr(article, name) for name in ARTICLE_FIELDS})
    for name in NAME_FIELDS:
        row[name] = json.dumps(getattr(article, name), ensure_ascii=False)
    return row


def _free_id(db, table: str, wanted: int) -> int | None:
    """Keep the exported id when no row has it and the change log never named it."""
    taken = db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [wanted]).fetchone()
    # A deleted row's id stays reserved: undo may bring that row back.
    logged = db.execute(
        "SELECT 1 FROM changes WHERE tbl = ? AND row_key = ?", [table, json.dumps({"id": wanted})]
    ).fetchone()
    return None if taken or logged else wanted
