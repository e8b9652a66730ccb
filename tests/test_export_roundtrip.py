"""JSONL round trip (export -> import into a new project -> export) and the CLI."""

from __future__ import annotations

import json

import pytest

from editor_app.export import ExportOptions, export_project
from editor_app.storage import Project, ProjectError, import_jsonl
from tests import test_export_support
from tests.conftest import run_cli

corrected = test_export_support.corrected  # the shared fixture

# What the history of the first project gives and a rebuilt project cannot have.
HISTORY_KEYS = ("project", "editors", "last_changed")


def comparable(path) -> list[dict]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        for key in HISTORY_KEYS:
            line.pop(key)
    return lines


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(),
        ExportOptions(include_non_articles=True),
        ExportOptions(statuses=frozenset({"reviewed", "approved"})),
    ],
    ids=["articles", "everything", "reviewed"],
)
def test_round_trip_gives_the_same_articles(corrected, tmp_path, options):
    first = tmp_path / "first.jsonl"
    export_project(corrected.project, first, "jsonl", options)
    with Project.create(tmp_path / "copy.qingyang", editor="tester") as copy:
        report = import_jsonl(copy, first)
        assert not report.skipped and len(report.imported) >= 1
        assert copy.checks.problems() == []
        second = tmp_path / "second.jsonl"
        export_project(copy, second, "jsonl", options)
        again = tmp_path / "again.jsonl"
        export_project(copy, again, "jsonl", options)
    assert comparable(second) == comparable(first)
    assert second.read_bytes() == again.read_bytes()


def test_rebuilt_documents_keep_offsets_and_line_numbers(corrected, tmp_path):
    project = corrected.project
    first = tmp_path / "first.jsonl"
    export_project(project, first, "jsonl")
    with Project.create(tmp_path / "copy.qingyang", editor="tester") as copy:
        import_jsonl(copy, first)
        for document_id in project.documents.ids():
            raw, rebuilt = (
                project.documents.raw_text(document_id),
                copy.documents.raw_text(document_id),
            )
            assert len(rebuilt) == len(raw)
            assert rebuilt.count("\n") == raw.count("\n")
            for article in project.articles.of_document(document_id):
                if article.is_article:
                    span = raw[article.start_offset : article.end_offset]
                    assert rebuilt[article.start_offset : article.end_offset] == span
            assert (
                copy.documents.get(document_id).sha256 == project.documents.get(document_id).sha256
            )


def test_a_second_import_skips_known_documents(corrected, tmp_path):
    first = tmp_path / "first.jsonl"
    export_project(corrected.project, first, "jsonl")
    with Project.create(tmp_path / "copy.qingyang", editor="tester") as copy:
        import_jsonl(copy, first)
        report = import_jsonl(copy, first)
    assert not report.imported and len(report.skipped) == 2


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json\n", "line 1: not JSON"),
        ('{"a": 1}\n', "line 1: not an article"),
        ('{"schema": "qingyang-article/1", "document": {}}\n', "line 1: document.id: missing"),
    ],
)
def test_a_broken_jsonl_is_refused_by_line(fresh_project, tmp_path, content, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ProjectError, match=message):
        import_jsonl(fresh_project, bad)
    assert fresh_project.documents.count() == 0


def test_overlapping_spans_are_refused(corrected, tmp_path):
    first = tmp_path / "first.jsonl"
    export_project(corrected.project, first, "jsonl")
    lines = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    lines[1]["provenance"]["raw_start"] -= 5
    lines[1]["provenance"]["raw_text"] = "xxxxx" + lines[1]["provenance"]["raw_text"]
    first.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with Project.create(tmp_path / "copy.qingyang") as copy, pytest.raises(ProjectError):
        import_jsonl(copy, first)


# -- the command line -----------------------------------------------------------------------


def test_cli_export_and_import_round_trip(corrected, tmp_path):
    corrected.project.close()
    path = corrected.project.path
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    done = run_cli("export", path, "--format", "jsonl", "-o", first)
    assert done.returncode == 0, done.stderr
    assert "exported" in done.stdout and done.stderr == ""
    copy = tmp_path / "copy.qingyang"
    assert run_cli("new", copy).returncode == 0
    done = run_cli("import", copy, first, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert "imported 2" in done.stdout
    assert run_cli("export", copy, "--format", "jsonl", "-o", second).returncode == 0
    assert comparable(second) == comparable(first)


@pytest.mark.parametrize("format, name", [("csv", "a.csv"), ("tei", "a.xml"), ("txt", "a")])
def test_cli_export_formats_and_options(corrected, tmp_path, format, name):
    corrected.project.close()
    done = run_cli(
        "export",
        corrected.project.path,
        "--format",
        format,
        "-o",
        tmp_path / name,
        "--status",
        "reviewed",
        "approved",
        "--script",
        "t",
        "--document",
        "1",
    )
    assert done.returncode == 0, done.stderr
    assert "exported 2 articles of 1 documents" in done.stdout
    assert (tmp_path / name).exists()


def test_cli_errors(corrected, tmp_path):
    corrected.project.close()
    path = corrected.project.path
    done = run_cli("export", path, "--format", "jsonl", "-o", tmp_path / "no" / "a.jsonl")
    assert done.returncode == 1
    assert "the output folder does not exist" in done.stderr and str(tmp_path / "no") in done.stderr
    done = run_cli("export", path, "--format", "pdf", "-o", tmp_path / "a.pdf")
    assert done.returncode == 2
    done = run_cli("export", path, "--format", "jsonl", "-o", tmp_path / "a", "--document", "9")
    assert done.returncode == 1 and "no document 9" in done.stderr
