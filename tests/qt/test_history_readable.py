"""A copy editor's history in the real window: who, when, what, on which article, by title.

Accept a rule's suggestions in one step, reject one suggestion, edit a title, open the
history: the rows name the articles by title and say what changed, the rule's step is
one summary that expands to its suggestions, the columns show their contents whole and
the dock opens tall enough to read. The `history` command says the same.
"""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtCore import Qt

from editor_app.storage import Project
from tests.qt.conftest import ROOT, make_project, press
from tests.qt.keyboard import CTRL, SHIFT, KeyboardEditor
from tests.qt.test_review_in_window import FIRST, wait_idle

NEW_TITLE = "新的标题"


def click_suggestion(qtbot, window, suggestion_id: int) -> None:
    panel = window.suggestion_panel
    index = panel.model.index(panel.model.row_of(suggestion_id))
    panel.list.scrollTo(index)
    rect = panel.list.visualRect(index)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.current().id == suggestion_id


def open_suggestions(window, rule: str) -> list:
    return [
        s for s in window.project.suggestions.find(document_id=window.document_id) if s.rule == rule
    ]


def a_day_at_the_desk(qtbot, window) -> dict:
    """The three steps, by keys; what the history should then say about them."""
    project = window.project
    article = project.articles.get(window.article_id)
    listed = {s.id for s in window.suggestion_panel.model.items}
    punctuation = [s for s in open_suggestions(window, "punctuation")]
    lookalike = next(s for s in open_suggestions(window, "lookalike") if s.id in listed)
    click_suggestion(qtbot, window, next(s.id for s in punctuation if s.id in listed))
    press(qtbot, window, Qt.Key.Key_F9, CTRL)  # accept all of this rule in the document
    click_suggestion(qtbot, window, lookalike.id)
    press(qtbot, window, Qt.Key.Key_F9, SHIFT)  # reject this one
    KeyboardEditor(qtbot, window).fill_field("title", NEW_TITLE)
    assert project.articles.get(article.id).title == NEW_TITLE
    return {"article": article, "punctuation": len(punctuation), "lookalike": lookalike}


def texts(model, row: int, parent=None) -> list[str]:
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    return [model.index(row, column, parent).data() or "" for column in range(5)]


