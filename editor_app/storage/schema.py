"""The project file's schema, built by numbered migrations (sqlite-utils `Migrations`).

A fresh file runs every migration; an older file runs the ones it lacks after a backup.
`PRAGMA user_version` holds the number of migrations applied: the schema version.
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from editor_app.model import fields

APPLICATION_ID = 0x51594E47  # "QYNG"
MIGRATION_SET = "qingyang"

migrations = Migrations(MIGRATION_SET)
MIGRATION_NAMES: list[str] = []


def migration(name: str):
    """Register a migration under `name` and remember the order for versioning.

    A program that registers a field (model/fields.py `register`) adds its column with a
    migration of its own, registered before any project is opened: it runs after these.
    """
    MIGRATION_NAMES.append(name)
    return migrations(name=name)


def _run(db, statements: list[str]) -> None:
    # db.execute per statement: executescript would commit the surrounding transaction.
    for statement in statements:
        db.execute(statement)


@migration("0001_core")
def core_tables(db) -> None:
    _run(
        db,
        [
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
            """CREATE TABLE documents (
                id INTEGER PRIMARY KEY, file_name TEXT NOT NULL, source_path TEXT,
                sha256 TEXT NOT NULL UNIQUE, encoding TEXT, had_crlf INTEGER DEFAULT 0,
                publication TEXT DEFAULT '', date TEXT DEFAULT '', page TEXT DEFAULT '',
                edition TEXT DEFAULT '', raw_text TEXT NOT NULL, size_bytes INTEGER,
                line_count INTEGER, imported_at TEXT)""",
            """CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id),
                start_line INTEGER NOT NULL, end_line INTEGER NOT NULL,
                start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
                kind TEXT NOT NULL DEFAULT 'news', kicker TEXT DEFAULT '',
                title TEXT DEFAULT '', subtitle TEXT DEFAULT '', dateline TEXT DEFAULT '',
                reporters TEXT DEFAULT '[]', correspondents TEXT DEFAULT '[]',
                interns TEXT DEFAULT '[]', section TEXT DEFAULT '',
                corrected_text TEXT,
                status TEXT NOT NULL DEFAULT 'proposed',
                truncated INTEGER DEFAULT 0, lost_text INTEGER DEFAULT 0, note TEXT DEFAULT '',
                confidence REAL DEFAULT 1.0, reason TEXT DEFAULT '')""",
            "CREATE INDEX articles_by_document ON articles(document_id, start_line)",
            "CREATE INDEX articles_by_status ON articles(status)",
            """CREATE TABLE line_roles (
                document_id INTEGER NOT NULL, line INTEGER NOT NULL, role TEXT NOT NULL,
                PRIMARY KEY (document_id, line)) WITHOUT ROWID""",
            """CREATE TABLE operations (
                id INTEGER PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'do',
                action TEXT NOT NULL, label TEXT NOT NULL, editor TEXT NOT NULL,
                time TEXT NOT NULL, document_id INTEGER, article_id INTEGER,
                target INTEGER, state TEXT NOT NULL DEFAULT 'done',
                on_stack INTEGER NOT NULL DEFAULT 1, undone_seq INTEGER, detail TEXT)""",
            "CREATE INDEX operations_stack ON operations(on_stack, state)",
            """CREATE TABLE changes (
                id INTEGER PRIMARY KEY,
                operation_id INTEGER NOT NULL REFERENCES operations(id),
                tbl TEXT NOT NULL, row_key TEXT NOT NULL, before TEXT, after TEXT)""",
            "CREATE INDEX changes_by_operation ON changes(operation_id)",
        ],
    )


@migration("0002_suggestions")
def suggestion_tables(db) -> None:
    _run(
        db,
        [
            """CREATE TABLE suggestions (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id),
                rule TEXT NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL,
                next_line INTEGER, start INTEGER NOT NULL, end INTEGER NOT NULL,
                before TEXT NOT NULL, after TEXT NOT NULL,
                reason_id INTEGER REFERENCES reasons(id),
                confidence REAL DEFAULT 1.0, pattern TEXT DEFAULT '',
                status TEXT NOT NULL DEFAULT 'open')""",
            # A page holds hundreds of suggestions with a handful of distinct reasons.
            "CREATE TABLE reasons (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)",
            "CREATE INDEX suggestions_by_document ON suggestions(document_id, status, start)",
            "CREATE INDEX suggestions_by_pattern ON suggestions(pattern, status)",
            """CREATE TABLE dictionary (
                id INTEGER PRIMARY KEY, wrong TEXT NOT NULL UNIQUE, right TEXT NOT NULL,
                note TEXT DEFAULT '')""",
        ],
    )


def schema_version() -> int:
    """The version this build writes: the number of migrations it knows."""
    return len(MIGRATION_NAMES)


# The article index as 0003 made it. A migration is history: later ones that change what
# the index covers rebuild it (see `_index_article_search`), this one stays as it ran.
_SEARCHED_0003 = (
    "kicker, title, subtitle, dateline, reporters, correspondents, interns, section, note, "
    "corrected_text"
)
# What the article index holds: metadata, and the editor's text once there is one.
# Unedited text is found through the document index over the raw text.
_ARTICLE_SOURCE_0003 = """
    coalesce({p}.kicker, '') || char(10) || coalesce({p}.title, '') || char(10) ||
    coalesce({p}.subtitle, '') || char(10) || coalesce({p}.dateline, '') || char(10) ||
    coalesce({p}.reporters, '') || ' ' || coalesce({p}.correspondents, '') || ' ' ||
    coalesce({p}.interns, '') || char(10) || coalesce({p}.section, '') || char(10) ||
    coalesce({p}.note, '') || char(10) || coalesce({p}.corrected_text, '')
