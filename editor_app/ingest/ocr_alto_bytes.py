"""A plain ALTO page read without building a tree of its strings.

Engines write ALTO as a few hundred TextLines of a String per character (tesseract's
Chinese) or per word, and building an element for each costs most of an import. Here the
lines are cut out of the bytes: the rest of the file, each line left as an empty element
with its own attributes (the "skeleton", some 5 % of the file), is parsed as before, and
each line's strings are read by a regular expression made for their attributes' order.

Only what is surely well-formed and surely read alike is read so: one String element
shape per line (SP elements beside it allowed), numbers as digits, values in double
quotes, no DOCTYPE, comments or CDATA, UTF-8. For anything else `skeleton_of` or the
reader gives up (None or NotPlain) and the page is parsed and read in full, which
accepts or refuses it with its usual reason.
"""

from __future__ import annotations

import re
from operator import add

from editor_app.ingest.ocr_alto import NotPlain, PlainReader

_LINE = re.compile(
    rb"<TextLine((?:[ \t\r\n]+[^\s=<>/\"]+[ \t\r\n]*=[ \t\r\n]*\"[^\"<]*\")*)[ \t\r\n]*(/?)>"
)
_LINE_END = re.compile(rb"</TextLine[ \t\r\n]*>")
_ELEMENT = re.compile(
    rb"<(String|SP)((?:[ \t\r\n]+[A-Za-z_][\w.-]*[ \t\r\n]*=[ \t\r\n]*\"[^\"<]*\")*)"
    rb"[ \t\r\n]*/>"
)
_NAME = re.compile(rb"([A-Za-z_][\w.-]*)[ \t\r\n]*=[ \t\r\n]*\"[^\"<]*\"")
# Bytes XML 1.0 allows (of the C0 controls, tab and line ends), and the UTF-8 of U+FFFE
# and U+FFFF, which it does not.
_XML_BYTES = bytes([9, 10, 13, *range(32, 256)])
_NOT_CHARACTER = re.compile(rb"\xef\xbf[\xbe\xbf]")
_ENCODING = re.compile(rb"<\?xml[^>]*?encoding[ \t\r\n]*=[ \t\r\n]*[\"']([^\"']*)")

