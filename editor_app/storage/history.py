"""Looking back: filtered history, reverting one past change, project statistics."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor_app.model import Change, Operation
from editor_app.model.change import HistoryItem, HistorySummary
from editor_app.storage.errors import OperationError
from editor_app.storage.history_summary import HistoryReader
from editor_app.storage.journal import OpResult
from editor_app.storage.queries import equal_to
from editor_app.storage.review_queries import (
    FieldChange,
    article_titles,
    field_changes,
    history_actions,
)

if TYPE_CHECKING:
    from editor_app.storage.editing import Edits
    from editor_app.storage.queries import Documents
    from editor_app.storage.suggestions import Suggestions

# What `stats()` takes from `documents.counts()`, under the same names.
STATS_FROM_COUNTS = (
    "documents",
    "segments",
    "articles",
    "articles_by_status",
    "articles_by_kind",
    "non_articles",
    "non_articles_by_kind",
)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field a past change set that a later change set again."""

    table: str
    key: dict
    column: str
    reverted_to: object
    current: object
    later_operations: tuple[int, ...]


class RevertConflict(OperationError):
    def __init__(self, path, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        fields = ", ".join(sorted({c.column for c in conflicts}))
        super().__init__(path, f"later changes touched the same fields: {fields}")


class History:
    """`project.history`: the change log read back, reverting one change, statistics, and
    the reads of the review views."""

    def __init__(
        self, db, path, edits: Edits, documents: Documents, suggestions: Suggestions
    ) -> None:
        self.db = db
        self.path = path
        self.edits = edits
        self.journal = edits.journal
        self.documents = documents
        self.suggestions = suggestions
        self.reader = HistoryReader(db, self.changes, documents.raw_text, documents.names)

    def entries(
        self,
        *,
        article_id=None,
        document_id=None,
        editor=None,
        since=None,
        until=None,
        action=None,
        limit: int = 500,
        with_changes: bool = False,
        before_id: int | None = None,
    ) -> list[Operation]:
        """The change log, newest first, filtered; undone steps are kept and marked.

        `before_id` pages through it: only operations older than that one.
        """
        where, params = _history_filters(article_id, document_id, editor, since, until, action)
        if before_id is not None:
            where += " AND o.id < ?"
            params.append(before_id)
        rows = self.db.query(
            f"SELECT * FROM operations o WHERE {where} ORDER BY o.id DESC LIMIT ?", [*params, limit]
        )
        operations = [_operation(row) for row in rows]
        if with_changes:
            for op in operations:
                op.changes = self.changes(op.id)
        return operations

    def changes(self, operation_id: int) -> list[Change]:
        """The row changes one operation made, in the order it made them."""
        return [Change(t, k, b, a) for t, k, b, a in self.journal.changes_of(operation_id)]

    def summaries(self, operations) -> dict[int, HistorySummary]:
        """What each operation did and to which articles, as an editor reads it, by id."""
        return self.reader.summaries(operations)

    def items(self, operation: Operation) -> list[HistoryItem]:
        """Everything one operation did, an item each: a field, a text, a suggestion…"""
        return self.reader.items(operation)

    def editors(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT editor FROM operations ORDER BY 1")]

    def actions(self) -> dict[str, str]:
        """Every action in the log with its latest label, for an operation filter."""
        return history_actions(self.db)

    def article_titles(self, article_ids) -> dict[int, str]:
        """Titles of the articles that still exist, by id."""
        return article_titles(self.db, article_ids)

    def field_changes(self, change: Change) -> list[FieldChange]:
        """The readable columns of a logged row change, as text."""
        return field_changes(self.db, self.documents.raw_text, change)

    # -- revert -------------------------------------------------------------------------------

    def revert_conflicts(self, operation_id: int) -> list[Conflict]:
        """Fields of this change that later, still applied changes set again."""
        self._revertable(operation_id)
        conflicts = []
        for table, key, before, after in self.journal.changes_of(operation_id):
            for column in after or before or {}:
                later = self._later_writers(operation_id, table, key, column)
                if later:
                    current = self._current_value(table, key, column)
                    value = (before or {}).get(column)
                    conflicts.append(Conflict(table, key, column, value, current, later))
        return conflicts

    def revert(self, operation_id: int, *, on_conflict: str = "refuse") -> OpResult:
        """Undo one past change as a new operation.

        on_conflict: "refuse" raises RevertConflict, "keep" leaves fields that later changes
        set, "overwrite" reverts them too.
        """
        op = self._revertable(operation_id)
        conflicts = self.revert_conflicts(operation_id)
        if conflicts and on_conflict == "refuse":
            raise RevertConflict(self.path, conflicts)
        skip = {(c.table, json.dumps(c.key), c.column) for c in conflicts}
        with self.edits.operation(
            "revert",
            f"还原：{op['label']}",
            document_id=op["document_id"],
            article_id=op["article_id"],
        ) as result:
            for table, key, before, after in reversed(self.journal.changes_of(operation_id)):
                self._revert_change(
                    table, key, before, after, skip if on_conflict == "keep" else set()
                )
        return result

    def _revert_change(self, table, key, before, after, skip) -> None:
        if before is None:
            self.journal.delete(table, key)  # gone already: nothing to take back
        elif after is None:
            if self.journal._fetch(table, key) is not None:
                raise OperationError(
                    self.path,
                    f"cannot bring back {table} {key.get('id', key)}: "
                    "it exists again (was this change reverted already?)",
                )
            self.journal.insert(table, before)
        else:
            values = {c: v for c, v in before.items() if (table, json.dumps(key), c) not in skip}
            if values and self.journal._fetch(table, key) is not None:
                self.journal.update(table, key, values)

    def _revertable(self, operation_id: int) -> dict:
        rows = list(self.db.query("SELECT * FROM operations WHERE id = ?", [operation_id]))
        if not rows:
            raise OperationError(self.path, f"no change {operation_id} in the history")
        op = rows[0]
        if op["kind"] != "do" or op["state"] != "done":
            raise OperationError(self.path, f"change {operation_id} is not an applied edit")
        return op

    def _later_writers(self, operation_id, table, key, column) -> tuple[int, ...]:
        rows = self.db.execute(
            "SELECT DISTINCT c.operation_id, c.before, c.after FROM changes c "
            "JOIN operations o ON o.id = c.operation_id "
            "WHERE c.operation_id > ? AND c.tbl = ? AND c.row_key = ? AND o.state = 'done'",
            [operation_id, table, json.dumps(key, ensure_ascii=False)],
        )
        return tuple(
            op_id
            for op_id, before, after in rows
            if after is None or before is None or column in json.loads(after)
        )

    def _current_value(self, table, key, column):
        row = self.journal._fetch(table, key)
        return None if row is None else row.get(column)

    # -- statistics ---------------------------------------------------------------------------

    def stats(self) -> dict:
        """The figures of `documents.counts()` (articles and non-article segments apart, each
        the sum of its parts), fully reviewed documents, changes per editor per day, and open
        suggestions by rule."""
        q = self.db.execute
        per_day: dict[str, dict[str, int]] = {}
        for editor, day, count in q(
            "SELECT editor, substr(time, 1, 10), count(*) FROM operations "
            "WHERE kind != 'import' GROUP BY 1, 2 ORDER BY 2, 1"
        ):
            per_day.setdefault(editor, {})[day] = count
        counts = self.documents.counts()
        return {
            **{key: counts[key] for key in STATS_FROM_COUNTS},
            "changes_per_editor_per_day": per_day,
            "open_suggestions_by_rule": self.suggestions.counts(),
            "documents_fully_reviewed": q(
                "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM articles a "
                "WHERE a.document_id = d.id AND a.kind NOT IN ('boilerplate','noise') "
                "AND a.status NOT IN ('reviewed','approved'))"
            ).fetchone()[0],
        }

    def next_unreviewed(self, after_id: int | None = None) -> int | None:
        """The next article not yet reviewed after this one, in document and line order,
        wrapping round to the start of the project; None when every article is reviewed."""
        place = self.db.execute(
            "SELECT document_id, start_line FROM articles WHERE id = ?", [after_id]
        ).fetchone() or (0, 0)
        waiting = (
            "SELECT id FROM articles WHERE kind NOT IN ('boilerplate', 'noise') "
            "AND status NOT IN ('reviewed', 'approved') AND id IS NOT ?"
        )
        order = " ORDER BY document_id, start_line LIMIT 1"
        row = (
            self.db.execute(
                f"{waiting} AND (document_id > ? OR (document_id = ? AND start_line > ?)){order}",
                [after_id, place[0], place[0], place[1]],
            ).fetchone()
            or self.db.execute(waiting + order, [after_id]).fetchone()
        )
        return row[0] if row else None

    def filtered_article_rows(
        self,
        *,
        document_id=None,
        not_reviewed=False,
        changed_by=None,
        uncertain_below=None,
        limit: int = 1000,
    ) -> list[dict]:
        """Articles for the review filters: not yet reviewed, changed by X, uncertain."""
        clauses, params = ["a.kind NOT IN ('boilerplate', 'noise')"], []
        if document_id is not None:
            clauses.append("a.document_id = ?")
            params.append(document_id)
        if not_reviewed:
            clauses.append("a.status NOT IN ('reviewed', 'approved')")
        if uncertain_below is not None:
            clauses.append("a.confidence < ?")
            params.append(uncertain_below)
        if changed_by:
            clauses.append(
                "a.id IN (SELECT json_extract(c.row_key, '$.id') FROM changes c "
                "JOIN operations o ON o.id = c.operation_id "
                "WHERE c.tbl = 'articles' AND o.editor = ? AND o.state = 'done')"
            )
            params.append(changed_by)
        return list(
            self.db.query(
                "SELECT a.id, a.document_id, a.start_line, a.end_line, a.kind, a.title, a.status, "
                f"a.confidence FROM articles a WHERE {' AND '.join(clauses)} "
                "ORDER BY a.document_id, a.start_line LIMIT ?",
                [*params, limit],
            )
        )


# Where a logged change was: the document (and lines) of the line role or suggestion it
# changed, the document of the article row. `{doc}`, `{lines}`: SQL filled in below.
_ROLE_IN = "c.tbl = 'line_roles' AND json_extract(c.row_key, '$.document_id') = {doc}{lines}"
_SUGGESTION_IN = (
    "c.tbl = 'suggestions' AND json_extract(c.row_key, '$.id') IN "
    "(SELECT s.id FROM suggestions s WHERE s.document_id = {doc}{lines})"
)
_ARTICLE_IN = (
    "c.tbl = 'articles' AND json_extract(c.row_key, '$.id') IN "
    "(SELECT id FROM articles WHERE document_id = {doc})"
)
_ROLE_LINES = " AND json_extract(c.row_key, '$.line') BETWEEN a.start_line AND a.end_line"
_SUGGESTION_LINES = " AND s.line BETWEEN a.start_line AND a.end_line"
# An article's changes: those made to its row, and those made to the suggestions and line
# roles on the lines it now covers (a dictionary entry or an accepted rule names no article).
_ARTICLE_SCOPE = f"""(o.article_id = ? OR o.id IN (
    SELECT operation_id FROM changes WHERE tbl = 'articles' AND row_key = ?
    UNION
    SELECT c.operation_id FROM articles a
    JOIN operations w ON w.document_id = a.document_id OR w.document_id IS NULL
    JOIN changes c ON c.operation_id = w.id
    WHERE a.id = ? AND (({_ROLE_IN.format(doc="a.document_id", lines=_ROLE_LINES)})
        OR ({_SUGGESTION_IN.format(doc="a.document_id", lines=_SUGGESTION_LINES)}))))"""
# A document's changes: its own operations, and the project-wide ones (a dictionary entry,
# a replace across the project) that changed something in it.
_DOCUMENT_SCOPE = f"""(o.document_id = ? OR o.id IN (
    SELECT c.operation_id FROM operations w JOIN changes c ON c.operation_id = w.id
    WHERE w.document_id IS NULL AND (({_ROLE_IN.format(doc="?", lines="")})
        OR ({_SUGGESTION_IN.format(doc="?", lines="")})
        OR ({_ARTICLE_IN.format(doc="?")}))))"""


def _history_filters(article_id, document_id, editor, since, until, action):
    clauses, params = ["1 = 1"], []
    if article_id is not None:
        clauses.append(_ARTICLE_SCOPE)
        params += [article_id, json.dumps({"id": article_id}), article_id]
    if document_id is not None:
        clauses.append(_DOCUMENT_SCOPE)
        params += [document_id] * 4
    more, values = equal_to((("o.editor", editor), ("o.action", action)))
    clauses += more
    params += values
    if since:
        clauses.append("o.time >= ?")
        params.append(since)
    if until:
        clauses.append("o.time < ?")
        params.append(until)
    return " AND ".join(clauses), params


def _operation(row: dict) -> Operation:
    return Operation(
        id=row["id"],
        action=row["action"],
        label=row["label"],
        editor=row["editor"],
        time=row["time"],
        document_id=row["document_id"],
        article_id=row["article_id"],
        state=row["state"],
        kind=row["kind"],
        target=row["target"],
    )
