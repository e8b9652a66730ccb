"""Learning from the editors' reviewed documents, and proposing the untouched ones again.

Projects are real files on disk. Their pages are imported with a fixed, deliberately poor
proposal (every four lines an article); an editor fixes a few documents and marks them
reviewed; the project's model learns from them beside a small training corpus (the
shipped one takes half a minute to fit) and proposes the documents nobody touched.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.model.gold_pages import load_pages
from editor_app.storage import Project, import_paths
from tests.test_learned_segmenter import synthetic_page, write_corpus

PAGES = 8
REVIEWED = 3  # the first documents, fixed by the editor to their gold answer


@pytest.fixture(scope="module")
def small_base(tmp_path_factory):
    """A few training pages standing in for the shipped ones."""
    return load_pages([write_corpus(tmp_path_factory.mktemp("base") / "train", range(6))])


def write_pages(folder: Path, seeds: range) -> dict[str, dict]:
    """Synthetic pages as raw files; their gold answers by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    golds = {}
    for seed in seeds:
        text, gold = synthetic_page(500 + seed, articles=4)
        name = f"page{seed:02d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        golds[name] = gold
    return golds


def starts(gold: dict) -> list[int]:
    return sorted(s["start"] for s in gold["articles"] + gold["non_articles"])


def review_as(project: Project, doc: int, gold: dict) -> None:
    """What an editor does: merge, split, mark the staff line, fix roles, mark reviewed."""
    rows = project.articles.rows(doc)
    while len(rows) > 1:
        project.articles.merge_with_next(rows[0]["id"])
        rows = project.articles.rows(doc)
    for start in starts(gold)[1:]:
        project.articles.split(project.articles.at_line(doc, start).id, start)
    outside = set()
    for span in gold["non_articles"]:
        project.articles.mark_non_article(doc, span["start"], span["end"], span["kind"])
        outside.update(range(span["start"], span["end"] + 1))
    roles = {int(k): v for a in gold["articles"] for k, v in a["roles"].items()}
    for line in project.documents.lines(doc):
        if line.is_blank or line.number in outside:
            continue
        want = roles.get(line.number, "body")
        if project.documents.line_roles(doc).get(line.number) != want:
            project.articles.set_role(doc, line.number, want)
    for row in project.articles.rows(doc):
        project.articles.set_status(row["id"], "reviewed")


def state(project: Project, doc: int) -> tuple:
    """Every stored column of a document's segments, and its line roles."""
    rows = project.db.execute(
        "SELECT * FROM articles WHERE document_id = ? ORDER BY start_line", [doc]
    ).fetchall()
    return rows, sorted(project.documents.line_roles(doc).items())


@pytest.fixture
def reviewed_project(tmp_path, stable_segmenter):
    """A project of PAGES pages: REVIEWED reviewed, one edited but not reviewed, the rest
    as imported. Returns (path, gold by document id, the edited document)."""
    golds = write_pages(tmp_path / "pages", range(PAGES))
    path = tmp_path / "desk.qingyang"
    with Project.create(path, editor="editor") as project:
        import_paths(project, [tmp_path / "pages"], workers=1)
        by_doc = {d: golds[project.documents.get(d).file_name] for d in project.documents.ids()}
        for doc in project.documents.ids()[:REVIEWED]:
            review_as(project, doc, by_doc[doc])
        edited = project.documents.ids()[REVIEWED]
        project.articles.set_field(
            project.articles.rows(edited)[0]["id"], "title", "编辑改过的标题"
        )
    return path, by_doc, edited


def open_project(path) -> Project:
    return Project.open(path, editor="editor", backups=False)


def test_a_reviewed_document_is_the_gold_the_editor_left(reviewed_project):
    path, golds, edited = reviewed_project
    with open_project(path) as project:
        reviewed = project.learning.reviewed_document_ids()
        assert reviewed == project.documents.ids()[:REVIEWED]
        for doc in reviewed:
            gold = project.learning.document_gold(doc)
            expected = golds[doc]
            assert starts(gold) == starts(expected)
            assert [a["roles"] for a in gold["articles"]] == [
                a["roles"] for a in expected["articles"]
            ]
            assert [n["kind"] for n in gold["non_articles"]] == ["boilerplate"]
        assert edited not in reviewed


def test_learning_stores_the_model_with_when_from_what_and_its_held_out_score(
    reviewed_project, small_base
):
    path, _golds, _edited = reviewed_project
    with open_project(path) as project:
        record = project.learning.learn(base=small_base)
    with open_project(path) as project:
        stored = project.models.current()
        data = project.models.current_bytes()
        assert project.checks.problems() == []
    assert stored == record
    assert stored.documents == list(range(1, REVIEWED + 1))
    assert len(stored.held_out) == 1 and set(stored.held_out) < set(stored.documents)
    assert stored.learned_at[:4].isdigit() and stored.editor == "editor"
    for model in ("model", "shipped"):
        assert stored.score[model]["pages"] == 1
        assert 0.0 <= stored.score[model]["boundary_f1"] <= 1.0
    # The editors' page shape is learned: no edit left on the page held back.
    assert stored.score["model"]["edits_per_10_articles"] == 0.0
    assert stored.size == len(data) and stored.detail["base_pages"] == len(small_base)


def test_only_the_newest_model_keeps_its_bytes(reviewed_project, small_base):
    path, _golds, _edited = reviewed_project
    with open_project(path) as project:
        first = project.learning.learn(base=small_base)
        second = project.learning.learn(base=small_base[:4])
        kept = project.db.execute(
            "SELECT id FROM segmentation_models WHERE model IS NOT NULL"
        ).fetchall()
        assert [r.id for r in project.models.records()] == [second.id, first.id]
    assert kept == [(second.id,)]


