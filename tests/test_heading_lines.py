"""A heading line's role and the field of that role are one fact, in one undo step."""

from __future__ import annotations

import pytest

from editor_app.storage import Project, import_paths
from tests.conftest import SEEDS, run_cli

SEED = SEEDS / "000_0568ddfa57c73b20.txt"
TITLE_LINE, BODY_LINE = 89, 91  # the title and the first body line of one story
OLD_TITLE = "潮县镇:“敲门招商”促发展"
SUBTITLE_LINE = 5  # `孟景伟主持`, the first story's subtitle


@pytest.fixture
def seed_file(tmp_path):
    """One seed issue as the segmenter proposes it today."""
    path = tmp_path / "one.qingyang"
    with Project.create(path, editor="importer") as project:
        import_paths(project, [SEED], workers=1)
        story = project.articles.at_line(1, TITLE_LINE)
        assert (story.title, story.start_line) == (OLD_TITLE, TITLE_LINE)
        assert project.articles.at_line(1, SUBTITLE_LINE).subtitle == "孟景伟主持"
    return path


@pytest.fixture
def project(seed_file):
    with Project.open(seed_file, editor="tester", backups=False) as opened:
        yield opened


def role(project, line: int) -> str:
    return project.documents.line_roles_at(1, [line])[line]


def test_a_role_fills_its_field_and_body_takes_the_line_out(project):
    story = project.articles.at_line(1, TITLE_LINE).id
    project.articles.set_role(1, TITLE_LINE, "body")
    assert project.articles.get(story).title == ""
    project.articles.set_role(1, TITLE_LINE, "title")
    assert project.articles.get(story).title == OLD_TITLE
    project.articles.set_role(1, BODY_LINE, "subtitle")
    subtitle = project.articles.get(story).subtitle
    assert subtitle.startswith("本报讯") and subtitle == subtitle.strip()
    project.undo.undo()
    assert project.articles.get(story).subtitle == ""
    assert role(project, BODY_LINE) == "body"


def test_two_lines_of_one_role_join_as_the_segmenter_joins_them(project):
    story = project.articles.at_line(1, TITLE_LINE).id
    project.articles.set_roles(1, TITLE_LINE, BODY_LINE, "title")
    title = project.articles.get(story).title
    assert title.startswith(OLD_TITLE + " 本报讯")


def test_clearing_a_field_makes_its_lines_body(project):
    first = project.articles.at_line(1, SUBTITLE_LINE).id
    project.articles.set_field(first, "subtitle", "")
    assert role(project, SUBTITLE_LINE) == "body"
    project.undo.undo()
    assert role(project, SUBTITLE_LINE) == "subtitle"
    assert project.articles.get(first).subtitle == "孟景伟主持"


def test_editing_the_title_corrects_its_line_when_they_read_alike(project):
    story = project.articles.at_line(1, TITLE_LINE).id
    project.articles.set_field(story, "title", "漷县镇：“敲门招商”促发展")
    fixed = project.articles.get(story)
    assert fixed.text.startswith("漷县镇：“敲门招商”促发展\n")
    retyped = fixed.text.replace("“敲门招商”", "敲门招商", 1)
    project.articles.replace_text(story, retyped)  # the line retyped: the title follows
    assert project.articles.get(story).title == "漷县镇：敲门招商促发展"
    project.articles.set_field(story, "title", "另拟的标题")
    assert project.articles.get(story).title == "另拟的标题"
    assert project.articles.get(story).text == retyped.replace(
        "漷县镇：敲门招商促发展", "另拟的标题"
    )
    assert project.checks.problems() == []


def test_a_merge_makes_the_absorbed_headings_body(project):
    story = project.articles.at_line(1, TITLE_LINE)
    before = project.articles.at_line(1, TITLE_LINE - 2)
    project.articles.merge_with_previous(story.id)
    merged = project.articles.get(before.id)
    assert role(project, TITLE_LINE) == "body"
    assert (merged.kicker, merged.title) == (before.kicker, before.title)
    project.undo.undo()
    assert role(project, TITLE_LINE) == "title"


def test_the_command_line_keeps_role_and_field_in_step(seed_file):
    with Project.open(seed_file, editor="tester", backups=False, read_only=True) as project:
        story = project.articles.at_line(1, TITLE_LINE).id
        first = project.articles.at_line(1, SUBTITLE_LINE).id
    assert run_cli("edit", seed_file, "role", 1, BODY_LINE, "subtitle").returncode == 0
    assert run_cli("edit", seed_file, "set", first, "subtitle", "").returncode == 0
    with Project.open(seed_file, editor="tester", backups=False) as project:
        assert project.articles.get(story).subtitle.startswith("本报讯")
        assert role(project, SUBTITLE_LINE) == "body"
