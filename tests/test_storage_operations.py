"""Every editing operation: its effect on the project, and its undo and redo."""

from __future__ import annotations

import pytest

from editor_app.storage import OperationError
from tests.conftest import assert_segments_cover, state_of

DOC = 1
# The seed document 1 under the stable segmenter: non-blank lines are the odd ones from 3,
# four per article, so A = 3–9, B = 11–17, C = 19–25.


def ids(project) -> tuple[int, int, int]:
    first, second, third = project.articles.rows(DOC)[:3]
    return first["id"], second["id"], third["id"]


def span(project, article_id) -> tuple[int, int]:
    article = project.articles.get(article_id)
    return article.start_line, article.end_line


def raw_lines(project, first: int, last: int) -> str:
    lines = project.documents.lines(DOC)
    return project.documents.raw_text(DOC)[lines[first - 1].start : lines[last - 1].end]


def line_text(project, number: int) -> str:
    return project.documents.lines(DOC)[number - 1].text


def edit_line(project, article_id: int, number: int, old: str, new: str) -> str:
    """Replace `old` by `new` in one line of an article's text; returns the edited line."""
    line = line_text(project, number)
    assert old in line
    edited = line.replace(old, new, 1)
    text = project.articles.get(article_id).corrected_text.replace(line, edited, 1)
    project.articles.replace_text(article_id, text)
    return edited


# -- undo and redo of every operation -------------------------------------------------------

