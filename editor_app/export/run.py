"""export_project: read the project once, document by document, into one writer."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.export.atomic import atomic_file, atomic_folder
from editor_app.export.errors import ExportError
from editor_app.export.jsonl import JsonlWriter
from editor_app.export.options import FORMATS, ExportOptions
from editor_app.export.parallel import encoded_chunks, worth_parallel
from editor_app.export.records import ExportCancelled, iter_documents, plan_export
from editor_app.export.table import CsvWriter
from editor_app.export.tei import TeiWriter
from editor_app.export.text import TextWriter

WRITERS = {"jsonl": JsonlWriter, "csv": CsvWriter, "tei": TeiWriter, "txt": TextWriter}


@dataclass(slots=True)
class ExportReport:
    path: str
    format: str
    documents: int = 0
    articles: int = 0
    raw_bytes: int = 0
    cancelled: bool = False
    skipped_documents: list[int] = field(default_factory=list)

    def summary(self) -> str:
        if self.cancelled:
            return f"export cancelled; {self.path} is unchanged"
        return f"exported {self.articles} articles of {self.documents} documents to {self.path}"


def export_project(
    project,
    out,
    format: str,
    options: ExportOptions | None = None,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportReport:
    """Write the project's articles to `out` (a file, or a folder for txt).

    `progress(done, total, file_name)` is called after each document; when `cancelled()`
    turns true the export stops and `out` is left as it was.
    """
    if format not in FORMATS:
        raise ExportError(out, f"unknown format {format!r} (one of {', '.join(FORMATS)})")
    plan = plan_export(project, options or ExportOptions())
    report = ExportReport(str(out), format)
    try:
        with _target(Path(out), format) as target:
            writer = WRITERS[format](target, plan)
            if format == "jsonl" and worth_parallel(plan):
                _write_chunks(
                    writer,
                    report,
                    encoded_chunks(project, plan, progress=progress, cancelled=cancelled),
                )
            else:
                _write_documents(
                    writer,
                    report,
                    iter_documents(project, plan, progress=progress, cancelled=cancelled),
                )
            if format == "tei" and not report.articles:
                raise ExportError(out, "no article to export: a TEI corpus needs at least one")
            writer.finish()
    except ExportCancelled:
        report.cancelled = True
    return report


def _write_documents(writer, report: ExportReport, documents) -> None:
    for document, articles, size in documents:
        writer.write_document(document, articles)
        report.documents += 1
        report.articles += len(articles)
        report.raw_bytes += size


def _write_chunks(writer, report: ExportReport, chunks) -> None:
    for chunk in chunks:
        writer.write_encoded(chunk.data)
        report.documents += chunk.documents
        report.articles += chunk.articles
        report.raw_bytes += chunk.raw_bytes


@contextmanager
def _target(out: Path, format: str):
    if format == "txt":
        with atomic_folder(out) as folder:
            yield folder
    elif format == "csv":
        with atomic_file(out, encoding="utf-8-sig", newline="") as handle:
            yield handle
    else:  # jsonl and tei write encoded bytes
        with atomic_file(out, binary=True) as handle:
            yield handle
