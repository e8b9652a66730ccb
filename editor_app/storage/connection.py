"""Open a project file safely: check what it is before anything writes to it.

Opening is three steps. A read-only look decides whether the file is ours and how old
it is; when the file may have changed behind Qingyang's back, the opening check says
what is wrong with it (`check.py`); only a sound, writable file gets the writer
connection. A file that is not a project is never touched, and neither is a damaged one.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from editor_app.storage.check import WRITING, find_problems
from editor_app.storage.errors import (
    CorruptProjectError,
    NewerVersionError,
    NotAProjectError,
    ProjectError,
    ProjectLockedError,
    damaged,
)
from editor_app.storage.integrity import needs_check, record_sound
from editor_app.storage.locking import FileLock, LockTaken
from editor_app.storage.schema import APPLICATION_ID, schema_version

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_BYTES = 100


@dataclass(slots=True)
class FileState:
    """What the read-only look found."""

    version: int
    writable: bool


def identify(path: Path) -> FileState:
    """The schema version of a project file, refusing what is no project or too new."""
    if not path.is_file():
        raise NotAProjectError(path, "no such project file")
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ProjectError(path, f"cannot read the file: {error.strerror}") from error
    if header != SQLITE_HEADER:
        raise NotAProjectError(path, "not a Qingyang project (not an SQLite database)")
    version = _read_version(path)
    if version > schema_version():
        raise NewerVersionError(
            path,
            f"written by a newer Qingyang (schema version {version}); "
            f"this version reads up to schema version {schema_version()}",
        )
    return FileState(version=version, writable=_writable(path))


def _writable(path: Path) -> bool:
    # The log and index files of WAL mode are made beside the project: its folder too.
    return os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)


def _read_version(path: Path) -> int:
    marks = _header_marks(path)
    if marks is not None:
        application_id, version = marks
        if application_id != APPLICATION_ID:
            raise NotAProjectError(path, "an SQLite database, but not a Qingyang project")
        return version
    try:
        with closing(connect_reader(path)) as conn:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise NotAProjectError(path, "an SQLite database, but not a Qingyang project")
            return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if "locked" in str(error):
            raise ProjectLockedError(path, "the file is locked by another program") from error
        raise damaged(path, str(error) + _log_to_blame(path)) from error


def _header_marks(path: Path) -> tuple[int, int] | None:
    """(application id, schema version) from the file's header, without opening it in SQLite.

    Both live in the first 100 bytes, which are the file's truth when no log beside it
    holds a newer first page. None where SQLite must read the file to know: a log that
    is not empty, a rollback journal left behind, a header SQLite would refuse.
    """
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-journal")):
        if leftover.is_file() and leftover.stat().st_size > 0:
            return None
    try:
        with open(path, "rb") as handle:
            header = handle.read(HEADER_BYTES)
    except OSError:
        return None
    if len(header) < HEADER_BYTES or not _sound_header(header):
        return None
    return int.from_bytes(header[68:72], "big"), int.from_bytes(header[60:64], "big")


def _sound_header(header: bytes) -> bool:
    """What SQLite checks of a header before it reads anything else (fileformat.html)."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return (
        header.startswith(SQLITE_HEADER)
        and 512 <= page_size <= 65536
        and page_size & (page_size - 1) == 0
        and header[18] in (1, 2)  # legacy or WAL, for writing and reading
        and header[19] in (1, 2)
        and header[21:24] == b"\x40\x20\x20"  # the payload fractions, fixed
    )


def _log_to_blame(path: Path) -> str:
    """When the file reads on its own but not with the log beside it, say so."""
    log = Path(f"{path}-wal")
    if not log.is_file() or log.stat().st_size == 0:
        return ""
    try:
        with closing(_connect(f"{path.resolve().as_uri()}?immutable=1")) as alone:
            alone.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        return ""
    return (
        f"; the file alone reads well, the log file {log.name} beside it does not fit it: "
        "move the log away to open the file as it was"
    )


def opening_problems(path: Path, version: int, depth: int, *, full_check: bool = True) -> list[str]:
    """What the opening check of `depth` finds, when the file may have changed behind us.

    A writer holds the project's lock while this runs: nothing folds the log meanwhile,
    so the file alone can be compared with the file and its log.
    """
    if not full_check or not needs_check(path, depth):
        return []
    try:
        with closing(connect_reader(path)) as conn:
            problems = find_problems(conn, version, depth)
            if depth >= WRITING:
                problems += log_problems(path, conn)
    except sqlite3.Error as error:
        problems = [str(error)]
    if not problems:
        record_sound(path, depth)
    return problems


