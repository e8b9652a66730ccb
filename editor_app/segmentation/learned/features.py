"""Line features for the sequence model: today's rules as evidence, plus shape and neighbours.

Everything is read from the light view of the page (see `normalise`); the rules run on that
view too, so a dash read as `一一` or `记者 : X` looks to them as the printed page did.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from editor_app.model import Proposal
from editor_app.model.layout import PageLayout
from editor_app.segmentation.assemble import build
from editor_app.segmentation.boundaries import find_starts
from editor_app.segmentation.bylines import looks_like_name_list, parse_byline_line
from editor_app.segmentation.context import Page, refine
from editor_app.segmentation.datelines import dateline_parts
from editor_app.segmentation.furniture import is_design_credit, is_photo_credit
from editor_app.segmentation.headings import ends_like_kicker, has_column_tag
from editor_app.segmentation.kinds import classify, is_grid_line
from editor_app.segmentation.learned.cohesion import cohesion_attributes
from editor_app.segmentation.learned.layout_features import layout_attributes
from editor_app.segmentation.learned.normalise import LONG_LINE, light_page, tight
from editor_app.segmentation.lines import (
    CLOSERS,
    CONTINUING_END,
    SENTENCE_END,
    LineInfo,
    non_empty_lines,
    space_parts,
)

# Patterns of headings, bylines and furniture are only looked for on lines this short.
SHORT_LINE = 60
LENGTH_BUCKETS = (2, 4, 6, 8, 10, 12, 15, 18, 22, 26, 32, 40, 60, 100, 200)
# A person's name and a colon on a line of its own: a kicker above an interview's title.
_NAME_COLON = re.compile(r"^[\u4e00-\u9fff·]{2,5}：$")
_ENUMERATED = re.compile(
    r"^(?:（[0-9一二三四五六七八九十]{1,3}）|[0-9一二三四五六七八九十]{1,3}[、.．]"
    r"|[■□●◆▲★☆◎·]|第[一二三四五六七八九十百0-9]+[章节条部分]|【)"
)
# A wire's opening however OCR garbled the marks around it: `本报巴中2月20目电`.
_LOOSE_DATELINE = re.compile(
    r"^据?(?:本报讯|(?:本报|新华社|中新社)[\u4e00-\u9fff]{0,8}"
    r"[0-9〇一二三四五六七八九十]{1,2}月[0-9〇一二三四五六七八九十]{1,2}.电)"
)
# A full stop before the last character (as `lines.has_inner_sentence_end`, by regex).
_INNER_STOP = re.compile(r"[。；;](?=.)")
_DATE_LINE = re.compile(r"^[0-9〇一二三四五六七八九十]{4}年[0-9一二三四五六七八九十]{1,2}月")
_PAGE_MARK = re.compile(r"第[0-9]{1,3}版|^[0-9]{1,3}$")
# A running head: the paper's name or a section name and the page number.
_RUNNING_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,8}[0-9]{1,2}$|^[0-9]{1,2}[\u4e00-\u9fff]{2,8}$")
# `len=` of the smallest bucket a length fits under (found by bisection), or `len=max`.
_LENGTH_NAMES = (*(f"len={limit}" for limit in LENGTH_BUCKETS), "len=max")
_PARTS_NAMES = tuple(f"parts={count}" for count in range(5))


@dataclass(slots=True)
class PageFeatures:
    """The non-empty lines of a page (light view) and one attribute list per line."""

    lines: list[LineInfo]
    attributes: list[list[str]]
    rule_proposal: Proposal


def rule_analysis(text: str) -> tuple[Page | None, Proposal]:
    """Today's rule segmenter run on the light view: its line kinds and its proposal."""
    lines = non_empty_lines(light_page(text))
    if not lines:
        return None, Proposal()
    classify(lines)
    page = refine(lines)
    starts, runs = find_starts(page)
    return page, build(page, starts, runs)


