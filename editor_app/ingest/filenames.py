"""What a document takes from its file's name: the name as stored, and the publication
date and page where the name carries them. Every import of raw files reads them here."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import NamedTuple

from editor_app.ingest.sources import printable_path

_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-_.年]?(0[1-9]|1[0-2])[-_.月]?(0[1-9]|[12]\d|3[01])日?(?!\d)"
)
_PAGE_WORD = re.compile(r"第\s*(\d{1,3})\s*版")
_PAGE_SUFFIX = re.compile(r"[-_](\d{1,3})$")


class NameFields(NamedTuple):
    file_name: str  # the last part of the path, as valid text (see `printable_path`)
    date: str  # 'YYYY-MM-DD', or empty
    page: str  # '9' for '09' or '第9版', or empty


def name_fields(path: str) -> NameFields:
    """The file name, date and page of the document imported from `path`."""
    file_name = PurePath(printable_path(path)).name
    return NameFields(file_name, *date_and_page(file_name))


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