"""


@migration("0003_search")
def search_index(db) -> None:
    """Trigram indexes: one over each document's raw text, one over article edits.

    detail=none keeps them small: they answer "which rows hold all these trigrams",
    and the search then checks each candidate exactly. Both keep no copy of the text.
    """
    _run(
        db,
        [
            "CREATE VIRTUAL TABLE document_search USING fts5(raw_text, content = 'documents', "
            "content_rowid = 'id', tokenize = 'trigram', detail = 'none')",
            """CREATE TRIGGER document_search_insert AFTER INSERT ON documents BEGIN
                INSERT INTO document_search (rowid, raw_text) VALUES (new.id, new.raw_text); END""",
            """CREATE TRIGGER document_search_delete AFTER DELETE ON documents BEGIN
                INSERT INTO document_search (document_search, rowid, raw_text)
                VALUES ('delete', old.id, old.raw_text); END""",
            "INSERT INTO document_search (rowid, raw_text) SELECT id, raw_text FROM documents",
            # Contentless: deleting an entry needs the indexed text again, rebuilt from `old`.
            "CREATE VIRTUAL TABLE article_search USING fts5("
            "content, content = '', tokenize = 'trigram', detail = 'none')",
            *_article_search_triggers(_SEARCHED_0003, _ARTICLE_SOURCE_0003),
            f"INSERT INTO article_search (rowid, content) "
            f"SELECT p.id, {_ARTICLE_SOURCE_0003.format(p='p')} FROM articles p",
            "INSERT OR IGNORE INTO meta (key, value) "
            "VALUES ('project_id', lower(hex(randomblob(16))))",
        ],
    )


@migration("0004_ids_never_reused")
def ids_never_reused(db) -> None:
    """Articles and suggestions take ids that were never used before.

    Undo re-creates deleted rows under their old ids, and the change log names rows by
    id: an id handed out again (SQLite reuses the largest freed one) would collide with
    the row being brought back, or mix two articles' histories.
    """
    for table in ("articles", "suggestions"):
        _rebuild_with_autoincrement(db, table)


# The partial index's condition; a query must state it word for word to use the index.
OUTSIDE_PUNCTUATION = "rule <> 'punctuation'"


@migration("0005_pattern_index_without_punctuation")
def pattern_index_without_punctuation(db) -> None:
    """The pattern index leaves out punctuation marks, by far the most suggestions.

    Indexing them cost the import's writer about a tenth of its time. Their few patterns
    are batched across whole archives, where reading the table costs little beside the
    batch itself; a dictionary pattern's handful of suggestions keeps its fast lookup.
    """
    _run(
        db,
        [
            "DROP INDEX suggestions_by_pattern",
            "CREATE INDEX suggestions_by_pattern ON suggestions(pattern, status) "
            f"WHERE {OUTSIDE_PUNCTUATION}",
        ],
    )


# A packed suggestion is its place in the text and its kind: what it changes, and why.
# A pack's kinds each end with how many of its placements they have (for counts).
PACK_PLACEMENTS = ("line", "col", "next_line", "start", "end")
PACK_KINDS = ("rule", "before", "after", "confidence", "pattern", "reason_id")


def _packed_column(column: str) -> str:
    """The SQL that reads one column of a packed suggestion (placement `e`, pack `p`)."""
    if column in PACK_PLACEMENTS:
        return f"json_extract(e.value, '$[{PACK_PLACEMENTS.index(column)}]')"
    kind = f"json_extract(e.value, '$[{len(PACK_PLACEMENTS)}]')"
    return f"json_extract(p.kinds, '$[' || {kind} || '][{PACK_KINDS.index(column)}]')"


@migration("0006_suggestion_packs")
def suggestion_packs(db) -> None:
    """An import keeps each page's suggestions as one packed row instead of a row each.

    A page holds hundreds of suggestions (mostly half-width marks) that nobody has
    decided on yet; writing them row by row was the import's largest cost. A pack holds
    the page's placements and the handful of kinds they share, as JSON, and reserves
    the ids its suggestions will keep: `first_id` for the first, then one by one in
    order. The view `packed_suggestions` reads them as rows of `suggestions`. A page's
    pack is unpacked into `suggestions` before any of its suggestions is decided.
    """
    columns = ", ".join(
        f"{_packed_column(column)} AS {column}" for column in (*PACK_PLACEMENTS, *PACK_KINDS)
    )
    _run(
        db,
        [
            """CREATE TABLE suggestion_packs (
                document_id INTEGER PRIMARY KEY REFERENCES documents(id),
                first_id INTEGER NOT NULL, size INTEGER NOT NULL,
                kinds TEXT NOT NULL, placements TEXT NOT NULL)""",
            "CREATE UNIQUE INDEX suggestion_packs_by_first_id ON suggestion_packs(first_id)",
            f"""CREATE VIEW packed_suggestions AS
                SELECT p.first_id + e.key AS id, p.document_id AS document_id, {columns},
                'open' AS status
                FROM suggestion_packs AS p, json_each(p.placements) AS e""",
        ],
    )


@migration("0007_segmentation_models")
def segmentation_models(db) -> None:
    """Models learned from the editors' reviewed documents; the newest one proposes.

    Each row says when and by whom it was learned, from which documents (JSON ids),
    and how it scored on reviewed documents held back from a fit without them. Only
    the newest row keeps its model bytes: older ones stay as the record of what was
    learned, without growing the file by a model each time.
    """
    _run(
        db,
        [
            """CREATE TABLE segmentation_models (
                id INTEGER PRIMARY KEY, learned_at TEXT NOT NULL, editor TEXT NOT NULL,
                model BLOB, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
                documents TEXT NOT NULL, held_out TEXT NOT NULL, score TEXT NOT NULL,
                detail TEXT NOT NULL)""",
        ],
    )


@migration("0008_photographers")
def photographers(db) -> None:
    """Who took an article's pictures (摄影), a list of names like the reporters."""
    add_article_field(db, "photographers")


