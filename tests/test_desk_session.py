"""The correction desk without a window: typed changes, navigation, commands, following."""

from __future__ import annotations

import pytest

from editor_app.desk import DeskSession
from editor_app.model.project_change import ProjectChange


@pytest.fixture
def desk(project):
    session = DeskSession(project)
    session.show_document(project.documents.ids()[0])
    session.select_article(session.segments[0]["id"])
    return session


def fresh_state(desk) -> tuple:
    """What reading the current document afresh gives: the desk must hold the same."""
    project, document = desk.project, desk.document_id
    return (
        project.articles.rows(document),
        project.documents.line_roles(document),
        [s.id for s in project.suggestions.find(document_id=document)],
    )


def desk_state(desk) -> tuple:
    return desk.segments, desk.roles, [s.id for s in desk.open_suggestions]


def nonblank_in(project, document, first, last) -> set[int]:
    lines = project.documents.lines(document)
    return {n for n in range(first, last + 1) if not lines[n - 1].is_blank}


def inner_line(desk, segment) -> int:
    """A non-blank line of a segment after its first: where it can be split."""
    lines = desk.project.documents.lines(desk.document_id)
    return next(
        n
        for n in range(segment["start_line"] + 1, segment["end_line"] + 1)
        if not lines[n - 1].is_blank
    )


# -- typed changes --------------------------------------------------------------------------


def test_a_split_names_the_new_article_and_the_shortened_one(desk):
    project, segment = desk.project, desk.segments[0]
    result = desk.split(inner_line(desk, segment))
    change = result.change
    assert isinstance(change, ProjectChange)
    assert change.articles_added == {result.value}
    assert change.articles_changed == {segment["id"]}
    assert not change.articles_removed and not change.line_roles
    assert change.documents == {desk.document_id}
    undone = project.undo.undo().change
    assert undone.articles_removed == {result.value}
    assert undone.articles_changed == {segment["id"]}
    assert undone.documents == {desk.document_id}
    redone = project.undo.redo().change
    assert redone.articles_added == {result.value}


def test_a_field_edit_names_one_article_and_its_review_state(desk):
    article = desk.article_id
    change = desk.set_field("title", "新的标题").change
    assert change.articles_changed == {article}
    assert change.reviews == {article}  # proposed became edited
    assert change.tables == {"articles"}
    again = desk.set_field("title", "又一个标题").change
    assert again.articles_changed == {article} and not again.reviews


def test_a_merge_names_the_article_it_removes(desk):
    first, second = desk.segments[0]["id"], desk.segments[1]["id"]
    change = desk.merge_next(desk.segments[0]["start_line"]).change
    assert change.articles_removed == {second}
    assert change.articles_changed == {first}
    assert first not in change.articles_removed and not change.articles_added


def test_a_rejected_suggestion_names_it_and_its_document(project):
    suggestion = project.suggestions.find()[0]
    change = project.suggestions.reject([suggestion.id]).change
    assert suggestion.id in change.suggestions
    assert change.documents == {suggestion.document_id}
    assert project.undo.undo().change.documents == {suggestion.document_id}


# -- roles over a range ---------------------------------------------------------------------


def test_roles_over_a_range_are_one_step_and_skip_blank_lines(desk):
    project, document = desk.project, desk.document_id
    steps = len(project.undo.operations())
    result = desk.set_role(1, 12, "subhead")
    expected = nonblank_in(project, document, 1, 12)
    assert result.change.roles_in(document) == expected
    assert len(project.undo.operations()) == steps + 1
    assert project.undo.undo_label() == "设置行角色"
    roles = project.documents.line_roles(document)
    assert {line for line, role in roles.items() if role == "subhead"} >= expected
    assert desk_state(desk) == fresh_state(desk)


def test_roles_outside_the_document_are_refused(desk):
    from editor_app.storage import OperationError

    length = len(desk.project.documents.lines(desk.document_id))
    with pytest.raises(OperationError):
        desk.project.articles.set_roles(desk.document_id, 1, length + 1, "body")
    with pytest.raises(OperationError):
        desk.project.articles.set_roles(desk.document_id, 1, 3, "headline")


# -- following changes ----------------------------------------------------------------------


def test_the_desk_follows_every_edit_as_a_fresh_read_would(desk):
    segment = desk.segments[1]
    desk.select_article(segment["id"])
    desk.split(inner_line(desk, segment))
    assert desk_state(desk) == fresh_state(desk)
    desk.merge_previous(desk.segments[1]["start_line"])
    assert desk_state(desk) == fresh_state(desk)
    assert desk.article_id is None  # merged away: the view chooses the article at its cursor
    desk.select_article(desk.segments[0]["id"])
    desk.move_boundary(desk.segments[1]["start_line"], +1)
    assert desk_state(desk) == fresh_state(desk)
    desk.mark_non_article(1, 3, "boilerplate")
    assert desk_state(desk) == fresh_state(desk)
    desk.set_field("kicker", "引题")
    assert desk_state(desk) == fresh_state(desk)
    if desk.open_suggestions:
        desk.accept_suggestion(desk.open_suggestions[0].id)
        assert desk_state(desk) == fresh_state(desk)
    for _ in range(3):
        desk.undo()
        assert desk_state(desk) == fresh_state(desk)
    desk.redo()
    assert desk_state(desk) == fresh_state(desk)


