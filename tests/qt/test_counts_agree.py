"""Articles and non-article segments are counted apart, alike in the window and the CLI,
and every table's rows add up to the figure it splits."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from tests.conftest import run_cli
from tests.qt.conftest import SEEDS, make_project, press
from tests.qt.keyboard import CTRL, SHIFT


def column_sum(table) -> int:
    return sum(int(table.item(row, 1).text()) for row in range(table.rowCount()))


def rows(table) -> dict[str, str]:
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_statistics_parts_add_up_and_match_info_and_stats(qtbot, window, tmp_path):
    path = make_project(tmp_path, *sorted(SEEDS.glob("*.txt")))
    assert window.open_project(path)
    qtbot.waitUntil(lambda: not window.background.busy, timeout=30_000)
    press(qtbot, window, Qt.Key.Key_R, CTRL)  # one article reviewed, the rest proposed
    press(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    dialog = window.review.stats_dialog
    qtbot.waitUntil(lambda: bool(dialog.stats) and dialog.refresh_button.isEnabled())

    articles = int(dialog.articles_label.text())
    non_articles = int(dialog.non_articles_label.text())
    assert non_articles > 0  # the seeds have a masthead and noise
    assert column_sum(dialog.status_table) == articles
    assert column_sum(dialog.kind_table) == articles
    assert column_sum(dialog.non_article_table) == non_articles
    assert rows(dialog.status_table)["reviewed"] == "1"
    assert set(rows(dialog.non_article_table)) <= {"boilerplate", "noise"}
    every = window.project.articles
    segments = [a for d in window.project.documents.ids() for a in every.of_document(d)]
    assert len(segments) == articles + non_articles

    info = json.loads(run_cli("info", path, "--json").stdout)
    stats = json.loads(run_cli("stats", path, "--json").stdout)
    for figures in (info, stats):
        assert figures["articles"] == articles
        assert figures["non_articles"] == non_articles
        assert figures["segments"] == len(segments)
        assert sum(figures["articles_by_status"].values()) == articles
        assert sum(figures["articles_by_kind"].values()) == articles
        assert sum(figures["non_articles_by_kind"].values()) == non_articles
    assert (
        info["articles_by_status"]
        == stats["articles_by_status"]
        == dialog.stats["articles_by_status"]
    )
    text = run_cli("info", path).stdout
    assert f"articles         {articles}" in text
    assert f"non-articles     {non_articles}" in text
    assert f"proposed     {articles - 1}" in text