def log_problems(path: Path, conn: sqlite3.Connection) -> list[str]:
    """A log (-wal) beside the file that is not its own: from another project, or older.

    SQLite takes any log beside a file as its own; folding a foreign or stale one in
    would overwrite the project with pages of another file or of an older state.
    """
    log = Path(f"{path}-wal")
    if not log.is_file() or log.stat().st_size == 0:
        return []
    try:
        with closing(_connect(f"{path.resolve().as_uri()}?immutable=1")) as alone:
            before = _marks(alone)  # the file as it is, without its log
    except sqlite3.Error:
        return []  # the file alone is unreadable: the checks of the whole say what is wrong
    after = _marks(conn)
    if before[0] != after[0]:
        return [f"the log file {log.name} beside it belongs to another project"]
    if after[1] < before[1]:
        return [f"the log file {log.name} beside it is older than the file itself"]
    return []


def _marks(conn) -> tuple[str, int]:
    """The project's id and its newest operation: a log can only add operations."""
    return conn.execute(
        "SELECT (SELECT value FROM meta WHERE key = 'project_id'), "
        "(SELECT coalesce(max(id), 0) FROM operations)"
    ).fetchone()


def inspect_file(path: Path, *, full_check: bool = True) -> FileState:
    """A sound project of a version we can open, or a ProjectError saying why not."""
    state = identify(path)
    problems = opening_problems(path, state.version, WRITING, full_check=full_check)
    if problems:
        raise damaged_error(path, problems)
    return state


def damaged_error(path: Path, problems: list[str]) -> CorruptProjectError:
    more = f"; {len(problems) - 1} more problem(s)" if len(problems) > 1 else ""
    return damaged(path, problems[0] + more)


def take_writer_lock(path: Path, wait_s: float = 0.0) -> FileLock:
    """The lock that makes this process the project's one writer.

    `wait_s`: how long to wait for another writer to finish before giving up.
    """
    lock = FileLock(path)
    try:
        lock.acquire(wait_s)
    except LockTaken as error:
        raise ProjectLockedError(
            path, "open in another running Qingyang; close it there first"
        ) from error
    except OSError as error:  # no such folder, no permission
        raise ProjectError(path, f"cannot open the file: {error.strerror}") from error
    return lock


def connect_writer(path: Path) -> sqlite3.Connection:
    """The one writer connection of this process (its caller holds the writer lock)."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        _configure(conn)
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def close_writer(conn: sqlite3.Connection, path: Path, *, fold_log: bool) -> None:
    """Close the writer; without `fold_log` the file and its log keep their bytes.

    SQLite folds the log into the file when its last connection closes. A reader kept
    open across the writer's close makes the writer not the last; a read-only
    connection never folds.
    """
    if fold_log:
        # Fold the log back so the file is whole on its own (copyable, mailable).
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        return
    try:
        keeper = connect_reader(path)
        keeper.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error:
        keeper = None
    conn.close()
    if keeper is not None:
        keeper.close()


def connect_reader(path: Path) -> sqlite3.Connection:
    return open_reader(path)[0]


def open_reader(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection, and whether it leaves out a log (-wal) beside the file.

    SQLite reads a WAL-mode file read-only only when it can make the log's index file
    beside it; where it cannot (a read-only folder or medium), the file is read as an
    immutable snapshot, which does not see the log.
    """
    uri = path.resolve().as_uri()
    conn = _connect(f"{uri}?mode=ro")
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        immutable = False
    except sqlite3.OperationalError as error:
        conn.close()
        if not _cannot_open_read_only(error):
            raise
        conn = _connect(f"{uri}?immutable=1")
        log = Path(f"{path}-wal")
        immutable = log.is_file() and log.stat().st_size > 0
    conn.execute("PRAGMA query_only = ON")
    return conn, immutable


def _cannot_open_read_only(error: sqlite3.Error) -> bool:
    name = getattr(error, "sqlite_errorname", "")
    text = str(error)
    return (
        name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY"))
        or "unable to open" in text
        or "readonly database" in text
    )


def _connect(uri: str) -> sqlite3.Connection:
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


def _configure(conn: sqlite3.Connection) -> None:
    # WAL: readers never block the writer. synchronous=NORMAL: a commit is safe against a
    # crash of the program (the WAL is on disk before the call returns to SQLite's VFS);
    # only a power cut can lose the last commits, never corrupt the file.
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -32000")
