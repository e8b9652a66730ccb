"""Every problem with a project file is a dialog naming the file and the problem."""

from __future__ import annotations

import sqlite3

import pytest

from editor_app.storage import Project, connection
from tests.qt.conftest import SEEDS, make_project


def critical(messages) -> list[tuple[str, str, str]]:
    return [m for m in messages if m[0] == "critical"]


def test_a_file_that_is_not_a_project(window, messages, tmp_path):
    path = tmp_path / "notes.qingyang"
    path.write_text("just some notes", encoding="utf-8")
    assert not window.open_project(path)
    [(_, _title, text)] = critical(messages)
    assert str(path) in text and "not a Qingyang project" in text
    assert window.project is None
    assert path.read_text(encoding="utf-8") == "just some notes"  # never touched


def test_a_project_from_a_newer_version(window, messages, tmp_path):
    path = make_project(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    assert not window.open_project(path)
    [(_, _title, text)] = critical(messages)
    assert str(path) in text and "newer" in text


def test_a_damaged_project(window, messages, tmp_path):
    path = make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt")
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, len(data) - page, page):  # keep the header page, spoil the rest
        data[offset + 16 : offset + page - 16] = b"\xa5" * (page - 32)
    path.write_bytes(bytes(data))
    assert not window.open_project(path)
    [(_, _title, text)] = critical(messages)
    assert str(path) in text and ("damaged" in text or "not" in text)


def test_a_project_open_in_another_instance(window, messages, tmp_path):
    path = make_project(tmp_path)
    with Project.open(path, editor="someone else"):
        assert not window.open_project(path)
    [(_, _title, text)] = critical(messages)
    assert str(path) in text and "another running Qingyang" in text


def test_a_read_only_project_opens_with_a_notice(window, messages, tmp_path, monkeypatch):
    path = make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt")
    path.chmod(0o444)
    # Root may write anything: say what the file system would say to everyone else.
    monkeypatch.setattr(connection.os, "access", lambda *_args, **_kw: False)
    assert window.open_project(path)
    notices = [m for m in messages if m[0] == "information"]
    assert notices and str(path) in notices[0][2] and "read-only" in notices[0][2]
    assert "read-only" in window.windowTitle()
    assert not window.actions["split"].isEnabled()
    assert window.form.edits["title"].isReadOnly()
    assert window.document_id is not None  # still readable


@pytest.mark.parametrize(
    "failure", [sqlite3.OperationalError("disk I/O error"), OSError(28, "No space left on device")]
)
def test_a_failed_write_says_so_and_keeps_what_was_saved(
    window, messages, tmp_path, monkeypatch, failure
):
    path = make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt")
    assert window.open_project(path)
    before = window.project.articles.rows(window.document_id)

    def failing(*_args, **_kwargs):
        raise failure

    monkeypatch.setattr(window.project.articles, "split", failing)
    window.raw_view.go_to_lines(before[0]["end_line"])
    window.actions["split"].trigger()
    [(_, title, text)] = critical(messages)
    assert "could not be saved" in title and str(failure) in text
    assert "NOT SAVED" in window.windowTitle()
    assert window.project.articles.rows(window.document_id) == before
