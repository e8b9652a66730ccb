"""Export options (script), output errors, atomic writing and cancelling."""

from __future__ import annotations

import os

import pytest

from editor_app.export import ExportError, ExportOptions, export_project
from editor_app.export import atomic as atomic_module
from editor_app.export.jsonl import JsonlWriter
from editor_app.storage import ProjectError, import_paths
from tests import test_export_support
from tests.test_export_support import export_lines

corrected = test_export_support.corrected  # the shared fixture

SIMPLIFIED = "发展里面的头发说台湾后来\n\n这里发展很快,后面说话的人头发白了。\n"


@pytest.fixture
def tiny(fresh_project, tmp_path, stable_segmenter):
    """A one-article project: the title line, then one body paragraph."""
    source = tmp_path / "tiny.txt"
    source.write_text(SIMPLIFIED, encoding="utf-8")
    import_paths(fresh_project, [source], workers=1)
    return fresh_project


@pytest.mark.parametrize(
    "script, title, body",
    [
        ("keep", "发展里面的头发说台湾后来", "这里发展很快,后面说话的人头发白了。"),
        ("t", "發展裏面的頭髮說臺灣後來", "這裏發展很快,後面說話的人頭髮白了。"),
        ("tw", "發展裡面的頭髮說臺灣後來", "這裡發展很快,後面說話的人頭髮白了。"),
        ("hk", "發展裏面的頭髮説台灣後來", "這裏發展很快,後面説話的人頭髮白了。"),
    ],
)
def test_script_conversion(tiny, tmp_path, script, title, body):
    (line,) = export_lines(tiny, tmp_path, script=script)
    assert (line["title"], line["text"], line["script"]) == (title, body, script)
    # The alignment still points at the raw characters each converted one stands for.
    (run,) = line["provenance"]["alignment"]
    raw = tiny.documents.raw_text(1)
    assert raw[run[1] : run[1] + run[2]] == SIMPLIFIED.split("\n")[2]
    assert line["provenance"]["raw_text"] == SIMPLIFIED.rstrip("\n")


def test_to_simplified(tiny, tmp_path):
    tiny.articles.replace_text(1, "發展裡面\n\n這裡發展很快。")
    (line,) = export_lines(tiny, tmp_path, script="s")
    assert line["text"] == "这里发展很快。"


def test_unknown_script_or_status_is_refused(tiny, tmp_path):
    for options in (ExportOptions(script="x"), ExportOptions(statuses=frozenset({"done"}))):
        with pytest.raises(ExportError):
            export_project(tiny, tmp_path / "out.jsonl", "jsonl", options)


def test_unknown_document_is_refused(tiny, tmp_path):
    with pytest.raises(ExportError, match="no document 9"):
        export_project(tiny, tmp_path / "out.jsonl", "jsonl", ExportOptions(document_ids=(9,)))


@pytest.mark.parametrize("format", ["jsonl", "csv", "tei", "txt"])
def test_a_missing_output_folder_is_a_clear_error(tiny, tmp_path, format):
    out = tmp_path / "missing" / "out"
    with pytest.raises(ExportError) as caught:
        export_project(tiny, out, format)
    assert isinstance(caught.value, ProjectError)
    assert str(tmp_path / "missing") in str(caught.value)
    assert "does not exist" in str(caught.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
@pytest.mark.parametrize("format", ["jsonl", "txt"])
def test_a_read_only_output_folder_is_a_clear_error(tiny, tmp_path, format):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="read-only"):
            export_project(tiny, folder / "out", format)
    finally:
        folder.chmod(0o755)


def test_a_folder_that_refuses_the_file_is_a_clear_error(tiny, tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic_module, "open", refuse, raising=False)
    with pytest.raises(ExportError, match="cannot write in the output folder: Permission denied"):
        export_project(tiny, tmp_path / "out.jsonl", "jsonl")


def test_an_interrupted_export_leaves_the_old_file_and_no_temporary(
    corrected, tmp_path, monkeypatch
):
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "out.jsonl"
    out.write_text("old\n")
    original = JsonlWriter.write_document
    calls = []

    def fail_on_second(self, document, articles):
        calls.append(document.id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        original(self, document, articles)

    monkeypatch.setattr(JsonlWriter, "write_document", fail_on_second)
    with pytest.raises(KeyboardInterrupt):
        export_project(corrected.project, out, "jsonl")
    assert out.read_text() == "old\n"
    assert [p.name for p in folder.iterdir()] == ["out.jsonl"]


@pytest.mark.parametrize("format", ["jsonl", "txt"])
def test_cancel_leaves_nothing(corrected, tmp_path, format):
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "out"
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1

    report = export_project(corrected.project, out, format, cancelled=cancelled)
    assert report.cancelled and "unchanged" in report.summary()
    assert list(folder.iterdir()) == []


def test_an_existing_folder_in_place_of_the_file_is_refused(tiny, tmp_path):
    (tmp_path / "out.jsonl").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export_project(tiny, tmp_path / "out.jsonl", "jsonl")