def test_repropose_changes_only_the_untouched_documents(reviewed_project, small_base):
    path, golds, edited = reviewed_project
    with open_project(path) as project:
        project.learning.learn(base=small_base)
        ids = project.documents.ids()
        kept = {doc: state(project, doc) for doc in ids[: REVIEWED + 1]}
        plan, result = project.repropose.run()
        assert plan.skipped == ids[: REVIEWED + 1] and edited in plan.skipped
        assert [d.document_id for d in plan.documents] == ids[REVIEWED + 1 :]
        for doc, before in kept.items():
            assert state(project, doc) == before
        for doc in ids[REVIEWED + 1 :]:  # the editors' kind of segmentation, learned
            assert starts(project.learning.document_gold(doc)) == starts(golds[doc])
        assert project.checks.problems() == []
        (entry,) = project.history.entries(limit=1)
    assert entry.action == "repropose" and entry.label == result.label
    assert f"{plan.boundaries} 处边界" in entry.label and plan.boundaries > 0


def test_one_undo_brings_the_old_proposal_back_and_redo_applies_it_again_across_restarts(
    reviewed_project, small_base
):
    path, _golds, _edited = reviewed_project
    with open_project(path) as project:
        project.learning.learn(base=small_base)
        before = {doc: state(project, doc) for doc in project.documents.ids()}
        project.repropose.run()
        after = {doc: state(project, doc) for doc in project.documents.ids()}
    assert after != before
    with open_project(path) as project:
        assert project.undo.undo_label().startswith("重新提议")
        project.undo.undo()
    with open_project(path) as project:
        assert {doc: state(project, doc) for doc in project.documents.ids()} == before
        assert project.checks.problems() == []
        project.undo.redo()
    with open_project(path) as project:
        assert {doc: state(project, doc) for doc in project.documents.ids()} == after
        assert project.checks.problems() == []
        kinds = [op.kind for op in project.history.entries(action="repropose")]
    assert kinds == ["redo", "undo", "do"]


def test_proposing_again_with_the_same_model_changes_nothing_and_logs_nothing(
    reviewed_project, small_base
):
    path, _golds, _edited = reviewed_project
    with open_project(path) as project:
        project.learning.learn(base=small_base)
        project.repropose.run()
        steps = project.db.execute("SELECT count(*) FROM operations").fetchone()[0]
        plan, result = project.repropose.run()
        assert plan.considered and not plan.documents and result is None
        assert project.db.execute("SELECT count(*) FROM operations").fetchone()[0] == steps


def test_an_edit_after_a_repropose_makes_the_document_the_editors(reviewed_project, small_base):
    path, _golds, _edited = reviewed_project
    with open_project(path) as project:
        project.learning.learn(base=small_base)
        project.repropose.run()
        doc = project.documents.ids()[-1]
        project.articles.set_role(doc, 1, "kicker")
        plan = project.repropose.plan()
    assert doc in plan.skipped and doc not in plan.considered


def test_import_after_learning_proposes_with_the_projects_model(
    reviewed_project, small_base, tmp_path
):
    path, _golds, _edited = reviewed_project
    more = write_pages(tmp_path / "more", range(PAGES, PAGES + 2))
    with open_project(path) as project:
        project.learning.learn(base=small_base)
        # Started clean, the workers get the model with the rest of the import's context.
        report = import_paths(project, [tmp_path / "more"], workers=2, isolated=True)
        for name, doc in report.imported:
            assert starts(project.learning.document_gold(doc)) == starts(more[Path(name).name])


def test_repropose_dry_run_changes_no_byte_and_says_what_would_change(
    reviewed_project, small_base, capsys
):
    path, _golds, _edited = reviewed_project
    with open_project(path) as project:
        project.learning.learn(base=small_base)
    image = path.read_bytes()
    assert main(["repropose", str(path), "--dry-run", "--json"]) == 0
    would = json.loads(capsys.readouterr().out)
    assert path.read_bytes() == image
    assert main(["repropose", str(path), "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert would["documents"] == done["documents"] and would["boundaries"] == done["boundaries"]
    assert would["operation"] is None and done["operation"] is not None
    assert len(would["skipped"]) == REVIEWED + 1 and would["model"] != "shipped"


def test_repropose_of_a_touched_document_is_refused_politely(reviewed_project, capsys):
    path, _golds, edited = reviewed_project
    assert main(["repropose", str(path), "--document", str(edited)]) == 0
    out = capsys.readouterr().out
    assert "0 of 0 untouched documents changed" in out and "skipped 1" in out


def test_learn_command_stores_the_model_and_says_how_it_scored(reviewed_project, tmp_path, capsys):
    path, _golds, _edited = reviewed_project
    base = write_corpus(tmp_path / "base" / "train", range(4))
    assert main(["learn", str(path), "--base-data", str(base)]) == 0
    out = capsys.readouterr().out
    assert f"learned from {REVIEWED} reviewed documents" in out and "held back" in out
    assert main(["model", str(path), "--json"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["documents"] == [1, 2, 3] and record["detail"]["base_pages"] == 4


def test_learn_without_reviewed_documents_fails_with_a_clear_message(project_file, capsys):
    image = project_file.read_bytes()
    assert main(["learn", str(project_file)]) == 1
    error = capsys.readouterr().err
    assert str(project_file) in error and "no document is reviewed" in error
    assert project_file.read_bytes() == image


def test_repropose_of_a_document_that_does_not_exist_names_it(reviewed_project, capsys):
    path, _golds, _edited = reviewed_project
    assert main(["repropose", str(path), "--document", "999"]) == 1
    assert "no document 999" in capsys.readouterr().err
