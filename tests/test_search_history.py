"""Search, replace, history filters, revert and statistics on a real project file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from editor_app.storage import OperationError, Project, RevertConflict, import_paths

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FIELDS = ("title", "kicker", "subtitle", "dateline", "section", "note", "corrected_text")


@pytest.fixture
def seeded(tmp_path):
    project = Project.create(tmp_path / "review.qingyang", editor="甲")
    import_paths(project, [SEEDS])
    yield project
    project.close()


def brute_force_count(project: Project, query: str) -> int:
    total = 0
    for document_id in project.documents.ids():
        for article in project.articles.of_document(document_id):
            total += sum((getattr(article, f) or "").count(query) for f in FIELDS)
    return total


def some_text(project: Project, length: int) -> str:
    """The most frequent run of `length` Chinese characters in the seeds' articles."""
    counts: Counter[str] = Counter()
    for document_id in project.documents.ids():
        for article in project.articles.of_document(document_id):
            text = article.corrected_text
            for start in range(len(text) - length + 1):
                piece = text[start : start + length]
                if all("\u4e00" <= ch <= "\u9fff" for ch in piece):
                    counts[piece] += 1
    return counts.most_common(1)[0][0]


@pytest.mark.parametrize("length", [1, 2, 3, 5])
def test_search_equals_a_brute_force_scan(seeded, length):
    query = some_text(seeded, length)
    hits = seeded.search.find(query, limit=10**6)
    assert hits, query
    assert len(hits) == brute_force_count(seeded, query)
    assert all(hit.match == query for hit in hits)


@pytest.mark.parametrize("length", [1, 2, 3, 5])
def test_search_sees_edited_text_and_not_the_replaced_raw(seeded, length):
    article = seeded.articles.of_document(seeded.documents.ids()[0])[0]
    marker = "测验标记字样"[:length] if length <= 6 else ""
    before = brute_force_count(seeded, marker)
    seeded.articles.replace_text(article.id, article.corrected_text + "\n" + marker)
    assert (
        len(seeded.search.find(marker, limit=10**6))
        == before + 1
        == brute_force_count(seeded, marker)
    )


def test_search_finds_metadata_fields(seeded):
    article = seeded.articles.of_document(seeded.documents.ids()[1])[0]
    seeded.articles.set_field(article.id, "note", "待核对人名")
    hits = seeded.search.find("待核对人名")
    assert [(h.article_id, h.field) for h in hits] == [(article.id, "note")]


def test_empty_and_bad_regex_queries_are_refused(seeded):
    with pytest.raises(OperationError):
        seeded.search.find("")
    with pytest.raises(OperationError, match="regular expression"):
        seeded.search.find("([", regex=True)


def test_replace_preview_then_apply_is_one_undo_step(seeded):
    query = some_text(seeded, 3)
    preview = seeded.search.replace_preview(query, "【替】")
    assert len(preview) == brute_force_count(seeded, query) >= 2
    kept = preview[1:]  # the first hit is skipped by the editor
    seeded.search.apply_replace(kept)
    assert brute_force_count(seeded, "【替】") == len(kept)
    assert brute_force_count(seeded, query) == 1
    seeded.undo.undo()
    assert brute_force_count(seeded, "【替】") == 0
    assert brute_force_count(seeded, query) == len(preview)


def test_regex_replace_uses_groups_and_stores_the_result(seeded):
    preview = seeded.search.replace_preview(r"(\d+)年", r"\1 年", regex=True)
    assert preview
    assert all(hit.replacement == hit.match[:-1] + " 年" for hit in preview)
    seeded.search.apply_replace(preview)
    assert brute_force_count(seeded, preview[0].replacement) >= 1
    assert seeded.search.find(r"\d年", regex=True, limit=10**6) == []


def test_a_look_behind_sees_the_text_before_the_match(seeded):
    before = brute_force_count(seeded, "本报讯")
    assert before >= 2
    preview = seeded.search.replace_preview("(?<=本报)讯", "电", regex=True)
    assert {hit.replacement for hit in preview} == {"电"}
    seeded.search.apply_replace(preview)
    assert brute_force_count(seeded, "本报讯") == 0
    assert brute_force_count(seeded, "本报电") >= before


def test_a_replacement_naming_a_missing_group_is_refused(seeded):
    with pytest.raises(OperationError, match="replacement"):
        seeded.search.replace_preview(r"(\d+)年", r"\2", regex=True)


