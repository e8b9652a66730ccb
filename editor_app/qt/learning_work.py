"""What the window's learning runs in a worker process: the core's calls, read-only, no Qt.

Each call opens the project read-only (the window keeps the one writer connection) and
returns plain data the window then stores through its writer: a fitted model with its
record's detail, or a re-proposal's plan.
"""

from __future__ import annotations

from collections.abc import Callable

from editor_app.model.gold_pages import load_pages
from editor_app.storage import Plan, Project


def fit_model(path: str, base_sources: list[str], progress: Callable[[int, int], None]):
    """(Learned, detail) from the project's reviewed documents beside `base_sources`
    (gold directories or archives; none: the shipped training pages)."""
    base = load_pages(base_sources) if base_sources else None
    with _reader(path) as project:
        return project.learning.fit(base=base, progress=progress)


def plan(path: str, _progress: Callable[[int, int], None]) -> Plan:
    """What proposing the untouched documents again with the project's model would change."""
    with _reader(path) as project:
        return project.repropose.plan()


def _reader(path: str) -> Project:
    return Project.open(path, read_only=True, backups=False, full_check=False)
