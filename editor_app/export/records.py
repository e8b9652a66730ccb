"""What every format writes: documents and articles read through the Project, made ready.

An article's paragraphs are the non-empty lines of its corrected text whose raw line is
body or subhead (any role for a non-article); each corrected line finds its raw line
through the alignment of the corrected text with the raw span.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, make_dataclass
from pathlib import Path

from editor_app.export.errors import ExportError
from editor_app.export.options import ExportOptions
from editor_app.export.script import ScriptConverter
from editor_app.model import LineIndex
from editor_app.model.alignment import Run, RunMap, diff_runs
from editor_app.model.fields import (
    EXPORTED,
    NAME_LISTS,
    NAMES,
    TEXT,
    Field,
    dataclass_fields,
    made_from_registry,
)

# Raw line roles whose lines are an article's paragraphs; headings and bylines are metadata.
PARAGRAPH_ROLES = frozenset({"body", "subhead"})
DEFAULT_ROLE = "body"  # a non-empty line the segmenter gave no role


class ExportCancelled(Exception):
    """Raised inside an export when its cancel callable says so; nothing is left behind."""


@dataclass(slots=True)
class Paragraph:
    """One paragraph; [raw_start, raw_end) are offsets into the document's raw text."""

    role: str
    text: str
    raw_start: int
    raw_end: int
    line: int
    # Runs (paragraph position, raw offset, length); None: the whole text, from raw_start.
    runs: list[Run] | None = None


@dataclass(slots=True)
class ExportDocument:
    id: int
    file_name: str
    sha256: str
    publication: str
    date: str
    page: str
    edition: str
    raw_length: int
    line_count: int
    # The OCR page of a document imported from ALTO, hOCR or PAGE: format, width, height, image, image_sha256 and `line_boxes`
    # (per raw line, its paragraph's printed lines as (x0, y0, x1, y1)); None from text.
    ocr: dict | None = None

    def boxes_of(self, line: int) -> list:
        """The printed line boxes of raw line `line` (1-based); none without a page."""
        if self.ocr is None or not 0 < line <= len(self.ocr["line_boxes"]):
            return []
        return self.ocr["line_boxes"][line - 1]


def _byline(self) -> str:
    """The printed byline lines, else `记者 甲、乙 通讯员 丙 实习记者 丁` or "".

    Credits printed elsewhere follow on lines of their own: `摄影 戊、己`.
    """
    lines = list(self.byline_lines)
    if not lines:
        lines.append(" ".join(_credits(self, printed_byline=True)))
    lines.extend(_credits(self, printed_byline=False))
    return "\n".join(line for line in lines if line)


def _credits(article, *, printed_byline: bool) -> list[str]:
    return [
        f"{field.credit} {'、'.join(names)}"
        for field in NAME_LISTS
        if field.printed_byline == printed_byline and (names := getattr(article, field.name))
    ]


def _headlines(self) -> list[str]:
    return [line for line in (self.kicker, self.title, self.subtitle) if line]


def _exported_fields() -> list[tuple]:
    """The exported fields of the registry, in its order; every article names each."""
    registry = made_from_registry("ExportArticle")
    return dataclass_fields([f for f in registry if f.exported], defaults=False)


ExportArticle = make_dataclass(
    "ExportArticle",
    [
        ("project", str),
        ("document", ExportDocument),
        ("id", int),
        ("order", int),
        *_exported_fields(),
        ("is_article", bool),
        ("start_line", int),
        ("end_line", int),
        ("raw_start", int),
        ("raw_end", int),
        ("raw_text", str),
        ("corrected_text", str | None),
        ("script", str),
        ("paragraphs", list[Paragraph], field(default_factory=list)),
        ("text", str, ""),
        ("alignment", list[Run], field(default_factory=list)),
        ("line_roles", list[tuple[int, str]], field(default_factory=list)),
        ("byline_lines", list[str], field(default_factory=list)),
        ("editors", list[str], field(default_factory=list)),
        ("last_changed", str | None, None),
    ],
    namespace={
        "__doc__": """An article as exported: its exported fields (model/fields.py), its span
    and its text. `corrected_text` is None when the editor left the span as is.
    """,
        "__module__": __name__,
        "byline": property(_byline),
        "headlines": property(_headlines),
    },
    slots=True,
)


@dataclass(slots=True)
class ExportPlan:
    """The documents an export covers, and what it needs once for all of them."""

    project_id: str
    document_ids: list[int]
    editors: dict[int, tuple[list[str], str | None]]
    options: ExportOptions
    # document id -> its segments, each with its text.
    read_articles: Callable[[int, str], list]  # (document id, its raw text)


def plan_export(project, options: ExportOptions) -> ExportPlan:
    problems = options.problems()
    if problems:
        raise ExportError(project.path, "; ".join(problems))
    known = project.documents.ids()
    if options.document_ids is None:
        chosen = known
    else:
        missing = sorted(set(options.document_ids) - set(known))
        if missing:
            raise ExportError(project.path, f"no document {', '.join(map(str, missing))}")
        chosen = sorted(set(options.document_ids))
    return ExportPlan(
        project_identity(project),
        chosen,
        project.exports.article_editors(),
        options,
        project.exports.articles,
    )


def project_identity(project) -> str:
    """The project's own id when it has one, else its file name and its documents' hashes."""
    if project.project_id:
        return project.project_id
    hashes = sorted(row["sha256"] for row in project.documents.rows())
    digest = hashlib.sha256("\n".join(hashes).encode("ascii")).hexdigest()
    return f"{Path(project.path).stem}-{digest[:16]}"


