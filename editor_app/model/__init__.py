"""Plain dataclasses shared by every layer; no I/O, no Qt, no SQLite.

`Article` and `Segment` are made from the field registry (model/fields.py) when their
modules are imported. This package imports those modules only when one of their names is
asked for, so that a program can import `editor_app.model.fields` and register a field
before either class exists.
"""

from editor_app.model.byline import Byline
from editor_app.model.change import Change, Operation
from editor_app.model.document import Document, normalise_newlines
from editor_app.model.roles import HEADING_ROLES, ROLES, role_class
from editor_app.model.suggestion import Suggestion
from editor_app.model.text_index import Line, LineIndex

_FROM_ARTICLE = frozenset({"ARTICLE_KINDS", "EDITABLE_FIELDS", "NON_ARTICLE_KINDS", "STATUSES"})
_FROM_PROPOSAL = frozenset({"Proposal", "Segment"})

__all__ = [
    "ARTICLE_KINDS",
    "EDITABLE_FIELDS",
    "HEADING_ROLES",
    "NON_ARTICLE_KINDS",
    "ROLES",
    "STATUSES",
    "Article",
    "Byline",
    "Change",
    "Document",
    "Line",
    "LineIndex",
    "Operation",
    "Proposal",
    "Segment",
    "Suggestion",
    "normalise_newlines",
    "role_class",
]


def __getattr__(name: str):
    """The registry's classes and the names beside them, imported when first asked for."""
    if name == "Article" or name in _FROM_ARTICLE:
        from editor_app.model import article

        return getattr(article, name)
    if name in _FROM_PROPOSAL:
        from editor_app.model import proposal

        return getattr(proposal, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
