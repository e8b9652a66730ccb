"""A large JSONL export is built by worker processes and is byte for byte the single-process one."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.bench.generate import generate_archive
from editor_app.export import export_project
from editor_app.export import parallel as parallel_export
from editor_app.export.options import ExportOptions
from editor_app.storage import Project, import_paths

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    generate_archive(SEEDS, folder / "issues", parallel_export.PARALLEL_FROM + 6, seed=11)
    path = folder / "archive.qingyang"
    with Project.create(path, editor="甲") as project:
        import_paths(project, [folder / "issues"])
        first = project.articles.of_document(project.documents.ids()[0])[0]
        project.articles.replace_text(
            first.id, first.corrected_text.replace("，", "、", 3) + "\n补记"
        )
        project.articles.set_status(first.id, "reviewed")
    return path


@pytest.mark.parametrize(
    "options", [ExportOptions(), ExportOptions(statuses=frozenset({"reviewed"}))]
)
def test_parallel_and_single_process_exports_are_equal(archive, tmp_path, monkeypatch, options):
    with Project.open(archive, read_only=True) as project:
        progress = []
        report = export_project(
            project,
            tmp_path / "parallel.jsonl",
            "jsonl",
            options,
            progress=lambda done, total, name: progress.append((done, total)),
        )
        monkeypatch.setattr(parallel_export, "PARALLEL_FROM", 10**9)
        single = export_project(project, tmp_path / "single.jsonl", "jsonl", options)
    parallel_bytes = (tmp_path / "parallel.jsonl").read_bytes()
    assert parallel_bytes == (tmp_path / "single.jsonl").read_bytes()
    assert (report.documents, report.articles) == (single.documents, single.articles)
    assert progress[-1] == (report.documents, report.documents)
    assert "补记" in parallel_bytes.decode("utf-8")


def test_a_cancelled_parallel_export_leaves_no_file(archive, tmp_path):
    with Project.open(archive, read_only=True) as project:
        report = export_project(project, tmp_path / "out.jsonl", "jsonl", cancelled=lambda: True)
    assert report.cancelled
    assert list(tmp_path.iterdir()) == []
