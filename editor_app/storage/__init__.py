"""The project file and everything stored in it; outer layers import from here only.

`Project` opens, creates and closes a file and owns its services (`project.documents`,
`project.articles`, `project.suggestions`, `project.search`, `project.history`,
`project.undo`, `project.exports`, `project.models`, `project.learning`,
`project.repropose`, `project.checks`). Beside it: the errors, the data types the
services return, backups, and the import entry points.

Names are loaded on first use, so a worker process that needs one module of the package
(an import's analysis, say) does not load all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.support.lazy_names import names_loaded_on_use

_EXPORTS = {
    "backups": (
        "backup_if_due",
        "backup_if_due_separately",
        "backup_now",
        "list_backups",
        "restore",
    ),
    "check": ("Checks",),
    "document_sources": ("PageGeometry",),
    "editing": ("Edits",),
    "errors": (
        "CorruptProjectError",
        "NewerVersionError",
        "NotAProjectError",
        "NotFoundError",
        "OperationError",
        "ProjectError",
        "ProjectLockedError",
        "ReadOnlyProjectError",
        "storage_error",
    ),
    "export_queries": ("Exports",),
    "history": ("Conflict", "History", "RevertConflict"),
    "history_summary": ("item_text", "title_text", "value_word"),
    "import_report": ("DUPLICATE", "ImportInterrupted", "ImportReport"),
    "importer": ("import_paths",),
    "journal": ("OpResult",),
    "jsonl_import": ("import_exports", "import_jsonl"),
    "learning": ("Learning", "NothingToLearnError"),
    "models": ("ModelRecord", "Models"),
    "operations": ("Articles",),
    "project": (
        "PROJECT_SUFFIX",
        "Project",
        "default_editor",
        "environment_editor",
        "is_project_file",
    ),
    "queries": ("Documents",),
    "repropose": ("Plan", "Repropose"),
    "review_queries": ("FieldChange", "as_text"),
    "search": ("SEARCHED_FIELDS", "Hit", "Search", "searched_text"),
    "suggestions": ("Suggestions",),
    "undo": ("Undo",),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = sorted(_MODULE_OF)


__getattr__ = names_loaded_on_use(__name__, _MODULE_OF)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from editor_app.storage.backups import (
        backup_if_due,
        backup_if_due_separately,
        backup_now,
        list_backups,
        restore,
    )
    from editor_app.storage.check import Checks
    from editor_app.storage.document_sources import PageGeometry
    from editor_app.storage.editing import Edits
    from editor_app.storage.errors import (
        CorruptProjectError,
        NewerVersionError,
        NotAProjectError,
        NotFoundError,
        OperationError,
        ProjectError,
        ProjectLockedError,
        ReadOnlyProjectError,
        storage_error,
    )
    from editor_app.storage.export_queries import Exports
    from editor_app.storage.history import Conflict, History, RevertConflict
    from editor_app.storage.history_summary import item_text, title_text, value_word
    from editor_app.storage.import_report import DUPLICATE, ImportInterrupted, ImportReport
    from editor_app.storage.importer import import_paths
    from editor_app.storage.journal import OpResult
    from editor_app.storage.jsonl_import import import_exports, import_jsonl
    from editor_app.storage.learning import Learning, NothingToLearnError
    from editor_app.storage.models import ModelRecord, Models
    from editor_app.storage.operations import Articles
    from editor_app.storage.project import (
        PROJECT_SUFFIX,
        Project,
        default_editor,
        environment_editor,
        is_project_file,
    )
    from editor_app.storage.queries import Documents
    from editor_app.storage.repropose import Plan, Repropose
    from editor_app.storage.review_queries import FieldChange, as_text
    from editor_app.storage.search import SEARCHED_FIELDS, Hit, Search, searched_text
    from editor_app.storage.suggestions import Suggestions
    from editor_app.storage.undo import Undo
