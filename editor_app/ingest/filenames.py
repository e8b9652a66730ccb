"""Publication date and page read from a file name, where the name carries them."""

from __future__ import annotations

import re
from pathlib import PurePath

_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-_.年]?(0[1-9]|1[0-2])[-_.月]?(0[1-9]|[12]\d|3[01])日?(?!\d)"
)
_PAGE_WORD = re.compile(r"第\s*(\d{1,3})\s*版")
_PAGE_SUFFIX = re.compile(r"[-_](\d{1,3})$")


def date_and_page(file_name: str) -> tuple[str, str]:
    """('2020-05-20', '1') from 'rmrb-20200520-01.txt'; empty strings where absent."""
    stem = PurePath(file_name).stem
    date = ""
    match = _DATE.search(stem)
    if match:
        date = "-".join(match.groups())
        stem = stem[: match.start()] + "#" + stem[match.end() :]
    page = ""
    found = _PAGE_WORD.search(stem) or _PAGE_SUFFIX.search(stem)
    if found:
        page = str(int(found.group(1)))
    return date, page
