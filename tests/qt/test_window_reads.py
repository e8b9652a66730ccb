"""What the window reads: after an edit only the rows the change names, and the file
opened at most twice (one writer, one reader for the work in the background)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from editor_app.storage import backup_if_due_separately
from tests.qt.conftest import SEEDS, make_project

FIRST = SEEDS / "000_0568ddfa57c73b20.txt"
SECOND = SEEDS / "004_353c17634c82fe70.txt"


def project_of(folder: Path, documents: int) -> Path:
    """A project of `documents` documents; the first is always the same page."""
    folder.mkdir()
    sources = [FIRST, SECOND]
    for number in range(documents - 2):
        copy = folder / f"copy_{number:02d}.txt"  # another day's page: a document of its own
        copy.write_text(SECOND.read_text(encoding="utf-8") + f"\n\n第{number}版\n", "utf-8")
        sources.append(copy)
    return make_project(folder, *sources)


class StatementCount:
    """SQL statements run on the window's connections to the project (writer and reader)."""

    def __init__(self, window) -> None:
        self.statements: list[str] = []
        self.connections = [window.project.db.conn]
        if window.files.reader is not None and window.files.reader._project is not None:
            self.connections.append(window.files.reader._project.db.conn)

    def __enter__(self):
        for conn in self.connections:
            conn.set_trace_callback(self.statements.append)
        return self

    def __exit__(self, *_exc) -> None:
        for conn in self.connections:
            conn.set_trace_callback(None)


def inner_line(window) -> int:
    """A non-blank line of the current article after its first: where a split can go."""
    segment = next(r for r in window.segments if r["id"] == window.article_id)
    lines = window.project.documents.lines(window.document_id)
    return next(
        n
        for n in range(segment["start_line"] + 1, segment["end_line"] + 1)
        if not lines[n - 1].is_blank
    )


def statements_of_an_edit_and_a_split(qtbot, window, path: Path) -> tuple[list, list]:
    with qtbot.waitSignal(window.backup_finished, timeout=30_000):
        assert window.open_project(path)
    qtbot.waitUntil(lambda: not window.background.busy, timeout=30_000)
    article = window.article_id
    with StatementCount(window) as edit:
        window.form.field_edited.emit("title", "新的标题")
    assert window.project.articles.get(article).title == "新的标题"
    assert window.form.edits["title"].text() == "新的标题"
    window.raw_view.go_to_lines(inner_line(window))
    articles = len(window.segments)
    with StatementCount(window) as split:
        window.actions["split"].trigger()
    assert len(window.segments) == articles + 1
    assert window.articles.rowCount() == articles + 1
    assert window.segments == window.project.articles.rows(window.document_id)
    window.close_project()
    return edit.statements, split.statements


def test_an_edit_and_a_split_read_the_same_however_big_the_project(qtbot, window, tmp_path):
    small_edit, small_split = statements_of_an_edit_and_a_split(
        qtbot, window, project_of(tmp_path / "small", 2)
    )
    big_edit, big_split = statements_of_an_edit_and_a_split(
        qtbot, window, project_of(tmp_path / "big", 12)
    )
    assert len(big_edit) == len(small_edit)
    assert len(big_split) == len(small_split)
    # Neither re-reads the document's whole article list, its roles or its suggestions.
    for statement in small_edit + small_split:
        assert "ORDER BY a.start_line" not in statement  # Project.article_rows
        assert not ("FROM line_roles" in statement and "line IN" not in statement)
        assert "FROM suggestions s" not in statement


def test_the_window_opens_the_file_once_to_write_and_once_to_read(
    qtbot, window, tmp_path, monkeypatch
):
    path = make_project(tmp_path, FIRST, SECOND)
    backup_if_due_separately(path)  # today's backup is made: opening makes none
    opened: list[str] = []
    real_connect = sqlite3.connect

    def counted(database, *args, **kwargs):
        if Path(str(database).split("?")[0].removeprefix("file://")).name == path.name:
            opened.append(str(database))
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", counted)
    assert window.open_project(path)
    qtbot.waitUntil(lambda: not window.background.busy, timeout=30_000)
    # The writer first, the file identified from its header; the backup check in the
    # background may already have opened the reader, and nothing else.
    assert "mode=ro" not in opened[0]
    assert [database for database in opened[1:] if "mode=ro" not in database] == []
    assert len(opened) <= 2, opened
    window.actions["mark_approved"].trigger()  # the writer's log is no longer empty
    assert Path(f"{path}-wal").stat().st_size > 0
    with qtbot.waitSignal(window.export_finished, timeout=60_000) as finished:
        window.files.start_export(tmp_path / "corpus.jsonl", "jsonl")
    assert finished.args[0] is not None and not finished.args[0].cancelled
    window.actions["statistics"].trigger()  # reads through the same reader
    qtbot.waitUntil(lambda: window.review.stats_dialog.stats is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not window.background.busy, timeout=30_000)
    assert len(opened) == 2, opened  # one writer, one reader, and no check of its own
    assert "mode=ro" in opened[1]
