"""Stray white space: spaces between Chinese characters in body text, doubled blank lines.

Only body lines are touched: a heading line keeps the space between kicker and title and a
byline keeps `本报记者 贺 勇`. Leading full-width indentation (`　　`) is layout, not text:
it is not suggested, the export writes clean paragraphs anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor_app.cleanup.chars import DATELINE_RE, HAN
from editor_app.cleanup.document import CleanupDocument
from editor_app.model import Line, Suggestion

RULE = "whitespace"
# The space comes first and the look-behind after it: sre then skips to the next space
# at C speed instead of trying the look-behind at every character.
INNER_SPACE_RE = re.compile(f"[ \\t\\u00a0\\u3000](?<=[{HAN}].)[ \\t\\u00a0\\u3000]*(?=[{HAN}])")
# A newline, then two or more blank lines, each taken with its newline. Group 1: the first
# blank line's own white space. It opens at a newline only (sre skips to the next one at C
# speed) and always takes the whole run, so no run is scanned more than once.
BLANK_LINES_RE = re.compile(r"\n([^\S\n]*)\n(?:[^\S\n]*\n)+")
TEXT_AHEAD_RE = re.compile(r"[^\S\n]*\S")
SENTENCE_END_RE = re.compile(r"[。！？!?]")
COMMA_RE = re.compile(r"[，,；;]")
LABEL_RE = re.compile(r"^[\s\u3000]*第[一二三四五六七八九十百零〇\d]+[条章节款编]")
BYLINE_WORD_RE = re.compile(r"(?:记者|通讯员|实习生|摄影|编者|责编|统筹|设计)")


def find(doc: CleanupDocument) -> Iterator[Suggestion]:
    yield from _doubled_blank_lines(doc)
    # One scan of the whole text finds the few lines with a space between Chinese
    # characters (the class holds no newline); only those get the dearer tests.
    numbers = {doc.line_at(match.start()).number for match in INNER_SPACE_RE.finditer(doc.text)}
    for number in sorted(numbers):
        line = doc.line(number)
        if _is_body(doc, line) and _is_running_text(line.text):
            yield from _inner_spaces(doc, line)


def _is_body(doc: CleanupDocument, line: Line) -> bool:
    """What CleanupDocument.body_lines keeps."""
    return not line.is_blank and doc.in_article(line.number) and doc.role(line.number) == "body"


def _is_running_text(text: str) -> bool:
    """A paragraph of sentences; short unpunctuated lines may be bylines or headings."""
    stripped = text.strip()
    sentences = SENTENCE_END_RE.search(stripped) or (
        len(stripped) >= 40 and COMMA_RE.search(stripped)
    )
    return bool(sentences) and not (len(stripped) < 30 and BYLINE_WORD_RE.search(stripped))


def _inner_spaces(doc: CleanupDocument, line: Line) -> Iterator[Suggestion]:
    text = line.text
    dateline = DATELINE_RE.match(text) or LABEL_RE.match(text)
    quotes = _OpenQuotes(text)
    for match in INNER_SPACE_RE.finditer(text):
        if dateline and match.start() == dateline.end():
            continue  # 新华社北京2月5日电 在…, 第一条 为了… keep their space
        if quotes.inside(match.start()):
            continue  # “奋进新征程 筑梦副中心”, (记者 赵紫楠) are set with a space
        start, end = line.start + match.start(), line.start + match.end()
        yield doc.suggestion(
            RULE, start, end, "", "中文字符之间的多余空格", 0.85, "中文间空格→删除"
        )


QUOTE_PAIRS = ("“”", "《》", "()", "（）")


class _OpenQuotes:
    """Whether an offset lies after more opening than closing marks of some pair.

    Asked about offsets in increasing order, it counts each stretch of the line once:
    counting from the line's start at every space made a long line quadratic.
    """

    __slots__ = ("text", "at", "counts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.counts = dict.fromkeys("".join(QUOTE_PAIRS), 0)

    def inside(self, at: int) -> bool:
        """`at` must not be less than the offset asked about last."""
        stretch = self.text[self.at : at]
        for mark in self.counts:
            self.counts[mark] += stretch.count(mark)
        self.at = at
        return any(self.counts[left] > self.counts[right] for left, right in QUOTE_PAIRS)


def _doubled_blank_lines(doc: CleanupDocument) -> Iterator[Suggestion]:
    """Two or more blank lines between lines of text: keep one."""
    text, lines = doc.text, doc.index
    for match in BLANK_LINES_RE.finditer(text):
        ends_text_line = not lines.is_blank(lines.number_at(match.start()))
        if not ends_text_line or not TEXT_AHEAD_RE.match(text, match.end()):
            continue
        # From the newline after the first blank line to the end of the last one.
        start, end = match.end(1), match.end() - 1
        yield doc.suggestion(RULE, start, end, "", "多余的空行", 0.9, "多余空行→删除")