_NUMBER = rb'"([0-9]+)"'
# CONTENT: no literal tab or line end (XML makes those spaces); its references are checked
# once decoded.
_CONTENT = rb'"([^"<\t\r\n]*)"'
_OTHER = rb'"[^"<&]*"'
_SPACE, _EQUALS = rb"[ \t\r\n]+", rb"[ \t\r\n]*=[ \t\r\n]*"
_COMPACT = re.compile(rb'<[A-Za-z]+(?: [A-Za-z_][\w.-]*="[^"<]*")*/>')
_KEPT = (b"HPOS", b"VPOS", b"WIDTH", b"HEIGHT", b"CONTENT")
_REFERENCE = re.compile(r"&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def skeleton_of(data: bytes) -> tuple[bytes, list[bytes | None]] | None:
    """The file with every TextLine emptied, and the lines' contents in document order;
    None when the file is not one this module reads."""
    if data.translate(None, _XML_BYTES) or _NOT_CHARACTER.search(data) is not None:
        return None
    # Entities a DOCTYPE declares, and "]]>" where text may not hold it.
    if b"]]>" in data or data.find(b"<!DOCTYPE", 0, max(0, data.find(b"<TextLine"))) >= 0:
        return None
    declared = _ENCODING.match(data.removeprefix(b"\xef\xbb\xbf").lstrip()[:200])
    if declared is not None and declared.group(1).lower() != b"utf-8":
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    cut = _cut_lines(data)
    if cut is None or data.count(b"<TextLine") != len(cut[1]):
        return None
    return cut


def _cut_lines(data: bytes) -> tuple[bytes, list[bytes | None]] | None:
    pieces: list[bytes] = []
    inners: list[bytes | None] = []
    position = 0
    search, find, end_at = _LINE.search, data.find, _LINE_END.match
    while (line := search(data, position)) is not None:
        attributes = line.group(1)
        if b"xmlns" in attributes:
            return None
        pieces += (data[position : line.start()], b"<TextLine", attributes, b"/>")
        position = line.end()
        if line.group(2):  # written empty: <TextLine .../>
            inners.append(None)
            continue
        end = find(b"</TextLine", position)
        close = end_at(data, end) if end >= 0 else None
        if close is None:
            return None
        inners.append(data[position : close.start()])
        position = close.end()
    pieces.append(data[position:])
    return b"".join(pieces), inners


def reader_for(root, inners: list[bytes | None]):
    """A PlainReader factory for `read_alto_text` reading the skeleton `root`'s lines
    from `inners`; None when the skeleton's lines are not the ones cut out."""
    tag = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    lines = list(root.iter(tag + "TextLine"))
    if len(lines) != len(inners):
        return None
    by_line = dict(zip(lines, inners, strict=True))
    return lambda tag, width, height: _BytesReader(tag, width, height, by_line)


class _BytesReader(PlainReader):
    """PlainReader whose lines' strings come from the bytes cut out of them."""

    def __init__(self, tag, width: int, height: int, by_line: dict) -> None:
        super().__init__(tag, width, height)
        self.by_line = by_line

    def words(self, line) -> list[str]:
        return line_words(self.by_line[line], self.width, self.height)


def line_words(inner: bytes | None, width: int, height: int) -> list[str]:
    """The CONTENT of a line's Strings, each checked inside the page; NotPlain otherwise."""
    if not inner:
        return []
    strings, columns = _pattern_at(inner, inner.find(b"<String"))
    found = strings.findall(inner) if strings is not None else []
    spaces = _count_spaces(inner)
    # Every tag of the line is one of those read: nothing else hides in it.
    if len(found) + spaces != inner.count(b"<"):
        raise NotPlain
    if not found:
        if b"&" in inner:
            raise NotPlain
        return []
    by_column = list(zip(*found, strict=True))
    x, y, w, h, content = (by_column[index] for index in columns)
    if max(map(add, map(int, x), map(int, w))) > width:
        raise NotPlain
    if max(map(add, map(int, y), map(int, h))) > height:
        raise NotPlain
    joined = b"\x00".join(content)  # XML holds no NUL: it parts the strings
    if joined.count(b"&") != inner.count(b"&"):  # an entity outside CONTENT
        raise NotPlain
    text = joined.decode("utf-8")
    if "&" in text:
        text = _dereferenced(text)
    return text.split("\x00")


_PATTERNS: dict[tuple, tuple] = {}


_last: list = [(None, ())]  # the last line's pattern: the next one is most often alike


def _pattern_at(inner: bytes, start: int) -> tuple:
    """(the pattern of Strings shaped as the one at `start`, where its kept groups are)."""
    if start < 0:
        return None, ()
    last = _last[0]
    if last[0] is not None and last[0].match(inner, start):
        return last
    _last[0] = found = _shaped(inner, start, b"String")
    return found


def _shaped(inner: bytes, start: int, tag: bytes) -> tuple:
    element = _ELEMENT.match(inner, start)
    if element is None or element.group(1) != tag:
        raise NotPlain
    names = tuple(_NAME.findall(element.group(2)))
    key = (tag, _COMPACT.fullmatch(element.group()) is not None, *names)
    if key not in _PATTERNS:
        _PATTERNS[key] = _compiled(tag, names, compact=key[1])
    return _PATTERNS[key]


def _count_spaces(inner: bytes) -> int:
    start = inner.find(b"<SP")
    if start < 0:
        return 0
    pattern, _ = _shaped(inner, start, b"SP")
    return len(pattern.findall(inner))


def _compiled(tag: bytes, names: tuple[bytes, ...], compact: bool) -> tuple:
    """The pattern of an element `tag` with exactly these attributes in this order;
    `compact`: written with one space before each and none around the equals sign (much
    quicker to match than any white space)."""
    space, equals = (b" ", b"=") if compact else (_SPACE, _EQUALS)
    if len(set(names)) != len(names) or any(n.startswith(b"xmlns") for n in names):
        raise NotPlain  # a repeated attribute is an error the parser must name
    kept = [name for name in names if name in _KEPT] if tag == b"String" else []
    if tag == b"String" and sorted(kept) != sorted(_KEPT):
        raise NotPlain
    parts = [b"<", tag]
    for name in names:
        value = (_CONTENT if name == b"CONTENT" else _NUMBER) if name in kept else _OTHER
        parts += (space, name, equals, value)
    parts.append(b"/>" if compact else rb"[ \t\r\n]*/>")
    columns = tuple(kept.index(name) for name in _KEPT) if kept else ()
    return re.compile(b"".join(parts)), columns


def _dereferenced(text: str) -> str:
    """The text with its references replaced; NotPlain for a bare & or an unknown name."""
    if text.count("&") != len(_REFERENCE.findall(text)):
        raise NotPlain
    return _REFERENCE.sub(_referenced, text)


def _referenced(reference: re.Match) -> str:
    name = reference.group(1)
    if name in _NAMED:
        return _NAMED[name]
    code = int(name[2:], 16) if name[1] == "x" else int(name[1:])
    if not (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    ):
        raise NotPlain  # a reference XML forbids: the parser refuses the file
    return chr(code)
