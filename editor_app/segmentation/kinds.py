"""What each non-empty line is, from its own text: the first pass of the segmenter."""

from __future__ import annotations

import re

from editor_app.segmentation.bylines import is_speaker_line, parse_byline_line
from editor_app.segmentation.datelines import dateline_parts
from editor_app.segmentation.furniture import is_credit, is_end_note, is_noise, is_staff_line
from editor_app.segmentation.headings import is_heading_shape
from editor_app.segmentation.lines import LineInfo, space_parts

NOISE = "noise"
STAFF = "staff"
CREDIT = "credit"
CAPTION = "caption"
END_NOTE = "endnote"
DATELINE = "dateline"
BYLINE = "byline"
HEADING = "heading"
BODY = "body"
# Lines that close a story: what follows them starts something new.
CLOSING_KINDS = frozenset({CREDIT, END_NOTE, STAFF})
FURNITURE_KINDS = frozenset({CREDIT, CAPTION, END_NOTE, STAFF, NOISE})

# `图①：…` / `图为…` / `上图：…`: photo captions inside a story.
_CAPTION = re.compile(r"^(?:[上下左右中]?图[①-⑳0-9０-９一二三四五六七八九十]*[:：]|图为)")


def line_kind(info: LineInfo) -> str:
    """Classify one line by its text alone (context comes later)."""
    text = info.text
    if is_noise(text):
        return NOISE
    if is_staff_line(text):
        return STAFF
    if _CAPTION.match(text):
        return CAPTION
    if is_credit(text):
        return CREDIT
    if is_end_note(text):
        return END_NOTE
    dateline = dateline_parts(text)
    if dateline is not None and dateline.end < len(text):
        return DATELINE
    if parse_byline_line(text) is not None or is_speaker_line(text):
        return BYLINE
    if is_heading_shape(info):
        return HEADING
    return BODY


def is_grid_line(text: str) -> bool:
    """`富强 民主 文明 和谐`: three or more short words in a row, a slogan box."""
    parts = space_parts(text)
    return len(parts) >= 3 and all(len(part) <= 4 for part in parts)


def classify(infos: list[LineInfo]) -> None:
    """Set `kind` on every line."""
    for info in infos:
        info.kind = line_kind(info)
