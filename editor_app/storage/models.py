"""The project's own segmentation model: stored in the file, newest first, with its record.

A model is learned outside any transaction (it takes a while) and stored in one. The
newest row's bytes propose for imports and re-proposals; older rows keep only their
record (when, who, from which documents, how it scored).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor_app.storage.errors import damaged
from editor_app.storage.journal import now

if TYPE_CHECKING:
    from editor_app.storage.editing import Edits

TABLE = "segmentation_models"
RECORD_COLUMNS = "id, learned_at, editor, sha256, size, documents, held_out, score, detail"


@dataclass(frozen=True, slots=True)
class ModelRecord:
    """What the project knows of one learned model (its bytes are read apart)."""

    id: int
    learned_at: str
    editor: str
    sha256: str
    size: int
    documents: list[int]
    held_out: list[int]
    score: dict
    detail: dict


def _record(row) -> ModelRecord:
    model_id, learned_at, editor, sha256, size, documents, held_out, score, detail = row
    return ModelRecord(
        id=model_id,
        learned_at=learned_at,
        editor=editor,
        sha256=sha256,
        size=size,
        documents=json.loads(documents),
        held_out=json.loads(held_out),
        score=json.loads(score),
        detail=json.loads(detail),
    )


class Models:
    """`project.models`: the segmentation models learned in this project, newest first."""

    def __init__(self, db, path, edits: Edits) -> None:
        self.db = db
        self.path = path
        self.edits = edits

    def store(self, data: bytes, *, documents, held_out, score: dict, detail: dict) -> ModelRecord:
        """Keep `data` as the project's model, in one transaction; older rows drop their bytes."""
        self.edits.require_writable()
        row = {
            "learned_at": now(),
            "editor": self.edits.editor,
            "model": data,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "documents": json.dumps(sorted(documents)),
            "held_out": json.dumps(sorted(held_out)),
            "score": json.dumps(score, ensure_ascii=False),
            "detail": json.dumps(detail, ensure_ascii=False),
        }
        with self.db.atomic():
            new_id = self.db.table(TABLE).insert(row).last_pk
            self.db.execute(f"UPDATE {TABLE} SET model = NULL WHERE id < ?", [new_id])
        return self.records(limit=1)[0]

    def records(self, *, limit: int = -1) -> list[ModelRecord]:
        """Learned models, newest first; none in a file made before models were kept."""
        if not self._has_table():
            return []
        rows = self.db.execute(
            f"SELECT {RECORD_COLUMNS} FROM {TABLE} ORDER BY id DESC LIMIT ?", [limit]
        ).fetchall()
        return [_record(row) for row in rows]

    def current(self) -> ModelRecord | None:
        records = self.records(limit=1)
        return records[0] if records else None

    def current_bytes(self) -> bytes | None:
        """The newest model's bytes, checked against their digest; None when none was learned."""
        if not self._has_table():
            return None
        row = self.db.execute(
            f"SELECT model, sha256 FROM {TABLE} ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None or row[0] is None:
            return None
        data = bytes(row[0])
        if hashlib.sha256(data).hexdigest() != row[1]:
            raise damaged(self.path, "the learned segmentation model does not match its digest")
        return data

    def _has_table(self) -> bool:
        found = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [TABLE]
        ).fetchone()
        return found is not None
