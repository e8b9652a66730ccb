"""A damaged project file in the window: a dialog naming the file and what to do, no crash."""

from __future__ import annotations

import sqlite3

from editor_app.storage.integrity import record_sound
from tests.qt.conftest import SEEDS, make_project


def critical(messages) -> list[tuple[str, str, str]]:
    return [m for m in messages if m[0] == "critical"]


def test_a_project_whose_schema_was_damaged_is_refused(window, messages, tmp_path):
    path = make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt")
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE line_roles")
    conn.close()
    assert not window.open_project(path)
    [(_, _title, text)] = critical(messages)
    assert str(path) in text and "line_roles" in text
    assert "check" in text and "restore" in text
    assert window.project is None


def test_damage_the_opening_check_trusted_is_a_dialog(window, messages, tmp_path):
    path = make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE articles SET title = CAST(x'e6b0ff' AS TEXT)")
    conn.close()
    record_sound(path)  # as if the damage came after the last check, unseen
    assert not window.open_project(path)
    [(_, title, text)] = critical(messages)
    assert "Cannot open" in title and str(path) in text and "damaged" in text
    assert window.project is None


def test_a_write_that_meets_damage_says_what_to_do(window, messages, tmp_path, monkeypatch):
    path = make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt")
    assert window.open_project(path)
    before = window.project.articles.rows(window.document_id)

    def failing(*_args, **_kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(window.project.articles, "split", failing)
    window.raw_view.go_to_lines(before[0]["end_line"])
    window.actions["split"].trigger()
    [(_, _title, text)] = critical(messages)
    assert str(path) in text and "damaged" in text and "check" in text
    assert window.project.articles.rows(window.document_id) == before
