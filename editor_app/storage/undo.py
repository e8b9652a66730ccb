"""Undo and redo from the change log, so both survive closing and reopening the file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.model import Operation
from editor_app.storage.journal import OpResult, now

if TYPE_CHECKING:
    from editor_app.storage.editing import Edits
    from editor_app.storage.history import History


class Undo:
    """`project.undo`: undo and redo, their labels, and the log they step through."""

    def __init__(self, db, edits: Edits, history: History) -> None:
        self.db = db
        self.edits = edits
        self.journal = edits.journal
        self.history = history

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
        self.edits.require_writable()
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
        self.edits.require_writable()
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
                "editor": self.edits.editor,
                "time": now(),
                "document_id": op["document_id"],
                "article_id": op["article_id"],
                "target": op["id"],
                "state": "done",
                "on_stack": 0,
            }
        )

    def operations(self, *, limit: int = 200, with_changes: bool = False) -> list[Operation]:
        """The log, newest first (see `History.entries` for filters)."""
        return self.history.entries(limit=limit, with_changes=with_changes)
