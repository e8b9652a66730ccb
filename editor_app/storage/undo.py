"""Undo and redo from the change log, so both survive closing and reopening the file."""

from __future__ import annotations

from editor_app.model import Operation
from editor_app.storage.journal import OpResult, now


class UndoRedo:
    """Mixed into Project: uses self.db, self.journal, self.editor."""

    def _next_to_undo(self) -> dict | None:
        rows = list(
            self.db.query(
                "SELECT * FROM operations WHERE kind = 'do' AND on_stack = 1 AND state = 'done' "
                "ORDER BY id DESC LIMIT 1"
            )
        )
        return rows[0] if rows else None

    def _next_to_redo(self) -> dict | None:
        rows = list(
            self.db.query(
                "SELECT * FROM operations WHERE kind = 'do' AND on_stack = 1 AND state = 'undone' "
                "ORDER BY undone_seq DESC LIMIT 1"
            )
        )
        return rows[0] if rows else None

    def undo_label(self) -> str | None:
        """Label of the step undo would revert, or None when there is nothing to undo."""
        op = self._next_to_undo()
        return op["label"] if op else None

    def redo_label(self) -> str | None:
        op = self._next_to_redo()
        return op["label"] if op else None

    def undo(self) -> OpResult | None:
        self.require_writable()
        op = self._next_to_undo()
        if op is None:
            return None
        result = OpResult(op["id"], op["label"])
        with self.db.atomic():
            self.journal.apply_backwards(op["id"], result)
            self.journal.place_rows(result)
            seq = self.db.execute(
                "SELECT coalesce(max(undone_seq), 0) + 1 FROM operations"
            ).fetchone()[0]
            self.db.execute(
                "UPDATE operations SET state = 'undone', undone_seq = ? WHERE id = ?",
                [seq, op["id"]],
            )
            self._log_replay("undo", op)
        return result

    def redo(self) -> OpResult | None:
        self.require_writable()
        op = self._next_to_redo()
        if op is None:
            return None
        result = OpResult(op["id"], op["label"])
        with self.db.atomic():
            self.journal.apply_forwards(op["id"], result)
            self.journal.place_rows(result)
            self.db.execute(
                "UPDATE operations SET state = 'done', undone_seq = NULL WHERE id = ?", [op["id"]]
            )
            self._log_replay("redo", op)
        return result

    def _log_replay(self, kind: str, op: dict) -> None:
        self.db.table("operations").insert(
            {
                "kind": kind,
                "action": op["action"],
                "label": op["label"],
                "editor": self.editor,
                "time": now(),
                "document_id": op["document_id"],
                "article_id": op["article_id"],
                "target": op["id"],
                "state": "done",
                "on_stack": 0,
            }
        )

    def operations(self, *, limit: int = 200, with_changes: bool = False) -> list[Operation]:
        """The log, newest first (see history() for filters)."""
        return self.history(limit=limit, with_changes=with_changes)

    def operation_changes(self, operation_id: int):
        from editor_app.model import Change

        return [Change(t, k, b, a) for t, k, b, a in self.journal.changes_of(operation_id)]
