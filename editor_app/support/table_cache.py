"""Tables built from data files, kept compiled in the user's cache folder.

Every import worker needs the word list; parsing jieba's dict.txt takes about half a
second, reading it back with marshal a third of that. A cache file is named after its
sources (path, size, modification time) and the Python version, so a changed source or
another Python builds a new one. Any trouble with the cache only means building again.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from editor_app.support.cache_folder import cache_dir

T = TypeVar("T")
FORMAT = 1  # bump when a cached table's shape changes


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or its result read back from the cache when the sources are unchanged."""
    sources = [source.resolve() for source in sources]
    # Named for where the sources are and then for their state: two installs on one
    # machine each keep their own file, and a changed source replaces only its own.
    where = _digest(f"py{sys.version_info[:2]}", *map(str, sources))
    prefix = f"{name}-{where}"
    path = cache_dir() / f"{prefix}-{_key(sources)}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = build()
    _store(path, prefix, table)
    return table


def _key(sources: list[Path]) -> str:
    states = [f"{stat.st_size} {stat.st_mtime_ns}" for stat in map(Path.stat, sources)]
    return _digest(f"{FORMAT} {marshal.version}", *states)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _store(path: Path, prefix: str, table) -> None:
    """Write atomically (workers may build at once) and drop this table's stale files."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(table))
        os.replace(temporary, path)
        for stale in path.parent.glob(f"{prefix}-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
