"""What is wrong with a project file, as sentences: for `check PROJECT` and for opening.

Three depths, each the one before plus more:

- READING, before a file is read: SQLite's quick check, the schema as Qingyang made it
  and the schema version the file claims.
- WRITING, before anything is written to it: every text decodable, the JSON the readers
  decode, ids in range, foreign keys, and the project's own invariants.
- EVERYTHING, the `check` command: SQLite's full integrity check instead of the quick
  one, and the search indexes compared with the text they index.

No check raises: a check that cannot even run on a damaged file says so in a sentence.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from contextlib import closing
from functools import cache
from pathlib import Path

from sqlite_utils import Database

from editor_app.storage.schema import MIGRATION_NAMES, MIGRATION_SET, migrations, schema_version

READING, WRITING, EVERYTHING = 1, 2, 3
SHOWN = 20  # problems of one kind named one by one; the rest are counted
JSON_COLUMNS = {
    "articles": ("reporters", "correspondents", "interns"),
    "changes": ("row_key", "before", "after"),
    "operations": ("detail",),
    "suggestion_packs": ("kinds", "placements"),
}
SEQUENCED = ("articles", "suggestions")  # ids never reused: the counter stands above all


class Checks:
    """`project.checks`: every check there is, run on the open project (`check PROJECT`)."""

    def __init__(self, db) -> None:
        self.db = db

    def problems(self) -> list[str]:
        """Problems found, as readable sentences; an empty list means the project is sound."""
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        return find_problems(self.db.conn, version, EVERYTHING)


def find_problems(conn: sqlite3.Connection, version: int, depth: int) -> list[str]:
    """Every check of `depth` and below, run on a connection that may only read."""
    problems: list[str] = []
    for needed, label, check, any_version in CHECKS:
        if needed > depth or (check is _sqlite_quick_check and depth == EVERYTHING):
            continue  # the full integrity check reads everything the quick one does
        if any_version or version == schema_version():  # an older file is checked as such
            problems += _safely(label, check, conn, version)
    return problems


def _safely(label: str, check, conn, version: int) -> list[str]:
    try:
        return check(conn, version)
    except (sqlite3.Error, ValueError, TypeError, KeyError, OSError) as error:
        return [f"could not check {label} ({error})"]


# -- SQLite's own checks --------------------------------------------------------------------


def _sqlite_quick_check(conn, _version) -> list[str]:
    return _pragma_check(conn, "quick_check")


def _sqlite_full_check(conn, _version) -> list[str]:
    return _pragma_check(conn, "integrity_check")


def _pragma_check(conn, pragma: str) -> list[str]:
    rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}({SHOWN})")]
    return [] if rows == ["ok"] else [f"SQLite finds the file damaged: {row}" for row in rows]


# -- the schema as Qingyang made it ---------------------------------------------------------


@cache
def expected_schema(version: int) -> dict[tuple[str, str], str]:
    """(type, name) -> SQL of every table, index, trigger and view a project of `version` has."""
    db = Database(memory=True)
    stop = MIGRATION_NAMES[version] if version < len(MIGRATION_NAMES) else None
    migrations.apply(db, stop_before=stop)
    schema = _schema_of(db.conn)
    db.close()
    return schema


def _schema_of(conn) -> dict[tuple[str, str], str]:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    return {
        (kind, name): _normal_sql(sql)
        for kind, name, sql in rows
        if not name.startswith("sqlite_stat")
    }


def _normal_sql(sql: str | None) -> str:
    """SQL compared without regard to spacing, quoting or case (a renamed table gets quotes)."""
    if sql is None:
        return ""
    for mark in '"`[]':
        sql = sql.replace(mark, "")
    return " ".join(sql.lower().split())


def _schema_problems(conn, version: int) -> list[str]:
    present = _schema_of(conn)
    problems = []
    for (kind, name), sql in expected_schema(version).items():
        if (kind, name) not in present:
            problems.append(f"the {kind} {name} is missing")
        elif present[(kind, name)] != sql:
            problems.append(f"the {kind} {name} is not as Qingyang made it")
    return problems


def _version_problems(conn, version: int) -> list[str]:
    """The version in the file's header must agree with the migrations it records."""
    recorded = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        )
    ]
    if recorded == MIGRATION_NAMES[:version]:
        return []
    return [
        f"the file says schema version {version} but records {len(recorded)} "
        "schema steps (the version number is damaged)"
    ]


# -- values ---------------------------------------------------------------------------------


