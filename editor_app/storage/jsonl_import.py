"""Import a JSONL corpus export (see editor_app/export) into a project.

One article per line is the export's contract, so each line carries what rebuilding
needs: its raw span text with offsets and line numbers, its line roles, its corrected
text. Each exported document becomes one document whose raw text holds the spans at
their old offsets and line numbers; what lay between them (text that was not exported)
comes back as blank lines, so every offset and line number stays valid. Each document is
written in one transaction, like a text import.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from editor_app.storage.errors import ProjectError
from editor_app.storage.importer import ImportReport, log_import
from editor_app.storage.journal import now

SCHEMA_PREFIX = "qingyang-article/"
ARTICLE_FIELDS = ("kind", "status", "kicker", "title", "subtitle", "dateline", "section", "note")
NAME_FIELDS = ("reporters", "correspondents", "interns")


def import_jsonl(
    project,
    path,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Rebuild the documents and articles of a JSONL export; known documents are skipped."""
    project.require_writable()
    path = Path(path)
    groups = read_export(path)
    report = ImportReport()
    known = {row[0] for row in project.db.execute("SELECT sha256 FROM documents")}
    for done, (document, articles) in enumerate(groups, start=1):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        source = f"{path}#{document['file_name']}"
        if document["sha256"] in known:
            report.skipped.append((source, "already in the project (same content)"))
        else:
            raw = rebuild_raw_text(path, document, articles)
            with project.db.atomic():
                doc_id = _insert(project.db, path, document, articles, raw)
            known.add(document["sha256"])
            report.imported.append((source, doc_id))
            report.bytes_read += len(raw.encode("utf-8"))
        if progress is not None:
            progress(done, len(groups), document["file_name"])
    log_import(project, report, source=str(path), format="jsonl")
    return report


def read_export(path: Path) -> list[tuple[dict, list[dict]]]:
    """(document, its articles in line order) per exported document, in file order."""
    groups: dict[str, tuple[dict, list[dict]]] = {}
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    article = _parse(path, number, line)
                    document = article["document"]
                    groups.setdefault(document["sha256"], (document, []))[1].append(article)
    except OSError as error:
        raise ProjectError(path, f"cannot read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise ProjectError(path, "not UTF-8 text: not a JSONL export") from error
    for _document, articles in groups.values():
        articles.sort(key=lambda a: a["provenance"]["raw_start"])
    return list(groups.values())


def _parse(path: Path, number: int, line: str) -> dict:
    try:
        article = json.loads(line)
    except json.JSONDecodeError as error:
        raise ProjectError(path, f"line {number}: not JSON ({error.msg})") from error
    if not isinstance(article, dict) or not str(article.get("schema", "")).startswith(
        SCHEMA_PREFIX
    ):
        raise ProjectError(path, f"line {number}: not an article of a Qingyang JSONL export")
    provenance = article.get("provenance") or {}
    needed = ("raw_start", "raw_end", "start_line", "end_line", "raw_text")
    missing = [key for key in needed if key not in provenance]
    if "document" not in article or missing:
        what = ", ".join(f"provenance.{key}" for key in missing) or "document"
        raise ProjectError(path, f"line {number}: lacks {what}")
    return article


def rebuild_raw_text(path: Path, document: dict, articles: list[dict]) -> str:
    """The spans at their offsets and line numbers; blank lines (and spaces) between them."""
    parts: list[str] = []
    pos, line = 0, 1
    for article in articles:
        span = article["provenance"]
        text = span["raw_text"]
        if (
            len(text) != span["raw_end"] - span["raw_start"]
            or text.count("\n") != span["end_line"] - span["start_line"]
        ):
            raise ProjectError(
                path, f"{document['file_name']}: article {article.get('id')}'s span is inconsistent"
            )
        parts.append(_gap(path, document, pos, span["raw_start"], line, span["start_line"]))
        parts.append(text)
        pos, line = span["raw_end"], span["end_line"]
    length = max(document.get("raw_length", pos), pos)
    last_line = max(document.get("line_count", line), line)
    parts.append(_gap(path, document, pos, length, line, last_line, trailing=True))
    return "".join(parts)


def _gap(path, document, pos, end, line, next_line, *, trailing=False) -> str:
    """Text for raw[pos:end] running from line `line` to `next_line`: newlines and spaces.

    The spaces sit on a line of their own, never on a line a span starts or ends on.
    """
    chars, breaks = end - pos, next_line - line
    lead = 1 if pos > 0 and breaks > 0 else 0  # after a span, its line ends first
    room = breaks - lead if not trailing else breaks
    if chars < 0 or breaks < 0 or breaks > chars or (chars > breaks and room < 1):
        raise ProjectError(
            path, f"{document['file_name']}: the article spans overlap or do not fit at {pos}"
        )
    return "\n" * lead + " " * (chars - breaks) + "\n" * (breaks - lead)


def _insert(db, path: Path, document: dict, articles: list[dict], raw: str) -> int:
    doc_id = (
        db.table("documents")
        .insert(
            {
                "id": _free_id(db, "documents", document.get("id")),
                "file_name": document["file_name"],
                "source_path": str(path.resolve()),
                "sha256": document["sha256"],
                "encoding": "utf-8",
                "had_crlf": 0,
                "publication": document.get("publication", ""),
                "date": document.get("date", ""),
                "page": document.get("page", ""),
                "edition": document.get("edition", ""),
                "raw_text": raw,
                "size_bytes": len(raw.encode("utf-8")),
                "line_count": raw.count("\n") + 1,
                "imported_at": now(),
            }
        )
        .last_pk
    )
    for article in articles:
        db.table("articles").insert(_article_row(db, doc_id, article))
    roles = {
        (doc_id, line): role
        for article in articles
        for line, role in article["provenance"].get("line_roles", [])
    }
    db.table("line_roles").insert_all(
        [{"document_id": d, "line": n, "role": r} for (d, n), r in sorted(roles.items())],
        batch_size=2000,
    )
    return doc_id


def _article_row(db, doc_id: int, article: dict) -> dict:
    span = article["provenance"]
    flags = article.get("flags", {})
    row = {
        "id": _free_id(db, "articles", article.get("id")),
        "document_id": doc_id,
        "start_line": span["start_line"],
        "end_line": span["end_line"],
        "start_offset": span["raw_start"],
        "end_offset": span["raw_end"],
        "corrected_text": span.get("corrected_text"),
        "truncated": int(bool(flags.get("truncated"))),
        "lost_text": int(bool(flags.get("lost_text"))),
        "confidence": 1.0,
        "reason": "",
    }
    row.update({name: article.get(name) or "" for name in ARTICLE_FIELDS})
    row["kind"] = row["kind"] or "news"
    row["status"] = row["status"] or "proposed"
    for name in NAME_FIELDS:
        row[name] = json.dumps(list(article.get(name) or []), ensure_ascii=False)
    if row["corrected_text"] == span["raw_text"]:
        row["corrected_text"] = None
    return row


def _free_id(db, table: str, wanted) -> int | None:
    """Keep the exported id when no row has it and the change log never named it."""
    if not isinstance(wanted, int):
        return None
    taken = db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [wanted]).fetchone()
    # A deleted row's id stays reserved: undo may bring that row back.
    logged = db.execute(
        "SELECT 1 FROM changes WHERE tbl = ? AND row_key = ?", [table, json.dumps({"id": wanted})]
    ).fetchone()
    return None if taken or logged else wanted
