"""Accepting and rejecting suggestions, and the project dictionary, with undo."""

from __future__ import annotations

import pytest

from editor_app.storage import OperationError
from tests.conftest import state_of

WRONG, RIGHT = "孟景伟", "孟景伟同志"  # a name both seed issues print


def texts(project) -> dict[int, str]:
    return {
        article.id: article.corrected_text
        for doc_id in project.documents.ids()
        for article in project.articles.of_document(doc_id)
    }


def busiest_rule(project) -> str:
    counts = project.suggestions.counts()
    if not counts:
        pytest.skip("the cleanup rules propose nothing for the seeds today")
    return max(counts, key=counts.get)


def test_accepting_a_rule_then_undo_gives_the_text_back_byte_for_byte(project):
    rule = busiest_rule(project)
    before_texts = texts(project)
    before = state_of(project)
    result = project.suggestions.accept(rule=rule)
    assert result.value > 0
    assert texts(project) != before_texts
    assert (
        project.suggestions.find(rule=rule) == []
    )  # each is accepted, or stale when it no longer fits
    project.undo.undo()
    assert texts(project) == before_texts
    assert state_of(project) == before
    project.undo.redo()
    assert project.checks.problems() == []


def test_dictionary_entry_is_suggested_and_applied_across_documents(project):
    before_texts = texts(project)
    added = project.suggestions.add_dictionary_entry(WRONG, RIGHT, "全称")
    found = project.suggestions.find(rule="dictionary")
    assert added.value == len(found) > 0
    assert {s.document_id for s in found} == set(project.documents.ids())
    assert all((s.before, s.after) == (WRONG, RIGHT) for s in found)
    assert all(project.documents.raw_text(s.document_id)[s.start : s.end] == WRONG for s in found)
    assert found[0].reason and WRONG in found[0].reason

    accepted = project.suggestions.accept(pattern=f"{WRONG}→{RIGHT}")
    assert accepted.value == len(found)
    changed = texts(project)
    for doc_id in project.documents.ids():
        joined = "".join(a.corrected_text for a in project.articles.of_document(doc_id))
        assert RIGHT in joined
        assert joined.count(WRONG) == joined.count(RIGHT)
    assert project.suggestions.find(rule="dictionary") == []

    project.undo.undo()
    assert texts(project) == before_texts
    project.undo.redo()
    assert texts(project) == changed


def test_adding_a_dictionary_entry_is_one_undo_step(project):
    before = state_of(project)
    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    assert project.undo.undo_label().startswith("词典")
    project.undo.undo()
    assert state_of(project) == before
    assert project.suggestions.dictionary() == []


def test_removing_an_entry_drops_its_open_suggestions(project):
    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    project.suggestions.remove_dictionary_entry(WRONG)
    assert project.suggestions.dictionary() == []
    assert project.suggestions.find(rule="dictionary") == []
    project.undo.undo()
    assert len(project.suggestions.find(rule="dictionary")) > 0


@pytest.mark.parametrize(("wrong", "right"), [("", "x"), ("同", "同")], ids=["empty", "same"])
def test_bad_dictionary_entries(project, wrong, right):
    with pytest.raises(OperationError):
        project.suggestions.add_dictionary_entry(wrong, right)


def test_a_second_entry_for_the_same_word_is_refused(project):
    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    before = state_of(project)
    with pytest.raises(OperationError, match="already"):
        project.suggestions.add_dictionary_entry(WRONG, "别的")
    assert state_of(project) == before


def test_accept_lands_right_after_other_edits_of_the_article(project):
    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    target = project.suggestions.find(rule="dictionary")[0]
    article = project.articles.at_line(target.document_id, target.line)
    edited = "【编者按】" + article.corrected_text
    project.articles.replace_text(article.id, edited)
    project.suggestions.accept([target.id])
    text = project.articles.get(article.id).corrected_text
    assert text.startswith("【编者按】")
    position = edited.index(WRONG)
    assert text == edited[:position] + RIGHT + edited[position + len(WRONG) :]


def test_a_suggestion_edited_away_becomes_stale(project):
    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    target = project.suggestions.find(rule="dictionary")[0]
    article = project.articles.at_line(target.document_id, target.line)
    project.articles.replace_text(article.id, article.corrected_text.replace(WRONG, "某人"))
    result = project.suggestions.accept([target.id])
    assert result.value == 0
    (stale,) = project.suggestions.find(ids=[target.id], status="stale")
    assert stale.id == target.id


def test_reject_then_undo_reopens(project):
    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    found = project.suggestions.find(rule="dictionary")
    before_texts = texts(project)
    result = project.suggestions.reject(rule="dictionary")
    assert result.value == len(found)
    assert project.suggestions.find(rule="dictionary") == []
    assert len(project.suggestions.find(rule="dictionary", status="rejected")) == len(found)
    assert texts(project) == before_texts
    project.undo.undo()
    assert len(project.suggestions.find(rule="dictionary")) == len(found)


def test_accept_needs_to_be_told_which(project):
    with pytest.raises(OperationError, match="say which"):
        project.suggestions.accept()


def test_new_imports_get_the_dictionary(project, tmp_path):
    from editor_app.storage import import_paths

    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    page = tmp_path / "new-page.txt"
    page.write_text(f"标题\n\n{WRONG}主持会议。", encoding="utf-8")
    ((_, doc_id),) = import_paths(project, [page], workers=1).imported
    assert [s.before for s in project.suggestions.find(document_id=doc_id, rule="dictionary")] == [
        WRONG
    ]


def test_a_bracket_pair_is_accepted_and_rejected_together(tmp_path):
    from editor_app.storage import Project, import_paths

    source = tmp_path / "brackets.txt"
    source.write_text(
        "\n会议通过决议\n\n本报讯(记者 王明)会议审议通过(草案)并公布,各方表示赞同。\n",
        encoding="utf-8",
    )
    with Project.create(tmp_path / "pairs.qingyang", editor="甲") as project:
        import_paths(project, [source], workers=1)
        brackets = [s for s in project.suggestions.find() if s.pattern == "()→（）"]
        assert [s.before for s in brackets] == ["(", ")", "(", ")"]
        project.suggestions.accept([brackets[2].id])  # the opening of （草案）
        text = project.articles.of_document(1)[0].corrected_text
        assert "（草案）" in text and "(记者 王明)" in text
        project.suggestions.reject([brackets[1].id])  # the closing of the first pair
        assert {s.status for s in project.suggestions.find(status=None, pattern="()→（）")} == {
            "accepted",
            "rejected",
        }
        assert [s.status for s in project.suggestions.find(pattern="()→（）")] == []


def test_a_pattern_batch_takes_exactly_that_pattern_across_the_project(project):
    """Punctuation and dictionary patterns are looked up differently; both find all."""
    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    for pattern in (",→，", f"{WRONG}→{RIGHT}"):
        everything = project.suggestions.find(status=None)
        expected = {s.id for s in everything if s.pattern == pattern and s.status == "open"}
        assert expected, pattern
        assert {s.id for s in project.suggestions.find(pattern=pattern)} == expected
        project.suggestions.accept(pattern=pattern)
        after = {s.id: s.status for s in project.suggestions.find(status=None)}
        assert all(after[i] != "open" for i in expected)
        untouched = {s.id for s in everything if s.pattern != pattern and s.status == "open"}
        assert all(after[i] == "open" for i in untouched if i in after)