def page_features(
    text: str, layout: PageLayout | None = None, skip: frozenset[str] = frozenset()
) -> PageFeatures:
    """Attributes of every non-empty line of raw `text`, with neighbour context.

    With the page's `layout`, each line gets its geometry's attributes too (`layout_features`;
    the families in `skip` left out).
    """
    page, proposal = rule_analysis(text)
    if page is None:
        return PageFeatures([], [], proposal)
    starts = {s.start: s.confidence for s in proposal.segments}
    raw = text.split("\n")
    roles = proposal.roles
    flats = [tight(info.text) for info in page.lines]
    own = [
        _own_attributes(page, info, flat, roles, starts, raw)
        for info, flat in zip(page.lines, flats, strict=True)
    ]
    if layout is not None:
        numbers = [info.number for info in page.lines]
        for (_, near, rest), (shared, alone) in zip(
            own, layout_attributes(layout, numbers, skip), strict=True
        ):
            near += shared
            rest += alone
    _add_relative_lengths(own)
    _add_cohesion(own, flats)
    own[0][2].append("first")
    own[-1][2].append("last")
    for _, _, rest in own[page.content_end :]:
        rest.append("tail")
    return PageFeatures(page.lines, _with_neighbours(own), proposal)


# A line's length against the page's median line: buckets of the ratio, in tenths.
RATIO_BUCKETS = (2, 4, 7, 10, 15)
_RATIO_NAMES = (*(f"rel<{limit}" for limit in RATIO_BUCKETS), "rel=max")


