"""Who wrote it: names after 记者 / 通讯员 / 实习记者 labels, and byline lines of their own."""

from __future__ import annotations

import re

from editor_app.model import Byline
from editor_app.segmentation.lines import space_parts
from editor_app.segmentation.memo import per_line

# Longest labels first so that 本报记者 is not read as 记者.
_LABEL = re.compile(
    r"(本报特约记者|本报实习记者|本报见习记者|本报通讯员|本报记者|特约记者|实习记者|见习记者"
    r"|实习生|通讯员|[\u4e00-\u9fff]{1,4}社记者|[\u4e00-\u9fff]{1,3}网记者|记者)"
)
_SEPARATORS = re.compile(r"[、，,；;/]+")
_NAME = re.compile(r"^[\u3400-\u9fff·]{1,6}$")
_BYLINE_LINE = re.compile(
    r"^(?:本报|特约|实习|见习|[\u4e00-\u9fff]{1,4}社|[\u4e00-\u9fff]{1,3}网)?记者"
)
_MAX_NAME = 4
FIELDS = ("reporters", "correspondents", "interns")


def label_field(label: str) -> str:
    """Which Byline list a label fills: reporters, correspondents or interns."""
    if "通讯员" in label:
        return "correspondents"
    if "实习" in label or "见习" in label:
        return "interns"
    return "reporters"


def split_names(text: str) -> list[str]:
    """Names in a run like `陈施君 张帆`, `许 晴 方 敏` or `X、Y`.

    Print spaces a two-character name out as `贺 勇`; single characters are paired up.
    """
    tokens: list[str] = []
    for chunk in _SEPARATORS.split(text):
        tokens.extend(space_parts(chunk))
    names: list[str] = []
    pending = ""
    for token in tokens:
        if len(token) == 1:
            pending += token
            if len(pending) == 2:
                names.append(pending)
                pending = ""
            continue
        if pending:
            names.append(pending)
            pending = ""
        names.append(token)
    if pending:
        names.append(pending)
    return names


def parse_credit(text: str) -> Byline | None:
    """Read `记者 X Y 通讯员 Z` (labels optional) into a Byline; None if not names only."""
    names = credit_names(text)
    if names is None:
        return None
    reporters, correspondents, interns = names
    return Byline("", list(reporters), list(correspondents), list(interns))


@per_line
def credit_names(text: str) -> tuple[tuple[str, ...], ...] | None:
    """Reporters, correspondents and interns named in `text` (see `parse_credit`)."""
    found: dict[str, list[str]] = {name: [] for name in FIELDS}
    field = "reporters"
    position = 0
    for match in _LABEL.finditer(text):
        if not _add_names(found[field], text[position : match.start()]):
            return None
        field = label_field(match.group(1))
        position = match.end()
    if not _add_names(found[field], text[position:]):
        return None
    names = tuple(tuple(found[name]) for name in FIELDS)
    return names if any(names) else None


def _add_names(target: list[str], text: str) -> bool:
    names = split_names(text)
    if not all(_NAME.match(name) and len(name) <= _MAX_NAME for name in names):
        return False
    target.extend(names)
    return True


def parse_byline_line(text: str) -> Byline | None:
    """A line of its own such as `本报记者 柴福娟 实习记者 黄澳`; None otherwise."""
    if not _BYLINE_LINE.match(text) and not text.startswith("通讯员"):
        return None
    return parse_credit(text)


def looks_like_name_list(text: str) -> bool:
    """`郑少忠 肖德法`: two or three blank-separated names, nothing else."""
    if len(space_parts(text)) < 2:
        return False
    names = split_names(text)
    return 1 <= len(names) <= 3 and all(2 <= len(n) <= 3 for n in names)


# Last character of a post or rank: 主任, 书记, 院长, 教授, 委员, 经济师, 研究员, 记者 ...
_POST_END = frozenset("长任记授员理席师家者官主委辑")
MIN_POST = 4


def is_speaker_line(text: str) -> bool:
    """`北京大学政府管理学院常务副院长 燕继荣`: a post and a name under a speech's subhead."""
    parts = space_parts(text)
    if len(parts) < 2 or len(parts[0]) < MIN_POST or parts[0][-1] not in _POST_END:
        return False
    names = split_names(" ".join(parts[1:]))
    return len(names) == 1 and 2 <= len(names[0]) <= 3
