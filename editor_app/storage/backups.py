"""Daily consistent copies of a project beside it, in `NAME.backups/`.

Copies are made with SQLite's backup API, so they are whole even while the project is
being written. Kept: the newest copy of each of the last 7 days that have one, and the
newest of each of the 4 weeks before those.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from editor_app.storage.connection import connect_reader, inspect_file
from editor_app.storage.errors import ProjectError, ProjectLockedError
from editor_app.storage.locking import FileLock, LockTaken

STAMP = "%Y%m%d-%H%M%S"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
DUE_AFTER = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: datetime

    @property
    def name(self) -> str:
        return self.path.name


def backup_folder(project: Path, folder: Path | None = None) -> Path:
    return Path(folder) if folder else project.with_name(project.stem + ".backups")


def list_backups(project: Path, folder: Path | None = None) -> list[Backup]:
    """Backups of a project, newest first."""
    found = []
    for path in backup_folder(project, folder).glob(f"{project.stem}-*.qingyang"):
        taken = _parse_stamp(path.name[len(project.stem) + 1 :])
        if taken is not None:
            found.append(Backup(path, taken))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def _parse_stamp(rest: str) -> datetime | None:
    try:
        return datetime.strptime(rest[: len("YYYYmmdd-HHMMSS")], STAMP)
    except ValueError:
        return None


def backup_now(
    project: Path,
    conn: sqlite3.Connection,
    *,
    reason: str = "",
    folder: Path | None = None,
    taken: datetime | None = None,
) -> Path:
    """Write a consistent copy of the open connection's database, stamped `taken` (now)."""
    target_dir = backup_folder(project, folder)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = (taken or datetime.now()).strftime(STAMP)
    suffix = f"-{reason}" if reason else ""
    target = target_dir / f"{project.stem}-{stamp}{suffix}.qingyang"
    counter = 1
    while target.exists():
        target = target_dir / f"{project.stem}-{stamp}{suffix}-{counter}.qingyang"
        counter += 1
    partial = target.with_suffix(".partial")
    try:
        with closing(sqlite3.connect(partial)) as copy:
            conn.backup(copy)
    except BaseException:
        partial.unlink(missing_ok=True)  # no half copy left behind
        raise
    partial.replace(target)
    return target


def backup_if_due(project: Path, conn, *, folder: Path | None = None, now=None) -> Path | None:
    """Back up when the newest copy is older than a day; prune old copies."""
    now = now or datetime.now()
    existing = list_backups(project, folder)
    if existing and now - existing[0].taken < DUE_AFTER:
        return None
    made = backup_now(project, conn, folder=folder, taken=now)
    prune(project, folder=folder)
    return made


def backup_if_due_separately(project: Path, *, folder: Path | None = None) -> Path | None:
    """The daily backup through a read-only connection of its own.

    For a background thread: the copy never touches the writer connection, so the editor
    keeps working while it is made (WAL readers do not block the writer).
    """
    uri = f"{Path(project).resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        return backup_if_due(Path(project), conn, folder=folder)
    finally:
        conn.close()


def backups_to_keep(backups: list[Backup]) -> set[Path]:
    """Newest per day for the last 7 days with copies, then newest per week for 4 weeks."""
    keep: list[Backup] = []
    days_seen: set = set()
    weeks_seen: set = set()
    for backup in backups:  # newest first
        day = backup.taken.date()
        if len(days_seen) < KEEP_DAILY:
            if day not in days_seen:
                days_seen.add(day)
                keep.append(backup)
            continue
        week = backup.taken.isocalendar()[:2]
        if day in days_seen or week in weeks_seen or len(weeks_seen) >= KEEP_WEEKLY:
            continue
        weeks_seen.add(week)
        keep.append(backup)
    return {backup.path for backup in keep}


def prune(project: Path, *, folder: Path | None = None) -> list[Path]:
    backups = list_backups(project, folder)
    keep = backups_to_keep(backups)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _keep_current(project: Path, folder: Path | None) -> Path:
    """The file being replaced, kept as one more backup: through SQLite when it can read
    it, else byte for byte (a damaged project is the usual reason to restore)."""
    try:  # read-only: the current file and its log are copied as they are, never folded
        with closing(connect_reader(project)) as current:
            return backup_now(project, current, reason="before-restore", folder=folder)
    except sqlite3.DatabaseError:
        target = backup_folder(project, folder) / (
            f"{project.stem}-{datetime.now().strftime(STAMP)}-before-restore-damaged.qingyang"
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(project, target)
        return target


def restore(project: Path, backup: Path, *, folder: Path | None = None) -> Path:
    """Put a backup in place of the project, keeping the current file as a backup first.

    Refused while another running instance has the project open.
    """
    backup = Path(backup)
    lock = FileLock(project)
    if project.exists():  # a missing project has no holder, and no file is made for it
        try:
            lock.acquire()
        except LockTaken as error:
            raise ProjectLockedError(project, "open in another running Qingyang") from error
    try:
        if not backup.is_file():
            raise ProjectError(backup, "no such backup file")
        inspect_file(backup)  # never put something that is not a sound project in its place
        kept = _keep_current(project, folder) if project.exists() else None
        for suffix in ("-wal", "-shm"):
            Path(str(project) + suffix).unlink(missing_ok=True)
        shutil.copyfile(backup, project)
    finally:
        lock.release()
    return kept
