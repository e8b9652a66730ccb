"""Plain dataclasses shared by every layer; no I/O, no Qt, no SQLite."""

from editor_app.model.article import (
    ARTICLE_KINDS,
    EDITABLE_FIELDS,
    NON_ARTICLE_KINDS,
    STATUSES,
    Article,
)
from editor_app.model.byline import Byline
from editor_app.model.change import Change, Operation
from editor_app.model.document import Document, normalise_newlines
from editor_app.model.proposal import Proposal, Segment
from editor_app.model.roles import HEADING_ROLES, ROLES, role_class
from editor_app.model.suggestion import Suggestion
from editor_app.model.text_index import Line, LineIndex

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
