"""Open a project file safely: check what it is before anything writes to it.

Opening is two steps. A read-only look decides whether the file is ours, how old it
is and whether SQLite finds it sound; only then is the writer connection opened, so
a file that is not a project is never touched.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from editor_app.storage.errors import (
    CorruptProjectError,
    NewerVersionError,
    NotAProjectError,
    ProjectError,
    ProjectLockedError,
)
from editor_app.storage.integrity import needs_check, record_sound
from editor_app.storage.locking import FileLock, LockTaken
from editor_app.storage.schema import APPLICATION_ID, schema_version

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(slots=True)
class FileState:
    """What the read-only look found."""

    version: int
    writable: bool


def inspect_file(path: Path, *, full_check: bool = True) -> FileState:
    """Check an existing file is a sound project of a version we can open.

    `full_check=False` skips SQLite's page-by-page check: for helper processes reading a
    project their parent has just opened (and checked).
    """
    if not path.is_file():
        raise NotAProjectError(path, "no such project file")
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ProjectError(path, f"cannot read the file: {error.strerror}") from error
    if header != SQLITE_HEADER:
        raise NotAProjectError(path, "not a Qingyang project (not an SQLite database)")
    version = _check_identity(path, full_check)
    if version > schema_version():
        raise NewerVersionError(
            path,
            f"written by a newer Qingyang (schema version {version}); "
            f"this version reads up to schema version {schema_version()}",
        )
    return FileState(version=version, writable=os.access(path, os.W_OK))


def _check_identity(path: Path, full_check: bool) -> int:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise NotAProjectError(path, f"not a readable SQLite database ({error})") from error
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAProjectError(path, "an SQLite database, but not a Qingyang project")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if full_check and needs_check(path):
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise CorruptProjectError(path, f"the file is damaged: {result}")
            record_sound(path)
        return version
    except sqlite3.DatabaseError as error:
        if "locked" in str(error):
            raise ProjectLockedError(path, "the file is locked by another program") from error
        raise CorruptProjectError(path, f"the file is damaged: {error}") from error
    finally:
        conn.close()


def connect_writer(path: Path) -> tuple[sqlite3.Connection, FileLock]:
    """The one writer connection of this process, holding the instance lock."""
    lock = FileLock(path)
    try:
        lock.acquire()
    except LockTaken as error:
        raise ProjectLockedError(
            path, "open in another running Qingyang; close it there first"
        ) from error
    except OSError as error:  # no such folder, no permission
        raise ProjectError(path, f"cannot open the file: {error.strerror}") from error
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    _configure(conn)
    return conn, lock


def connect_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection for a file we may not write (permissions)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        # A WAL file whose folder we cannot write: read it as an immutable snapshot.
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?immutable=1",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
    conn.execute("PRAGMA query_only = ON")
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    # WAL: readers never block the writer. synchronous=NORMAL: a commit is safe against a
    # crash of the program (the WAL is on disk before the call returns to SQLite's VFS);
    # only a power cut can lose the last commits, never corrupt the file.
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -32000")