def _add_relative_lengths(own: list) -> None:
    """Replace the length each line's far list ends with (see `_own_attributes`) by its ratio.

    OCR gives a paragraph a line and clean pages a column row, so the page's median line is
    the yardstick: a heading is short against it on either kind of page.
    """
    lengths = sorted(far[-1] for far, _, _ in own)
    median = max(1, lengths[len(lengths) // 2])
    for far, _, _ in own:
        far[-1] = _RATIO_NAMES[bisect_right(RATIO_BUCKETS, far[-1] * 10 / median)]


def _add_cohesion(own: list, flats: list[str]) -> None:
    """Each line's lexical cohesion (`cohesion`, read on its tight text), seen by the next
    lines too; its overlap and its echo also joined with the rules' role for it, which they
    tell apart (a subhead and a title look alike, their surroundings do not)."""
    for (far, near, rest), found in zip(own, cohesion_attributes(flats), strict=True):
        if found:
            near += found
            role = "|" + far[1]
            rest += [found[0] + role, found[1] + role]


def _end_class(text: str) -> str:
    last = text[-1]
    if text.endswith("——"):
        return "dash"
    if last in SENTENCE_END:
        return "stop"
    if last in CLOSERS:
        return "close_stop" if len(text) > 1 and text[-2] in SENTENCE_END else "close"
    if last in CONTINUING_END:
        return "cont"
    if last.isdigit():
        return "digit"
    if "\u3400" <= last <= "\u9fff":
        return "cjk"
    return "other"


def _own_attributes(
    page: Page, info: LineInfo, flat: str, roles: dict, starts: dict, raw: list[str]
):
    """(far, near, rest): what the lines two away see, what the next lines see, the rest.

    The line's place on the page (first, last, tail) is added to `rest` by the caller, and
    the length that `far` ends with is turned into a ratio to the page's median by the caller.
    `flat` is the line's tight text (`normalise.tight`), which cohesion reads as well.
    """
    text = info.text
    number = info.number
    raw_line = raw[number - 1]
    length = len(flat) if len(raw_line) <= LONG_LINE else len(raw_line.strip())
    end = "end=" + _end_class(flat)
    length_name = _LENGTH_NAMES[bisect_left(LENGTH_BUCKETS, length)]
    far = ["k=" + info.kind, "r=" + roles.get(number, "body"), length_name, end, length]
    near = []
    confidence = starts.get(number)
    if confidence is not None:
        near.append("rs")
        near.append("rs=hi" if confidence >= 0.9 else "rs=mid" if confidence >= 0.6 else "rs=lo")
    if page.indented_body:
        near.append("ind=yes" if info.indented else "ind=no")
    if _LOOSE_DATELINE.match(flat):
        near.append("dl_loose")
    parts = len(space_parts(text))
    rest = [
        "bias",
        "f1=" + flat[0],
        "f2=" + flat[:2],
        "f3=" + flat[:3],
        "l1=" + flat[-1],
        "l2=" + flat[-2:],
        length_name + "|" + end,
        _PARTS_NAMES[min(parts, 4)],
    ]
    if length <= SHORT_LINE:
        shared, own = _pattern_attributes(text, flat)
        near += shared
        rest += own
    elif dateline_parts(text) is not None:
        near.append("dl")
    return far, near, rest


def _pattern_attributes(text: str, flat: str) -> tuple[list[str], list[str]]:
    """Evidence from the rule modules' own patterns, read on the normalised line.

    Returns the attributes the neighbours see too, and those only the line itself sees.
    """
    shared = []
    dateline = dateline_parts(text)
    if dateline is not None:
        shared.append("dl")
        if dateline.reporters:
            shared.append("dl_names")
    if parse_byline_line(text) is not None:
        shared.append("byl")
    if is_photo_credit(flat):
        shared.append("cred=photo")
    if is_design_credit(text):
        shared.append("cred=design")
    if has_column_tag(flat):
        shared.append("tag")
    attrs = []
    if looks_like_name_list(text):
        attrs.append("names")
    if ends_like_kicker(flat):
        attrs.append("kick_end")
    if flat.startswith("——"):
        attrs.append("dash_start")
    if _NAME_COLON.match(flat):
        attrs.append("name_colon")
    if _ENUMERATED.match(flat):
        attrs.append("enum")
    if is_grid_line(text):
        attrs.append("grid")
    if _DATE_LINE.match(flat):
        shared.append("date_line")
    if _RUNNING_HEAD.match(flat):
        shared.append("running_head")
    if _PAGE_MARK.search(flat) and len(flat) <= 12:
        shared.append("page_mark")
    if _INNER_STOP.search(flat):
        attrs.append("inner_stop")
    return shared, attrs


class _Prefixed(dict):
    """Attribute -> the same with a neighbour's offset in front, each made once.

    A line's far and near attributes come from a small fixed set, so this stays small.
    """

    def __init__(self, tag: str) -> None:
        super().__init__()
        self.tag = tag

    def __missing__(self, attribute: str) -> str:
        prefixed = self[attribute] = self.tag + attribute
        return prefixed


_BEFORE, _AFTER, _TWO_BEFORE, _TWO_AFTER = map(_Prefixed, ("-1:", "+1:", "-2:", "+2:"))


def _with_neighbours(own: list[tuple[list[str], list[str], list[str]]]) -> list[list[str]]:
    """Each line's attributes plus its neighbours' (prefixed by their offset)."""
    # What each line shows the others, with two rows of "none" past either edge of the page.
    seen_near = [far + near for far, near, _ in own]
    seen_far = [far for far, _, _ in own]
    before = _shown(seen_near, _BEFORE, "-1:none")
    after = _shown(seen_near, _AFTER, "+1:none")
    two_before = _shown(seen_far, _TWO_BEFORE, "-2:none")
    two_after = _shown(seen_far, _TWO_AFTER, "+2:none")
    pairs = ["pair=start"] + [
        "pair=" + above[0] + "|" + below[0]
        for above, below in zip(seen_far, seen_far[1:], strict=False)
    ]
    return [
        [*line_far, *line_near, *rest, *before[index + 1], *after[index + 3]]
        + [*two_before[index], *two_after[index + 4], pairs[index]]
        for index, (line_far, line_near, rest) in enumerate(own)
    ]


def _shown(attributes: list[list[str]], prefixed: _Prefixed, none: str) -> list[list[str]]:
    """Every line's attributes as a neighbour sees them, padded by two "none" rows each side."""
    edge = [[none]] * 2
    return edge + [list(map(prefixed.__getitem__, line)) for line in attributes] + edge
