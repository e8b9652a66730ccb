"""Plain text: a folder per document, a file per article (headlines, byline, body)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from editor_app.export.atomic import MANIFEST
from editor_app.export.records import ExportArticle, ExportDocument

FORMAT_NAME = "qingyang-txt/1"
_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|]+')


def article_text(article: ExportArticle) -> str:
    """Headline block, byline, then one paragraph per line; blocks apart by a blank line."""
    blocks = ["\n".join(article.headlines), article.byline, article.text]
    return "\n\n".join(block for block in blocks if block) + "\n"


def folder_name(file_name: str) -> str:
    stem = Path(file_name).stem or file_name
    safe = _UNSAFE.sub("_", stem).strip(" .")
    return safe or "document"


class TextWriter:
    """Writes into a folder: DOCUMENT/001.txt ... and a manifest.json listing them."""

    def __init__(self, folder: Path, meta) -> None:
        self.folder = folder
        self.meta = meta
        self.used: set[str] = set()
        self.entries: list[dict] = []

    def write_document(self, document: ExportDocument, articles: list[ExportArticle]) -> None:
        if not articles:
            return
        name = self._unique(folder_name(document.file_name), document.id)
        (self.folder / name).mkdir()
        for article in articles:
            relative = f"{name}/{article.order:03d}.txt"
            data = article_text(article).encode("utf-8")
            (self.folder / relative).write_bytes(data)
            self.entries.append(
                {
                    "path": relative,
                    "id": article.id,
                    "document": document.sha256,
                    "file_name": document.file_name,
                    "kind": article.kind,
                    "status": article.status,
                    "title": article.title,
                }
            )

    def finish(self) -> None:
        manifest = {
            "format": FORMAT_NAME,
            "project": self.meta.project_id,
            "script": self.meta.options.script,
            "articles": self.entries,
        }
        text = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        (self.folder / MANIFEST).write_bytes(text.encode("utf-8"))

    def _unique(self, name: str, document_id: int) -> str:
        # Two documents can share a file name (same name, other folder): keep both.
        if name.casefold() in self.used:
            name = f"{name}-{document_id}"
        self.used.add(name.casefold())
        return name
