"""The error a user can read: the file it is about and what is wrong with it."""

from __future__ import annotations


class ProjectError(Exception):
    """Base of every storage error; `str()` is the message to show.

    Defined below storage so that reading a file before any project is open (a JSONL export,
    in ingest) raises the same error the commands already report.
    """

    def __init__(self, path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