@migration("0009_document_sources")
def document_sources(db) -> None:
    """The OCR file a document was imported from (ALTO, hOCR, PAGE), kept byte for byte.

    The raw text is derived from it; `line_boxes` holds, per raw line, the page boxes of
    the paragraph's printed lines as JSON (`[[x0, y0, x1, y1, x0, …], [], …]`). The page
    image is referenced, not copied: its path relative to the source file, and its
    sha256 when it was found at import.
    """
    _run(
        db,
        [
            """CREATE TABLE document_sources (
                document_id INTEGER PRIMARY KEY REFERENCES documents(id),
                format TEXT NOT NULL, source BLOB NOT NULL,
                image_path TEXT NOT NULL DEFAULT '', image_sha256 TEXT,
                width INTEGER NOT NULL, height INTEGER NOT NULL,
                line_boxes TEXT NOT NULL)""",
        ],
    )


# -- adding a field ---------------------------------------------------------------------------


def add_article_field(db, name: str) -> None:
    """The column of a field of the registry (model/fields.py), and the search over it.

    Existing rows take the column's default (an empty list, an empty text, 0): the
    segmenter proposes the field for documents imported or re-proposed from then on.
    """
    field = fields.field(name)
    db.execute(f"ALTER TABLE articles ADD COLUMN {name} {field.sql_default}")
    if field.searched:
        _index_article_search(db)


