"""One running instance writes a project: an advisory lock on the project file itself.

`flock` locks are separate from the POSIX locks SQLite takes, so holding one does not
disturb SQLite; the kernel drops it when the process dies, even by SIGKILL. A flock
belongs to the open file, which a fork would share with the child: a forked worker
closes its copy at once, so the lock lives and dies with the writer alone.
"""

from __future__ import annotations

import os
import threading
import weakref
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock; one instance is trusted
    fcntl = None

RETRY_S = 0.05
_held: weakref.WeakSet[FileLock] = weakref.WeakSet()


class LockTaken(Exception):
    """Another process holds the lock."""


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, wait_s: float = 0.0) -> None:
        """Take the lock, waiting up to `wait_s` for another writer to let go."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock_within(fd, wait_s)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        _held.add(self)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        _held.discard(self)

    def _forget_in_child(self) -> None:
        # Close, never unlock: LOCK_UN would release the parent's lock too.
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _lock_within(fd: int, wait_s: float) -> None:
    if fcntl is None:
        return
    waited = 0.0
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError as error:
            if waited >= wait_s:
                raise LockTaken(str(fd)) from error
        pause(RETRY_S)
        waited += RETRY_S


def pause(seconds: float) -> None:
    """Wait between two tries (a function of its own, for tests to step through)."""
    threading.Event().wait(seconds)


def _close_inherited_locks() -> None:
    for lock in list(_held):
        lock._forget_in_child()
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_inherited_locks)
