"""Errors a user can read: each names the project file and what is wrong with it."""

from __future__ import annotations

import sqlite3

from editor_app.support.errors import ProjectError


class NotAProjectError(ProjectError):
    """Not SQLite at all, or SQLite that is not a Qingyang project."""


class NewerVersionError(ProjectError):
    """Written by a newer Qingyang; opening it could damage it."""


class CorruptProjectError(ProjectError):
    """SQLite's own integrity check failed."""


class ProjectLockedError(ProjectError):
    """Another running instance has the project open for writing."""


class ReadOnlyProjectError(ProjectError):
    """A write was asked of a project opened read-only."""


class OperationError(ProjectError):
    """An edit that cannot be applied as asked (bad line, missing article, ...)."""


class NotFoundError(OperationError, KeyError):
    """No document or article with that id (a KeyError too, for lookups that expect one)."""

    __str__ = Exception.__str__  # KeyError would quote the message


WHAT_TO_DO = (
    "run `qingyang check` on it to see what is wrong, or bring back a copy with "
    "`qingyang restore` (`qingyang backups` lists them)"
)


def damaged(path, what: str) -> CorruptProjectError:
    """The message for a damaged file: the file, what is wrong, what to do."""
    return CorruptProjectError(path, f"the file is damaged ({what}); {WHAT_TO_DO}")


def storage_error(error: BaseException, path) -> ProjectError | None:
    """The readable form of an error met while reading or writing the project at `path`.

    None when `error` is not about the file (a bug, an interrupt, a closed pipe): those
    are not ours to reword.
    """
    if isinstance(error, ProjectError):
        return error
    if not isinstance(error, sqlite3.Error):
        return None
    text = str(error)
    name = getattr(error, "sqlite_errorname", "")
    if "SQLITE_BUSY" in name or "database is locked" in text:
        return ProjectLockedError(path, "the file is busy in another program; try again")
    if "SQLITE_READONLY" in name or "readonly database" in text:
        return ReadOnlyProjectError(path, "the file cannot be written (read-only file or medium)")
    if "SQLITE_FULL" in name or "disk is full" in text:
        return ProjectError(path, "the disk is full; nothing of this step was saved")
    if "SQLITE_IOERR" in name or "disk I/O error" in text:
        return ProjectError(path, f"the file could not be read or written ({text})")
    if "SQLITE_CANTOPEN" in name or "unable to open" in text:
        return ProjectError(path, f"the file cannot be opened ({text})")
    return damaged(path, text)
