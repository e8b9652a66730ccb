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
INNER_SPACE_RE = re.compile(f"(?<=[{HAN}])[ \\t\\u00a0\\u3000]+(?=[{HAN}])")
SENTENCE_END_RE = re.compile(r"[。！？!?]")
COMMA_RE = re.compile(r"[，,；;]")
LABEL_RE = re.compile(r"^[\s\u3000]*第[一二三四五六七八九十百零〇\d]+[条章节款编]")
BYLINE_WORD_RE = re.compile(r"(?:记者|通讯员|实习生|摄影|编者|责编|统筹|设计)")


def find(doc: CleanupDocument) -> Iterator[Suggestion]:
    yield from _doubled_blank_lines(doc)
    # Lines with a space between Chinese characters first: one regex scan turns away
    # nearly every line before the dearer test of whether it is body text.
    for line in doc.lines:
        text = line.text
        if INNER_SPACE_RE.search(text) and _is_body(doc, line) and _is_running_text(text):
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
    for match in INNER_SPACE_RE.finditer(text):
        if dateline and match.start() == dateline.end():
            continue  # 新华社北京2月5日电 在…, 第一条 为了… keep their space
        if _inside_quotes(text, match.start()):
            continue  # “奋进新征程 筑梦副中心”, (记者 赵紫楠) are set with a space
        start, end = line.start + match.start(), line.start + match.end()
        yield doc.suggestion(
            RULE, start, end, "", "中文字符之间的多余空格", 0.85, "中文间空格→删除"
        )


def _inside_quotes(text: str, at: int) -> bool:
    before = text[:at]
    pairs = ("“”", "《》", "()", "（）")
    return any(before.count(left) > before.count(right) for left, right in pairs)


def _doubled_blank_lines(doc: CleanupDocument) -> Iterator[Suggestion]:
    """Two or more blank lines between blocks: keep one."""
    run: list[Line] = []
    seen_text = False
    for line in doc.lines:
        if line.is_blank:
            run.append(line)
            continue
        if seen_text and len(run) >= 2:
            start, end = run[0].end, run[-1].end
            yield doc.suggestion(RULE, start, end, "", "多余的空行", 0.9, "多余空行→删除")
        run = []
        seen_text = True