def _json_problems(conn, _version) -> list[str]:
    problems = []
    for table, columns in JSON_COLUMNS.items():
        for column in columns:
            bad = conn.execute(
                f"SELECT count(*) FROM [{table}] WHERE [{column}] IS NOT NULL "
                f"AND NOT json_valid([{column}])"
            ).fetchone()[0]
            if bad:
                problems.append(f"{bad} value(s) in {table}.{column} are not valid JSON")
    return problems


def _text_problems(conn, _version) -> list[str]:
    """Every text value must decode as UTF-8: readers stop at the first that does not."""
    problems = []
    for table, columns in _plain_tables(conn):
        for column in columns:
            if not _column_decodes(conn, table, column):
                problems.append(_undecodable(conn, table, column))
    return problems


def _plain_tables(conn) -> list[tuple[str, list[str]]]:
    """Ordinary tables (the search indexes' own tables too) and their columns."""
    names = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    return [
        (name, [row[1] for row in conn.execute(f"PRAGMA table_info([{name}])")]) for name in names
    ]


def _column_decodes(conn, table: str, column: str) -> bool:
    # The driver decodes each text value as it fetches it, in C; a bad one raises.
    cursor = conn.execute(f"SELECT [{column}] FROM [{table}] WHERE typeof([{column}]) = 'text'")
    try:
        while cursor.fetchmany(5000):
            pass
    except sqlite3.OperationalError as error:
        if "decode" in str(error):
            return False
        raise
    return True


def _undecodable(conn, table: str, column: str) -> str:
    """The sentence for a column holding bytes that are not UTF-8, naming the rows."""
    rows = conn.execute(
        f"SELECT rowid, CAST([{column}] AS BLOB) FROM [{table}] WHERE typeof([{column}]) = 'text'"
        if _has_rowid(conn, table)
        else f"SELECT NULL, CAST([{column}] AS BLOB) FROM [{table}] WHERE typeof([{column}]) = 'text'"
    )
    keys = [key for key, value in rows if not _is_utf8(value)]
    named = [str(key) for key in keys[:SHOWN] if key is not None]
    where = f" (rows {', '.join(named)})" if named else ""
    return f"{len(keys)} value(s) in {table}.{column} are not readable text (not UTF-8){where}"


def _has_rowid(conn, table: str) -> bool:
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    return "WITHOUT ROWID" not in sql.upper()


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# -- ids ------------------------------------------------------------------------------------


def _id_problems(conn, _version) -> list[str]:
    problems = []
    for table in SEQUENCED:
        highest, counter = conn.execute(
            f"SELECT (SELECT max(id) FROM {table}), "
            "(SELECT seq FROM sqlite_sequence WHERE name = ?)",
            [table],
        ).fetchone()
        if highest is not None and (counter is None or counter < highest):
            problems.append(
                f"the id counter of {table} stands below its highest id {highest}: "
                "new rows would take ids already used"
            )
    stray = conn.execute(
        "SELECT DISTINCT r.document_id FROM line_roles r LEFT JOIN documents d "
        "ON d.id = r.document_id WHERE d.id IS NULL OR r.line < 1 OR r.line > d.line_count"
    ).fetchall()
    problems += [f"line roles of document {doc} lie outside its lines" for (doc,) in stray]
    return problems


def _foreign_key_problems(conn, _version) -> list[str]:
    counts: dict[tuple[str, str], list] = {}
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        counts.setdefault((table, parent), []).append(rowid)
    return [
        f"{len(rows)} row(s) of {table} point at missing {parent} "
        f"(rows {', '.join(str(r) for r in rows[:SHOWN])})"
        for (table, parent), rows in counts.items()
    ]


# -- the project's invariants ---------------------------------------------------------------


