"""The project file: open or create it, close it; its services read and edit it."""

from __future__ import annotations

import getpass
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from editor_app.storage.backups import backup_if_due
from editor_app.storage.check import READING, WRITING, Checks, find_problems
from editor_app.storage.connection import (
    close_writer,
    connect_writer,
    damaged_error,
    identify,
    open_reader,
    opening_problems,
    take_writer_lock,
)
from editor_app.storage.editing import Edits
from editor_app.storage.errors import (
    WHAT_TO_DO,
    CorruptProjectError,
    NotAProjectError,
    ProjectError,
    ReadOnlyProjectError,
    storage_error,
)
from editor_app.storage.export_queries import Exports
from editor_app.storage.history import History
from editor_app.storage.integrity import record_sound
from editor_app.storage.journal import Journal
from editor_app.storage.learning import Learning
from editor_app.storage.migrate import migrate_if_needed
from editor_app.storage.models import Models
from editor_app.storage.operations import Articles
from editor_app.storage.queries import Documents
from editor_app.storage.repropose import Repropose
from editor_app.storage.schema import APPLICATION_ID, migrations, schema_version
from editor_app.storage.search import Search
from editor_app.storage.suggestions import Suggestions
from editor_app.storage.undo import Undo

PROJECT_SUFFIX = ".qingyang"
LOG_NOT_SHOWN = "changes still in its log file (-wal) are not shown"


def environment_editor() -> str:
    """The editor's name QINGYANG_EDITOR gives; "" when it gives none."""
    return os.environ.get("QINGYANG_EDITOR", "").strip()


def default_editor() -> str:
    """--editor, else QINGYANG_EDITOR, else the login name."""
    name = environment_editor()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "editor"


