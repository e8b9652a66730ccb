"""JSON Lines: one article per line, keys sorted, UTF-8 without escapes."""

from __future__ import annotations

import orjson

from editor_app.export.records import ExportArticle, ExportDocument
from editor_app.model.fields import FIELDS

SCHEMA = "qingyang-article/1"
_FIELDS = tuple(field for field in FIELDS if field.jsonl)
# orjson: UTF-8 without escapes, sorted keys, one line each; several times json's speed.
_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def encode_line(record: dict) -> bytes:
    return orjson.dumps(record, option=_OPTIONS)


def document_json(document: ExportDocument) -> dict:
    return {
        "id": document.id,
        "file_name": document.file_name,
        "sha256": document.sha256,
        "publication": document.publication,
        "date": document.date,
        "page": document.page,
        "edition": document.edition,
        "raw_length": document.raw_length,
        "line_count": document.line_count,
    }


def article_json(article: ExportArticle, document: dict | None = None) -> dict:
    record = {
        "schema": SCHEMA,
        "project": article.project,
        "document": document or document_json(article.document),
        "id": article.id,
        "order": article.order,
        **article_fields(article),
        "paragraphs": [
            {
                "role": p.role,
                "text": p.text,
                "raw_start": p.raw_start,
                "raw_end": p.raw_end,
                "line": p.line,
            }
            for p in article.paragraphs
        ],
        "text": article.text,
        "script": article.script,
        "editors": article.editors,
        "last_changed": article.last_changed,
        "provenance": {
            "start_line": article.start_line,
            "end_line": article.end_line,
            "raw_start": article.raw_start,
            "raw_end": article.raw_end,
            "raw_text": article.raw_text,
            "corrected_text": article.corrected_text,
            "line_roles": article.line_roles,
            "alignment": article.alignment,
        },
    }
    if article.document.ocr is not None:
        record["provenance"] |= page_provenance(article)
    return record


def page_provenance(article: ExportArticle) -> dict:
    """Where an OCR page's article lies: the page and its image, and per paragraph the
    boxes of its printed lines (x0, y0, x1, y1 in page pixels)."""
    page = article.document.ocr
    return {
        "page": {key: page[key] for key in ("format", "width", "height", "image", "image_sha256")},
        "paragraph_boxes": [article.document.boxes_of(p.line) for p in article.paragraphs],
    }


# Each JSONL field's attribute, the keys it nests under (`flags.truncated`) and its own key.
_PLACES = tuple(
    (field.name, tuple(field.jsonl.split(".")[:-1]), field.jsonl.split(".")[-1])
    for field in _FIELDS
)


def article_fields(article: ExportArticle) -> dict:
    """The registry's fields under their JSONL keys; `flags.truncated` nests in `flags`."""
    record: dict = {}
    for name, outer, key in _PLACES:
        target = record
        for part in outer:
            target = target.setdefault(part, {})
        target[key] = getattr(article, name)
    return record


def encode_document(document: ExportDocument, articles: list[ExportArticle]) -> bytes:
    """The lines of one document's articles."""
    shared = document_json(document)
    return b"".join(encode_line(article_json(article, shared)) for article in articles)


class JsonlWriter:
    """Writes to an open binary handle."""

    def __init__(self, handle, meta) -> None:
        self.handle = handle

    def write_document(self, document: ExportDocument, articles: list[ExportArticle]) -> None:
        self.handle.write(encode_document(document, articles))

    def write_encoded(self, data: bytes) -> None:
        self.handle.write(data)

    def finish(self) -> None:
        pass
