"""A fix of an article's lines is a fix of the fields copied from them: suggestions,
dictionary fixes and replaces reach the title and dateline in the same undo step."""

from __future__ import annotations

import json

import pytest

from editor_app.model.text_edits import follow_edits
from editor_app.storage import Project, import_paths
from tests.conftest import SEEDS, run_cli

SEED = SEEDS / "000_0568ddfa57c73b20.txt"
TITLE_LINE = 89  # `潮县镇:“敲门招商”促发展`, the title of its story
WRONG, RIGHT = "潮县镇", "漷县镇"
FIXED_TITLE = "漷县镇：“敲门招商”促发展"


@pytest.fixture
def seed_file(tmp_path):
    """One seed issue as the segmenter proposes it today."""
    path = tmp_path / "one.qingyang"
    with Project.create(path, editor="importer") as project:
        import_paths(project, [SEED], workers=1)
    return path


def title_story(project):
    article = project.articles.at_line(1, TITLE_LINE)
    assert article.title == "潮县镇:“敲门招商”促发展"  # the seed as this test reads it
    return article


def accept_the_fixes(project) -> None:
    colon = [
        s.id
        for s in project.suggestions.find(document_id=1, rule="punctuation")
        if s.line == TITLE_LINE and s.before == ":"
    ]
    project.suggestions.accept(ids=colon)
    project.suggestions.add_dictionary_entry(WRONG, RIGHT)
    project.suggestions.accept(pattern=f"{WRONG}→{RIGHT}")


def test_accepted_fixes_reach_the_title_in_the_same_undo_step(seed_file):
    with Project.open(seed_file, editor="tester", backups=False) as project:
        article = title_story(project)
        accept_the_fixes(project)
        fixed = project.articles.get(article.id)
        assert fixed.text.startswith(FIXED_TITLE)
        assert fixed.title == FIXED_TITLE
        project.undo.undo()  # the dictionary fix, text and title together
        undone = project.articles.get(article.id)
        assert undone.title == "潮县镇：“敲门招商”促发展"
        assert undone.text.startswith("潮县镇：")
        assert project.checks.problems() == []


def test_a_replace_in_the_text_reaches_the_title_once(seed_file):
    with Project.open(seed_file, editor="tester", backups=False) as project:
        article = title_story(project)
        hits = project.search.replace_preview(WRONG, RIGHT)
        assert {"title", "text"} <= {hit.field for hit in hits if hit.article_id == article.id}
        project.search.apply_replace(hits)
        fixed = project.articles.get(article.id)
        assert fixed.title == "漷县镇:“敲门招商”促发展"
        assert WRONG not in fixed.text
        project.search.apply_replace(  # the text's hits alone: the title follows them
            [h for h in project.search.replace_preview(RIGHT, WRONG) if h.field == "text"]
        )
        assert project.articles.get(article.id).title == "潮县镇:“敲门招商”促发展"


def test_the_command_line_exports_the_fixed_title(seed_file, tmp_path):
    with Project.open(seed_file, editor="tester", backups=False) as project:
        title_story(project)
        colon = [
            s.id
            for s in project.suggestions.find(document_id=1, rule="punctuation")
            if s.line == TITLE_LINE and s.before == ":"
        ]
    assert run_cli("accept", seed_file, "--id", *colon).returncode == 0
    assert run_cli("dict", seed_file, "add", WRONG, RIGHT).returncode == 0
    assert run_cli("accept", seed_file, "--pattern", f"{WRONG}→{RIGHT}").returncode == 0
    out = tmp_path / "out.jsonl"
    done = run_cli("export", seed_file, "--format", "jsonl", "-o", out)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    story = [r for r in records if "敲门招商" in r["title"]]
    assert [r["title"] for r in story] == [FIXED_TITLE]
    assert RIGHT in story[0]["text"] and WRONG not in story[0]["text"]


def test_a_field_follows_only_the_edits_inside_its_parts():
    text = "引题 甲\n主题乙:\n正文乙:"
    edits = [(8, 9, "："), (13, 14, "：")]
    assert follow_edits("主题乙:", text, edits) == "主题乙："
    assert follow_edits("引题 主题乙:", text, edits) == "引题 主题乙："
    assert follow_edits("编辑另拟", text, edits) == "编辑另拟"
