"""A clean gold page as the press sees it: stories (kicker, title, subtitle, paragraphs).

Paragraphs cut at a column break in the clean text (`paragraph_joins`) are one paragraph
again: the press flows them into its own columns.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

HEADING_ROLES = ("kicker", "title", "subtitle")
_DATE = re.compile(r"(20[0-9]{2})([0-9]{2})([0-9]{2})-([0-9]{2})")


@dataclass(slots=True)
class Story:
    """One article of the clean page, ready to be set."""

    index: int
    kind: str
    headings: dict[str, str]
    paragraphs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CleanPage:
    name: str
    date: str  # YYYY-MM-DD
    page: int
    stories: list[Story]


def read_clean_page(text_path: Path) -> CleanPage:
    """The stories of NAME.txt with NAME.gold.json beside it."""
    gold_path = text_path.with_name(text_path.name[: -len(".txt")] + ".gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    lines = text_path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
    found = _DATE.search(text_path.name)
    if found is None:
        raise ValueError(f"{text_path.name}: no date and page number in the name")
    year, month, day, page = found.groups()
    joins = {a for a, _ in gold.get("paragraph_joins", [])}
    stories = [
        _story(index, article, lines, joins) for index, article in enumerate(gold["articles"])
    ]
    return CleanPage(text_path.name, f"{year}-{month}-{day}", int(page), stories)


def _story(index: int, article: dict, lines: list[str], joins: set[int]) -> Story:
    roles = {int(n): r for n, r in article.get("roles", {}).items()}
    headings = {role: "" for role in HEADING_ROLES}
    story = Story(index, article.get("kind", "news"), headings)
    carry = ""
    for number in range(article["start"], article["end"] + 1):
        line = lines[number - 1].strip().lstrip("\u3000").strip()
        if not line:
            continue
        role = roles.get(number, "body")
        if role in HEADING_ROLES:
            headings[role] = (headings[role] + line) if headings[role] else line
            continue
        carry += line
        if number not in joins:
            story.paragraphs.append(carry)
            carry = ""
    if carry:
        story.paragraphs.append(carry)
    return story
