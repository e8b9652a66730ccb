"""Corpus export: JSONL, plain text, CSV and TEI P5, read through the Project.

from editor_app.export import ExportOptions, export_project
export_project(project, "corpus.jsonl", "jsonl", ExportOptions(statuses={"approved"}))
"""

from editor_app.export.errors import ExportError
from editor_app.export.options import FORMATS, SCRIPTS, ExportOptions
from editor_app.export.run import ExportReport, export_project

__all__ = ["FORMATS", "SCRIPTS", "ExportError", "ExportOptions", "ExportReport", "export_project"]
