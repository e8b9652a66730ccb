"""Review filters for the article list (the shortcuts: tests/test_desk_session.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor_app.qt.review.review_filters import ReviewFilterBar
from editor_app.storage import Project, import_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def project(tmp_path):
    opened = Project.create(tmp_path / "filters.qingyang", editor="alice")
    import_paths(opened, [SEEDS], workers=1)
    yield opened
    opened.close()


def ordered_ids(project) -> list[int]:
    return [row["id"] for row in project.history.filtered_article_rows()]


def test_filter_bar_emits_the_ids_of_each_filter(qtbot, project):
    ids = ordered_ids(project)
    project.articles.set_status(ids[0], "reviewed")
    project.editor = "bob"
    project.articles.set_field(ids[3], "note", "查")
    bar = ReviewFilterBar(project)
    qtbot.addWidget(bar)
    bar.show()
    with qtbot.waitSignal(bar.articles_filtered) as signal:
        bar.set_mode("not_reviewed")
    assert signal.args[0] == [i for i in ids if i != ids[0]]
    with qtbot.waitSignal(bar.articles_filtered) as signal:
        bar.set_mode("changed_by")
    assert bar.editor_combo.isVisible() and not bar.threshold_spin.isVisible()
    by_editor = {bar.editor_combo.itemText(i) for i in range(bar.editor_combo.count())}
    assert by_editor == {"alice", "bob"}
    with qtbot.waitSignal(bar.articles_filtered) as signal:
        bar.editor_combo.setCurrentIndex(bar.editor_combo.findText("bob"))
    assert signal.args[0] == [ids[3]]
    bar.editor_combo.setCurrentIndex(bar.editor_combo.findText("alice"))
    assert bar.article_ids() == [ids[0]]


def test_filter_bar_uncertain_and_document_scope(qtbot, project):
    rows = project.history.filtered_article_rows()
    threshold = sorted(r["confidence"] for r in rows)[len(rows) // 2]
    bar = ReviewFilterBar(project)
    qtbot.addWidget(bar)
    bar.show()
    bar.set_mode("uncertain")
    assert bar.threshold_spin.isVisible()
    with qtbot.waitSignal(bar.articles_filtered) as signal:
        bar.threshold_spin.setValue(round(threshold, 2))
    expected = [r["id"] for r in rows if r["confidence"] < round(threshold, 2)]
    assert signal.args[0] == expected
    bar.set_mode("all")
    document_id = rows[0]["document_id"]
    with qtbot.waitSignal(bar.articles_filtered) as signal:
        bar.set_document(document_id)
    assert signal.args[0] == [r["id"] for r in rows if r["document_id"] == document_id]


def test_filter_bar_mode_from_the_keyboard(qtbot, project):
    bar = ReviewFilterBar(project)
    qtbot.addWidget(bar)
    bar.show()
    bar.mode_combo.setFocus()
    with qtbot.waitSignal(bar.articles_filtered) as signal:
        qtbot.keyClick(bar.mode_combo, Qt.Key.Key_Down)
    assert bar.mode() == "not_reviewed"
    assert signal.args[0] == ordered_ids(project)
