"""In the window: the form's heading fields, the line roles and the text are one fact."""

from __future__ import annotations

from editor_app.storage import Project
from tests.qt.conftest import SEEDS, make_project
from tests.qt.keyboard import KeyboardEditor

FIRST = SEEDS / "000_0568ddfa57c73b20.txt"
TITLE_LINE = 89  # `潮县镇:“敲门招商”促发展`
WRONG, RIGHT = "潮县镇", "漷县镇"


def on_title_line(window, suggestions, before: str) -> int:
    found = [s.id for s in suggestions if s.line == TITLE_LINE and s.before == before]
    assert found, f"no suggestion for {before!r} on the title line"
    return found[0]


def test_accepting_fixes_of_the_title_line_fixes_the_title_field(qtbot, window, tmp_path):
    path = make_project(tmp_path, FIRST)
    with Project.open(path, editor="tester", backups=False) as project:
        project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    assert window.open_project(path)
    keys = KeyboardEditor(qtbot, window)
    article = keys.select_article_at(TITLE_LINE)
    title = window.form.edits["title"]
    assert title.text() == "潮县镇:“敲门招商”促发展"
    open_ones = window.project.suggestions.find(document_id=1)
    keys.accept_suggestion(on_title_line(window, open_ones, ":"))
    keys.accept_suggestion(on_title_line(window, open_ones, WRONG))
    assert window.project.articles.get(article).text.startswith("漷县镇：")
    assert title.text() == "漷县镇：“敲门招商”促发展"
    assert window.project.articles.get(article).title == "漷县镇：“敲门招商”促发展"
    keys.undo()
    assert title.text() == "潮县镇：“敲门招商”促发展"
