"""The project file: open or create it, read its state. Edits live in the mixins."""

from __future__ import annotations

import getpass
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from editor_app.storage.backups import backup_if_due
from editor_app.storage.connection import connect_reader, connect_writer, inspect_file
from editor_app.storage.errors import NotAProjectError, ProjectError, ReadOnlyProjectError
from editor_app.storage.export_queries import ExportQueries
from editor_app.storage.history import HistoryOperations
from editor_app.storage.integrity import record_sound
from editor_app.storage.journal import Journal
from editor_app.storage.migrate import migrate_if_needed
from editor_app.storage.operations import ArticleOperations
from editor_app.storage.queries import ProjectQueries
from editor_app.storage.schema import APPLICATION_ID, migrations, schema_version
from editor_app.storage.search import SearchOperations
from editor_app.storage.suggestions import SuggestionOperations
from editor_app.storage.undo import UndoRedo

PROJECT_SUFFIX = ".qingyang"


def default_editor() -> str:
    """--editor, else QINGYANG_EDITOR, else the login name."""
    name = os.environ.get("QINGYANG_EDITOR")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "editor"


class Project(
    ArticleOperations,
    SuggestionOperations,
    SearchOperations,
    HistoryOperations,
    ExportQueries,
    UndoRedo,
    ProjectQueries,
):
    """One open project file. Use `Project.create` / `Project.open`, and `close()`."""

    def __init__(self, path: Path, db: Database, *, read_only: bool, lock, editor: str) -> None:
        self.path = path
        self.db = db
        self.read_only = read_only
        self.editor = editor
        self._lock = lock
        self.journal = Journal(db)
        self.notice = "opened read-only: the file cannot be written" if read_only else ""

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def create(cls, path, *, editor: str | None = None) -> Project:
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise ProjectError(path, "a file of that name already exists")
        conn, lock = connect_writer(path)
        db = Database(conn)
        try:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {schema_version()}")
        except Exception as error:
            conn.close()
            lock.release()
            path.unlink(missing_ok=True)  # a half-made project is no project
            raise ProjectError(path, f"cannot create the project: {error}") from error
        return cls(path, db, read_only=False, lock=lock, editor=editor or default_editor())

    @classmethod
    def open(
        cls,
        path,
        *,
        editor: str | None = None,
        read_only: bool = False,
        backup_folder=None,
        backups: bool = True,
        full_check: bool = True,
    ) -> Project:
        """Open an existing project; refuses what is not ours, newer, damaged or locked.

        A writable project gets its daily backup here when the newest one is a day old.
        """
        path = Path(path)
        state = inspect_file(path, full_check=full_check)
        editor = editor or default_editor()
        if read_only or not state.writable:
            if state.version < schema_version():
                raise ProjectError(path, "an older project that is read-only cannot be upgraded")
            return cls(
                path, Database(connect_reader(path)), read_only=True, lock=None, editor=editor
            )
        conn, lock = connect_writer(path)
        db = Database(conn)
        try:
            migrate_if_needed(path, db, state.version)
        except Exception:
            conn.close()
            lock.release()
            raise
        project = cls(path, db, read_only=False, lock=lock, editor=editor)
        if backups:
            project.notice = _daily_backup(path, conn, backup_folder)
        return project

    def close(self) -> None:
        if self.db is None:
            return
        if not self.read_only:
            # Fold the WAL back so the file is whole on its own (copyable, mailable).
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.conn.close()
        self.db = None
        if not self.read_only:
            record_sound(self.path)  # closed cleanly: the next open needs no full check
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyProjectError(self.path, "the project is open read-only")

    @property
    def project_id(self) -> str:
        """A random id given at creation, stable for the life of the project."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'project_id'").fetchone()
        return row[0] if row else ""

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]


def _daily_backup(path: Path, conn, folder) -> str:
    """Make the daily backup if due; a failure is a notice, not a reason to refuse work."""
    try:
        backup_if_due(path, conn, folder=folder)
    except (OSError, sqlite3.Error) as error:
        return f"no backup could be made ({error})"
    return ""


def is_project_file(path) -> bool:
    try:
        inspect_file(Path(path))
    except NotAProjectError:
        return False
    return True
