"""Page furniture: staff lines, photo and chart credits, end notes, stray numbers."""

from __future__ import annotations

import re

_COLON = r"[:：]"
# 责编 / 责任编辑 / 版式设计 lines: the desk's names, never part of a story's text.
_STAFF = re.compile(
    rf"^(?:本版|本期)?(?:责任编辑|责编|编辑|版式设计|美术编辑|校对|版面设计){_COLON}"
)
# Credits that close a story: photos, charts, data sources, coordinators.
_CREDIT_LABEL = re.compile(
    rf"^(?:本版|本期)?(?:制图|图片来源|数据来源|资料来源|图片说明|稿件统筹|统筹|策划|设计|插图|漫画|图表){_COLON}"
)
_PHOTO = re.compile(r"(?:摄|摄影|摄影报道|供图)(?:[（(][^（()）]{1,12}[)）])?$")
_DRAWN = re.compile(r"[\u4e00-\u9fff\s]{2,12}图\s+[\u4e00-\u9fff\s]{2,12}文$")
# A mailbox or web address given for readers' letters. A mailbox is looked for from the
# start of a run of its characters only: from every character, a long run was quadratic.
_ADDRESS = re.compile(r"(?<![A-Za-z0-9._-])[A-Za-z0-9._-]+@[A-Za-z0-9.-]+|https?://|www\.")
# A whole line in brackets closing a story: author notes, 本报…电, 记者 names.
_END_NOTE = re.compile(r"^[（(][^（()）]*(?:[（(][^（()）]*[)）][^（()）]*)*[)）]$")
_NOISE = re.compile(
    r"^(?:第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版|[0-9０-９]{1,4}|[-—·.]{1,3})$"
)


def is_noise(text: str) -> bool:
    """A stray page number, year or edition number."""
    return bool(_NOISE.match(text))


def is_staff_line(text: str) -> bool:
    """A 责编 / 版式设计 line."""
    return bool(_STAFF.match(text))


def is_design_credit(text: str) -> bool:
    """A 版式设计 / 美术编辑 line rather than a 责编 line."""
    return is_staff_line(text) and ("设计" in text[:6] or "美术" in text[:6])


def is_credit(text: str) -> bool:
    """A photo/chart credit or a source line that closes a story."""
    if _CREDIT_LABEL.match(text) or (_may_hold_address(text) and _ADDRESS.search(text)):
        return True
    if len(text) > 30:
        return False
    return bool(_PHOTO.search(text) or _DRAWN.match(text)) and not _ends_like_prose(text)


def _may_hold_address(text: str) -> bool:
    """Whether `_ADDRESS` could match: it needs one of these, and they are rare in prose."""
    return "@" in text or "://" in text or "www." in text


def _ends_like_prose(text: str) -> bool:
    return any(mark in text for mark in "。，,；;！？!?")


def is_photo_credit(text: str) -> bool:
    """`X摄` / `X图 Y文`: a photographer's or artist's credit under a picture."""
    return len(text) <= 30 and bool(_PHOTO.search(text) or _DRAWN.match(text))


def is_end_note(text: str) -> bool:
    """`(作者为…)`, `（本报北京10月14日电）`, `(记者 X)`: a story's last line."""
    return len(text) <= 60 and bool(_END_NOTE.match(text))
