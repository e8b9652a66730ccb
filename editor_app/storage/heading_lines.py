"""A heading line's role and the field of that role are one fact, kept in step here.

The kicker, title and subtitle of an article are the text of its lines of that role,
several lines of one role joined by a blank as the segmenter joins them. So setting a
line's role fills the field from the line, taking the role away takes the line out of the
field, clearing the field makes its lines body, and editing the field corrects the line
(when the line still reads as the field did). Every function runs inside the caller's
open operation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.model import HEADING_ROLES
from editor_app.model.alignment import corrected_position
from editor_app.model.text_edits import PART_SEPARATOR, TextEdit

if TYPE_CHECKING:
    from editor_app.storage.operations import Articles

BODY = "body"


def role_changed(articles: Articles, document_id: int, line: int, old: str | None, new: str):
    """After a line took role `new` (it had `old`): the fields of both roles follow."""
    if old == new:
        return
    article_id = articles.article_id_at(document_id, line)
    if article_id is None:
        return
    article = articles.row(article_id)
    values = {}
    if old in HEADING_ROLES:
        values[old] = _without_part(article[old] or "", _line_text(articles, article, line))
    if new in HEADING_ROLES:
        values[new] = PART_SEPARATOR.join(
            _line_text(articles, article, number) for number in _lines_of(articles, article, new)
        )
    articles.set_fields(article_id, values)


def field_edited(articles: Articles, article_id: int, field: str, value: str) -> None:
    """The editor set a heading field: an empty one makes its lines body; otherwise the
    line that reads as the field did is corrected to the new value."""
    article = articles.row(article_id)
    numbers = _lines_of(articles, article, field)
    if not value:
        for number in numbers:
            articles.write_role(article["document_id"], number, BODY)
        articles.set_fields(article_id, {field: value})
        return
    edits = _line_edits(articles, article, numbers, article[field] or "", value)
    if edits:
        articles.rewrite_text(article_id, _effective_text(articles, article), edits)
    articles.set_fields(article_id, {field: value})


def demote_headings(articles: Articles, article: dict) -> None:
    """The heading lines of an article merged into the one before it become body."""
    roles = articles.documents.line_roles_at(
        article["document_id"], range(article["start_line"], article["end_line"] + 1)
    )
    for number, role in roles.items():
        if role in HEADING_ROLES:
            articles.write_role(article["document_id"], number, BODY)


def _lines_of(articles: Articles, article: dict, role: str) -> list[int]:
    roles = articles.documents.line_roles_at(
        article["document_id"], range(article["start_line"], article["end_line"] + 1)
    )
    return [number for number, found in roles.items() if found == role]


def _line_edits(articles, article, numbers, old: str, new: str) -> list[TextEdit]:
    """Edits that make the role's lines read `new`, where they now read `old`; else none."""
    if not numbers:
        return []
    places = [_line_place(articles, article, number) for number in numbers]
    text = _effective_text(articles, article)
    if PART_SEPARATOR.join(text[start:end] for start, end in places) != old:
        return []  # the field says something the lines do not: only the field changes
    parts = [new] if len(places) == 1 else new.split(PART_SEPARATOR)
    if len(parts) != len(places):
        return []
    return [(start, end, part) for (start, end), part in zip(places, parts, strict=True)]


def _line_text(articles: Articles, article: dict, number: int) -> str:
    start, end = _line_place(articles, article, number)
    return _effective_text(articles, article)[start:end]


def _line_place(articles: Articles, article: dict, number: int) -> tuple[int, int]:
    """Where the line's text, without its indentation, is in the article's text."""
    lines = articles.documents.lines(article["document_id"])
    raw_line = lines.texts[number - 1]
    stripped = raw_line.strip()
    first = lines.start(number) + raw_line.index(stripped) - article["start_offset"]
    last = first + len(stripped)
    if article["corrected_text"] is None:
        return first, last
    span = _raw_span(articles, article)
    text = article["corrected_text"]
    start = corrected_position(span, text, first)
    end = corrected_position(span, text, last)
    while end > start and text[end - 1].isspace():  # a join may have left the break
        end -= 1
    return start, end


def _effective_text(articles: Articles, article: dict) -> str:
    if article["corrected_text"] is not None:
        return article["corrected_text"]
    return _raw_span(articles, article)


def _raw_span(articles: Articles, article: dict) -> str:
    raw = articles.documents.raw_text(article["document_id"])
    return raw[article["start_offset"] : article["end_offset"]]


def _without_part(value: str, part: str) -> str:
    """The field with one of its parts taken out; as it was when no part reads so."""
    parts = value.split(PART_SEPARATOR)
    if part in parts:
        parts.remove(part)
        return PART_SEPARATOR.join(parts)
    return value.replace(part, "").strip() if part else value
