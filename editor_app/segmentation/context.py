"""Second pass over line kinds: what a line is given its neighbours and the page."""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.segmentation.bylines import looks_like_name_list
from editor_app.segmentation.kinds import (
    BODY,
    BYLINE,
    CLOSING_KINDS,
    DATELINE,
    END_NOTE,
    HEADING,
    NOISE,
    STAFF,
    is_grid_line,
)
from editor_app.segmentation.lines import LineInfo


@dataclass(slots=True)
class Page:
    """The lines of a page with their kinds, and page-wide facts."""

    lines: list[LineInfo]
    indented_body: bool
    content_end: int  # index after the last line that belongs to a story

    def kind(self, index: int) -> str:
        return self.lines[index].kind if 0 <= index < len(self.lines) else ""


def refine(lines: list[LineInfo]) -> Page:
    """Fix kinds that depend on neighbours and find where the page's stories end."""
    for index, info in enumerate(lines):
        before = lines[index - 1].kind if index else ""
        after = lines[index + 1].kind if index + 1 < len(lines) else ""
        if info.kind == HEADING and before == HEADING and after in (BODY, DATELINE):
            if looks_like_name_list(info.text) and index >= 2:
                info.kind = BYLINE
        elif info.kind == END_NOTE and before == HEADING and after in (BODY, DATELINE):
            info.kind = HEADING
    return Page(lines, _indented_body(lines), _content_end(lines))


def _indented_body(lines: list[LineInfo]) -> bool:
    body = [info for info in lines if info.kind == BODY]
    return bool(body) and sum(info.indented for info in body) * 2 >= len(body)


def _content_end(lines: list[LineInfo]) -> int:
    """Index after the last story line: trailing noise, staff lines and slogan boxes stay out."""
    end = len(lines)
    while end and lines[end - 1].kind == NOISE:
        end -= 1
    if end and lines[end - 1].kind == STAFF:
        end -= 1
        return end
    box = end
    while box and (lines[box - 1].kind == HEADING or is_grid_line(lines[box - 1].text)):
        box -= 1
    if box < end and box and any(is_grid_line(info.text) for info in lines[box:end]):
        return box
    return end


def is_closing(kind: str) -> bool:
    return kind in CLOSING_KINDS
