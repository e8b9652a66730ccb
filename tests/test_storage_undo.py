"""Undo and redo from the change log: across restarts, with a redo branch, in the history."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.storage import Project, ReadOnlyProjectError
from tests.conftest import state_of

DOC = 1


def first_id(project) -> int:
    return project.articles.rows(DOC)[0]["id"]


def reopen(project) -> Project:
    project.close()
    return Project.open(project.path, editor="tester", backups=False)


def test_undo_after_closing_and_reopening(project):
    a = first_id(project)
    before = state_of(project)
    project.articles.split(a, 7)
    project.articles.set_field(a, "title", "新标题")
    after = state_of(project)
    project = reopen(project)
    try:
        assert project.undo.undo_label() == "修改字段"
        project.undo.undo()
        project.undo.undo()
        assert state_of(project) == before
        project = reopen(project)
        assert project.undo.redo_label() == "拆分文章"
        project.undo.redo()
        project.undo.redo()
        assert state_of(project) == after
    finally:
        project.close()


def test_a_new_step_after_undo_drops_the_redo_branch_but_keeps_its_history(project):
    a = first_id(project)
    project.articles.set_field(a, "title", "一")
    dropped = project.articles.set_field(a, "title", "二").operation_id
    project.undo.undo()
    assert project.undo.redo_label() == "修改字段"
    project.articles.set_status(a, "reviewed")

    assert project.undo.redo_label() is None
    assert project.undo.redo() is None
    logged = {op.id: op for op in project.undo.operations()}
    assert logged[dropped].undone
    assert [op.kind for op in project.undo.operations()[:3]] == ["do", "undo", "do"]
    project.undo.undo()
    project.undo.undo()
    assert project.articles.get(a).title != "二"
    assert project.undo.undo() is None


def test_undo_and_redo_are_logged_as_steps_of_their_own(project):
    a = first_id(project)
    done = project.articles.set_status(a, "reviewed").operation_id
    project.undo.undo()
    project.undo.redo()
    newest = project.undo.operations(limit=2)
    assert [(op.kind, op.target) for op in newest] == [("redo", done), ("undo", done)]
    assert all(op.editor == "tester" for op in newest)


def test_undoing_several_edits_of_one_field_passes_the_check(project):
    a = first_id(project)
    original = project.articles.get(a).title
    for title in ("一", "二", "三"):
        project.articles.set_field(a, "title", title)
    for _ in range(3):
        project.undo.undo()
        assert project.checks.problems() == []
    assert project.articles.get(a).title == original
    project.undo.redo()
    assert project.articles.get(a).title == "一"
    assert project.checks.problems() == []


def test_undo_replays_in_reverse_order(project):
    a = first_id(project)
    steps = [
        lambda: project.articles.split(a, 7),
        lambda: project.articles.mark_non_article(DOC, 7, 7, "noise"),
        lambda: project.articles.merge_with_next(a),
        lambda: project.articles.set_field(a, "title", "x"),
    ]
    states = []
    for step in steps:
        states.append(state_of(project))
        step()
    for expected in reversed(states):
        project.undo.undo()
        assert state_of(project) == expected
    assert project.undo.undo() is None


@pytest.mark.parametrize("step", ["undo", "redo"])
def test_read_only_project_refuses_undo_and_redo(project_file, step):
    with Project.open(project_file, editor="tester", backups=False) as project:
        project.articles.set_status(first_id(project), "reviewed")
        if step == "redo":
            project.undo.undo()
    with (
        Project.open(project_file, read_only=True) as project,
        pytest.raises(ReadOnlyProjectError),
    ):
        getattr(project.undo, step)()


def test_a_step_that_changes_nothing_keeps_the_redo_branch(project):
    a = first_id(project)
    project.articles.set_field(a, "title", "新标题")
    project.undo.undo()
    assert (
        project.articles.set_field(a, "title", project.articles.get(a).title).operation_id is None
    )
    assert project.undo.redo_label() == "修改字段"
    project.undo.redo()
    assert project.articles.get(a).title == "新标题"


def test_every_result_names_the_documents_it_touched(tmp_path):
    """Views refresh from a result: a status change, its undo and its redo name the document."""
    from editor_app.storage import Project, import_paths

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    with Project.create(tmp_path / "docs.qingyang", editor="t") as project:
        import_paths(project, [seeds], workers=1)
        second = project.documents.ids()[1]
        article = project.articles.of_document(second)[0]
        assert project.articles.set_status(article.id, "reviewed").document_ids == {second}
        assert project.undo.undo().document_ids == {second}
        assert project.undo.redo().document_ids == {second}


@pytest.mark.parametrize("step", ["undo", "redo"])
def test_undo_and_redo_still_work_after_an_import_in_between(tmp_path, step):
    """Ids are never handed out twice, so a row brought back by undo or redo has its own id."""
    from editor_app.storage import Project, import_paths

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    with Project.create(tmp_path / "ids.qingyang", editor="t") as project:
        import_paths(project, [seeds / "004_353c17634c82fe70.txt"], workers=1)
        doc = project.documents.ids()[0]
        before = [(a.id, a.start_line, a.end_line) for a in project.articles.of_document(doc)]
        if step == "undo":
            project.articles.merge_with_next(before[-2][0])  # deletes the newest article row
        else:
            project.articles.split(before[0][0], before[0][2])  # a new, newest row
            project.undo.undo()
        import_paths(project, [seeds / "000_0568ddfa57c73b20.txt"], workers=1)
        getattr(project.undo, step)()
        after = [(a.id, a.start_line, a.end_line) for a in project.articles.of_document(doc)]
        if step == "undo":
            assert after == before
        else:
            assert len(after) == len(before) + 1

        assert project.checks.problems() == []