def test_the_history_reads_as_who_when_what_and_which_article(qtbot, window, tmp_path):
    path = make_project(tmp_path, FIRST)
    assert window.open_project(path)
    wait_idle(qtbot, window)
    day = a_day_at_the_desk(qtbot, window)
    document = FIRST.name
    old_title = day["article"].title

    press(qtbot, window, Qt.Key.Key_H, CTRL | SHIFT)
    assert window.history_dock.isVisible()
    pane = window.history_pane
    model = pane.model
    # the article's own history holds all three: the rejection is logged on its article
    assert pane.current_filters()["article_id"] == day["article"].id
    actions = [model.operation(row).action for row in range(3)]
    assert actions == ["set_field", "reject", "accept"]
    window.history_whole_project.setChecked(True)

    # the title edit: who, when, what, the article by its title, the field old → new
    editor, when, what, target, change = texts(model, 0)
    assert (editor, what) == ("tester", "change field")
    assert when[:4].isdigit() and len(when) == 19
    assert target == f"{document} › {NEW_TITLE}"
    assert change == f"title: {old_title} → {NEW_TITLE} (2 items)"  # and its line in the text

    # the rejection: on its article, never "whole project"; the text in context
    lookalike = day["lookalike"]
    _, _, what, target, change = texts(model, 1)
    assert what == "reject 1 look-alike suggestions"
    assert target == f"{document} › {NEW_TITLE}"
    assert (
        change.startswith("look-alike: ") and f"〔{lookalike.before}→{lookalike.after}〕" in change
    )

    # the rule: one summary by rule and count, on the document's articles by title
    count = day["punctuation"]
    _, _, what, target, change = texts(model, 2)
    assert what == f"accept {count} punctuation suggestions"
    assert target.startswith(f"{document} › {NEW_TITLE} and ") and target.endswith(" more articles")
    assert (
        change.startswith("punctuation: ") and "〔" in change and f"({count} items)" not in change
    )
    rule_row = model.index(2, 0)
    assert model.hasChildren(rule_row) and model.rowCount(rule_row) == 0  # read when opened
    pane.table.expand(rule_row)
    items = [texts(model, row, rule_row) for row in range(model.rowCount(rule_row))]
    suggestions = [item for item in items if item[4].startswith("punctuation: ")]
    assert len(suggestions) == count
    assert all("→" in item[4] and "…" not in item[4][:14] for item in suggestions)
    titles = {item[3] for item in suggestions}
    assert NEW_TITLE in titles and "whole project" not in titles and "" not in titles
    assert not any("Suggestion " in item[4] or "open→accepted" in item[4] for item in items)

    # selecting one item shows its diff alone, by the article's title
    pane.table.setCurrentIndex(model.index(0, 0, rule_row))
    shown = pane.diff_view.toPlainText()
    assert "punctuation" in shown and suggestions[0][3] in shown and "Suggestion" not in shown

    # columns: each as wide as its contents, no empty column, the last one stretching
    tree = pane.table
    for column in range(4):
        assert tree.columnWidth(column) >= tree.sizeHintForColumn(column) > 0, column
    assert tree.header().stretchLastSection()
    for column in range(5):
        assert any(texts(model, row)[column] for row in range(3)), column

    # the dock opens tall: a dozen changes or a third of the window
    rows_shown = tree.viewport().height() // tree.sizeHintForRow(0)
    assert rows_shown >= 12 or window.history_dock.height() >= window.height() // 3
    assert window.history_dock.height() >= window.height() // 3 - 10

    # the command line says the same, word for word, as the window in Chinese
    window.switch_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.history_dock.windowTitle() == "修改历史")
        shown = [texts(model, row) for row in range(3)]
    finally:
        window.switch_language("en")
    listed = run_history(path, "--json", "--limit", "3")
    assert [[e["summary"], e["on"], e["detail"]] for e in listed] == [
        [row[2], row[3], row[4]] for row in shown
    ]
    assert listed[2]["groups"] == [{"rule": "punctuation", "status": "accepted", "count": count}]
    assert listed[1]["on"] == f"{document} › 《{NEW_TITLE}》"
    assert shown[2][2] == f"接受 {count} 条标点全角建议"
    lines = run_history(path, "--limit", "3")
    assert lines[0].split(" · ")[2:] == [shown[0][2], shown[0][3], shown[0][4]]


def run_history(path, *options) -> list:
    done = subprocess.run(
        [sys.executable, "-m", "editor_app", "history", str(path), *options],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    if "--json" in options:
        return [json.loads(line) for line in done.stdout.splitlines()]
    return done.stdout.splitlines()


def test_an_articles_history_names_its_dictionary_fix_and_says_when_it_has_none(
    qtbot, window, tmp_path
):
    """A dictionary entry changes the suggestions on an article's lines, not its row: the
    article's history still lists it, in words; an untouched article's history says so."""
    path = make_project(tmp_path, FIRST)
    with Project.open(path, editor="tester", backups=False) as project:
        project.suggestions.add_dictionary_entry("潮县镇", "漷县镇")
    assert window.open_project(path)
    wait_idle(qtbot, window)
    project = window.project
    article = project.articles.at_line(window.document_id, WRONG_TITLE_LINE)
    window.review.go_to_article(article.id)
    press(qtbot, window, Qt.Key.Key_H, CTRL | SHIFT)
    pane, model = window.history_pane, window.history_pane.model
    assert pane.current_filters()["article_id"] == article.id
    assert model.rowCount() == 1
    what = texts(model, 0)[2]
    assert "merge 5 look-alike" in what and "superseded" not in what
    untouched = next(
        row["id"]
        for row in project.articles.rows(window.document_id)
        if row["id"] != article.id and not run_history(path, "--article", str(row["id"]))
    )
    window.review.go_to_article(untouched)
    qtbot.waitUntil(lambda: pane.current_filters()["article_id"] == untouched)
    assert model.rowCount() == 0
    assert pane.diff_view.toPlainText() == "No changes to this article yet."
    window.history_whole_project.setChecked(True)
    assert model.rowCount() == 2 and pane.diff_view.toPlainText() == ""
    lines = run_history(path, "--article", str(article.id))
    assert len(lines) == 1 and "并入 5 条形近字建议" in lines[0]


WRONG_TITLE_LINE = 89  # `潮县镇:“敲门招商”促发展`: 潮 is read as a look-alike of 漷