OPERATIONS = {
    "split": lambda p, a, b, c: p.articles.split(a, 7),
    "merge_next": lambda p, a, b, c: p.articles.merge_with_next(a),
    "merge_previous": lambda p, a, b, c: p.articles.merge_with_previous(b),
    "move_down": lambda p, a, b, c: p.articles.move_boundary(b, 15),
    "move_up": lambda p, a, b, c: p.articles.move_boundary(b, 7),
    "set_role": lambda p, a, b, c: p.articles.set_role(DOC, 5, "byline"),
    "set_list": lambda p, a, b, c: p.articles.set_field(a, "reporters", ["赵紫楠", "季芳"]),
    "set_flag": lambda p, a, b, c: p.articles.set_field(a, "truncated", True),
    "set_title": lambda p, a, b, c: p.articles.set_field(a, "title", "新标题"),
    "replace_text": lambda p, a, b, c: p.articles.replace_text(a, "改过的正文"),
    "non_article_inside": lambda p, a, b, c: p.articles.mark_non_article(DOC, 5, 7, "boilerplate"),
    "non_article_across": lambda p, a, b, c: p.articles.mark_non_article(DOC, 7, 13, "noise"),
    "set_status": lambda p, a, b, c: p.articles.set_status(a, "reviewed"),
    "move_title": lambda p, a, b, c: p.articles.move_title_to_head(b, 11),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_undo_restores_and_redo_repeats(project, name):
    before = state_of(project)
    result = OPERATIONS[name](project, *ids(project))
    after = state_of(project)
    assert result.operation_id is not None and after != before
    assert project.undo.undo_label() == result.label

    assert project.undo.undo().label == result.label
    assert state_of(project) == before
    assert project.checks.problems() == []
    assert project.undo.redo_label() == result.label

    project.undo.redo()
    assert state_of(project) == after
    assert project.checks.problems() == []
    assert_segments_cover(project, DOC)


@pytest.mark.parametrize("name", OPERATIONS)
def test_every_operation_is_one_step_in_the_history(project, name):
    OPERATIONS[name](project, *ids(project))
    newest = project.undo.operations(limit=1, with_changes=True)[0]
    assert newest.editor == "tester"
    assert newest.changes
    assert project.undo.undo() is not None
    assert project.undo.undo() is None  # the seed import is no undo step


# -- what each operation does ---------------------------------------------------------------


def test_split_makes_two_articles_over_the_raw_lines(project):
    a, b, _ = ids(project)
    new_id = project.articles.split(a, 7).value
    assert span(project, a) == (3, 5)
    assert span(project, new_id) == (7, 9)
    assert project.articles.get(a).corrected_text == raw_lines(project, 3, 5)
    assert project.articles.get(new_id).corrected_text == raw_lines(project, 7, 9)
    assert project.articles.get(new_id).status == "edited"


def test_split_of_edited_text_slices_the_corrected_text(project):
    a, _, _ = ids(project)
    first = edit_line(project, a, 5, "主持", "主持会议")
    second = edit_line(project, a, 7, "(记者", "（记者")
    new_id = project.articles.split(a, 7).value
    assert project.articles.get(a).corrected_text == raw_lines(project, 3, 3) + "\n\n" + first
    assert project.articles.get(new_id).corrected_text.startswith(second + "\n")


@pytest.mark.parametrize("merge", ["next", "previous"])
def test_merge_joins_two_neighbours(project, merge):
    a, b, _ = ids(project)
    if merge == "next":
        project.articles.merge_with_next(a)
    else:
        project.articles.merge_with_previous(b)
    assert span(project, a) == (3, 17)
    assert project.articles.get(a).corrected_text == raw_lines(project, 3, 17)
    with pytest.raises(KeyError):
        project.articles.get(b)


def test_merge_keeps_the_corrections_of_both(project):
    a, b, _ = ids(project)
    first = edit_line(project, a, 9, "会议指出", "会议强调")
    second = edit_line(project, b, 11, "用好", "用足")
    project.articles.merge_with_next(a)
    text = project.articles.get(a).corrected_text
    assert first in text and second in text
    assert len(text) == len(raw_lines(project, 3, 17))


@pytest.mark.parametrize(
    ("new_start", "a_span", "b_span"), [(15, (3, 13), (15, 17)), (7, (3, 5), (7, 17))]
)
def test_move_boundary(project, new_start, a_span, b_span):
    a, b, _ = ids(project)
    project.articles.move_boundary(b, new_start)
    assert (span(project, a), span(project, b)) == (a_span, b_span)
    assert project.articles.get(a).corrected_text == raw_lines(project, *a_span)
    assert project.articles.get(b).corrected_text == raw_lines(project, *b_span)


def test_move_boundary_down_reslices_edited_text(project):
    """B gives its edited first lines to A: the correction travels with its line."""
    a, b, _ = ids(project)
    edited = edit_line(project, b, 13, "会议指出", "会议强调")
    project.articles.move_boundary(b, 15)
    assert project.articles.get(a).corrected_text == raw_lines(project, 3, 11) + "\n\n" + edited
    assert project.articles.get(b).corrected_text == raw_lines(project, 15, 17)


def test_move_boundary_up_reslices_edited_text(project):
    """B takes A's edited last lines: A keeps its other corrections, B gets the moved ones."""
    a, b, _ = ids(project)
    kept = edit_line(project, a, 5, "主持", "主持会议")
    moved = edit_line(project, a, 9, "会议指出", "会议强调")
    project.articles.move_boundary(b, 7)
    assert project.articles.get(a).corrected_text == raw_lines(project, 3, 3) + "\n\n" + kept
    expected_b = raw_lines(project, 7, 7) + "\n\n" + moved + "\n\n" + raw_lines(project, 11, 17)
    assert project.articles.get(b).corrected_text == expected_b


def test_move_boundary_of_first_article_gives_up_lines(project):
    a, _, _ = ids(project)
    project.articles.move_boundary(a, 5)
    assert span(project, a) == (5, 9)
    assert project.articles.get(a).corrected_text == raw_lines(project, 5, 9)


def test_set_role(project):
    project.articles.set_role(DOC, 5, "byline")
    assert project.documents.line_roles(DOC)[5] == "byline"


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("reporters", ["赵紫楠", "季芳"], ["赵紫楠", "季芳"]),
        ("reporters", "赵紫楠、季芳", ["赵紫楠", "季芳"]),
        ("correspondents", "张三 李四", ["张三", "李四"]),
        ("interns", [], []),
        ("truncated", True, True),
        ("truncated", "0", False),
        ("truncated", "否", False),
        ("truncated", "1", True),
        ("lost_text", 1, True),
        ("title", "新标题", "新标题"),
        ("kind", "commentary", "commentary"),
        ("note", "待核对", "待核对"),
    ],
)
def test_set_field(project, field, value, expected):
    a, _, _ = ids(project)
    project.articles.set_field(a, field, value)
    assert getattr(project.articles.get(a), field) == expected


def test_replace_text_and_back_to_raw_stores_nothing(project):
    a, _, _ = ids(project)
    project.articles.replace_text(a, "改过的正文")
    assert project.articles.get(a).corrected_text == "改过的正文"
    project.articles.replace_text(a, raw_lines(project, 3, 9))
    stored = project.db.execute("SELECT corrected_text FROM articles WHERE id = ?", [a])
    assert stored.fetchone()[0] is None


def test_mark_non_article_inside_one_article(project):
    a, _, _ = ids(project)
    marked = project.articles.mark_non_article(DOC, 5, 7, "boilerplate").value
    rows = [(r["start_line"], r["end_line"], r["kind"]) for r in project.articles.rows(DOC)[:3]]
    assert rows == [(3, 3, "news"), (5, 7, "boilerplate"), (9, 9, "news")]
    assert span(project, marked) == (5, 7)
    roles = project.documents.line_roles(DOC)
    assert (roles[5], roles[7], roles[9]) == ("boilerplate", "boilerplate", "body")
    assert_segments_cover(project, DOC)


