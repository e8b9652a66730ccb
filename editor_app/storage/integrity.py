"""When opening runs the opening check: whenever the file may have changed behind us.

A check reads every page (half a second for ten years of a daily), so it is skipped when
the file is exactly as a Qingyang session left it after a clean close or a passed check:
same size and modification time, recorded in the user's cache folder (not in the file,
whose copy elsewhere must not vouch for itself), with the depth of the check it passed
(a reader's check vouches for reading, not for writing). A leftover WAL means the last
session did not close cleanly, so that file is checked too.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from editor_app.storage.check import READING, WRITING
from editor_app.support.cache_folder import cache_dir

STAMPS_FILE = "checked-projects.json"
KEEP = 500  # projects remembered; the oldest are forgotten (and simply checked again)


def needs_check(path: Path, depth: int = READING) -> bool:
    """True unless the file is as a check of `depth` (or deeper) or a clean close left it."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return True
    stamp = _stamps().get(_key(path))
    if not isinstance(stamp, list) or stamp[:2] != _state(path):
        return True
    return (stamp[2] if len(stamp) > 2 else READING) < depth


def record_sound(path: Path, depth: int = WRITING) -> None:
    """Remember the file as checked to `depth` or cleanly closed, in its present state."""
    stamps = _stamps()
    stamps.pop(_key(path), None)
    stamps[_key(path)] = [*_state(path), depth]
    kept = dict(list(stamps.items())[-KEEP:])
    target = cache_dir() / STAMPS_FILE
    with contextlib.suppress(OSError):  # no cache folder only means checking again
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.partial")
        partial.write_text(json.dumps(kept), encoding="utf-8")
        partial.replace(target)


def _stamps() -> dict:
    try:
        return json.loads((cache_dir() / STAMPS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def _state(path: Path) -> list[int]:
    stat = Path(path).stat()
    return [stat.st_size, stat.st_mtime_ns]
