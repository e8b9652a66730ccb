"""The change log: every write goes through here, so every operation can be undone.

An operation is one transaction: a row in `operations` plus one row in `changes` per
table row it touched, holding the changed columns before and after (the whole row for
an insert or a delete). Undo writes the `before` values back, redo the `after` values;
both are logged as operations of their own, so the history shows them.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime, timezone

from editor_app.model.project_change import ChangeRecorder, ProjectChange

# Primary-key columns of the tables operations write.
KEYS = {
    "articles": ("id",),
    "line_roles": ("document_id", "line"),
    "suggestions": ("id",),
    "dictionary": ("id",),
    "documents": ("id",),
    "document_sources": ("document_id",),
}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class OpResult:
    """One operation (or its undo or redo): its log id, label, value and what it changed.

    `change` is the typed ProjectChange views refresh from; the per-kind sets are also
    readable here directly (`result.articles_added`, `result.documents`, ...).
    """

    __slots__ = ("operation_id", "label", "value", "recorder", "_frozen")

    def __init__(self, operation_id: int | None, label: str, value: object = None) -> None:
        self.operation_id = operation_id
        self.label = label
        self.value = value
        self.recorder = ChangeRecorder()
        self._frozen: ProjectChange | None = None

    def note(
        self, table: str, key: dict, before: dict | None, after: dict | None, document_id=None
    ) -> None:
        self._frozen = None
        self.recorder.note(table, key, before, after, document_id)

    @property
    def change(self) -> ProjectChange:
        if self._frozen is None:
            self._frozen = self.recorder.freeze()
        return self._frozen

    def __getattr__(self, name: str):
        # The kinds of ProjectChange (documents, articles_added, line_roles, ...).
        if name in ProjectChange.__dataclass_fields__ or name == "articles":
            return getattr(self.change, name)
        raise AttributeError(name)

    @property
    def document_ids(self) -> frozenset[int]:
        return self.change.documents

    @property
    def article_ids(self) -> frozenset[int]:
        return self.change.articles

    @property
    def deleted_article_ids(self) -> frozenset[int]:
        return self.change.articles_removed

    def __repr__(self) -> str:
        return f"OpResult({self.operation_id!r}, {self.label!r}, {self.change!r})"


class Journal:
    """Row writes that record themselves; owned by a Project, uses its writer connection."""

    def __init__(self, db) -> None:
        self.db = db
        self.current: OpResult | None = None

    @contextmanager
    def operation(self, action: str, label: str, editor: str, **target):
        """One user action; nested calls join the outer one (a group is one undo step)."""
        if self.current is not None:
            yield self.current
            return
        with self.db.atomic():
            op_id = (
                self.db.table("operations")
                .insert(
                    {
                        "kind": "do",
                        "action": action,
                        "label": label,
                        "editor": editor,
                        "time": now(),
                        "document_id": target.get("document_id"),
                        "article_id": target.get("article_id"),
                        "state": "done",
                        "on_stack": 1,
                    }
                )
                .last_pk
            )
            self.current = OpResult(op_id, label)
            try:
                yield self.current
                if self.current.tables:
                    self._drop_redo_branch()
                    self.place_rows(self.current)
                else:
                    # Nothing changed: leave no empty step, and keep what redo can do.
                    self.db.execute("DELETE FROM operations WHERE id = ?", [op_id])
                    self.current.operation_id = None
            finally:
                self.current = None

    def _drop_redo_branch(self) -> None:
        # Undone steps leave the undo stack but stay in the history.
        self.db.execute(
            "UPDATE operations SET on_stack = 0 WHERE state = 'undone' AND on_stack = 1"
        )

    # -- row writes -------------------------------------------------------------------------

    def insert(self, table: str, row: dict) -> int:
        pk = self.db.table(table).insert(row).last_pk
        key = self._key(table, row, pk)
        after = self._fetch(table, key)
        self._record(table, key, None, after)
        return pk

    def update(self, table: str, key: dict, values: dict) -> dict:
        """Write the values that differ; returns the columns that changed (before values)."""
        current = self._fetch(table, key)
        if current is None:
            raise KeyError(f"{table} {key} does not exist")
        changed = {col: val for col, val in values.items() if current.get(col) != val}
        if changed:
            self._write(table, key, changed)
            before = {c: current[c] for c in changed}
            self._record(table, key, before, changed, current.get("document_id"))
        return changed

    def upsert(self, table: str, key: dict, values: dict) -> None:
        if self._fetch(table, key) is None:
            self.insert(table, {**key, **values})
        else:
            self.update(table, key, values)

    def delete(self, table: str, key: dict) -> None:
        current = self._fetch(table, key)
        if current is None:
            return
        where, params = self._where(key)
        self.db.execute(f"DELETE FROM {table} WHERE {where}", params)
        self._record(table, key, current, None)

    def _record(self, table, key, before, after, document_id=None) -> None:
        op = self.current
        if op is None:
            raise RuntimeError("a write outside an operation cannot be undone")
        op.note(table, key, before, after, document_id)
        self.db.execute(
            "INSERT INTO changes (operation_id, tbl, row_key, before, after) VALUES (?,?,?,?,?)",
            [op.operation_id, table, _dump(key), _dump(before), _dump(after)],
        )

    # -- helpers ----------------------------------------------------------------------------

    def _key(self, table: str, row: dict, pk) -> dict:
        columns = KEYS[table]
        if columns == ("id",):
            return {"id": pk}
        return {col: row[col] for col in columns}

    def _fetch(self, table: str, key: dict) -> dict | None:
        where, params = self._where(key)
        rows = list(self.db.query(f"SELECT * FROM {table} WHERE {where}", params))
        return rows[0] if rows else None

    def _write(self, table: str, key: dict, values: dict) -> None:
        where, params = self._where(key)
        sets = ", ".join(f"[{col}] = ?" for col in values)
        self.db.execute(f"UPDATE {table} SET {sets} WHERE {where}", [*values.values(), *params])

    @staticmethod
    def _where(key: dict) -> tuple[str, list]:
        return " AND ".join(f"[{col}] = ?" for col in key), list(key.values())

    # -- undo / redo ------------------------------------------------------------------------

    def apply_backwards(self, operation_id: int, result: OpResult) -> None:
        """Write every change of an operation back to its `before` state, newest first."""
        for change in reversed(self.changes_of(operation_id)):
            table, key, before, after = change
            if before is None:
                where, params = self._where(key)
                self.db.execute(f"DELETE FROM {table} WHERE {where}", params)
            elif after is None:
                self.db.table(table).insert(before)
            else:
                self._write(table, key, before)
            result.note(table, key, after, before)

    def apply_forwards(self, operation_id: int, result: OpResult) -> None:
        for table, key, before, after in self.changes_of(operation_id):
            if before is None:
                self.db.table(table).insert(after)
            elif after is None:
                where, params = self._where(key)
                self.db.execute(f"DELETE FROM {table} WHERE {where}", params)
            else:
                self._write(table, key, after)
            result.note(table, key, before, after)

    def place_rows(self, result: OpResult) -> None:
        """An update logs only the columns it changed: find the documents of such rows."""
        for table, ids in list(result.recorder.unplaced.items()):
            ordered = sorted(ids)
            found: set[int] = set()
            for first in range(0, len(ordered), 500):
                batch = ordered[first : first + 500]
                rows = self.db.execute(
                    f"SELECT DISTINCT document_id FROM {table} "
                    f"WHERE id IN ({', '.join('?' * len(batch))})",
                    batch,
                )
                found.update(row[0] for row in rows)
            result.recorder.place(table, found)

    def changes_of(self, operation_id: int) -> list[tuple]:
        rows = self.db.query(
            "SELECT tbl, row_key, before, after FROM changes WHERE operation_id = ? ORDER BY id",
            [operation_id],
        )
        return [
            (r["tbl"], json.loads(r["row_key"]), _load(r["before"]), _load(r["after"]))
            for r in rows
        ]


def _dump(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _load(text: str | None):
    return None if text is None else json.loads(text)
