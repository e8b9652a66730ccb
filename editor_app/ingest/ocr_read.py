"""Read an OCR engine's page (ALTO, hOCR or PAGE XML), recognised by its content.

`sniff_ocr_format` looks at the first element (and, for HTML, the hOCR classes) without
parsing; `read_ocr` parses with lxml (no network, no entities, no DTD loaded), reads the
page with the format's reader and checks it: a page with a size, every box on it, some text.
"""

from __future__ import annotations

import re
from functools import cache

from editor_app.ingest.ocr_alto import read_alto, read_alto_text
from editor_app.ingest.ocr_alto_bytes import reader_for, skeleton_of
from editor_app.ingest.ocr_hocr import read_hocr
from editor_app.ingest.ocr_model import (
    Box,
    OcrFormatError,
    OcrLine,
    OcrPage,
    OcrParagraph,
    OcrWord,
)
from editor_app.ingest.ocr_pagexml import read_pagexml
from editor_app.ingest.ocr_text import PageText, page_text

__all__ = [
    "Box",
    "OcrFormatError",
    "OcrLine",
    "OcrPage",
    "OcrParagraph",
    "OcrWord",
    "read_ocr",
    "read_ocr_text",
    "sniff_ocr_format",
]

_HEAD = 4096  # the first element of an OCR file comes before this many bytes
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_ROOTS = {b"alto": "alto", b"pcgts": "page"}
_HOCR_MARKS = (b"ocr_page", b"ocr-system")
_READERS = {"alto": read_alto, "hocr": read_hocr, "page": read_pagexml}


def sniff_ocr_format(data: bytes) -> str | None:
    """'alto', 'hocr' or 'page' when the bytes look like that format; None otherwise."""
    head = _without_prolog(data[:_HEAD])
    if head is None:
        return None
    found = _FIRST_ELEMENT.match(head)
    if found is None:
        return None
    root = found.group(2).lower()
    if root in _ROOTS:
        return _ROOTS[root]
    if root == b"html" and any(mark in data for mark in _HOCR_MARKS):
        return "hocr"
    return None


def _without_prolog(head: bytes) -> bytes | None:
    """The bytes from the first element on: past a BOM, declarations, comments, a DOCTYPE."""
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    while head.startswith(b"<?") or head.startswith(b"<!"):
        end = head.find(b"-->") + 3 if head.startswith(b"<!--") else head.find(b">") + 1
        if end <= 0:
            return None
        head = head[end:].lstrip()
    return head if head.startswith(b"<") else None


def looks_like_markup(data: bytes) -> bool:
    """Whether the bytes start as XML or HTML do (an OCR file of a format not known here)."""
    return _without_prolog(data[:_HEAD]) is not None


def read_ocr(data: bytes, name: str) -> OcrPage:
    """The page the OCR file `name` describes; OcrFormatError(name, reason) if it cannot be."""
    kind, root = _parsed(data, name)
    page = _READERS[kind](root, name)
    _check(page, name)
    return page


def read_ocr_text(data: bytes, name: str) -> PageText:
    """What an import keeps of the page: `page_text(read_ocr(data, name))`, the same
    text and line boxes, read without making the words where the format allows."""
    if sniff_ocr_format(data) == "alto":
        fast = _read_alto_bytes(data, name)
        if fast is not None:
            return fast
    kind, root = _parsed(data, name)
    if kind == "alto":
        plain = read_alto_text(root, name)
        if plain is not None:
            return plain
    page = _READERS[kind](root, name)
    _check(page, name)
    return page_text(page)


def _read_alto_bytes(data: bytes, name: str) -> PageText | None:
    """A plain ALTO page read from its skeleton (see ocr_alto_bytes); None: read in full."""
    cut = skeleton_of(data)
    if cut is None:
        return None
    skeleton, inners = cut
    try:
        root = _parse(skeleton, name, "alto")
    except OcrFormatError:
        return None  # the full parse names the fault where the file has it
    reader = reader_for(root, inners)
    return None if reader is None else read_alto_text(root, name, reader)


