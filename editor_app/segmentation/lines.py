"""Per-line shape features: length, indentation, end punctuation, kind of line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor_app.model import LineIndex

# Sentence-final marks, full- and half-width (OCR often gives the half-width ones).
SENTENCE_END = frozenset("。！？!?…；;")
# Closers that may follow a sentence-final mark: `。”` still ends the sentence.
CLOSERS = frozenset("”’」』）)】》\"'")
# Marks after which a paragraph clearly goes on (a line cut at a column break).
CONTINUING_END = frozenset("，,、：:（(“《—-")
INDENT_CHARS = "\u3000 \t\u00a0"
_SPACE_RUN = re.compile(r"[ \u3000\t\u00a0]+")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(slots=True)
class LineInfo:
    """A non-empty raw line and the shape features the segmenter works from."""

    number: int
    raw: str
    text: str
    indented: bool
    kind: str = "body"

    @property
    def length(self) -> int:
        return len(self.text)

    @property
    def last(self) -> str:
        return self.text[-1]


_STRIPPED = INDENT_CHARS + "\r"


def strip_line(raw: str) -> str:
    """Text without leading/trailing ASCII or full-width blanks."""
    return raw.strip(_STRIPPED)


def compact(text: str) -> str:
    """Text with every run of blanks removed (for comparisons that ignore spacing)."""
    return _SPACE_RUN.sub("", text)


def _has_blank(text: str) -> bool:
    # Four substring scans beat one character-class regex over a long paragraph.
    return " " in text or "\u3000" in text or "\t" in text or "\u00a0" in text


def space_parts(text: str) -> list[str]:
    """Parts of a line split at blank runs."""
    if not _has_blank(text):
        return [text] if text else []  # most lines hold no blank: nothing to split
    return [part for part in _SPACE_RUN.split(text) if part]


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def ends_sentence(text: str) -> bool:
    """True when the text ends with a sentence-final mark, possibly inside closers."""
    end = len(text)
    while end > 0 and text[end - 1] in CLOSERS:
        end -= 1
    return end > 0 and text[end - 1] in SENTENCE_END


def ends_continuing(text: str) -> bool:
    """True when the last mark says the sentence goes on (comma, colon, open bracket)."""
    return bool(text) and text[-1] in CONTINUING_END and not text.endswith("——")


def has_inner_sentence_end(text: str) -> bool:
    """A full stop (or ?/!) before the last character: the line holds a sentence."""
    head = text[:-1]
    return "。" in head or "；" in head or ";" in head


def non_empty_lines(text: str | LineIndex) -> list[LineInfo]:
    """The non-empty lines of normalised text (or of its LineIndex), numbered from 1."""
    infos = []
    for number, raw in enumerate(LineIndex.of(text).texts, start=1):
        stripped = raw.strip(_STRIPPED)  # strip_line, inlined: a page has thousands of lines
        if stripped:
            infos.append(LineInfo(number, raw, stripped, raw[:1] in INDENT_CHARS))
    return infos
