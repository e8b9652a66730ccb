"""Who wrote it: names after 记者 / 通讯员 / 实习记者 labels, byline lines of their own, and
who took the pictures: `X 摄`, `X Y摄影报道（影像中国）` closing a caption."""

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


# A photo credit closes its line: names, then 摄 / 摄影 / 摄影报道, then perhaps the agency
# in brackets, `（影像中国）`, or the bracket the credit opened, `（见图，X摄）`.
_PHOTO_MARK = re.compile(r"摄(影报道|影)?$")
_AGENCY_TAIL = re.compile(r"[ \u3000]*[（(〈][^（()）〈〉摄]{1,12}[)）〉][ \u3000]*$")
# A credit starts its line, follows a caption's sentence or opens a bracket after `见图，`.
_CREDIT_START = re.compile(r"[。！？!?]|[（(][^（()）]{0,6}[，,、]")
# 拍摄, 航拍摄: how the picture was taken, not by whom (航 ends names: 陈晓航).
_HOW_TAKEN = frozenset("拍")


@per_line
def photo_credit(text: str) -> tuple[str, ...]:
    """The photographers a line credits at its end; () when it credits none.

    `刘振清  张  敏摄影报道（影像中国）`, `本报记者  贺  勇摄`, `……。新华社记者赵戈摄`,
    `（见上图，新华社记者刘颖 摄）`, `X 摄影`. Not `摄影展`, `婚纱摄影`, `（2月6日摄）` or
    `无人机拍摄`.
    """
    if "摄" not in text:
        return ()  # nearly every line: one scan and out
    body = _AGENCY_TAIL.sub("", text).rstrip(" \u3000)）")
    mark = _PHOTO_MARK.search(body)
    if mark is None:
        return ()
    credit = _credit_clause(body[: mark.start()])
    if not credit or credit[-1] in _HOW_TAKEN:
        return ()
    if mark.group(1) == "影" and not body[: mark.start()].endswith((" ", "\u3000")):
        return ()  # `婚纱摄影`, `书法、摄影`: a kind of photography; a credit is `X 摄影`
    return _credited(credit)


def _credit_clause(text: str) -> str:
    starts = [found.end() for found in _CREDIT_START.finditer(text)]
    return text[starts[-1] if starts else 0 :].strip(" \u3000")


def _credited(text: str) -> tuple[str, ...]:
    """Every name of a credit, its labels (记者, 通讯员 …) aside, each once."""
    names = credit_names(text)
    if names is None:
        return ()
    return tuple(dict.fromkeys(name for group in names for name in group))
