"""Headings: which lines look like a headline, and kicker/title/subtitle within a stack."""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor_app.segmentation.lines import (
    LineInfo,
    compact,
    ends_continuing,
    ends_sentence,
    has_inner_sentence_end,
    space_parts,
)

MAX_HEADING = 60
# Commas that make a line read as prose rather than a headline.
_COMMAS = re.compile(r"[,，]")
MAX_HEADING_COMMAS = 1
LONG_WITH_COMMA = 27
# A date, a number with its unit, or a figure: never a headline on its own.
_DATE_OR_FIGURE = re.compile(
    r"^(?:[0-9０-９〇一二三四五六七八九十]{2,4}年)?[0-9０-９一二三四五六七八九十]{1,2}月"
    r"[0-9０-９一二三四五六七八九十]{1,3}日$|^[-+]?[0-9０-９][0-9０-９.,，%％]*[^\s]{0,3}$"
)
_PAIRS = (("“", "”"), ("（", "）"), ("(", ")"), ("《", "》"), ("【", "】"))
# A column tag closing a title: `（评论员观察）`, `(人民时评)`, `（走近国医大师(26)）`.
_COLUMN_TAG = re.compile(r"[（(][^（()）]{2,40}(?:[（(][^（()）]{1,6}[)）][^（()）]{0,10})?[)）]$")
# A kicker ends in a dash or a verb of saying: `…时强调`, `研究发现——`.
_KICKER_END = re.compile(r"(?:——|强调|指出|表示|时说|寄语)$")
# A subtitle reports who attended or spoke: `韩正出席`, `孟景伟主持`.
_ATTEND_END = re.compile(r"(?:出席|主持|讲话|参加|致辞|会见|作报告)$")
_SPEECH_START = re.compile(r"^(?:强调|指出|表示|要求|决定|提出|——)")
_SHORT_PART = 8


@dataclass(slots=True)
class Headline:
    kicker: str = ""
    title: str = ""
    subtitle: str = ""


def is_heading_shape(info: LineInfo) -> bool:
    """Short, no sentence inside, no sentence-final mark (except a very short cry)."""
    text = info.text
    if info.length > MAX_HEADING or has_inner_sentence_end(text):
        return False
    if ends_continuing(text):
        return False
    if _looks_like_prose_cut(text) or _DATE_OR_FIGURE.match(text):
        return False
    if ends_sentence(text):
        return info.length <= 8 and text[-1] in "！？!?"
    return True


def _looks_like_prose_cut(text: str) -> bool:
    """Part of a paragraph cut at a column break: commas, open quotes, a trailing digit."""
    if text.endswith("——"):
        return False
    commas = len(_COMMAS.findall(text))
    if commas > MAX_HEADING_COMMAS:
        return True
    if commas and (len(text) > LONG_WITH_COMMA or text[-1].isdigit()):
        return len(space_parts(text)) < 2
    return any(text.count(left) != text.count(right) for left, right in _PAIRS)


def has_column_tag(text: str) -> bool:
    """The line ends in a bracketed column name and has a headline before it."""
    match = _COLUMN_TAG.search(text)
    return bool(match) and match.start() >= 2


def ends_like_kicker(text: str) -> bool:
    return bool(_KICKER_END.search(text))


def without_tag(text: str) -> str:
    match = _COLUMN_TAG.search(text)
    return text[: match.start()] if match and match.start() >= 2 else text


def _balanced(parts: list[str]) -> bool:
    lengths = [len(without_tag(p)) for p in parts]
    return max(lengths) - min(lengths) <= 1 and max(lengths) <= _SHORT_PART


def split_combined(text: str) -> Headline:
    """Kicker and title printed on one line, split at a blank; the title may keep blanks."""
    parts = space_parts(text)
    whole = Headline(title=text)
    if len(parts) < 2:
        return whole
    for index, part in enumerate(parts[:-1]):
        if ends_like_kicker(part):
            return Headline(" ".join(parts[: index + 1]), " ".join(parts[index + 1 :]))
    if all(len(without_tag(p)) <= _SHORT_PART for p in parts):
        return whole
    cut = _title_start(parts)
    if cut is None:
        return whole
    return Headline(" ".join(parts[:cut]), " ".join(parts[cut:]))


def _title_start(parts: list[str]) -> int | None:
    """Index where the title begins after a leading kicker, or None to keep one title."""
    if len(parts) >= 4 and _balanced(parts[-3:]):
        return len(parts) - 3
    if len(parts) >= 3 and _balanced(parts[-2:]):
        return len(parts) - 2
    head, tail = parts[0], without_tag(parts[-1])
    if len(parts) == 2 and len(head) >= 7 and 8 <= len(tail) <= 1.6 * len(head):
        return 1
    if len(parts) >= 3 and has_column_tag(tail):
        return len(parts) - 1
    return None


def stack_roles(texts: list[str]) -> list[str]:
    """Roles of the heading lines above a story: kicker / title / subtitle."""
    if len(texts) == 1:
        return ["title"]
    if len(texts) == 2:
        return list(_two_line_roles(texts[0], texts[1]))
    roles = ["kicker", "title", "subtitle"]
    if texts[0].startswith("——") or has_column_tag(texts[0]):
        roles = ["title", "subtitle", "subtitle"]
    return roles + ["subtitle"] * (len(texts) - 3)


def _two_line_roles(first: str, second: str) -> tuple[str, str]:
    kicker_title = ("kicker", "title")
    title_subtitle = ("title", "subtitle")
    if ends_like_kicker(first) or has_column_tag(second):
        return kicker_title
    if _SPEECH_START.match(second) or has_column_tag(first):
        return title_subtitle
    if _ATTEND_END.search(compact(second)) or second[:1] in "（([［":
        return title_subtitle
    first_parts, second_parts = space_parts(first), space_parts(second)
    if len(second_parts) >= 2 and not _balanced(second_parts) and len(first_parts) == 1:
        return title_subtitle
    return kicker_title


def headline_from_stack(texts: list[str]) -> tuple[Headline, list[str]]:
    """The headline fields and per-line roles of a heading stack."""
    roles = stack_roles(texts)
    headline = Headline()
    for text, role in zip(texts, roles, strict=False):
        current = getattr(headline, role)
        setattr(headline, role, f"{current} {text}".strip() if current else text)
    if roles[0] == "title" and not headline.kicker:
        combined = split_combined(headline.title)
        headline.kicker, headline.title = combined.kicker, combined.title
    return headline, roles
