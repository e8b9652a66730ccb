"""An import keeps each page's suggestions packed: what editors see must not tell."""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter

import pytest

from editor_app.cleanup import suggest
from editor_app.segmentation import segment
from editor_app.storage import Project, import_paths
from tests.conftest import SEEDS, chunk_segmenter, state_of

WRONG, RIGHT = "孟景伟", "孟景伟同志"  # a name both seed issues print


def packed_documents(project) -> set[int]:
    return {row[0] for row in project.db.execute("SELECT document_id FROM suggestion_packs")}


def placed(suggestions) -> list[tuple]:
    return [(s.rule, s.line, s.column, s.start, s.end, s.before, s.after) for s in suggestions]


def test_each_page_lists_what_the_rules_found_under_ids_in_text_order(project):
    assert packed_documents(project) == set(project.documents.ids())
    all_ids = []
    for doc_id in project.documents.ids():
        raw = project.documents.raw_text(doc_id)
        listed = project.suggestions.find(document_id=doc_id)
        assert placed(listed) == placed(suggest(raw, chunk_segmenter(raw)))
        assert all(raw[s.start : s.end] == s.before for s in listed)
        assert all(s.reason and s.document_id == doc_id for s in listed)
        ids = [s.id for s in listed]
        assert ids == sorted(ids)
        all_ids += ids
    assert len(all_ids) == len(set(all_ids)) > 100


def test_counts_and_info_include_packed_suggestions(project):
    listed = project.suggestions.find()
    assert project.suggestions.counts() == Counter(s.rule for s in listed)
    assert project.documents.counts()["open_suggestions"] == len(listed)


def test_deciding_one_suggestion_unpacks_only_its_page_and_keeps_every_id(project):
    first_doc, *others = project.documents.ids()
    before = project.suggestions.find(status=None)
    state = state_of(project)
    target = project.suggestions.find(document_id=first_doc, rule="punctuation")[3]

    project.suggestions.reject([target.id])

    assert packed_documents(project) == set(others)
    stored = {row[0] for row in project.db.execute("SELECT id FROM suggestions")}
    assert stored == {s.id for s in before if s.document_id == first_doc}
    after = project.suggestions.find(status=None)
    assert [s.id for s in after] == [s.id for s in before]
    assert [s.id for s in after if s.status == "rejected"] == [target.id]
    project.undo.undo()
    assert state_of(project) == state
    project.undo.redo()
    assert project.suggestions.find(ids=[target.id], status="rejected")[0].start == target.start
    assert project.checks.problems() == []


def test_later_suggestions_never_take_a_reserved_id(project, tmp_path):
    reserved = {s.id for s in project.suggestions.find()}
    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    dictionary_ids = {s.id for s in project.suggestions.find(rule="dictionary", status=None)}
    new_dictionary = dictionary_ids - reserved
    assert new_dictionary and min(new_dictionary) > max(reserved)

    page = tmp_path / "later.txt"
    page.write_text("标题\n\n会议在北京举行,代表们发言(摘要)。\n", encoding="utf-8")
    ((_, doc_id),) = import_paths(project, [page], workers=1).imported
    later = {s.id for s in project.suggestions.find(document_id=doc_id)}
    assert later and min(later) > max(reserved | dictionary_ids)
    assert project.checks.problems() == []


def test_ids_from_several_pages_are_found_without_reading_every_page(project):
    pages = project.documents.ids()
    chosen = [project.suggestions.find(document_id=d)[-1] for d in pages]
    assert project.suggestions.find(ids=[s.id for s in chosen]) == chosen
    assert project.suggestions.find(ids=[max(s.id for s in chosen) + 10_000]) == []


def test_a_read_only_project_lists_packed_suggestions_and_writes_nothing(project_file):
    digest = hashlib.sha256(project_file.read_bytes()).hexdigest()
    with Project.open(project_file, read_only=True) as project:
        listed = project.suggestions.find()
        assert listed and project.suggestions.find(ids=[listed[0].id]) == [listed[0]]
    assert hashlib.sha256(project_file.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE suggestion_packs SET size = size + 1 WHERE document_id = 1",
        "UPDATE suggestion_packs SET placements = '[[1, 2' WHERE document_id = 1",
        "UPDATE sqlite_sequence SET seq = 1 WHERE name = 'suggestions'",
    ],
)
def test_check_names_a_damaged_pack(project_file, damage):
    with sqlite3.connect(project_file) as conn:
        conn.execute(damage)
    with Project.open(project_file, read_only=True) as project:
        assert any("document 1" in problem for problem in project.checks.problems())


def test_the_seed_archive_imports_with_packs_in_parallel_too(tmp_path):
    """Workers and the writer agree on the pack whatever process made it."""
    with Project.create(tmp_path / "p.qingyang", editor="t") as project:
        import_paths(project, [SEEDS], workers=2, isolated=True)
        for doc_id in project.documents.ids():
            raw = project.documents.raw_text(doc_id)
            listed = project.suggestions.find(document_id=doc_id)
            assert placed(listed) == placed(suggest(raw, segment(raw)))