def test_an_edit_says_what_to_redraw(desk):
    article = desk.article_id
    desk.set_field("note", "待查")
    update = desk.last_update
    assert update.rows and update.article and update.documents == {desk.document_id}
    desk.set_role(5, 5, "noise")  # a body line: no heading field changes
    update = desk.last_update
    assert update.overlay and not update.rows and not update.article
    assert desk.roles[5] == "noise"
    desk.set_role(3, 3, "noise")  # the title line: the title field is emptied too
    update = desk.last_update
    assert update.overlay and update.article
    assert desk.article_id == article


def test_an_undo_in_another_document_says_to_show_that_document(desk):
    project = desk.project
    first, second = project.documents.ids()[:2]
    other = project.articles.rows(second)[0]["id"]
    project.articles.set_status(other, "reviewed")  # made elsewhere (the command line, a search)
    assert desk.follow(project.articles.set_status(other, "approved").change).document is None
    desk.undo()
    assert desk.last_update.document == second
    assert desk.document_id == first  # the view decides when to go there


def test_a_refused_command_changes_nothing(desk):
    desk.run = lambda *_args: None  # a runner that refused: read-only, busy
    assert desk.set_field("title", "不会保存") is None
    assert desk.reviewed_and_next() == (None, None)
    assert desk_state(desk) == fresh_state(desk)


# -- navigation -----------------------------------------------------------------------------


def test_next_and_previous_article_and_document(desk):
    project = desk.project
    first, second = project.documents.ids()[:2]
    assert desk.neighbour_article(+1) == desk.segments[1]
    assert desk.neighbour_article(-1) is None
    desk.select_article(desk.segments[-1]["id"])
    assert desk.neighbour_article(+1) is None
    assert desk.neighbour_document(+1) == second
    assert desk.neighbour_document(-1) is None
    desk.show_document(second)
    assert desk.neighbour_document(-1) == first
    assert desk.article_id is None and desk.segments == project.articles.rows(second)


def test_next_uncertain_goes_by_confidence_lowest_first_and_cycles(desk):
    confidences = [0.9, 0.3, 1.0, 0.5] + [1.0] * (len(desk.segments) - 4)
    desk.segments = [
        dict(row, confidence=value) for row, value in zip(desk.segments, confidences, strict=True)
    ]
    ids = [row["id"] for row in desk.segments]
    assert desk.next_uncertain()["id"] == ids[1]
    desk.select_article(ids[1])
    assert desk.next_uncertain()["id"] == ids[3]
    desk.select_article(ids[3])
    assert desk.next_uncertain()["id"] == ids[1]


def test_next_suggestion_goes_in_text_order(desk):
    if len(desk.open_suggestions) < 2:
        pytest.skip("the document has too few suggestions")
    ordered = sorted(desk.open_suggestions, key=lambda s: (s.start, s.id))
    assert desk.suggestion_from(ordered[0].start, +1) == ordered[0]  # the one at the cursor
    assert desk.suggestion_from(ordered[0].start, +1, passed=ordered[0]) == ordered[1]
    assert desk.suggestion_from(ordered[0].end, +1) == ordered[1]
    assert desk.suggestion_from(ordered[1].start, -1) == ordered[0]
    assert desk.suggestion_from(ordered[0].start, -1) is None


def test_reviewed_and_next_marks_and_moves_on(desk):
    project = desk.project
    ids = [row["id"] for row in project.history.filtered_article_rows()]
    desk.follow(project.articles.set_status(ids[1], "approved").change)
    desk.select_article(ids[0])
    result, following = desk.reviewed_and_next()
    assert result.operation_id is not None and result.change.reviews == {ids[0]}
    assert project.articles.get(ids[0]).status == "reviewed"
    assert following == ids[2]
    assert next(r for r in desk.segments if r["id"] == ids[0])["status"] == "reviewed"


def test_commands_go_through_the_given_runner(project):
    calls = []

    def run(operation, *args):
        calls.append((operation.__name__, args))
        return operation(*args)

    desk = DeskSession(project, run=run)
    desk.show_document(project.documents.ids()[0])
    article = desk.segments[0]["id"]
    desk.select_article(article)
    desk.set_status("approved")
    assert project.articles.get(article).status == "approved"
    assert calls == [("set_status", (article, "approved"))]


def test_review_of_an_issue_counts_and_marks_only_that_issue(desk):
    project, first = desk.project, desk.document_id
    other = project.documents.neighbour_id(first, +1)
    doubtful = desk.segments[2]["id"]
    project.db.execute("UPDATE articles SET confidence = 0.3 WHERE id = ?", [doubtful])
    desk.reload()
    before = desk.progress()
    assert (before.reviewed, before.uncertain) == (0, 1)
    assert before.open_suggestions == len(list(project.suggestions.find(document_id=first)))
    result = desk.mark_issue_reviewed()
    assert result.value == before.articles and result.change.reviews == desk.article_ids() & {
        row["id"] for row in desk.segments if row["kind"] not in ("boilerplate", "noise")
    }
    assert desk.progress().done and desk.progress().uncertain == 0
    assert {row["status"] for row in project.articles.rows(other)} == {"proposed"}
    desk.select_article(desk.segments[-1]["id"])
    assert desk.reviewed_and_next()[1] is None  # nothing left here; no other issue offered
