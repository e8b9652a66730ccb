"""In the window: the form's heading fields, the line roles and the text are one fact."""

from __future__ import annotations

from editor_app.storage import Project
from tests.conftest import run_cli
from tests.qt.conftest import SEEDS, make_project
from tests.qt.keyboard import KeyboardEditor

FIRST = SEEDS / "000_0568ddfa57c73b20.txt"
TITLE_LINE = 89  # `潮县镇:“敲门招商”促发展`
WRONG, RIGHT = "潮县镇", "漷县镇"


def on_title_line(suggestions, before: str) -> int:
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
    keys.accept_suggestion(on_title_line(open_ones, ":"))
    keys.accept_suggestion(on_title_line(open_ones, WRONG))
    assert window.project.articles.get(article).text.startswith("漷县镇：")
    assert title.text() == "漷县镇：“敲门招商”促发展"
    assert window.project.articles.get(article).title == "漷县镇：“敲门招商”促发展"
    keys.undo()
    assert title.text() == "潮县镇：“敲门招商”促发展"


def roles_at(window, *lines: int) -> list[str | None]:
    found = window.project.documents.line_roles_at(1, lines)
    return [found[line] for line in lines]


def test_role_keys_fill_and_empty_the_heading_fields(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST))
    keys = KeyboardEditor(qtbot, window)
    keys.select_article_at(TITLE_LINE)
    title, subtitle = window.form.edits["title"], window.form.edits["subtitle"]
    keys.set_role(TITLE_LINE, "body")
    assert title.text() == ""
    keys.set_role(TITLE_LINE, "title")
    assert title.text() == "潮县镇:“敲门招商”促发展"
    keys.set_role(TITLE_LINE + 2, "subtitle")
    assert subtitle.text().startswith("本报讯")
    keys.fill_field("subtitle", "")
    assert roles_at(window, TITLE_LINE + 2) == ["body"]
    keys.go_to(TITLE_LINE)  # Ctrl+Z in the field would undo its typing only
    keys.undo()
    assert subtitle.text().startswith("本报讯")
    assert roles_at(window, TITLE_LINE + 2) == ["subtitle"]


def test_a_typed_title_corrects_its_line_and_a_merge_demotes_it(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST))
    keys = KeyboardEditor(qtbot, window)
    article = keys.select_article_at(TITLE_LINE)
    keys.fill_field("title", "漷县镇：“敲门招商”促发展")
    assert window.text_pane.editor.toPlainText().startswith("漷县镇：“敲门招商”促发展\n")
    keys.merge_with_previous(TITLE_LINE)
    assert window.project.articles.at_line(1, TITLE_LINE).id != article
    assert roles_at(window, TITLE_LINE) == ["body"]


def listed(window) -> list[tuple[str, str]]:
    return [(s.rule, s.before) for s in window.suggestion_panel.model.items if s.line == TITLE_LINE]


def test_one_listed_suggestion_per_fix_and_none_over_changed_text(qtbot, window, tmp_path):
    path = make_project(tmp_path, FIRST)
    with Project.open(path, editor="tester", backups=False) as project:
        project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    assert window.open_project(path)
    keys = KeyboardEditor(qtbot, window)
    keys.select_article_at(TITLE_LINE)
    assert ("dictionary", WRONG) in listed(window)
    assert ("lookalike", "潮") not in listed(window)
    assert ("punctuation", ":") in listed(window)
    keys.delete_in_text(3, 1)  # the colon the punctuation rule would convert
    assert ("punctuation", ":") not in listed(window)
    keys.go_to(TITLE_LINE)
    keys.undo()
    assert ("punctuation", ":") in listed(window)


def test_typing_over_the_title_line_in_the_text_corrects_the_title(qtbot, window, tmp_path):
    path = make_project(tmp_path, FIRST)
    assert window.open_project(path)
    keys = KeyboardEditor(qtbot, window)
    article = keys.select_article_at(TITLE_LINE)
    title = window.form.edits["title"]
    assert title.text() == "潮县镇:“敲门招商”促发展"
    keys.delete_in_text(len("潮县镇:“"), 1)  # 敲
    assert window.project.articles.get(article).text.startswith("潮县镇:“门招商”")
    assert title.text() == "潮县镇:“门招商”促发展"
    assert window.project.articles.get(article).title == "潮县镇:“门招商”促发展"
    keys.undo()
    assert title.text() == "潮县镇:“敲门招商”促发展"
    window.close_project()
    # the command line's whole-text replacement keeps the title in step the same way
    with Project.open(path, editor="tester", backups=False) as project:
        text = project.articles.get(article).text.replace("敲门招商", "登门招商", 1)
    (tmp_path / "text.txt").write_text(text, encoding="utf-8")
    done = run_cli("edit", str(path), "text", str(article), str(tmp_path / "text.txt"))
    assert done.returncode == 0, done.stderr
    with Project.open(path, editor="tester", backups=False) as project:
        assert project.articles.get(article).title == "潮县镇:“登门招商”促发展"
