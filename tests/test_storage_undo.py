"""Undo and redo from the change log: across restarts, with a redo branch, in the history."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.storage.check import check_project
from editor_app.storage.errors import ReadOnlyProjectError
from editor_app.storage.project import Project
from tests.conftest import state_of

DOC = 1


def first_id(project) -> int:
    return project.article_rows(DOC)[0]["id"]


def reopen(project) -> Project:
    project.close()
    return Project.open(project.path, editor="tester", backups=False)


def test_undo_after_closing_and_reopening(project):
    a = first_id(project)
    before = state_of(project)
    project.split_article(a, 7)
    project.set_field(a, "title", "新标题")
    after = state_of(project)
    project = reopen(project)
    try:
        assert project.undo_label() == "修改字段"
        project.undo()
        project.undo()
        assert state_of(project) == before
        project = reopen(project)
        assert project.redo_label() == "拆分文章"
        project.redo()
        project.redo()
        assert state_of(project) == after
    finally:
        project.close()


def test_a_new_step_after_undo_drops_the_redo_branch_but_keeps_its_history(project):
    a = first_id(project)
    project.set_field(a, "title", "一")
    dropped = project.set_field(a, "title", "二").operation_id
    project.undo()
    assert project.redo_label() == "修改字段"
    project.set_status(a, "reviewed")

    assert project.redo_label() is None
    assert project.redo() is None
    logged = {op.id: op for op in project.operations()}
    assert logged[dropped].undone
    assert [op.kind for op in project.operations()[:3]] == ["do", "undo", "do"]
    project.undo()
    project.undo()
    assert project.article(a).title != "二"
    assert project.undo() is None


def test_undo_and_redo_are_logged_as_steps_of_their_own(project):
    a = first_id(project)
    done = project.set_status(a, "reviewed").operation_id
    project.undo()
    project.redo()
    newest = project.operations(limit=2)
    assert [(op.kind, op.target) for op in newest] == [("redo", done), ("undo", done)]
    assert all(op.editor == "tester" for op in newest)


def test_undoing_several_edits_of_one_field_passes_the_check(project):
    a = first_id(project)
    original = project.article(a).title
    for title in ("一", "二", "三"):
        project.set_field(a, "title", title)
    for _ in range(3):
        project.undo()
        assert check_project(project) == []
    assert project.article(a).title == original
    project.redo()
    assert project.article(a).title == "一"
    assert check_project(project) == []


def test_undo_replays_in_reverse_order(project):
    a = first_id(project)
    steps = [
        lambda: project.split_article(a, 7),
        lambda: project.mark_non_article(DOC, 7, 7, "noise"),
        lambda: project.merge_with_next(a),
        lambda: project.set_field(a, "title", "x"),
    ]
    states = []
    for step in steps:
        states.append(state_of(project))
        step()
    for expected in reversed(states):
        project.undo()
        assert state_of(project) == expected
    assert project.undo() is None


@pytest.mark.parametrize("step", ["undo", "redo"])
def test_read_only_project_refuses_undo_and_redo(project_file, step):
    with Project.open(project_file, editor="tester", backups=False) as project:
        project.set_status(first_id(project), "reviewed")
        if step == "redo":
            project.undo()
    with (
        Project.open(project_file, read_only=True) as project,
        pytest.raises(ReadOnlyProjectError),
    ):
        getattr(project.undo, step)()


def test_a_step_that_changes_nothing_keeps_the_redo_branch(project):
    a = first_id(project)
    project.set_field(a, "title", "新标题")
    project.undo()
    assert project.set_field(a, "title", project.article(a).title).operation_id is None
    assert project.redo_label() == "修改字段"
    project.redo()
    assert project.article(a).title == "新标题"


def test_every_result_names_the_documents_it_touched(tmp_path):
    """Views refresh from a result: a status change, its undo and its redo name the document."""
    from editor_app.storage.importer import import_paths
    from editor_app.storage.project import Project

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    with Project.create(tmp_path / "docs.qingyang", editor="t") as project:
        import_paths(project, [seeds], workers=1)
        second = project.document_ids()[1]
        article = project.articles(second)[0]
        assert project.set_status(article.id, "reviewed").document_ids == {second}
        assert project.undo().document_ids == {second}
        assert project.redo().document_ids == {second}


@pytest.mark.parametrize("step", ["undo", "redo"])
def test_undo_and_redo_still_work_after_an_import_in_between(tmp_path, step):
    """Ids are never handed out twice, so a row brought back by undo or redo has its own id."""
    from editor_app.storage.importer import import_paths
    from editor_app.storage.project import Project

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    with Project.create(tmp_path / "ids.qingyang", editor="t") as project:
        import_paths(project, [seeds / "004_353c17634c82fe70.txt"], workers=1)
        doc = project.document_ids()[0]
        before = [(a.id, a.start_line, a.end_line) for a in project.articles(doc)]
        if step == "undo":
            project.merge_with_next(before[-2][0])  # deletes the newest article row
        else:
            project.split_article(before[0][0], before[0][2])  # a new, newest row
            project.undo()
        import_paths(project, [seeds / "000_0568ddfa57c73b20.txt"], workers=1)
        getattr(project.undo, step)()
        after = [(a.id, a.start_line, a.end_line) for a in project.articles(doc)]
        if step == "undo":
            assert after == before
        else:
            assert len(after) == len(before) + 1
        from editor_app.storage.check import check_project

        assert check_project(project) == []
