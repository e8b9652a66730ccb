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

T = TypeVar("T")
FORMAT = 1  # bump when a cached table's shape changes


def cache_dir() -> Path:
    """Where this user's caches go, per platform (XDG_CACHE_HOME on Linux)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "qingyang"


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """`build()`, or its result read back from the cache when the sources are unchanged."""
    prefix = f"{name}-py{sys.version_info[0]}{sys.version_info[1]}"
    path = cache_dir() / f"{prefix}-{_key(sources)}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = build()
    _store(path, prefix, table)
    return table


def _key(sources: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{FORMAT} {marshal.version}".encode())
    for source in sources:
        stat = source.stat()
        digest.update(f"\n{source.resolve()} {stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


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
