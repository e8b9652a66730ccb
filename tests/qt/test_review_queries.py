"""The reads behind the review widgets, without Qt: log pages, readable field changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.storage import Project, as_text, import_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def project(tmp_path):
    opened = Project.create(tmp_path / "queries.qingyang", editor="alice")
    import_paths(opened, [SEEDS], workers=1)
    yield opened
    opened.close()


def test_pages_cover_the_filtered_log_once(project):
    article_id = project.history.filtered_article_rows()[0]["id"]
    for number in range(7):
        project.editor = "alice" if number % 2 else "bob"
        project.articles.set_field(article_id, "note", f"第{number}稿")
    pages, before = [], None
    while True:
        page = project.history.entries(before_id=before, limit=3, editor="bob")
        if not page:
            break
        pages.append(page)
        before = page[-1].id
    ids = [op.id for page in pages for op in page]
    assert ids == [op.id for op in project.history.entries(editor="bob")]
    assert [len(p) for p in pages] == [3, 1]


def test_actions_and_titles(project):
    rows = project.history.filtered_article_rows()
    project.articles.set_status(rows[0]["id"], "reviewed")
    assert project.history.actions() == {"import": "导入文件", "set_status": "设置状态"}
    assert project.history.article_titles([rows[0]["id"], None, 10**6]) == {
        rows[0]["id"]: rows[0]["title"] or ""
    }


def test_a_raw_article_text_change_shows_the_raw_span_not_nothing(project):
    article = project.articles.get(project.history.filtered_article_rows()[0]["id"])
    raw = article.corrected_text  # still the raw span
    project.articles.replace_text(article.id, raw.replace("的", "之", 1))
    change = project.history.changes(project.history.entries(limit=1)[0].id)[0]
    text = next(f for f in project.history.field_changes(change) if f.column == "corrected_text")
    assert text.before == raw
    assert text.after == raw.replace("的", "之", 1)


def test_list_fields_read_as_names(project):
    article_id = project.history.filtered_article_rows()[0]["id"]
    project.articles.set_field(article_id, "reporters", ["柴福娟", "黄澳"])
    change = project.history.changes(project.history.entries(limit=1)[0].id)[0]
    reporters = next(f for f in project.history.field_changes(change) if f.column == "reporters")
    assert reporters.after == "柴福娟、黄澳"
    assert as_text(None) == "" and as_text("[未闭合") == "[未闭合"
