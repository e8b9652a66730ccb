"""Datelines that open a news story: `本报讯(记者 X)`, `本报北京10月14日电（记者 X、Y）`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from editor_app.model import Byline
from editor_app.segmentation.bylines import credit_names, photo_credit
from editor_app.segmentation.memo import per_line

_NUM = r"[0-9０-９〇零一二三四五六七八九十]{1,3}"
_AGENCY = r"(?:本报|新华社|中新社|人民网|中国新闻社)"
_DATELINE = re.compile(
    rf"^(?P<dateline>据?(?:本报讯|本报电|{_AGENCY}"
    rf"(?P<place>[\u4e00-\u9fff、]{{0,10}}?)(?P<date>{_NUM}月{_NUM}日)?电))"
    r"(?P<after>\s*(?:[（(](?P<credit>[^（()）]{1,60})[)）])?)"
)


@dataclass(slots=True)
class Dateline:
    """A dateline found at the start of a paragraph, and the byline it carries."""

    text: str
    byline: Byline
    end: int


class DatelineParts(NamedTuple):
    """What `find_dateline` finds, immutable: the dateline, where it ends, the names it gives."""

    text: str
    end: int
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    interns: tuple[str, ...] = ()


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening `text`, if any (the paragraph must go on after it)."""
    found = dateline_parts(text)
    if found is None:
        return None
    names = map(list, (found.reporters, found.correspondents, found.interns))
    return Dateline(found.text, Byline(found.text, *names), found.end)


@per_line
def dateline_parts(text: str) -> DatelineParts | None:
    """`find_dateline` as an immutable value, worked out once per line: it is asked often."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    dateline = match.group("dateline")
    if dateline.endswith("电") and not _plausible_wire(match):
        return None
    credit = match.group("credit")
    names = credit_names(credit) if credit else None
    return DatelineParts(dateline, match.end(), *(names or ()))


def dateline_photographers(text: str) -> tuple[str, ...]:
    """Who took the pictures, when the dateline's credit says so: `本报讯（记者 X摄影报道）`."""
    if "摄" not in text or dateline_parts(text) is None:
        return ()
    credit = _DATELINE.match(text).group("credit")
    return photo_credit(credit) if credit else ()


def _plausible_wire(match: re.Match) -> bool:
    """`本报X电` must name a place or a date and be followed by a blank or a bracket."""
    if match.group("dateline").endswith("本报电"):
        return True
    if not (match.group("place") or match.group("date")):
        return False
    after = match.group("after")
    rest = match.string[match.end("dateline") :]
    return bool(after) or not rest
