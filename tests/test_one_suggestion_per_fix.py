"""One open suggestion per fix: a dictionary entry absorbs the same fix of other rules,
and a suggestion whose text changed under it closes itself in the same step."""

from __future__ import annotations

import json

import pytest

from editor_app.storage import Project, import_paths
from tests.conftest import SEEDS, run_cli

SEED = SEEDS / "000_0568ddfa57c73b20.txt"
TITLE_LINE = 89  # `潮县镇:“敲门招商”促发展`
WRONG, RIGHT = "潮县镇", "漷县镇"


@pytest.fixture
def seed_file(tmp_path):
    path = tmp_path / "one.qingyang"
    with Project.create(path, editor="importer") as project:
        import_paths(project, [SEED], workers=1)
    return path


@pytest.fixture
def project(seed_file):
    with Project.open(seed_file, editor="tester", backups=False) as opened:
        yield opened


def open_at(project, place: tuple[int, int]) -> list:
    return [s for s in project.suggestions.find(document_id=1) if (s.start, s.end) == place]


def wrong_places(project) -> list[int]:
    raw = project.documents.raw_text(1)
    return [i for i in range(len(raw)) if raw.startswith(WRONG, i)]


def test_a_dictionary_entry_absorbs_the_look_alike_fix_of_each_place(project):
    places = wrong_places(project)
    lookalikes = [s for s in project.suggestions.find(rule="lookalike") if s.start in places]
    assert lookalikes, "the seed's look-alike rule proposes 潮→漷 here"
    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    for start in places:
        covering = [
            s
            for s in project.suggestions.find(document_id=1)
            if s.start < start + len(WRONG) and start < s.end
        ]
        assert [s.rule for s in covering] == ["dictionary"]
    named = open_at(project, (lookalikes[0].start, lookalikes[0].start + len(WRONG)))[0]
    assert "项目词典" in named.reason and "形近字" in named.reason
    superseded = project.suggestions.find(rule="lookalike", status="superseded")
    assert {s.id for s in lookalikes} <= {s.id for s in superseded}
    project.suggestions.remove_dictionary_entry(WRONG)
    assert {s.id for s in lookalikes} <= {s.id for s in project.suggestions.find()}


def test_a_dictionary_entry_over_text_already_fixed_stays_closed(project):
    place = next(
        s
        for s in project.suggestions.find(rule="lookalike")
        if s.line == TITLE_LINE and s.before == "潮"
    )
    project.suggestions.accept(ids=[place.id])
    project.suggestions.add_dictionary_entry("潮县", "漷县")
    assert not [s for s in open_at(project, (place.start, place.start + 2))]


def test_an_edit_over_a_suggestion_makes_it_stale_in_the_same_step(project):
    story = project.articles.at_line(1, TITLE_LINE)
    colon = next(
        s
        for s in project.suggestions.find(document_id=1, rule="punctuation")
        if s.line == TITLE_LINE and s.before == ":"
    )
    project.articles.replace_text(story.id, story.text.replace("潮县镇:", "潮县镇 ", 1))
    assert project.suggestions.find(ids=[colon.id]) == []
    assert [s.status for s in project.suggestions.find(ids=[colon.id], status=None)] == ["stale"]
    project.undo.undo()
    assert [s.id for s in project.suggestions.find(ids=[colon.id])] == [colon.id]
    assert project.checks.problems() == []


def test_the_command_line_lists_one_suggestion_per_place(seed_file):
    assert run_cli("dict", seed_file, "add", WRONG, RIGHT).returncode == 0
    listed = run_cli("suggestions", seed_file, "--document", 1, "--json")
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    on_title = [(r["rule"], r["before"]) for r in rows if r["line"] == TITLE_LINE]
    assert ("dictionary", WRONG) in on_title and ("lookalike", "潮") not in on_title


def test_a_dictionary_entry_is_in_the_history_of_each_article_and_document_it_fixes(project):
    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    fixed = project.articles.at_line(1, TITLE_LINE)
    untouched = [
        row["id"]
        for row in project.articles.rows(1)
        if WRONG not in project.articles.get(row["id"]).text
    ]
    assert untouched

    def actions(**scope):
        return [op.action for op in project.history.entries(**scope)]

    assert actions(article_id=fixed.id) == ["dict_add"]
    assert actions(document_id=1)[0] == "dict_add"
    assert all("dict_add" not in actions(article_id=other) for other in untouched)
    summary = project.history.summaries(project.history.entries(article_id=fixed.id))
    assert next(iter(summary.values())).what.startswith("并入 ")