def test_history_filters_by_editor_action_article_and_time(tmp_path, seeded):
    first = seeded.articles.of_document(seeded.documents.ids()[0])[0]
    seeded.articles.set_field(first.id, "title", "甲的标题")
    seeded.editor = "乙"
    seeded.articles.set_status(first.id, "reviewed")
    second = seeded.articles.of_document(seeded.documents.ids()[1])[0]
    seeded.articles.set_field(second.id, "kicker", "乙的引题")
    assert {op.label for op in seeded.history.entries(editor="乙")} == {"设置状态", "修改字段"}
    assert [op.action for op in seeded.history.entries(action="set_status")] == ["set_status"]
    assert {op.editor for op in seeded.history.entries(article_id=first.id)} == {"甲", "乙"}
    assert seeded.history.entries(since="2999-01-01") == []
    assert len(seeded.history.entries(until="2999-01-01", editor="甲", action="set_field")) == 1


def test_undone_changes_stay_in_history_marked(seeded):
    article = seeded.articles.of_document(seeded.documents.ids()[0])[0]
    seeded.articles.set_field(article.id, "title", "暂时的标题")
    seeded.undo.undo()
    states = [(op.kind, op.state) for op in seeded.history.entries(action="set_field")]
    assert ("do", "undone") in states and ("undo", "done") in states


def test_revert_without_conflict_is_a_new_operation(seeded):
    article = seeded.articles.of_document(seeded.documents.ids()[0])[0]
    op = seeded.articles.set_field(article.id, "subtitle", "新副题")
    seeded.articles.set_field(article.id, "note", "别的修改")
    result = seeded.history.revert(op.operation_id)
    assert seeded.articles.get(article.id).subtitle == article.subtitle
    assert seeded.articles.get(article.id).note == "别的修改"
    assert seeded.undo.undo_label() == result.label


@pytest.mark.parametrize(
    ("choice", "expected"), [("keep", "第二个标题"), ("overwrite", "ORIGINAL")]
)
def test_revert_with_conflict_lets_the_editor_choose(seeded, choice, expected):
    article = seeded.articles.of_document(seeded.documents.ids()[0])[0]
    op = seeded.articles.set_field(article.id, "title", "第一个标题")
    seeded.articles.set_field(article.id, "title", "第二个标题")
    with pytest.raises(RevertConflict) as conflict:
        seeded.history.revert(op.operation_id)
    assert [c.column for c in conflict.value.conflicts if c.column == "title"] == ["title"]
    assert seeded.articles.get(article.id).title == "第二个标题"  # refused: nothing changed
    seeded.history.revert(op.operation_id, on_conflict=choice)
    wanted = article.title if expected == "ORIGINAL" else expected
    assert seeded.articles.get(article.id).title == wanted


def test_stats_count_status_kind_editors_and_suggestions(seeded):
    article = seeded.articles.of_document(seeded.documents.ids()[0])[0]
    seeded.articles.set_status(article.id, "reviewed")
    stats = seeded.history.stats()
    assert stats["documents"] == 2
    assert stats["articles_by_status"]["reviewed"] == 1
    assert sum(stats["articles_by_kind"].values()) == sum(stats["articles_by_status"].values())
    assert sum(stats["changes_per_editor_per_day"]["甲"].values()) == 1
    assert stats["open_suggestions_by_rule"] == seeded.suggestions.counts()


def test_review_filters(seeded):
    doc = seeded.documents.ids()[0]
    articles = [a for a in seeded.articles.of_document(doc) if a.is_article]
    seeded.editor = "乙"
    seeded.articles.set_status(articles[0].id, "reviewed")
    not_reviewed = {r["id"] for r in seeded.history.filtered_article_rows(not_reviewed=True)}
    assert articles[0].id not in not_reviewed and articles[1].id in not_reviewed
    assert [r["id"] for r in seeded.history.filtered_article_rows(changed_by="乙")] == [
        articles[0].id
    ]
    uncertain = seeded.history.filtered_article_rows(uncertain_below=2.0)
    assert len(uncertain) == seeded.documents.counts()["articles"]


def test_next_unreviewed_goes_forward_across_documents_and_wraps(seeded):
    first_doc, second_doc = seeded.documents.ids()
    firsts = [a for a in seeded.articles.of_document(first_doc) if a.is_article]
    seconds = [a for a in seeded.articles.of_document(second_doc) if a.is_article]
    assert seeded.history.next_unreviewed(firsts[0].id) == firsts[1].id
    assert seeded.history.next_unreviewed(firsts[-1].id) == seconds[0].id
    seeded.articles.set_status(firsts[0].id, "reviewed")
    assert seeded.history.next_unreviewed(seconds[-1].id) == firsts[1].id  # wraps round
    for article in firsts + seconds:
        seeded.articles.set_status(article.id, "approved")
    assert seeded.history.next_unreviewed(firsts[0].id) is None