class Project:
    """One open project file. Use `Project.create` / `Project.open`, and `close()`.

    Reading and editing go through its services, each built here from the one connection
    and the journal, and handed the other services it uses.
    """

    def __init__(
        self,
        path: Path,
        db: Database,
        *,
        read_only: bool,
        lock,
        editor: str,
        notice: str = "",
        problems: list[str] | None = None,
    ) -> None:
        self.path = path
        self.db = db
        self.read_only = read_only
        self._lock = lock
        self.journal = Journal(db)
        self.notice = notice  # why the project is read-only when nobody asked, or no backup
        self.problems = problems or []  # what the opening check found wrong with the file
        self.edits = edits = Edits(self.journal, editor, self.require_writable)
        self.documents = documents = Documents(db, path, edits)
        self.articles = articles = Articles(db, path, edits, documents)
        self.suggestions = suggestions = Suggestions(db, path, edits, documents, articles)
        self.search = Search(db, path, edits, articles)
        self.history = history = History(db, path, edits, documents, suggestions)
        self.undo = Undo(db, edits, history)
        self.exports = Exports(db, documents)
        self.models = models = Models(db, path, edits)
        self.learning = Learning(db, path, edits, documents, models)
        self.repropose = Repropose(db, path, edits, documents, models)
        self.checks = Checks(db)

    @property
    def editor(self) -> str:
        """Who signs the changes made from now on."""
        return self.edits.editor

    @editor.setter
    def editor(self, name: str) -> None:
        self.edits.editor = name

    def group(self, action: str, label: str | None = None, **target):
        """One operation around several edits, so one undo takes them all back."""
        return self.edits.operation(action, label, **target)

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def create(cls, path, *, editor: str | None = None) -> Project:
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise ProjectError(path, "a file of that name already exists")
        lock = take_writer_lock(path)
        try:
            conn = connect_writer(path)
        except sqlite3.Error as error:
            lock.release()
            raise storage_error(error, path) from error
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
        allow_damaged: bool = False,
        wait_s: float = 0.0,
    ) -> Project:
        """Open an existing project; refuses what is not ours, newer, damaged or locked.

        A file that fails the opening check is refused, or with `allow_damaged` opened
        read-only with a notice saying what is wrong. A writable project gets its daily
        backup here when the newest one is a day old. `wait_s`: how long a writer waits for
        another running Qingyang to let go of the file before giving up.
        """
        path = Path(path)
        try:
            opening = _Opening(path, editor or default_editor(), full_check, allow_damaged, wait_s)
            if read_only:
                return opening.reader(opening.problems(READING))
            return opening.writer(backups=backups, backup_folder=backup_folder)
        except sqlite3.Error as error:
            raise storage_error(error, path) from error

    def open_reader(self) -> Project:
        """A read-only Project beside this open one, for reads on another thread.

        The file was identified and checked when this one opened it, and this process
        holds it since: the reader is one connection, without a check of its own (a log
        beside the file is this process's own writing, not a sign of a crash).
        """
        conn, without_log = open_reader(self.path)
        notice = LOG_NOT_SHOWN if without_log else ""
        return Project.reading(
            self.path, conn, self.editor, self.notice if self.read_only else notice, self.problems
        )

    @classmethod
    def reading(cls, path: Path, conn, editor: str, notice: str, problems: list[str]) -> Project:
        """A read-only Project over a reader connection."""
        return cls(
            path,
            Database(conn),
            read_only=True,
            lock=None,
            editor=editor,
            notice=notice,
            problems=problems,
        )

    def close(self, *, fold_log: bool = True) -> None:
        """Close the file; after a failed command `fold_log=False` leaves its bytes alone."""
        if self.db is None:
            return
        conn, self.db = self.db.conn, None
        try:
            if self.read_only:
                conn.close()
            else:
                close_writer(conn, self.path, fold_log=fold_log)
        except sqlite3.Error as error:
            conn.close()
            raise storage_error(error, self.path) from error
        finally:
            if self._lock is not None:
                self._lock.release()
        if not self.read_only and fold_log:
            record_sound(self.path, WRITING)  # closed cleanly: the next open needs no check

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def damage_found(self) -> CorruptProjectError | None:
        """What is wrong with the file, asked when reading it failed in a way nobody expects.

        A stored value that does not parse is damage when the checks for writing see
        damage too; when they see none, the failure is a fault of the program.
        """
        problems = self.problems
        if not problems:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            problems = find_problems(self.db.conn, version, WRITING)
        return damaged_error(self.path, problems) if problems else None

    def require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyProjectError(self.path, self.notice or "the project is open read-only")

    @property
    def project_id(self) -> str:
        """A random id given at creation, stable for the life of the project."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'project_id'").fetchone()
        return row[0] if row else ""

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]


UNWRITABLE = "opened read-only: the file cannot be written (read-only file, folder or medium)"


class _Opening:
    """The steps of `Project.open`: what the file is, whether it is sound, which connection."""

    def __init__(
        self, path: Path, editor: str, full_check: bool, allow_damaged: bool, wait_s: float
    ) -> None:
        self.path = path
        self.editor = editor
        self.full_check = full_check
        self.allow_damaged = allow_damaged
        self.wait_s = wait_s
        self.state = identify(path)

    def problems(self, depth: int) -> list[str]:
        return opening_problems(self.path, self.state.version, depth, full_check=self.full_check)

    def reader(self, problems: list[str], notice: str = "") -> Project:
        if problems and not self.allow_damaged:
            raise damaged_error(self.path, problems)
        if not problems and self.state.version < schema_version():
            raise ProjectError(self.path, "an older project that is read-only cannot be upgraded")
        conn, without_log = open_reader(self.path)
        if problems:
            notice = _damaged_notice(problems)
        elif without_log:
            notice += "; " + LOG_NOT_SHOWN
        return Project.reading(self.path, conn, self.editor, notice, problems)

    def writer(self, *, backups: bool, backup_folder) -> Project:
        if not self.state.writable:
            return self.reader(self.problems(READING), UNWRITABLE)
        lock = take_writer_lock(self.path, self.wait_s)
        try:
            problems = self.problems(WRITING)
            if problems:
                lock.release()
                return self.reader(problems)
            project = self._writer(lock)
        except BaseException:
            lock.release()
            raise
        if backups and not project.read_only:
            project.notice = _daily_backup(self.path, project.db.conn, backup_folder)
        return project

    def _writer(self, lock) -> Project:
        try:
            conn = connect_writer(self.path)
        except sqlite3.Error as error:
            if not isinstance(storage_error(error, self.path), ReadOnlyProjectError):
                raise
            lock.release()  # the medium says no where the permissions said yes
            return self.reader(self.problems(READING), UNWRITABLE)
        db = Database(conn)
        try:
            migrate_if_needed(self.path, db, self.state.version)
        except BaseException:
            conn.close()
            raise
        return Project(self.path, db, read_only=False, lock=lock, editor=self.editor)


def _damaged_notice(problems: list[str]) -> str:
    more = f"; {len(problems) - 1} more problem(s)" if len(problems) > 1 else ""
    return f"opened read-only: the file is damaged ({problems[0]}{more}); {WHAT_TO_DO}"


def _daily_backup(path: Path, conn, folder) -> str:
    """Make the daily backup if due; a failure is a notice, not a reason to refuse work."""
    try:
        backup_if_due(path, conn, folder=folder)
    except (OSError, sqlite3.Error) as error:
        return f"no backup could be made ({error})"
    return ""


def is_project_file(path) -> bool:
    """A Qingyang project, sound or not (a damaged one is still ours to open or restore)."""
    try:
        identify(Path(path))
    except NotAProjectError:
        return False
    except ProjectError:
        return True
    return True
