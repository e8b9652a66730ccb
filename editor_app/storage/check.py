"""`check PROJECT`: SQLite's integrity check plus the project's own invariants."""

from __future__ import annotations

import json


def check_project(project) -> list[str]:
    """Problems found, as readable sentences; an empty list means the project is sound."""
    db = project.db
    problems = [
        f"integrity: {row[0]}" for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"
    ]
    problems += _span_problems(db)
    problems += _overlap_problems(db)
    problems += _log_problems(db)
    problems += _pack_problems(db)
    return problems


def _span_problems(db) -> list[str]:
    rows = db.execute(
        """SELECT a.id, a.document_id, a.start_line, a.end_line, a.start_offset, a.end_offset,
                  d.line_count, length(d.raw_text)
           FROM articles a LEFT JOIN documents d ON d.id = a.document_id"""
    ).fetchall()
    problems = []
    for aid, doc, start, end, s_off, e_off, line_count, length in rows:
        if line_count is None:
            problems.append(f"article {aid} belongs to missing document {doc}")
        elif not (1 <= start <= end <= line_count and 0 <= s_off <= e_off <= length):
            problems.append(f"article {aid} span {start}–{end} lies outside document {doc}")
    return problems


def _overlap_problems(db) -> list[str]:
    rows = db.execute(
        """SELECT a.id, b.id, a.document_id FROM articles a JOIN articles b
           ON a.document_id = b.document_id AND a.id < b.id
           AND a.start_line <= b.end_line AND b.start_line <= a.end_line"""
    ).fetchall()
    return [f"articles {a} and {b} of document {doc} overlap" for a, b, doc in rows]


def _pack_problems(db) -> list[str]:
    """A pack must hold as many placements as ids it reserved, ids nobody else uses."""
    damaged = db.execute(
        # CASE, not OR: the length of malformed JSON is an error, not a false.
        "SELECT document_id FROM suggestion_packs WHERE CASE "
        "WHEN json_valid(kinds) AND json_valid(placements) "
        "THEN json_array_length(placements) <> size ELSE 1 END"
    ).fetchall()
    problems = [f"the suggestions kept for document {doc} are damaged" for (doc,) in damaged]
    clashes = db.execute(
        "SELECT p.document_id FROM suggestion_packs p JOIN suggestions s "
        "ON s.id >= p.first_id AND s.id < p.first_id + p.size GROUP BY p.document_id"
    ).fetchall()
    problems += [f"the suggestions kept for document {doc} share ids" for (doc,) in clashes]
    # New suggestions take ids above the counter: it must stand above every reserved one.
    above = db.execute(
        "SELECT p.document_id FROM suggestion_packs p WHERE p.first_id + p.size - 1 > "
        "coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'suggestions'), 0)"
    ).fetchall()
    problems += [
        f"the ids kept for the suggestions of document {doc} are not reserved" for (doc,) in above
    ]
    return problems


def _log_problems(db) -> list[str]:
    problems = []
    orphans = db.execute(
        "SELECT count(*) FROM changes c LEFT JOIN operations o ON o.id = c.operation_id "
        "WHERE o.id IS NULL"
    ).fetchone()[0]
    if orphans:
        problems.append(f"{orphans} logged changes belong to no operation")
    for (op_id,) in db.execute(
        "SELECT id FROM operations WHERE kind IN ('undo', 'redo') AND target NOT IN "
        "(SELECT id FROM operations)"
    ):
        problems.append(f"undo/redo entry {op_id} points at a missing operation")
    problems += _state_matches_log(db)
    return problems


def _state_matches_log(db) -> list[str]:
    """Each logged article field must hold the value the log says it has now."""
    problems = []
    for (article_id, column), value in _logged_values(db).items():
        row = db.execute(f"SELECT [{column}] FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is not None and row[0] != value:
            problems.append(f"article {article_id} {column} differs from its change log")
    return problems


def _logged_values(db) -> dict[tuple[int, str], object]:
    """The `after` of a field's newest done change, else the `before` of its oldest change.

    Undo restores `before` values newest first, so after any mix of undo, redo and new
    steps a field holds what its newest still-done change wrote, or, when every change to
    it is undone, what it held before the first one.
    """
    done: dict[tuple[int, str], object] = {}
    first: dict[tuple[int, str], object] = {}
    rows = db.execute(
        "SELECT c.row_key, c.before, c.after, o.state FROM changes c "
        "JOIN operations o ON o.id = c.operation_id WHERE c.tbl = 'articles' ORDER BY c.id"
    )
    for key_text, before_text, after_text, state in rows:
        article_id = json.loads(key_text)["id"]
        for column, value in json.loads(before_text or "{}").items():
            first.setdefault((article_id, column), value)
        if state == "done":
            for column, value in json.loads(after_text or "{}").items():
                done[(article_id, column)] = value
    return {**first, **done}
