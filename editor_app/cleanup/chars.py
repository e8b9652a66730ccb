"""Character classes shared by the rules (regex fragments, compiled once)."""

from __future__ import annotations

import re

# CJK unified ideographs incl. extension A and the supplementary planes.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Full-width punctuation, quotes and brackets that sit inside Chinese text.
# (also circled numbers, ‰, the ratio colon and middle dots that Chinese text uses.)
CJK_PUNCT = "\u00b7\u2030\u2236\u2160-\u217f\u2460-\u24ff\u3220-\u32ff\u3001-\u3003\u3008-\u3011\u3014-\u301f\u2018\u2019\u201c\u201d\u2026\u2014\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
HAN_RE = re.compile(f"[{HAN}]")
SPACES = " \t\u00a0\u3000"

# A dateline that opens a news lead: 本报讯, 本报北京10月14日电, 新华社北京…电, 据新华社…电.
DATELINE_RE = re.compile(
    r"^[\s\u3000]*(?:本报讯|本报电|(?:据)?(?:本报|新华社|人民网|中新社|央视|中国新闻社)"
    r"[^\s，,。]{0,16}?[电讯])"
)


def is_han(char: str) -> bool:
    return bool(char) and HAN_RE.match(char) is not None
