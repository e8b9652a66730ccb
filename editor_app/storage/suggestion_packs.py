"""Packed suggestions: a page's undecided suggestions kept in one row, as an import left them.

Reading never writes: packed suggestions are read as they are, under the ids their pack
reserved (the view `packed_suggestions` shows them as rows of `suggestions` too). A
pack is unpacked (its rows written to `suggestions` under those same ids, the pack
dropped) only when one of its suggestions is about to be decided, so the change log
always names real rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import orjson

from editor_app.model import Suggestion
from editor_app.storage.schema import PACK_KINDS

_RULE, _PATTERN, _REASON = (PACK_KINDS.index(c) for c in ("rule", "pattern", "reason_id"))
PACK_INSERT = (
    "INSERT INTO suggestion_packs (document_id, first_id, size, kinds, placements) "
    "VALUES (?, ?, ?, ?, ?)"
)
_COLUMNS = "id, document_id, line, col, next_line, start, end, " + ", ".join(PACK_KINDS)
_UNPACK = (
    f"INSERT INTO suggestions ({_COLUMNS}, status) "
    f"SELECT {_COLUMNS}, status FROM packed_suggestions WHERE document_id = ?"
)
# Each kind ends with how many placements it has: counts need no unpacking.
_COUNTS = (
    "SELECT json_extract(k.value, '$[0]'), "
    f"sum(json_extract(k.value, '$[{len(PACK_KINDS)}]')) "
    "FROM suggestion_packs, json_each(suggestion_packs.kinds) AS k GROUP BY 1"
)


def reserve_ids(conn, count: int) -> int:
    """Take `count` suggestion ids that no row will ever get; returns the first.

    `suggestions` is AUTOINCREMENT: moving its high-water mark in `sqlite_sequence`
    keeps every later insert above the reserved range.
    """
    found = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'suggestions'").fetchone()
    first = (found[0] if found else 0) + 1
    if found is None:  # no suggestion yet in this file: the counter has no row
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('suggestions', 0)")
    conn.execute(
        "UPDATE sqlite_sequence SET seq = ? WHERE name = 'suggestions'", [first + count - 1]
    )
    return first


def packs_holding(db, ids: Iterable[int]) -> list[int]:
    """The documents whose packs hold any of these suggestion ids."""
    found: set[int] = set()
    for suggestion_id in ids:
        # Packs reserve ranges that never overlap: the one starting last at or before
        # the id holds it, if any does.
        row = db.execute(
            "SELECT document_id, first_id + size FROM suggestion_packs WHERE first_id <= ? "
            "ORDER BY first_id DESC LIMIT 1",
            [suggestion_id],
        ).fetchone()
        if row is not None and suggestion_id < row[1]:
            found.add(row[0])
    return sorted(found)


def unpack(db, document_ids: Iterable[int]) -> None:
    """Write the packed suggestions of these documents as rows, and drop their packs."""
    for document_id in sorted(set(document_ids)):
        db.execute(_UNPACK, [document_id])
        db.execute("DELETE FROM suggestion_packs WHERE document_id = ?", [document_id])


def packed_counts(db) -> dict[str, int]:
    """Packed suggestions by rule (all are open)."""
    return {rule: int(count) for rule, count in db.execute(_COUNTS)}


@dataclass(frozen=True, slots=True)
class PackFilter:
    """Which packed suggestions to read: None reads all."""

    document_id: int | None = None
    rule: str | None = None
    pattern: str | None = None
    ids: frozenset[int] | None = None

    def wants(self, kind: list) -> bool:
        return self.rule in (None, kind[_RULE]) and self.pattern in (None, kind[_PATTERN])


def read_packed(db, chosen: PackFilter) -> list[Suggestion]:
    """The packed suggestions `chosen` asks for, by document and offset.

    A pack's kinds are read first: a pack without a wanted kind is never decoded.
    """
    found: list[Suggestion] = []
    reasons: dict[int, str] = {}
    for document_id, first_id, kinds_json in _packs(db, chosen):
        kinds = orjson.loads(kinds_json)
        wanted = {index for index, kind in enumerate(kinds) if chosen.wants(kind)}
        if not wanted:
            continue
        placements = orjson.loads(
            db.execute(
                "SELECT placements FROM suggestion_packs WHERE document_id = ?", [document_id]
            ).fetchone()[0]
        )
        _load_reasons(db, reasons, {kinds[index][_REASON] for index in wanted})
        for offset, (line, col, next_line, start, end, kind) in enumerate(placements):
            if kind in wanted and (chosen.ids is None or first_id + offset in chosen.ids):
                rule, before, after, confidence, pattern, reason_id = kinds[kind][: len(PACK_KINDS)]
                found.append(
                    Suggestion(
                        rule,
                        line,
                        col,
                        start,
                        end,
                        before,
                        after,
                        reasons.get(reason_id),
                        confidence,
                        next_line,
                        pattern,
                        id=first_id + offset,
                        document_id=document_id,
                    )
                )
    return found


def _packs(db, chosen: PackFilter) -> list[tuple]:
    """(document, first id, kinds) of the packs that may hold what `chosen` asks for."""
    if chosen.ids is None and chosen.document_id is None:
        return db.execute(
            "SELECT document_id, first_id, kinds FROM suggestion_packs ORDER BY document_id"
        ).fetchall()
    documents = [chosen.document_id] if chosen.ids is None else packs_holding(db, chosen.ids)
    if chosen.document_id is not None:
        documents = [d for d in documents if d == chosen.document_id]
    return [
        row
        for document_id in documents
        for row in db.execute(
            "SELECT document_id, first_id, kinds FROM suggestion_packs WHERE document_id = ?",
            [document_id],
        )
    ]


def _load_reasons(db, reasons: dict[int, str], wanted: set[int]) -> None:
    missing = [reason_id for reason_id in wanted if reason_id not in reasons]
    if missing:
        marks = ", ".join("?" * len(missing))
        reasons.update(db.execute(f"SELECT id, text FROM reasons WHERE id IN ({marks})", missing))
