"""Errors a user can read: each names the project file and what is wrong with it."""

from __future__ import annotations


class ProjectError(Exception):
    """Base of every storage error; `str()` is the message to show."""

    def __init__(self, path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


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
