"""Where stories start: heading stacks scored as titles or subheads, datelines, closings."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from editor_app.segmentation.context import Page, is_closing
from editor_app.segmentation.datelines import dateline_parts
from editor_app.segmentation.furniture import is_photo_credit
from editor_app.segmentation.headings import ends_like_kicker, has_column_tag, split_combined
from editor_app.segmentation.kinds import BODY, BYLINE, CAPTION, CREDIT, DATELINE, HEADING
from editor_app.segmentation.lines import ends_sentence

# Numbered or bulleted lines are subheads: `(1)…`, `一、…`, `■…`, `第二章 …`, `【…】`.
_ENUMERATED = re.compile(
    r"^(?:[(（][0-9一二三四五六七八九十]{1,3}[)）]|[0-9一二三四五六七八九十]{1,3}[、.．]"
    r"|[■□●◆▲★☆◎·]|第[一二三四五六七八九十百0-9]+[章节条部分]|【)"
)
THRESHOLD = 0.0
# A lone short line is more often a subhead than a title until something says otherwise.
PRIOR = -1.0
SERIES_SIZE = 3
SERIES_LENGTH_SLACK = 1
SERIES_PENALTY = -6.0
LONG_STACK = 3
LONG_STACK_SLACK = 5
PHOTO_REACH = 3
STACK_LINE = 12
DATELINE_AFTER_RUN = 2


@dataclass(slots=True)
class Run:
    """Consecutive heading lines (a stack, or a subhead) and the bylines under them."""

    first: int
    last: int
    headings: list[int] = field(default_factory=list)
    bylines: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Start:
    """A proposed segment start: line index, score (log-odds style) and the reason."""

    index: int
    score: float
    reason: str
    run: Run | None = None


def find_runs(page: Page) -> list[Run]:
    """Maximal runs of heading lines, each with the byline lines right below it."""
    runs: list[Run] = []
    index = 0
    while index < page.content_end:
        if page.kind(index) != HEADING:
            index += 1
            continue
        run = Run(index, index)
        while _continues_run(page, run.last + 1):
            run.last += 1
        for position in range(run.first, run.last + 1):
            target = run.headings if page.kind(position) == HEADING else run.bylines
            target.append(position)
        runs.append(run)
        index = run.last + 1
    return runs


def _continues_run(page: Page, index: int) -> bool:
    """The line joins the run above; an indented line under a flush one is body text."""
    if index >= page.content_end or page.kind(index) not in (HEADING, BYLINE):
        return False
    if page.indented_body and page.kind(index) == HEADING:
        return page.lines[index].indented == page.lines[index - 1].indented
    return True


def _credit_follows(page: Page, run: Run) -> bool:
    """A photo credit within a few lines: the heading titles a picture story."""
    for index in range(run.last + 1, min(run.last + 1 + PHOTO_REACH, page.content_end)):
        kind = page.kind(index)
        if kind == CREDIT:
            return is_photo_credit(page.lines[index].text)
        if kind not in (BODY, CAPTION):
            return False
    return False


def _is_full_stack(texts: list[str]) -> bool:
    """Two or more heading lines, one of them a full headline rather than a short subhead."""
    return len(texts) >= 2 and max(len(t) for t in texts) >= STACK_LINE


def score_run(page: Page, run: Run) -> tuple[float, str]:
    """How strongly a heading run opens a new story, with the deciding reasons."""
    evidence = _neighbour_evidence(page, run) + _shape_evidence(page, run)
    score = PRIOR + sum(weight for weight, _ in evidence)
    return score, explain(score, evidence)


def _neighbour_evidence(page: Page, run: Run) -> list[tuple[float, str]]:
    """What the lines around the run say: page top, dateline, closing line, photo credit."""
    after, before = page.kind(run.last + 1), page.kind(run.first - 1)
    evidence: list[tuple[float, str]] = []
    if run.first == 0:
        evidence.append((4.0, "版面首行标题"))
    if after == DATELINE:
        evidence.append((4.0, f"下接电头「{_dateline_text(page, run.last + 1)}」"))
    if run.bylines:
        evidence.append((2.5, "下接署名行"))
    if is_closing(before):
        evidence.append((2.5, "上接署名或图片说明，前文已结束"))
    if before == BODY and not ends_sentence(page.lines[run.first - 1].text):
        evidence.append((-1.5, "上段未完"))
    if _credit_follows(page, run):
        evidence.append((3.0, "下接图片说明和摄影署名，是图片报道"))
    if page.indented_body:
        if all(page.lines[i].indented for i in run.headings):
            evidence.append((-8.0, "与正文同样缩进，是小标题"))
        else:
            evidence.append((2.0, "不缩进的标题行"))
    return evidence


def _shape_evidence(page: Page, run: Run) -> list[tuple[float, str]]:
    """What the heading lines themselves say: column tag, kicker, subtitle, numbering."""
    texts = [page.lines[i].text for i in run.headings]
    enumerated = any(_ENUMERATED.match(t) for t in texts)
    evidence: list[tuple[float, str]] = []
    if any(has_column_tag(t) for t in texts):
        evidence.append((3.0, "标题带栏目标签"))
    if len(texts) >= 2 and any(ends_like_kicker(t) for t in texts[:-1]):
        evidence.append((1.5, "引题加主题"))
    if len(texts) >= 2 and texts[-1].startswith("——"):
        evidence.append((1.5, "主题下接破折号副题"))
    if enumerated:
        evidence.append((-3.0, "编号小标题"))
    if len(texts) == 1 and split_combined(texts[0]).kicker:
        evidence.append((1.5, "引题与主题同行"))
    elif _is_full_stack(texts) and not enumerated:
        evidence.append((2.0, "多行标题组"))
    return evidence


def explain(score: float, evidence: list[tuple[float, str]]) -> str:
    """The line shape plus the two strongest reasons pointing the way the score went."""
    agreeing = [pair for pair in evidence if (pair[0] > 0) == (score >= THRESHOLD)]
    agreeing.sort(key=lambda pair: -abs(pair[0]))
    return "，".join(["短行无句末标点"] + [why for _, why in agreeing[:2]])


def _dateline_text(page: Page, index: int) -> str:
    found = dateline_parts(page.lines[index].text)
    return found.text if found else ""


def _layout(page: Page, run: Run) -> tuple[int, bool, int]:
    """Line count, byline presence and first-line length of a run."""
    return len(run.headings), bool(run.bylines), page.lines[run.headings[0]].length


def series_members(page: Page, runs: list[Run]) -> set[int]:
    """Runs that repeat one layout on a page: the parts of a package or a feature.

    Single-line runs without a byline are left out: separate short stories look alike too.
    """
    groups: dict[tuple[int, bool], list[tuple[int, int]]] = {}
    for run in runs:
        count, has_byline, length = _layout(page, run)
        if count >= 2 or has_byline:
            groups.setdefault((count, has_byline), []).append((length, run.first))
    members: set[int] = set()
    for (count, has_byline), group in groups.items():
        if has_byline:
            if len(group) >= SERIES_SIZE:
                members.update(first for _, first in group)
            continue
        slack = LONG_STACK_SLACK if count >= LONG_STACK else SERIES_LENGTH_SLACK
        members.update(_crowded(sorted(group), slack))
    return members


def _crowded(group: list[tuple[int, int]], slack: int) -> set[int]:
    """Members of a length-sorted group with enough others of about the same length."""
    lengths = [length for length, _ in group]
    crowded = set()
    for length, first in group:
        low = bisect.bisect_left(lengths, length - slack)
        high = bisect.bisect_right(lengths, length + slack)
        if high - low >= SERIES_SIZE:
            crowded.add(first)
    return crowded


def run_starts(page: Page, runs: list[Run]) -> list[Start]:
    """Heading runs whose score says they open a story."""
    starts = []
    series = series_members(page, runs)
    for run in runs:
        score, reason = score_run(page, run)
        if run.first in series:
            score, reason = (
                score + SERIES_PENALTY,
                "短行无句末标点，但与同页多组标题格式相同，是专题内小标题",
            )
        if score >= THRESHOLD:
            starts.append(Start(run.first, score, reason, run))
    return starts


def other_starts(page: Page, run_first: set[int], in_run: set[int]) -> list[Start]:
    """Datelines without a heading above, and lines after a closing credit or note."""
    starts = []
    for index in range(page.content_end):
        if index in in_run:
            continue
        kind = page.kind(index)
        before, after = page.kind(index - 1), page.kind(index + 1)
        if index == 0:
            starts.append(Start(0, 3.0, "版面第一段"))
        elif kind == DATELINE and _opens_story(page, index, in_run):
            starts.append(Start(index, 1.5, "上段已完，电头另起一篇（标题可能在导语之后）"))
        elif kind in (BODY, DATELINE) and is_closing(before) and not is_closing(after):
            starts.append(Start(index, 1.0, "上接署名或图片说明，前文已结束"))
    return starts


def _opens_story(page: Page, index: int, in_run: set[int]) -> bool:
    """A dateline with body above it and no heading just before: a lead printed first."""
    if page.lines[index].text.startswith("据"):
        return False
    reach = range(max(0, index - DATELINE_AFTER_RUN), index)
    return not any(position in in_run for position in reach)


def find_starts(page: Page) -> tuple[list[Start], list[Run]]:
    """All story starts in line order; a title printed after its lead joins the lead."""
    runs = find_runs(page)
    in_run = {i for run in runs for i in range(run.first, run.last + 1)}
    by_first = {run.first: run for run in runs}
    starts = run_starts(page, runs) + other_starts(page, set(by_first), in_run)
    starts.sort(key=lambda s: s.index)
    merged: list[Start] = []
    for start in starts:
        previous = merged[-1] if merged else None
        if previous and previous.run is None and start.run and start.index - previous.index <= 1:
            previous.run = start.run
            previous.score = max(previous.score, start.score)
            continue
        merged.append(start)
    for start in merged:
        if start.run is None and start.index + 1 in by_first:
            start.run = by_first[start.index + 1]
    return merged, runs
