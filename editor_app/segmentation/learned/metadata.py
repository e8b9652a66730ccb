"""Headline, byline, dateline and truncation of a decoded article, with the rule parsers."""

from __future__ import annotations

from editor_app.model import Byline, Segment
from editor_app.model.roles import HEADING_ROLES
from editor_app.segmentation.assemble import give_credits, give_photographers, merge_names
from editor_app.segmentation.bylines import parse_byline_line, parse_credit
from editor_app.segmentation.datelines import find_dateline
from editor_app.segmentation.headings import split_combined
from editor_app.segmentation.kinds import BYLINE, DATELINE
from editor_app.segmentation.learned.normalise import tight
from editor_app.segmentation.lines import LineInfo, space_parts

DATELINE_REACH = 3


def apply_headline(segment: Segment, raw: list[str], lines: list[LineInfo], roles: list[str]):
    """Kicker, title and subtitle from the lines holding those roles (raw text, as printed)."""
    parts: dict[str, list[str]] = {"kicker": [], "title": [], "subtitle": []}
    light_title = []
    for info, role in zip(lines, roles, strict=True):
        if role in HEADING_ROLES:
            parts[role].append(_raw_text(raw, info))
            if role == "title":
                light_title.append(info.text)
    segment.kicker = " ".join(parts["kicker"])
    segment.title = " ".join(parts["title"])
    segment.subtitle = " ".join(parts["subtitle"])
    if len(parts["title"]) == 1 and not segment.kicker:
        segment.kicker, segment.title = _split_kicker(parts["title"][0], light_title[0])


def _split_kicker(raw_title: str, light_title: str) -> tuple[str, str]:
    """Kicker and title printed on one line: cut the raw text where the light view is cut."""
    kicker = split_combined(light_title).kicker
    if not kicker:
        return "", raw_title
    wanted = len(tight(kicker))
    pieces = space_parts(raw_title)
    taken = 0
    for count, piece in enumerate(pieces, start=1):
        taken += len(tight(piece))
        if taken >= wanted:
            if taken != wanted or count == len(pieces):
                break
            return " ".join(pieces[:count]), " ".join(pieces[count:])
    return "", raw_title


def apply_byline(segment: Segment, raw: list[str], lines: list[LineInfo], roles: list[str]):
    """Names from byline lines under the headline, else from the dateline paragraph."""
    byline = Byline()
    first_body = next(
        (i for i, r in enumerate(roles) if r not in HEADING_ROLES and lines[i].kind != BYLINE),
        len(lines),
    )
    for index in range(min(len(lines), first_body + DATELINE_REACH + 1)):
        info = lines[index]
        if info.kind == BYLINE or roles[index] == "byline":
            merge_names(byline, _names(_raw_text(raw, info)) or _names(info.text))
        elif info.kind == DATELINE and not byline.dateline:
            found = find_dateline(_raw_text(raw, info)) or find_dateline(info.text)
            if found:
                merge_names(byline, found.byline)
                byline.dateline = found.text
            break
    give_credits(segment, byline)
    give_photographers(segment, (_raw_text(raw, info) for info in lines))


def _raw_text(raw: list[str], info: LineInfo) -> str:
    return raw[info.number - 1].strip(" \u3000\t\u00a0\r")


def _names(text: str) -> Byline | None:
    """Names of a byline line; the raw text keeps the blanks that part `贺 勇` from `方 敏`."""
    return parse_byline_line(text) or parse_credit(text)
