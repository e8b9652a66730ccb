"""The statistics dialog shows what `project.history.stats()` counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt

from editor_app.qt.labels import rule_name
from editor_app.qt.review.stats_view import StatsDialog, layout_bars
from editor_app.storage import Project, import_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def project(tmp_path):
    opened = Project.create(tmp_path / "stats.qingyang", editor="alice")
    import_paths(opened, [SEEDS], workers=1)
    ids = [row["id"] for row in opened.history.filtered_article_rows()[:3]]
    opened.articles.set_status(ids[0], "reviewed")
    opened.articles.set_status(ids[1], "approved")
    opened.editor = "bob"
    opened.articles.set_field(ids[2], "note", "待核")
    opened.db.execute(
        "UPDATE operations SET time = '2024-05-01T09:00:00.000+00:00' WHERE id = "
        "(SELECT max(id) FROM operations)"
    )
    yield opened
    opened.close()


@pytest.fixture
def dialog(qtbot, project):
    widget = StatsDialog(project)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def table_dict(table) -> dict[str, str]:
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_shows_the_counts(dialog, project):
    stats = project.history.stats()
    assert dialog.documents_label.text() == str(stats["documents"]) == "2"
    assert dialog.articles_label.text() == str(stats["articles"])
    assert dialog.reviewed_documents_label.text() == str(stats["documents_fully_reviewed"])
    by_status = {k: str(v) for k, v in stats["articles_by_status"].items()}
    assert table_dict(dialog.status_table) == by_status
    assert by_status["reviewed"] == "1" and by_status["approved"] == "1"
    assert table_dict(dialog.kind_table) == {
        k: str(v) for k, v in stats["articles_by_kind"].items()
    }
    rules = table_dict(dialog.suggestion_table)  # named as the suggestion panel names them
    assert rules == {rule_name(k): str(v) for k, v in stats["open_suggestions_by_rule"].items()}
    assert "join paragraphs" in rules and "join" not in rules


def test_changes_per_editor_per_day_as_table_and_chart(qtbot, dialog, project):
    table = dialog.changes_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Day", "alice", "bob"]
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in (1, 2)]
        for r in range(table.rowCount())
    }
    assert rows["2024-05-01"] == ["0", "1"]
    assert sum(int(alice) for alice, _ in rows.values()) == 2
    bars = {(bar.editor, bar.day): bar.count for bar in dialog.chart.bars()}
    assert bars[("bob", "2024-05-01")] == 1
    assert sum(c for (editor, _), c in bars.items() if editor == "alice") == 2
    assert not dialog.chart.grab().isNull()


def test_refresh_reads_again(qtbot, dialog, project):
    project.articles.set_status(project.history.filtered_article_rows()[5]["id"], "reviewed")
    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    assert table_dict(dialog.status_table)["reviewed"] == "2"


def test_bar_heights_scale_to_the_largest_count():
    bars = layout_bars({"a": {"d1": 4, "d2": 2}, "b": {"d1": 1}}, QRectF(0, 0, 100, 80))
    height = {(bar.editor, bar.day): bar.rect.height() for bar in bars}
    assert height[("a", "d1")] == 80
    assert height[("a", "d2")] == 40
    assert height[("b", "d1")] == 20
    assert height[("b", "d2")] == 0
    assert all(bar.rect.bottom() == 80 for bar in bars)


def test_empty_project_has_an_empty_chart(qtbot, tmp_path):
    with Project.create(tmp_path / "empty.qingyang", editor="alice") as empty:
        widget = StatsDialog(empty)
        qtbot.addWidget(widget)
        assert widget.documents_label.text() == "0"
        assert widget.chart.bars() == []
        assert not widget.chart.grab().isNull()  # paints its "no changes" text
