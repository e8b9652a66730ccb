"""CSV: one row per article with its metadata and text (UTF-8 with a BOM, for Excel)."""

from __future__ import annotations

import csv

from editor_app.export.records import ExportArticle, ExportDocument
from editor_app.model.fields import FIELDS, FLAG, NAMES, Field

NAME_SEPARATOR = "、"
_ARTICLE_FIELDS = tuple(field for field in FIELDS if field.csv)
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
    *(field.csv for field in _ARTICLE_FIELDS),
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
        *(_cell(field, getattr(article, field.name)) for field in _ARTICLE_FIELDS),
        NAME_SEPARATOR.join(article.editors),
        article.last_changed or "",
        article.start_line,
        article.end_line,
        article.raw_start,
        article.raw_end,
        len(article.paragraphs),
        article.text,
    ]


def _cell(field: Field, value):
    if field.kind == NAMES:
        return NAME_SEPARATOR.join(value)
    if field.kind == FLAG:
        return int(value)
    return value


class CsvWriter:
    """Writes to a text handle opened with encoding utf-8-sig and newline=''."""

    def __init__(self, handle, meta) -> None:
        self.writer = csv.writer(handle, lineterminator="\r\n")
        self.writer.writerow(COLUMNS)

    def write_document(self, document: ExportDocument, articles: list[ExportArticle]) -> None:
        self.writer.writerows(article_row(a) for a in articles)

    def finish(self) -> None:
        pass