def _span_problems(conn, _version) -> list[str]:
    rows = conn.execute(
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


def _overlap_problems(conn, _version) -> list[str]:
    rows = conn.execute(
        """SELECT a.id, b.id, a.document_id FROM articles a JOIN articles b
           ON a.document_id = b.document_id AND a.id < b.id
           AND a.start_line <= b.end_line AND b.start_line <= a.end_line"""
    ).fetchall()
    return [f"articles {a} and {b} of document {doc} overlap" for a, b, doc in rows]


def _pack_problems(conn, _version) -> list[str]:
    """A pack must hold as many placements as ids it reserved, ids nobody else uses."""
    damaged = conn.execute(
        # CASE, not OR: the length of malformed JSON is an error, not a false.
        "SELECT document_id FROM suggestion_packs WHERE CASE "
        "WHEN json_valid(kinds) AND json_valid(placements) "
        "THEN json_array_length(placements) <> size ELSE 1 END"
    ).fetchall()
    problems = [f"the suggestions kept for document {doc} are damaged" for (doc,) in damaged]
    clashes = conn.execute(
        "SELECT p.document_id FROM suggestion_packs p JOIN suggestions s "
        "ON s.id >= p.first_id AND s.id < p.first_id + p.size GROUP BY p.document_id"
    ).fetchall()
    problems += [f"the suggestions kept for document {doc} share ids" for (doc,) in clashes]
    # New suggestions take ids above the counter: it must stand above every reserved one.
    above = conn.execute(
        "SELECT p.document_id FROM suggestion_packs p WHERE p.first_id + p.size - 1 > "
        "coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'suggestions'), 0)"
    ).fetchall()
    problems += [
        f"the ids kept for the suggestions of document {doc} are not reserved" for (doc,) in above
    ]
    return problems


def _log_problems(conn, _version) -> list[str]:
    problems = []
    orphans = conn.execute(
        "SELECT count(*) FROM changes c LEFT JOIN operations o ON o.id = c.operation_id "
        "WHERE o.id IS NULL"
    ).fetchone()[0]
    if orphans:
        problems.append(f"{orphans} logged changes belong to no operation")
    for (op_id,) in conn.execute(
        "SELECT id FROM operations WHERE kind IN ('undo', 'redo') AND target NOT IN "
        "(SELECT id FROM operations)"
    ):
        problems.append(f"undo/redo entry {op_id} points at a missing operation")
    return problems


def _state_problems(conn, _version) -> list[str]:
    """Each logged article field must hold the value the log says it has now."""
    logged = _logged_values(conn)
    current = _article_fields(conn, {article_id for article_id, _column in logged})
    return [
        f"article {article_id} {column} differs from its change log"
        for (article_id, column), value in logged.items()
        if article_id in current and current[article_id].get(column, value) != value
    ]


def _article_fields(conn, ids: set[int]) -> dict[int, dict]:
    if not ids:
        return {}
    cursor = conn.execute("SELECT * FROM articles")
    names = [description[0] for description in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor if row[0] in ids}


def _logged_values(conn) -> dict[tuple[int, str], object]:
    """The `after` of a field's newest done change, else the `before` of its oldest change.

    Undo restores `before` values newest first, so after any mix of undo, redo and new
    steps a field holds what its newest still-done change wrote, or, when every change to
    it is undone, what it held before the first one.
    """
    done: dict[tuple[int, str], object] = {}
    first: dict[tuple[int, str], object] = {}
    rows = conn.execute(
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


# -- the search indexes ---------------------------------------------------------------------


def _search_index_problems(conn, _version) -> list[str]:
    """FTS5 checks its index only through a write statement: run it on a private copy."""
    with (
        tempfile.TemporaryDirectory(prefix="qingyang-check-") as folder,
        closing(sqlite3.connect(Path(folder) / "copy.qingyang")) as copy,
    ):
        conn.backup(copy)
        return [
            *_fts_check(copy, "document_search", "against the raw text", with_content=True),
            *_fts_check(copy, "article_search", "", with_content=False),
        ]


def _fts_check(copy, table: str, against: str, *, with_content: bool) -> list[str]:
    command = f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', ?)"
    try:
        copy.execute(command, [1 if with_content else 0])
    except sqlite3.DatabaseError as error:
        return [f"the search index {table} is damaged or out of step {against}: {error}".strip()]
    return []


CHECKS = [  # (depth, what is checked, the check, whether it holds for older schemas too)
    (READING, "the pages (SQLite's quick check)", _sqlite_quick_check, True),
    (EVERYTHING, "the pages (SQLite's integrity check)", _sqlite_full_check, True),
    (READING, "the schema", _schema_problems, True),
    (READING, "the schema version", _version_problems, True),
    (WRITING, "the text values", _text_problems, True),
    (WRITING, "the JSON values", _json_problems, False),
    (WRITING, "the ids", _id_problems, False),
    (WRITING, "the foreign keys", _foreign_key_problems, True),
    (WRITING, "the article spans", _span_problems, False),
    (WRITING, "overlapping articles", _overlap_problems, False),
    (WRITING, "the kept suggestions", _pack_problems, False),
    (WRITING, "the change log", _log_problems, False),
    (WRITING, "the articles against their log", _state_problems, False),
    (EVERYTHING, "the search indexes", _search_index_problems, False),
]