_HTML_END = re.compile(rb"</html\s*>\s*$", re.IGNORECASE)
# collect_ids=False: OCR files hold an ID on every word, and hashing them all costs a third
# of the parse; nothing here looks an element up by ID. With it, libxml2 reaches for the
# DTD a DOCTYPE names (tesseract's hOCR names XHTML's), which no_network refuses: a file
# with a DOCTYPE is parsed with IDs collected instead.
_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": True}


@cache
def _lxml():
    """lxml's etree, its parser and the parser for a file with a DOCTYPE. Loaded with the
    first OCR file: a plain text import loads no XML parser (some 4 MB in each process)."""
    from lxml import etree

    return etree, etree.XMLParser(**_SAFE, collect_ids=False), etree.XMLParser(**_SAFE)


def _parsed(data: bytes, name: str) -> tuple[str, object]:
    """The file's format and its parsed root element."""
    kind = sniff_ocr_format(data)
    if kind is None:
        raise OcrFormatError(name, "unknown schema: not ALTO, hOCR or PAGE XML")
    return kind, _parse(data, name, kind)


def _parse(data: bytes, name: str, kind: str):
    etree, plain, with_doctype = _lxml()
    try:
        parser = with_doctype if b"<!DOCTYPE" in data[:1024] else plain
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        if kind == "hocr" and not _claims_xml(data):  # hOCR may be plain HTML
            return _parse_html(data, name, error)
        raise OcrFormatError(name, f"malformed XML: {_why(error)}") from None


def _claims_xml(data: bytes) -> bool:
    """An XML declaration or the XHTML namespace: the file says it is XML (tesseract's
    hOCR does), so a damaged one is refused rather than mended as HTML."""
    head = data[:1024]
    return head.lstrip().startswith(b"<?xml") or b"http://www.w3.org/1999/xhtml" in head


def _parse_html(data: bytes, name: str, xml_error) -> object:
    from lxml import html

    # The HTML parser mends whatever it is given: a file cut off mid-page would import as
    # a shorter page without a word. An HTML page that ends with its </html> is whole.
    if not _HTML_END.search(data[-256:]):
        raise OcrFormatError(
            name, f"malformed XML ({_why(xml_error)}) and the page does not end with </html>"
        )
    try:
        data.decode("utf-8")
        encoding = "utf-8"  # lxml.html would take bytes without a charset for Latin-1
    except UnicodeDecodeError:
        encoding = None
    try:
        return html.document_fromstring(data, parser=html.HTMLParser(encoding=encoding))
    except (_lxml()[0].ParserError, ValueError):
        raise OcrFormatError(name, f"malformed XML: {_why(xml_error)}") from None


def _why(error) -> str:
    message = str(error.msg if getattr(error, "msg", None) else error)
    return message.split(" (line")[0] + (f" (line {error.lineno})" if error.lineno else "")


def _check(page: OcrPage, name: str) -> None:
    if page.width <= 0 or page.height <= 0:
        raise OcrFormatError(name, f"the page has no size ({page.width}×{page.height})")
    if not page.paragraphs:
        raise OcrFormatError(name, "the page holds no text")
    width, height = page.width, page.height
    for paragraph in page.paragraphs:
        _check_box(paragraph.box, page, name, "a paragraph")
        for line in paragraph.lines:
            _check_box(line.box, page, name, "a line")
            for word in line.words:
                x0, y0, x1, y1 = word.box
                if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
                    _check_box(word.box, page, name, f"the word {word.text!r}")


def _check_box(box: Box, page: OcrPage, name: str, what: str) -> None:
    if box.x0 < 0 or box.y0 < 0 or box.x1 > page.width or box.y1 > page.height:
        raise OcrFormatError(
            name,
            f"coordinates outside the page: {what} at {tuple(box)} "
            f"on a page of {page.width}×{page.height}",
        )