def test_mark_non_article_across_two_articles(project):
    a, _, _ = ids(project)
    marked = project.articles.mark_non_article(DOC, 7, 13, "noise").value
    assert span(project, a) == (3, 5)
    assert span(project, marked) == (7, 13)
    assert project.articles.get(marked).kind == "noise"
    rows = [(r["start_line"], r["end_line"], r["kind"]) for r in project.articles.rows(DOC)[:3]]
    assert rows == [(3, 5, "news"), (7, 13, "noise"), (15, 17, "news")]
    assert_segments_cover(project, DOC)


def test_mark_non_article_of_edited_text_keeps_corrections_outside(project):
    a, _, _ = ids(project)
    kept = edit_line(project, a, 9, "会议指出", "会议强调")
    project.articles.mark_non_article(DOC, 5, 7, "boilerplate")
    tail = project.articles.at_line(DOC, 9)
    assert tail.corrected_text == kept


def test_set_status(project):
    a, _, _ = ids(project)
    project.articles.set_status(a, "reviewed")
    assert project.articles.get(a).status == "reviewed"


def test_move_title_to_head(project):
    a, b, _ = ids(project)
    project.articles.move_title_to_head(b, 11)
    assert span(project, b) == (9, 17)
    assert span(project, a) == (3, 7)
    assert project.articles.get(b).title == line_text(project, 11).strip()
    assert project.documents.line_roles(DOC)[11] == "title"


def test_group_is_one_undo_step(project):
    a, b, _ = ids(project)
    before = state_of(project)
    with project.group("group", "整理第一篇") as op:
        project.articles.set_field(a, "title", "新标题")
        project.articles.split(b, 15)
        project.articles.set_status(a, "reviewed")
    assert op.label == "整理第一篇"
    assert project.undo.undo_label() == "整理第一篇"
    project.undo.undo()
    assert state_of(project) == before
    assert project.undo.undo() is None


# -- status, errors -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["set_title", "set_list", "replace_text", "split", "move_up"])
def test_first_change_marks_proposed_as_edited(project, name):
    a, b, c = ids(project)
    assert project.articles.get(a).status == "proposed"
    OPERATIONS[name](project, a, b, c)
    assert project.articles.get(a).status == "edited"
    project.undo.undo()
    assert project.articles.get(a).status == "proposed"


def test_a_change_keeps_a_reviewed_status(project):
    a, _, _ = ids(project)
    project.articles.set_status(a, "reviewed")
    project.articles.set_field(a, "title", "新标题")
    assert project.articles.get(a).status == "reviewed"


def test_setting_a_field_to_its_value_logs_nothing(project):
    a, _, _ = ids(project)
    result = project.articles.set_field(a, "title", project.articles.get(a).title)
    assert result.operation_id is None
    assert project.undo.undo_label() is None


BAD_EDITS = {
    "split at a blank line": lambda p, a, b: p.articles.split(a, 4),
    "split at the first line": lambda p, a, b: p.articles.split(a, 3),
    "split outside": lambda p, a, b: p.articles.split(a, 13),
    "merge the last": lambda p, a, b: p.articles.merge_with_next(p.articles.rows(DOC)[-1]["id"]),
    "merge the first backwards": lambda p, a, b: p.articles.merge_with_previous(a),
    "move past the end": lambda p, a, b: p.articles.move_boundary(a, 11),
    "move onto the previous start": lambda p, a, b: p.articles.move_boundary(b, 3),
    "role of a blank line": lambda p, a, b: p.articles.set_role(DOC, 4, "title"),
    "role past the end": lambda p, a, b: p.articles.set_role(DOC, 100000, "title"),
    "unknown role": lambda p, a, b: p.articles.set_role(DOC, 3, "headline"),
    "unknown field": lambda p, a, b: p.articles.set_field(a, "corrected_text", "x"),
    "unknown status": lambda p, a, b: p.articles.set_status(a, "done"),
    "unknown kind": lambda p, a, b: p.articles.mark_non_article(DOC, 3, 5, "advert"),
    "blank span": lambda p, a, b: p.articles.mark_non_article(DOC, 4, 4, "noise"),
    "missing article": lambda p, a, b: p.articles.set_status(999999, "reviewed"),
}


@pytest.mark.parametrize("name", BAD_EDITS)
def test_a_bad_edit_is_refused_and_changes_nothing(project, name):
    a, b, _ = ids(project)
    before = state_of(project)
    with pytest.raises(OperationError) as raised:
        BAD_EDITS[name](project, a, b)
    assert str(project.path) in str(raised.value)
    assert state_of(project) == before
    assert project.undo.undo_label() is None


def test_a_failing_step_inside_a_group_rolls_the_whole_group_back(project):
    a, b, _ = ids(project)
    before = state_of(project)
    with pytest.raises(OperationError), project.group("group"):
        project.articles.set_field(a, "title", "新标题")
        project.articles.split(b, 12)  # a blank line
    assert state_of(project) == before
    assert project.undo.undo_label() is None
    assert project.undo.operations()[0].kind == "import"
