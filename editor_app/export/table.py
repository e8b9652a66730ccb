"""CSV: one row per article with its metadata and text (UTF-8 with a BOM, for Excel)."""

from __future__ import annotations

import csv

from editor_app.export.records import ExportArticle, ExportDocument

NAME_SEPARATOR = "、"
COLUMNS = (
    "project",
    "document_id",
    "file_name",
    "sha256",
    "publication",
    "date",
    "page",
    "edition",
    "order",
    "id",
    "kind",
    "status",
    "kicker",
    "title",
    "subtitle",
    "dateline",
    "reporters",
    "correspondents",
    "interns",
    "section",
    "truncated",
    "lost_text",
    "note",
    "editors",
    "last_changed",
    "start_line",
    "end_line",
    "raw_start",
    "raw_end",
    "paragraphs",
    "text",
)


def article_row(article: ExportArticle) -> list:
    doc = article.document
    return [
        article.project,
        doc.id,
        doc.file_name,
        doc.sha256,
        doc.publication,
        doc.date,
        doc.page,
        doc.edition,
        article.order,
        article.id,
        article.kind,
        article.status,
        article.kicker,
        article.title,
        article.subtitle,
        article.dateline,
        NAME_SEPARATOR.join(article.reporters),
        NAME_SEPARATOR.join(article.correspondents),
        NAME_SEPARATOR.join(article.interns),
        article.section,
        int(article.truncated),
        int(article.lost_text),
        article.note,
        NAME_SEPARATOR.join(article.editors),
        article.last_changed or "",
        article.start_line,
        article.end_line,
        article.raw_start,
        article.raw_end,
        len(article.paragraphs),
        article.text,
    ]


class CsvWriter:
    """Writes to a text handle opened with encoding utf-8-sig and newline=''."""

    def __init__(self, handle, meta) -> None:
        self.writer = csv.writer(handle, lineterminator="\r\n")
        self.writer.writerow(COLUMNS)

    def write_document(self, document: ExportDocument, articles: list[ExportArticle]) -> None:
        self.writer.writerows(article_row(a) for a in articles)

    def finish(self) -> None:
        pass
