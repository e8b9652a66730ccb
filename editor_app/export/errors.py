"""Errors of the corpus export: each names the path it is about and what is wrong."""

from __future__ import annotations

from editor_app.storage import ProjectError


class ExportError(ProjectError):
    """An export that cannot be written as asked; `str()` is the message to show."""
