"""TEI P5: a teiCorpus with one TEI per article, streamed with lxml.

Per article: teiHeader/fileDesc (titleStmt: titles and authors; publicationStmt: ids;
notesStmt: section, flags, note; sourceDesc/bibl: paper, date, page, file, raw lines),
revisionDesc (status, last change, editors); text/body/div with head, dateline, byline
and one p per paragraph (subheads as p rend="subhead"). An article of an OCR page also has
a facsimile, as TEI P5 gives transcriptions of printed pages: a surface the size of the
page with its graphic, one zone per printed line of the article's paragraphs, and each p
pointing at its zones (`@facs`). resources/tei/qingyang-tei.rng is the schema of exactly
this subset.
"""

from __future__ import annotations

import re

from lxml import etree

from editor_app.export.options import LANGUAGE_TAGS
from editor_app.export.records import ExportArticle, ExportDocument
from editor_app.model.fields import FIELDS, FLAG

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
PUBLISHER = "Qingyang 清样"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Fields written in the header: names as <author role=…>, texts and flags as <note type=…>.
_AUTHORS = tuple(field for field in FIELDS if field.tei and field.tei[0] == "author")
_NOTES = tuple(field for field in FIELDS if field.tei and field.tei[0] == "note")


def _tag(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _clean(value: str) -> str:
    """Characters XML cannot hold (stray control codes from OCR) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", value) if _NOT_XML.search(value) else value


def _add(parent, name: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, _tag(name), {k: str(v) for k, v in attributes.items()})
    if text:
        element.text = _clean(text)
    return element


def corpus_header(project_id: str, script: str):
    header = etree.Element(_tag("teiHeader"), nsmap={None: TEI_NS})
    file_desc = _add(header, "fileDesc")
    _add(_add(file_desc, "titleStmt"), "title", f"清样导出 {project_id}")
    publication = _add(file_desc, "publicationStmt")
    _add(publication, "publisher", PUBLISHER)
    _add(publication, "idno", project_id, type="project")
    _add(
        _add(file_desc, "sourceDesc"),
        "p",
        f"Corrected articles of digitised newspaper pages; script: {script}.",
    )
    return header


def article_tei(article: ExportArticle):
    tei = etree.Element(_tag("TEI"), {f"{{{XML_NS}}}id": f"a{article.id}"}, nsmap={None: TEI_NS})
    header = _add(tei, "teiHeader")
    file_desc = _add(header, "fileDesc")
    _title_stmt(file_desc, article)
    publication = _add(file_desc, "publicationStmt")
    _add(publication, "publisher", PUBLISHER)
    _add(publication, "idno", article.project, type="project")
    _add(publication, "idno", str(article.id), type="article")
    _notes(file_desc, article)
    _source(_add(file_desc, "sourceDesc"), article.document, article)
    _revisions(header, article)
    zones = _facsimile(tei, article) if article.document.ocr is not None else {}
    _body(_add(_add(tei, "text"), "body"), article, zones)
    return tei


def _facsimile(tei, article: ExportArticle) -> dict[int, str]:
    """The page's surface and a zone per printed line; {paragraph index: its @facs}."""
    page = article.document.ocr
    surface = _add(
        _add(tei, "facsimile"), "surface", ulx=0, uly=0, lrx=page["width"], lry=page["height"]
    )
    graphic = _add(surface, "graphic", url=page["image"] or article.document.file_name)
    graphic.set("width", f"{page['width']}px")
    graphic.set("height", f"{page['height']}px")
    if page["image_sha256"]:
        _add(graphic, "desc", page["image_sha256"], type="sha256")
    links: dict[int, str] = {}
    count = 0
    for index, paragraph in enumerate(article.paragraphs):
        names = []
        for x0, y0, x1, y1 in article.document.boxes_of(paragraph.line):
            count += 1
            name = f"a{article.id}-z{count}"
            _add(surface, "zone", **{f"{{{XML_NS}}}id": name}, ulx=x0, uly=y0, lrx=x1, lry=y1)
            names.append(f"#{name}")
        if names:
            links[index] = " ".join(names)
    return links


def _title_stmt(file_desc, article: ExportArticle) -> None:
    stmt = _add(file_desc, "titleStmt")
    _add(stmt, "title", article.title, type="main")
    if article.subtitle:
        _add(stmt, "title", article.subtitle, type="sub")
    if article.kicker:
        _add(stmt, "title", article.kicker, type="kicker")
    for field in _AUTHORS:
        for name in getattr(article, field.name):
            _add(stmt, "author", name, role=field.tei[1])


def _notes(file_desc, article: ExportArticle) -> None:
    # Texts as written, then each flag that is set, by name.
    notes = [(f.tei[1], getattr(article, f.name)) for f in _NOTES if f.kind != FLAG]
    notes += [(f.tei[1], f.tei[1]) for f in _NOTES if f.kind == FLAG and getattr(article, f.name)]
    notes = [(kind, text) for kind, text in notes if text]
    if notes:
        stmt = _add(file_desc, "notesStmt")
        for kind, text in notes:
            _add(stmt, "note", text, type=kind)


def _source(source_desc, document: ExportDocument, article: ExportArticle) -> None:
    bibl = _add(source_desc, "bibl")
    if document.publication:
        _add(bibl, "title", document.publication, level="j")
    if _ISO_DATE.fullmatch(document.date):
        _add(bibl, "date", document.date, when=document.date)
    elif document.date:
        _add(bibl, "date", document.date)
    if document.page:
        _add(bibl, "biblScope", document.page, unit="page")
    scope = _add(bibl, "biblScope", unit="line")
    scope.set("from", str(article.start_line))
    scope.set("to", str(article.end_line))
    _add(bibl, "idno", document.file_name, type="file")
    _add(bibl, "idno", document.sha256, type="sha256")


def _revisions(header, article: ExportArticle) -> None:
    revisions = _add(header, "revisionDesc", status=article.status)
    change = _add(revisions, "change", status=article.status)
    if article.last_changed:
        change.set("when", article.last_changed)
    for editor in article.editors:
        _add(change, "name", editor, type="editor")


def _body(body, article: ExportArticle, zones: dict[int, str]) -> None:
    div_type = "article" if article.is_article else article.kind
    div = _add(body, "div", type=div_type, subtype=article.kind, n=article.order)
    for kind, text in (
        ("kicker", article.kicker),
        ("main", article.title),
        ("sub", article.subtitle),
    ):
        if text:
            _add(div, "head", text, type=kind)
    for line in article.byline_lines:
        _add(div, "byline", line)
    for index, paragraph in enumerate(article.paragraphs):
        element = _add(div, "p", paragraph.text)
        if paragraph.role == "subhead":
            element.set("rend", "subhead")
        if index in zones:
            element.set("facs", zones[index])
    if not article.paragraphs:
        _add(div, "p")  # a div holds at least one paragraph


class TeiWriter:
    """Streams the corpus to a binary handle: header first, then one TEI per article."""

    def __init__(self, handle, meta) -> None:
        self.handle = handle
        language = LANGUAGE_TAGS[meta.options.script]
        handle.write(b"<?xml version='1.0' encoding='UTF-8'?>\n")
        handle.write(f'<teiCorpus xmlns="{TEI_NS}" xml:lang="{language}">\n'.encode())
        self._write(corpus_header(meta.project_id, meta.options.script))

    def write_document(self, document: ExportDocument, articles: list[ExportArticle]) -> None:
        for article in articles:
            self._write(article_tei(article))

    def finish(self) -> None:
        self.handle.write(b"</teiCorpus>\n")

    def _write(self, element) -> None:
        self.handle.write(
            etree.tostring(element, encoding="UTF-8", xml_declaration=False, pretty_print=True)
        )