def iter_documents(
    project,
    plan: ExportPlan,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[tuple[ExportDocument, list[ExportArticle], int]]:
    """(document, its exported articles, raw bytes) per document; stops when cancelled."""
    converter = ScriptConverter(plan.options.script)
    total = len(plan.document_ids)
    for done, document_id in enumerate(plan.document_ids, start=1):
        if cancelled is not None and cancelled():
            raise ExportCancelled
        document, raw = _document(project, document_id)
        articles = _articles(project, plan, document, raw, converter)
        yield document, articles, len(raw.encode("utf-8"))
        if progress is not None:
            progress(done, total, document.file_name)


def _document(project, document_id: int) -> tuple[ExportDocument, str]:
    doc = project.documents.get(document_id)
    raw = doc.text
    exported = ExportDocument(
        id=doc.id,
        file_name=doc.file_name,
        sha256=doc.sha256,
        publication=doc.publication or "",
        date=doc.date or "",
        page=doc.page or "",
        edition=doc.edition or "",
        raw_length=len(raw),
        line_count=raw.count("\n") + 1,
        ocr=project.documents.page(document_id),
    )
    return exported, raw


def _articles(project, plan, document, raw, converter) -> list[ExportArticle]:
    roles = project.documents.line_roles(document.id)
    chosen = [a for a in plan.read_articles(document.id, raw) if plan.options.wants(a)]
    return [
        _article(plan, document, article, order, raw, roles, converter)
        for order, article in enumerate(chosen, start=1)
    ]


def _article(plan, document, article, order, raw, roles, converter) -> ExportArticle:
    span = raw[article.start_offset : article.end_offset]
    corrected = None if article.text == span else article.text
    editors, last = plan.editors.get(article.id, ([], None))
    exported = ExportArticle(
        project=plan.project_id,
        document=document,
        id=article.id,
        order=order,
        **_exported_fields(article, converter),
        is_article=article.is_article,
        start_line=article.start_line,
        end_line=article.end_line,
        raw_start=article.start_offset,
        raw_end=article.end_offset,
        raw_text=span,
        corrected_text=corrected,
        script=plan.options.script,
        line_roles=[
            (n, roles[n]) for n in range(article.start_line, article.end_line + 1) if n in roles
        ],
        editors=list(editors),
        last_changed=last,
    )
    lines = _lines(exported, roles)
    if article.is_article:
        exported.byline_lines = [converter.text(p.text) for p in lines if p.role == "byline"]
        lines = [p for p in lines if p.role in PARAGRAPH_ROLES]
    _assemble(exported, lines, converter)
    return exported


def _exported_fields(article, converter: ScriptConverter) -> dict:
    """The exported fields' values, in the export's script (as they are when it keeps it)."""
    if not converter.active:
        return {field.name: getattr(article, field.name) for field in EXPORTED}
    return {field.name: _exported(field, article, converter) for field in EXPORTED}


def _exported(field: Field, article, converter: ScriptConverter):
    """A field's value in the export's script: its text and names converted."""
    value = getattr(article, field.name)
    if field.kind == TEXT:
        return converter.text(value or "")
    if field.kind == NAMES:
        return converter.names(value)
    return value


def _lines(article: ExportArticle, roles) -> list[Paragraph]:
    """Every non-empty corrected line as a paragraph, with its raw line's role."""
    if article.corrected_text is None:
        return _raw_lines(article, roles)
    return _edited_lines(article, roles)


def _raw_lines(article, roles) -> list[Paragraph]:
    # Unedited: each line stands for itself, no diff needed. One plain loop over the split
    # text: this runs for every line of a whole corpus.
    found = []
    position, number = article.raw_start, article.start_line
    for text in article.raw_text.split("\n"):
        stripped = text.strip()
        if stripped:
            start = position + text.find(stripped[0])
            role = roles.get(number, DEFAULT_ROLE)
            found.append(Paragraph(role, stripped, start, start + len(stripped), number))
        position += len(text) + 1
        number += 1
    return found


def _edited_lines(article, roles) -> list[Paragraph]:
    mapping = RunMap(diff_runs(article.corrected_text, article.raw_text))
    raw_lines = LineIndex(article.raw_text)
    base, first = article.raw_start, article.start_line - 1
    found = []
    for line in LineIndex(article.corrected_text):
        stripped = line.text.strip()
        if stripped:
            start = line.start + line.text.find(stripped[0])
            end = start + len(stripped)
            raw_start = mapping.source_start(start)
            raw_end = max(mapping.source_end(end), raw_start)
            number = first + raw_lines.number_at(raw_start)
            role = roles.get(number, DEFAULT_ROLE)
            paragraph = Paragraph(role, stripped, base + raw_start, base + raw_end, number)
            paragraph.runs = mapping.clip(start, end, base=base)
            found.append(paragraph)
    return found


def _assemble(article: ExportArticle, paragraphs: list[Paragraph], converter) -> None:
    """Convert the paragraphs' script, join them with newlines and collect the runs."""
    alignment: list[Run] = []
    offset = 0
    for paragraph in paragraphs:
        runs = paragraph.runs
        if converter.active:
            if runs is None:
                runs = [(0, paragraph.raw_start, len(paragraph.text))]
            paragraph.text, runs = converter.aligned(paragraph.text, runs)
        if runs is None:
            alignment.append((offset, paragraph.raw_start, len(paragraph.text)))
        else:
            alignment += [(a + offset, b, size) for a, b, size in runs]
        offset += len(paragraph.text) + 1
    article.paragraphs = paragraphs
    article.text = "\n".join([paragraph.text for paragraph in paragraphs])
    article.alignment = alignment