def _index_article_search(db) -> None:
    """Index the searched fields the articles table has now; every article again."""
    present = {row[1] for row in db.execute("PRAGMA table_info(articles)").fetchall()}
    columns = [f.name for f in fields.SEARCHED if f.name in present]
    source = " || char(10) || ".join(f"coalesce({{p}}.{name}, '')" for name in columns)
    _run(
        db,
        [
            *(f"DROP TRIGGER article_search_{event}" for event in ("insert", "delete", "update")),
            "INSERT INTO article_search (article_search) VALUES ('delete-all')",
            *_article_search_triggers(", ".join(columns), source),
            f"INSERT INTO article_search (rowid, content) "
            f"SELECT p.id, {source.format(p='p')} FROM articles p",
        ],
    )


def _article_search_triggers(columns: str, source: str) -> list[str]:
    """Keep the article index in step with inserts, deletes and updates of `columns`."""
    new, old = source.format(p="new"), source.format(p="old")
    forget = (
        "INSERT INTO article_search (article_search, rowid, content) "
        f"VALUES ('delete', old.id, {old});"
    )
    return [
        f"""CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
                INSERT INTO article_search (rowid, content) VALUES (new.id, {new}); END""",
        f"""CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
                {forget} END""",
        f"""CREATE TRIGGER article_search_update AFTER UPDATE OF {columns}
                ON articles BEGIN
                {forget}
                INSERT INTO article_search (rowid, content) VALUES (new.id, {new}); END""",
    ]


def _rebuild_with_autoincrement(db, table: str) -> None:
    create, extras = _table_sql(db, table)
    counterpart = f"{table}_rebuilt"
    create = create.replace(f"CREATE TABLE {table}", f"CREATE TABLE {counterpart}", 1)
    create = create.replace("id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", 1)
    _run(
        db,
        [
            create,
            f"INSERT INTO {counterpart} SELECT * FROM {table}",
            f"DROP TABLE {table}",  # its indexes and triggers go with it
            f"ALTER TABLE {counterpart} RENAME TO {table}",
            *extras,  # and come back on the new table
        ],
    )


def _table_sql(db, table: str) -> tuple[str, list[str]]:
    rows = db.execute(
        "SELECT type, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL", [table]
    ).fetchall()
    create = next(sql for kind, sql in rows if kind == "table")
    return create, [sql for kind, sql in rows if kind != "table"]
