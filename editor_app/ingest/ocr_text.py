"""The raw text of an OCR page, derived the same way every time, and where each part lies.

One raw line per paragraph, its lines joined; white space between two Chinese characters
(or Chinese punctuation marks) dropped, since OCR engines put a space between every
character; other text as the engine gave it; a blank line between paragraphs, in the file's
reading order. Each word keeps its box: a character maps to the word it belongs to, a space
kept between two words to the word after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from editor_app.ingest.ocr_model import Box, OcrPage, OcrParagraph

# Han ideographs (with extensions and compatibility forms), CJK and full-width punctuation,
# and the general punctuation Chinese text prints (quotes, dashes, ellipses, middle dots).
_CHINESE = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    "\u3000-\u303f\uff00-\uffef\u2010-\u2027\u2030-\u205e\u00b7\ufe10-\ufe1f\ufe30-\ufe4f"
)
_CHINESE_CHAR = re.compile(f"[{_CHINESE}]")
_SPACE_INSIDE = re.compile(f"(?<=[{_CHINESE}])\\s+(?=[{_CHINESE}])")
_BREAKS = re.compile(r"[\r\n\t\v\f\x1c-\x1f\x85\u2028\u2029]")
_ANY_SPACE = re.compile(r"\s")
# NUL stands between two words while a paragraph is joined: XML cannot hold one (and a
# paragraph whose words hold one is joined word by word).
_JOINT = "\x00"
_JOINT_INSIDE = re.compile(f"(?<=[{_CHINESE}]){_JOINT}(?=[{_CHINESE}])")

# (start, end, paragraph index, line index, word box): one word's stretch of the raw text.
Span = tuple[int, int, int, int, Box]


@dataclass(slots=True)
class DerivedText:
    """The raw text and its geometry.

    `line_boxes[n - 1]` holds raw line n's paragraph's line boxes (empty for a blank
    line); `char_boxes[offset]` is (paragraph index, line index, word box) for a character
    of a paragraph, None for a newline. `spans` is the compact form both are read from.
    """

    text: str
    line_boxes: list[tuple[Box, ...]]
    spans: list[Span] = field(default_factory=list)
    _char_boxes: list | None = None

    @property
    def char_boxes(self) -> list[tuple[int, int, Box] | None]:
        if self._char_boxes is None:
            boxes: list = [None] * len(self.text)
            for start, end, paragraph, line, box in self.spans:
                boxes[start:end] = [(paragraph, line, box)] * (end - start)
            self._char_boxes = boxes
        return self._char_boxes


class PageText(NamedTuple):
    """What an import keeps of a page: its size, the image it names, the raw text and the
    line boxes per raw line (as in DerivedText), without the words' spans."""

    format: str
    width: int
    height: int
    image: str
    text: str
    line_boxes: list[tuple[Box, ...]]


def page_text(page: OcrPage) -> PageText:
    derived = derive_text(page)
    return PageText(
        page.format, page.width, page.height, page.image, derived.text, derived.line_boxes
    )


def joined_paragraphs(
    paragraphs: list[tuple[str, tuple[Box, ...]]],
) -> tuple[str, list[tuple[Box, ...]]]:
    """The raw text and line boxes of paragraphs given as (text, line boxes), as
    `derive_text` lays them out: a blank line, without boxes, between two."""
    line_boxes: list[tuple[Box, ...]] = []
    for index, (_, boxes) in enumerate(paragraphs):
        if index:
            line_boxes.append(())
        line_boxes.append(boxes)
    return "\n\n".join(text for text, _ in paragraphs), line_boxes


def derive_text(page: OcrPage) -> DerivedText:
    """The page's raw text, its line boxes per raw line and its words' spans."""
    parts: list[str] = []
    spans: list[Span] = []
    line_boxes: list[tuple[Box, ...]] = []
    offset = 0
    for index, paragraph in enumerate(page.paragraphs):
        if index:
            parts.append("\n\n")
            offset += 2
            line_boxes.append(())
        text = _paragraph_text(paragraph, index, offset, spans)
        parts.append(text)
        offset += len(text)
        line_boxes.append(tuple(line.box for line in paragraph.lines))
    return DerivedText("".join(parts), line_boxes, spans)


def _paragraph_text(paragraph: OcrParagraph, index: int, offset: int, spans: list[Span]) -> str:
    """One paragraph as one line; its words' spans (from `offset` on) are added to `spans`."""
    pieces: list[str] = []
    previous = ""
    start = offset
    for line_index, line in enumerate(paragraph.lines):
        for word in line.words:
            text = _word_text(word.text)
            if not text:
                continue
            piece = " " + text if _spaced(previous, text) else text
            pieces.append(piece)
            spans.append((start, start + len(piece), index, line_index, word.box))
            start += len(piece)
            previous = text
    return "".join(pieces)


def join_words(words: list[str]) -> str:
    """A paragraph's words as `derive_text` joins them, without their spans."""
    plain = "".join(words)
    if _ANY_SPACE.search(plain) is None and _JOINT not in plain:
        # No word needs cleaning: join them all at once, then drop the joints between two
        # Chinese characters and make the others spaces, in C rather than word by word.
        joined = _JOINT.join(filter(None, words))
        return _JOINT_INSIDE.sub("", joined).replace(_JOINT, " ")
    pieces: list[str] = []
    previous = ""
    for word in words:
        text = _word_text(word)
        if text:
            pieces.append(" " + text if _spaced(previous, text) else text)
            previous = text
    return "".join(pieces)


def _word_text(text: str) -> str:
    """A word as the engine gave it, on one line, without spaces between Chinese."""
    text = _BREAKS.sub(" ", text).strip()
    return _SPACE_INSIDE.sub("", text) if " " in text or "\u3000" in text else text


def _spaced(previous: str, text: str) -> bool:
    """Whether a space stands between two words: not after none, nor between Chinese."""
    return bool(previous) and not (_is_chinese(previous[-1]) and _is_chinese(text[0]))


def _is_chinese(char: str) -> bool:
    return _CHINESE_CHAR.match(char) is not None
