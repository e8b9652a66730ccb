"""Edits of articles, roles and metadata: each call is one operation, one undo step."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from editor_app.model import (
    EDITABLE_FIELDS,
    HEADING_ROLES,
    NON_ARTICLE_KINDS,
    ROLES,
    STATUSES,
    Article,
)
from editor_app.model.alignment import corrected_position, edits_between
from editor_app.model.article import DONE_STATUSES, FLAG_FIELDS, KINDS, LIST_FIELDS
from editor_app.model.fields import from_lines
from editor_app.model.text_edits import TextEdit, apply_edits, follow_edits
from editor_app.storage.errors import OperationError
from editor_app.storage.heading_lines import demote_headings, field_edited, role_changed
from editor_app.storage.journal import OpResult
from editor_app.storage.queries import (
    article_id_at_line,
    article_rows,
    article_rows_by_id,
    articles_of,
    read_article,
)
from editor_app.storage.stale_suggestions import close_stale

if TYPE_CHECKING:
    from editor_app.storage.editing import Edits
    from editor_app.storage.queries import Documents

FALSE_WORDS = frozenset({"", "0", "false", "no", "off", "否"})


class Articles:
    """`project.articles`: reading segments, and the edits of boundaries, roles and fields.

    Each edit is one operation, one undo step; `set_fields` and `row` serve the other
    services that rewrite an article inside an operation of their own.
    """

    def __init__(self, db, path, edits: Edits, documents: Documents) -> None:
        self.db = db
        self.path = path
        self.edits = edits
        self.journal = edits.journal
        self.documents = documents

    # -- reads ------------------------------------------------------------------------------

    def get(self, article_id: int) -> Article:
        return read_article(self.db, self.path, article_id)

    def of_document(self, document_id: int) -> list[Article]:
        """A document's segments with their text, in line order."""
        return articles_of(self.db, document_id)

    def rows(self, document_id: int) -> list[dict]:
        """A document's segments in line order, without their text."""
        return article_rows(self.db, document_id)

    def rows_by_id(self, article_ids) -> list[dict]:
        """Rows like `rows` gives, of these articles only (those still there), in id order:
        what a view reads again after a change names them."""
        return article_rows_by_id(self.db, article_ids)

    def at_line(self, document_id: int, line: int) -> Article | None:
        article_id = article_id_at_line(self.db, document_id, line)
        return self.get(article_id) if article_id is not None else None

    def row(self, article_id: int) -> dict:
        """The article's stored row (corrected_text None where it is the raw span)."""
        rows = list(self.db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        if not rows:
            raise OperationError(self.path, f"no article {article_id}")
        return rows[0]

    # -- boundaries -------------------------------------------------------------------------

    def split(self, article_id: int, line: int) -> OpResult:
        """Start a new article at `line`, which must be a non-empty line inside the article."""
        article = self.row(article_id)
        with self.edits.operation(
            "split", document_id=article["document_id"], article_id=article_id
        ) as op:
            op.value = self._split(article, line)
        return op

    def merge_with_next(self, article_id: int) -> OpResult:
        article = self.row(article_id)
        following = self._neighbour(article, +1)
        if following is None:
            raise OperationError(self.path, "the last article of a document has no next one")
        with self.edits.operation(
            "merge", document_id=article["document_id"], article_id=article_id
        ) as op:
            self._merge(article, following)
        return op

    def merge_with_previous(self, article_id: int) -> OpResult:
        article = self.row(article_id)
        previous = self._neighbour(article, -1)
        if previous is None:
            raise OperationError(self.path, "the first article of a document has no previous one")
        return self.merge_with_next(previous["id"])

    def move_boundary(self, article_id: int, new_start: int) -> OpResult:
        """Move the start of an article; the article before it gives or takes the lines."""
        article = self.row(article_id)
        with self.edits.operation(
            "move_boundary", document_id=article["document_id"], article_id=article_id
        ) as op:
            self._move_start(article, new_start)
        return op

    def mark_non_article(self, document_id: int, start: int, end: int, kind: str) -> OpResult:
        """Make lines start..end one boilerplate or noise segment, splitting what covers them."""
        if kind not in NON_ARTICLE_KINDS:
            raise OperationError(self.path, f"{kind!r} is not a non-article kind")
        with self.edits.operation("mark_non_article", document_id=document_id) as op:
            op.value = self._carve_out(document_id, start, end, kind)
        return op

    def move_title_to_head(self, article_id: int, title_line: int) -> OpResult:
        """A title printed after its lead: the article starts at the lead, the line is the title."""
        article = self.row(article_id)
        if not article["start_line"] <= title_line <= article["end_line"]:
            raise OperationError(
                self.path,
                f"line {title_line} is not in article lines "
                f"{article['start_line']}–{article['end_line']}",
            )
        doc = article["document_id"]
        lines = self.documents.lines(doc)
        lead = lines.previous_nonblank(title_line)
        with self.edits.operation("move_title", document_id=doc, article_id=article_id) as op:
            if title_line == article["start_line"] and lead is not None:
                self._move_start(article, lead)
            self._set_role(doc, title_line, "title")
            self.set_fields(article_id, {"title": lines.texts[title_line - 1].strip()})
        return op

    # -- roles, fields, text, status ------------------------------------------------------

    def set_role(self, document_id: int, line: int, role: str) -> OpResult:
        if role not in ROLES:
            raise OperationError(self.path, f"unknown line role {role!r}")
        with self.edits.operation("set_role", document_id=document_id) as op:
            self._set_role_and_field(document_id, line, role)
        return op

    def set_roles(self, document_id: int, first: int, last: int, role: str) -> OpResult:
        """One role for every non-blank line of first..last: one operation, one undo step."""
        if role not in ROLES:
            raise OperationError(self.path, f"unknown line role {role!r}")
        lines = self.documents.lines(document_id)
        if not 1 <= first <= last <= len(lines):
            raise OperationError(
                self.path, f"lines {first}–{last} are not within the document (1–{len(lines)})"
            )
        with self.edits.operation("set_role", document_id=document_id) as op:
            for line in lines.nonblank_numbers(first, last):
                self._set_role_and_field(document_id, line, role)
        return op

    def set_field(self, article_id: int, field: str, value) -> OpResult:
        if field not in EDITABLE_FIELDS:
            raise OperationError(self.path, f"{field!r} is not an editable field")
        if field == "kind" and value not in KINDS:
            raise OperationError(self.path, f"unknown kind {value!r} (one of {', '.join(KINDS)})")
        article = self.row(article_id)
        with self.edits.operation(
            "set_field", document_id=article["document_id"], article_id=article_id
        ) as op:
            if field in HEADING_ROLES:
                field_edited(self, article_id, field, value)
            else:
                self.set_fields(article_id, {field: value})
        return op

    def replace_text(self, article_id: int, text: str) -> OpResult:
        article = self.row(article_id)
        with self.edits.operation(
            "replace_text", document_id=article["document_id"], article_id=article_id
        ) as op:
            # Made as the edits that turn the old text into the new one, so a heading or
            # dateline typed over in the text is corrected in its field too.
            before = self.get(article_id).text
            self.rewrite_text(article_id, before, edits_between(before, text))
        return op

    def set_status(self, article_id: int, status: str) -> OpResult:
        if status not in STATUSES:
            raise OperationError(self.path, f"unknown status {status!r}")
        article = self.row(article_id)
        with self.edits.operation(
            "set_status", document_id=article["document_id"], article_id=article_id
        ) as op:
            self.journal.update("articles", {"id": article_id}, {"status": status})
        return op

    def mark_document_reviewed(self, document_id: int) -> OpResult:
        """Every article of a document reviewed, as one step; approved ones stay approved
        and non-article segments are left alone. The value is how many were marked."""
        waiting = [
            row["id"]
            for row in article_rows(self.db, document_id)
            if row["kind"] not in NON_ARTICLE_KINDS and row["status"] not in DONE_STATUSES
        ]
        with self.edits.operation("mark_document_reviewed", document_id=document_id) as op:
            for article_id in waiting:
                self.journal.update("articles", {"id": article_id}, {"status": "reviewed"})
            op.value = len(waiting)
        return op

    # -- the work ---------------------------------------------------------------------------

    def _set_role(self, document_id: int, line: int, role: str) -> None:
        lines = self.documents.lines(document_id)
        self._require_nonblank(lines, line)
        self.write_role(document_id, line, role)

    def _set_role_and_field(self, document_id: int, line: int, role: str) -> None:
        """An editor's role: the heading fields of the line's article follow it."""
        old = self.documents.line_roles_at(document_id, [line])[line]
        self._set_role(document_id, line, role)
        role_changed(self, document_id, line, old, role)

    def write_role(self, document_id: int, line: int, role: str) -> None:
        """Store a line's role inside an open operation, nothing else."""
        self.journal.upsert(
            "line_roles", {"document_id": document_id, "line": line}, {"role": role}
        )

    def article_id_at(self, document_id: int, line: int) -> int | None:
        return article_id_at_line(self.db, document_id, line)

    def set_fields(self, article_id: int, values: dict) -> None:
        """Write fields of an article inside an open operation; the first marks it edited."""
        stored = {name: _stored(name, value) for name, value in values.items()}
        current = self.row(article_id)
        if stored.get("corrected_text") is not None:
            stored["corrected_text"] = self._unless_raw(current, stored)
        changed = {k: v for k, v in stored.items() if current.get(k) != v}
        if changed and current["status"] == "proposed":
            changed["status"] = "edited"  # the first change marks the article as edited
        self.journal.update("articles", {"id": article_id}, changed)
        if "corrected_text" in changed:  # suggestions made for the old text may not fit
            raw = self.documents.raw_text(current["document_id"])
            close_stale(self.db, self.journal, raw, self.row(article_id))

    def rewrite_text(self, article_id: int, text: str, edits: list[TextEdit]) -> None:
        """Make the edits to the article's text `text` and to the fields copied from its
        lines (model/text_edits.py), inside an open operation: one fact, one write."""
        current = self.row(article_id)
        values = {"corrected_text": apply_edits(text, edits)}
        for field in from_lines():
            old = current[field.name] or ""
            new = follow_edits(old, text, edits)
            if new != old:
                values[field.name] = new
        self.set_fields(article_id, values)

    def _split(self, article: dict, line: int) -> int:
        lines = self.documents.lines(article["document_id"])
        self._require_nonblank(lines, line)
        if not article["start_line"] < line <= article["end_line"]:
            raise OperationError(
                self.path,
                f"line {line} is not inside article lines "
                f"{article['start_line']}–{article['end_line']} past its first line",
            )
        before_end = lines.previous_nonblank(line)
        first_text, second_text = self._split_text(
            article, lines.start(line), lines.end(before_end)
        )
        new_id = self.journal.insert(
            "articles",
            {
                "document_id": article["document_id"],
                "start_line": line,
                "end_line": article["end_line"],
                "start_offset": lines.start(line),
                "end_offset": article["end_offset"],
                "kind": _kind_after_split(article["kind"]),
                "corrected_text": second_text,
                "status": "edited",
                "truncated": article["truncated"],
                "confidence": 1.0,
                "reason": "编辑拆分",
            },
        )
        self.set_fields(
            article["id"],
            {
                "end_line": before_end,
                "end_offset": lines.end(before_end),
                "corrected_text": first_text,
                "truncated": False,
            },
        )
        return new_id

    def _split_text(self, article: dict, cut: int, first_end: int):
        """Corrected texts of the two halves; None where a half is unchanged from raw."""
        if article["corrected_text"] is None:
            return None, None
        raw = self.documents.raw_text(article["document_id"])[
            article["start_offset"] : article["end_offset"]
        ]
        text = article["corrected_text"]
        base = article["start_offset"]
        first = text[: corrected_position(raw, text, first_end - base)]
        second = text[corrected_position(raw, text, cut - base) :]
        return first, second

    def _merge(self, first: dict, second: dict) -> None:
        raw = self.documents.raw_text(first["document_id"])
        text = None
        if first["corrected_text"] is not None or second["corrected_text"] is not None:
            text = (
                _effective(first, raw)
                + raw[first["end_offset"] : second["start_offset"]]
                + _effective(second, raw)
            )
        demote_headings(self, second)  # its headings now stand in the body
        self.journal.delete("articles", {"id": second["id"]})
        self.set_fields(
            first["id"],
            {
                "end_line": second["end_line"],
                "end_offset": second["end_offset"],
                "corrected_text": text,
                "truncated": bool(second["truncated"]),
            },
        )

    def _move_start(self, article: dict, new_start: int) -> None:
        lines = self.documents.lines(article["document_id"])
        self._require_nonblank(lines, new_start)
        if new_start == article["start_line"]:
            return
        if new_start > article["end_line"]:
            raise OperationError(self.path, f"line {new_start} is past the end of the article")
        previous = self._neighbour(article, -1)
        if previous is not None and (
            new_start <= previous["end_line"] or new_start > article["start_line"]
        ):
            self._shift_shared_boundary(previous, article, new_start, lines)
            return
        # No neighbour gives the lines: the article grows over, or gives up, uncovered lines.
        raw = self.documents.raw_text(article["document_id"])
        start = lines.start(new_start)
        text = article["corrected_text"]
        if text is not None:
            if start < article["start_offset"]:
                text = raw[start : article["start_offset"]] + text
            else:
                text = self._split_text(article, start, start)[1]
        self.set_fields(
            article["id"],
            {**self._span(lines, new_start, article["end_line"]), "corrected_text": text},
        )

    def _shift_shared_boundary(self, previous: dict, article: dict, new_start: int, lines):
        if new_start <= previous["start_line"]:
            raise OperationError(
                self.path, f"line {new_start} is not after the previous article's first line"
            )
        prev_end = lines.previous_nonblank(new_start)
        first = second = None
        if previous["corrected_text"] is not None or article["corrected_text"] is not None:
            raw = self.documents.raw_text(article["document_id"])
            joined = {
                "document_id": article["document_id"],
                "start_offset": previous["start_offset"],
                "end_offset": article["end_offset"],
                "corrected_text": _effective(previous, raw)
                + raw[previous["end_offset"] : article["start_offset"]]
                + _effective(article, raw),
            }
            first, second = self._split_text(joined, lines.start(new_start), lines.end(prev_end))
        self.set_fields(
            previous["id"],
            {"end_line": prev_end, "end_offset": lines.end(prev_end), "corrected_text": first},
        )
        self.set_fields(
            article["id"],
            {**self._span(lines, new_start, article["end_line"]), "corrected_text": second},
        )

    def _carve_out(self, document_id: int, start: int, end: int, kind: str) -> int:
        lines = self.documents.lines(document_id)
        first, last = self._nonblank_bounds(lines, start, end)
        for at in (first, lines.next_nonblank(last)):
            covering = self.at_line(document_id, at) if at else None
            if covering is not None and covering.start_line < at:
                self._split(self.row(covering.id), at)
        inside = self._rows_within(document_id, first, last)
        while len(inside) > 1:
            self._merge(inside[0], inside[1])
            inside = self._rows_within(document_id, first, last)
        span = {**self._span(lines, first, last), "kind": kind}
        if inside:
            target = inside[0]["id"]
            self.set_fields(target, span)
        else:
            target = self.journal.insert(
                "articles",
                {
                    "document_id": document_id,
                    **span,
                    "status": "edited",
                    "reason": "编辑标记",
                },
            )
        for line in lines.nonblank_numbers(first, last):
            self._set_role(document_id, line, kind)
        return target

    # -- helpers ----------------------------------------------------------------------------

    def _unless_raw(self, current: dict, stored: dict) -> str | None:
        """None when a corrected text equals its raw span: unedited text is not stored twice."""
        start = stored.get("start_offset", current["start_offset"])
        end = stored.get("end_offset", current["end_offset"])
        text = stored["corrected_text"]
        return None if text == self.documents.raw_text(current["document_id"])[start:end] else text

    def _neighbour(self, article: dict, direction: int) -> dict | None:
        if direction > 0:
            sql = (
                "SELECT * FROM articles WHERE document_id = ? AND start_line > ? "
                "ORDER BY start_line LIMIT 1"
            )
        else:
            sql = (
                "SELECT * FROM articles WHERE document_id = ? AND start_line < ? "
                "ORDER BY start_line DESC LIMIT 1"
            )
        rows = list(self.db.query(sql, [article["document_id"], article["start_line"]]))
        return rows[0] if rows else None

    def _rows_within(self, document_id: int, first: int, last: int) -> list[dict]:
        return list(
            self.db.query(
                "SELECT * FROM articles WHERE document_id = ? AND start_line >= ? AND end_line <= ? "
                "ORDER BY start_line",
                [document_id, first, last],
            )
        )

    def _span(self, lines, start: int, end: int) -> dict:
        return {
            "start_line": start,
            "end_line": end,
            "start_offset": lines.start(start),
            "end_offset": lines.end(end),
        }

    def _require_nonblank(self, lines, line: int) -> None:
        if not 1 <= line <= len(lines):
            raise OperationError(self.path, f"line {line} is outside the document (1–{len(lines)})")
        if lines.is_blank(line):
            raise OperationError(self.path, f"line {line} is blank")

    def _nonblank_bounds(self, lines, start: int, end: int) -> tuple[int, int]:
        numbers = lines.nonblank_numbers(start, end)
        if not numbers:
            raise OperationError(self.path, f"lines {start}–{end} hold no text")
        return numbers[0], numbers[-1]


def _stored(name: str, value):
    if name in LIST_FIELDS:
        if isinstance(value, str):
            value = [part for part in value.replace("、", " ").split() if part]
        return json.dumps(list(value), ensure_ascii=False)
    if name in FLAG_FIELDS:
        if isinstance(value, str):  # from the command line: "0", "false", "否" are false
            return int(value.strip().lower() not in FALSE_WORDS)
        return int(bool(value))
    return value


def _effective(article: dict, raw: str) -> str:
    if article["corrected_text"] is not None:
        return article["corrected_text"]
    return raw[article["start_offset"] : article["end_offset"]]


def _kind_after_split(kind: str) -> str:
    return "news" if kind in NON_ARTICLE_KINDS else kind
