"""Turn story starts into Segments: spans, line roles, headline, byline, photo credits,
truncation."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable

from editor_app.model import Byline, Proposal, Segment
from editor_app.segmentation.boundaries import Run, Start
from editor_app.segmentation.bylines import parse_byline_line, parse_credit, photo_credit
from editor_app.segmentation.context import Page
from editor_app.segmentation.datelines import dateline_photographers, find_dateline
from editor_app.segmentation.furniture import is_design_credit
from editor_app.segmentation.headings import headline_from_stack
from editor_app.segmentation.kinds import BODY, BYLINE, DATELINE, NOISE, STAFF
from editor_app.segmentation.lines import CLOSERS, LineInfo, ends_sentence

# A line cut mid-sentence is long; short unpunctuated last lines are dates or signatures.
MIN_CUT_LENGTH = 15
DATELINE_REACH = 3


def confidence_of(score: float) -> float:
    """Map a start score (log-odds style) to 0..1."""
    return 1.0 / (1.0 + math.exp(-score))


def build(page: Page, starts: list[Start], runs: list[Run]) -> Proposal:
    """Segments for every start, then the page's trailing furniture."""
    segments: list[Segment] = []
    bounds = [s.index for s in starts] + [page.content_end]
    # Runs come in line order: each article is given the runs that open inside it, not
    # every run of the page to sift (that made a page of many short stories quadratic).
    run_firsts = [run.first for run in runs]
    for start, stop in zip(starts, bounds[1:], strict=False):
        if stop > start.index:
            first, after = (bisect_left(run_firsts, line) for line in (start.index, stop))
            segments.append(_article(page, start, stop - 1, runs[first:after]))
    segments.extend(_trailing(page))
    roles = _line_roles(page, segments)
    return Proposal(segments=segments, roles=roles)


def _article(page: Page, start: Start, last: int, runs: list[Run]) -> Segment:
    lines = page.lines
    segment = Segment(kind="news", start=lines[start.index].number, end=lines[last].number)
    segment.confidence = confidence_of(start.score)
    segment.reason = start.reason
    run = start.run
    if run is not None and run.last <= last:
        _apply_headline(page, segment, run)
    _apply_byline(page, segment, start, last)
    give_photographers(segment, (info.text for info in lines[start.index : last + 1]))
    inner = [r for r in runs if r is not run and start.index <= r.first and r.last <= last]
    for other in inner:
        for index in other.headings:
            segment.roles[lines[index].number] = "subhead"
    if run is not None and run.bylines and len(inner) >= 2 and not segment.dateline:
        segment.kind = "feature"
    segment.truncated = breaks_off(page.lines[last])
    return segment


def _apply_headline(page: Page, segment: Segment, run: Run) -> None:
    texts = [page.lines[i].text for i in run.headings]
    headline, roles = headline_from_stack(texts)
    segment.kicker, segment.title, segment.subtitle = (
        headline.kicker,
        headline.title,
        headline.subtitle,
    )
    for index, role in zip(run.headings, roles, strict=False):
        segment.roles[page.lines[index].number] = role
    for index in run.bylines:
        segment.roles[page.lines[index].number] = "byline"


def _apply_byline(page: Page, segment: Segment, start: Start, last: int) -> None:
    """Dateline and names from the dateline paragraph or the byline lines under the title."""
    byline = Byline()
    first_body = start.run.last + 1 if start.run and start.run.first == start.index else start.index
    for index in range(start.index, min(last, first_body + DATELINE_REACH) + 1):
        info = page.lines[index]
        if info.kind == BYLINE:
            merge_names(byline, parse_byline_line(info.text) or parse_credit(info.text))
        elif info.kind == DATELINE and not byline.dateline:
            found = find_dateline(info.text)
            if found:
                merge_names(byline, found.byline)
                byline.dateline = found.text
            break
    give_credits(segment, byline)


def give_credits(segment: Segment, byline: Byline) -> None:
    """The dateline and the names found for a story become its metadata."""
    segment.dateline = byline.dateline
    segment.reporters = byline.reporters
    segment.correspondents = byline.correspondents
    segment.interns = byline.interns


def give_photographers(segment: Segment, texts: Iterable[str]) -> None:
    """Who took the story's pictures: the photo credits of its lines and its dateline."""
    found: dict[str, None] = {}
    for text in texts:
        for name in (*photo_credit(text), *dateline_photographers(text)):
            found[name] = None
    segment.photographers = list(found)


def merge_names(target: Byline, extra: Byline | None) -> None:
    if extra is None:
        return
    target.reporters.extend(extra.reporters)
    target.correspondents.extend(extra.correspondents)
    target.interns.extend(extra.interns)


def breaks_off(info: LineInfo) -> bool:
    """The story's last line is prose cut mid-sentence: its continuation is elsewhere."""
    if info.kind not in (BODY, DATELINE) or info.length < MIN_CUT_LENGTH:
        return False
    return not ends_sentence(info.text) and info.text[-1] not in CLOSERS


def _trailing(page: Page) -> list[Segment]:
    """Noise lines and boilerplate blocks after the last story."""
    segments: list[Segment] = []
    for index in range(page.content_end, len(page.lines)):
        info = page.lines[index]
        kind = "noise" if info.kind == NOISE else "boilerplate"
        previous = segments[-1] if segments else None
        if previous and previous.kind == kind and kind == "boilerplate":
            previous.end = info.number
            continue
        reason, confidence = _furniture_reason(info)
        segments.append(
            Segment(kind, info.number, info.number, confidence=confidence, reason=reason)
        )
    return segments


def _furniture_reason(info: LineInfo) -> tuple[str, float]:
    """Why a trailing line is no story, and how sure that is."""
    if info.kind == NOISE:
        return "版面末尾孤立的页码或年份", 0.95
    if info.kind == STAFF and is_design_credit(info.text):
        # A design credit sometimes travels with the story above it.
        return "版面末尾的版式设计署名，非文章（也可能属上一篇）", 0.6
    if info.kind == STAFF:
        return "版面末尾的责任编辑署名，非文章", 0.95
    return "版面末尾的口号框或栏花，无正文", 0.8


def _line_roles(page: Page, segments: list[Segment]) -> dict[int, str]:
    roles: dict[int, str] = {}
    by_number = {info.number: info for info in page.lines}
    for segment in segments:
        for number in range(segment.start, segment.end + 1):
            if number not in by_number:
                continue
            if segment.is_article:
                roles[number] = segment.roles.get(number, "body")
            else:
                roles[number] = segment.kind
    return roles
