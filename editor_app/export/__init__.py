"""Corpus export: JSONL, plain text, CSV and TEI P5, read through the Project.

from editor_app.export import ExportOptions, export_project
export_project(project, "corpus.jsonl", "jsonl", ExportOptions(statuses={"approved"}))

The exporters (`export_project`, `ExportReport`) load on first use: a command line that
names the options only (an import, say) loads no exporter, nor lxml with the TEI writer,
into the processes it forks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.export.errors import ExportError
from editor_app.export.options import FORMATS, SCRIPTS, ExportOptions
from editor_app.support.lazy_names import names_loaded_on_use

__all__ = ["FORMATS", "SCRIPTS", "ExportError", "ExportOptions", "ExportReport", "export_project"]
__getattr__ = names_loaded_on_use(__name__, {"ExportReport": "run", "export_project": "run"})

if TYPE_CHECKING:
    from editor_app.export.run import ExportReport, export_project
