"""Bring a seed issue to its gold answer by keys and clicks alone, then undo and redo it all.

The steps are computed from the difference between the project and the gold (whatever the
segmenter already got right needs no step); each step is then done by keys on the window.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from editor_app.model import LineIndex
from editor_app.storage import Project
from tests.qt.conftest import SEEDS, SHARED, make_project
from tests.qt.keyboard import CTRL, SHIFT, KeyboardEditor

NAME = "004_353c17634c82fe70"
GOLD = SHARED / "gold" / f"{NAME}.gold.json"
FIELDS = ("kicker", "title", "subtitle", "dateline", "reporters", "correspondents", "interns")

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="shared gold answers are not here")


def gold_answer() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def gold_segments(gold: dict) -> list[dict]:
    return sorted(gold["articles"] + gold["non_articles"], key=lambda s: s["start"])


def gold_roles(gold: dict, lines) -> dict[int, str]:
    roles = {}
    for segment in gold_segments(gold):
        for number in range(segment["start"], segment["end"] + 1):
            if not lines[number - 1].is_blank:
                if segment["kind"] in ("boilerplate", "noise"):
                    roles[number] = segment["kind"]
                else:
                    roles[number] = segment.get("roles", {}).get(str(number), "body")
    return roles


def snapshot(path) -> dict:
    """The state the editor changes (not the log): articles, roles, suggestions."""
    with Project.open(path, read_only=True) as project:
        query = project.db.query
        return {
            "articles": list(query("SELECT * FROM articles ORDER BY id")),
            "roles": list(query("SELECT * FROM line_roles ORDER BY document_id, line")),
            "suggestions": [(s.id, s.status) for s in project.suggestions.find(status=None)],
        }


def join_done(text: str, lines, first: int, second: int) -> bool:
    tail, head = lines[first - 1].text.strip()[-6:], lines[second - 1].text.strip()[:6]
    return tail + head in text


# -- the steps, each done by keys ------------------------------------------------------------


def fix_non_articles(editor: KeyboardEditor, gold: dict, document_id: int) -> None:
    for segment in gold["non_articles"]:
        rows = editor.project.articles.rows(document_id)
        exact = [
            r
            for r in rows
            if (r["start_line"], r["end_line"], r["kind"])
            == (segment["start"], segment["end"], segment["kind"])
        ]
        if not exact:
            editor.mark(segment["start"], segment["end"], segment["kind"])


def fix_late_titles(editor: KeyboardEditor, gold: dict, document_id: int) -> None:
    """A proposal that starts an article at its late title: move the title to the head."""
    for article in gold["articles"]:
        starts = {r["start_line"] for r in editor.project.articles.rows(document_id)}
        titles = [int(n) for n, role in article["roles"].items() if role == "title"]
        for line in titles:
            if line > article["start"] and line in starts and article["start"] not in starts:
                editor.title_to_head(line)


def fix_boundaries(editor: KeyboardEditor, gold: dict, document_id: int, lines) -> None:
    wanted = {s["start"] for s in gold_segments(gold)}
    nonblank = [line.number for line in lines if not line.is_blank]
    for _ in range(200):
        starts = {r["start_line"] for r in editor.project.articles.rows(document_id)}
        extra, missing = sorted(starts - wanted), sorted(wanted - starts)
        if not extra and not missing:
            return
        step = _boundary_shift(extra, missing, nonblank)
        if step is not None:
            editor.move_start(*step)
        elif extra:
            editor.merge_with_previous(extra[-1])
        else:
            editor.split_at(missing[0])
    raise AssertionError("boundaries did not converge")


def _boundary_shift(extra, missing, nonblank):
    """(line, direction) when a proposed start is one text line off a gold start."""
    for line in extra:
        position = nonblank.index(line)
        if position > 0 and nonblank[position - 1] in missing:
            return line, -1
        if position + 1 < len(nonblank) and nonblank[position + 1] in missing:
            return line, +1
    return None


def fix_kinds(editor: KeyboardEditor, gold: dict, document_id: int) -> None:
    for article in gold["articles"]:
        row = _row_at(editor, document_id, article["start"])
        if row["kind"] != article["kind"]:
            editor.select_article_at(article["start"])
            editor.choose_kind(article["kind"])


def fix_roles(editor: KeyboardEditor, gold: dict, document_id: int, lines) -> None:
    current = editor.project.documents.line_roles(document_id)
    for line, role in sorted(gold_roles(gold, lines).items()):
        if current.get(line) != role:
            editor.set_role(line, role)


def fix_fields(editor: KeyboardEditor, gold: dict, document_id: int) -> None:
    lost_lines = {entry["line"] for entry in gold.get("lost_text", [])}
    for article in gold["articles"]:
        article_id = editor.select_article_at(article["start"])
        stored = editor.project.articles.get(article_id)
        for name in FIELDS:
            wanted = article.get(name)
            if wanted is None:
                continue
            have = getattr(stored, name)
            if have != wanted:
                editor.fill_field(name, " ".join(wanted) if isinstance(wanted, list) else wanted)
        if stored.truncated != article["truncated"]:
            editor.toggle_flag("truncated")
        has_lost = any(article["start"] <= n <= article["end"] for n in lost_lines)
        if editor.project.articles.get(article_id).lost_text != has_lost:
            editor.toggle_flag("lost_text")


def fix_joins(editor: KeyboardEditor, gold: dict, document_id: int, lines) -> None:
    for first, second in gold["paragraph_joins"]:
        article_id = editor.select_article_at(first)
        article = editor.project.articles.get(article_id)
        if join_done(article.corrected_text, lines, first, second):
            continue
        offered = [
            s
            for s in editor.project.suggestions.find(document_id=document_id)
            if s.line == first and s.next_line == second
        ]
        if offered:
            editor.accept_suggestion(offered[0].id)
        else:
            _join_by_typing(editor, article, lines, first, second)
        assert join_done(
            editor.project.articles.get(article_id).corrected_text, lines, first, second
        )


def _join_by_typing(editor, article, lines, first: int, second: int) -> None:
    """Delete the break between the two paragraphs in the corrected text."""
    text = article.corrected_text
    tail, head = lines[first - 1].text.rstrip(), lines[second - 1].text.lstrip()
    end_of_first = text.index(tail) + len(tail)
    start_of_second = text.index(head, end_of_first)
    editor.delete_in_text(end_of_first, start_of_second - end_of_first)


def _row_at(editor, document_id: int, start: int) -> dict:
    return next(r for r in editor.project.articles.rows(document_id) if r["start_line"] == start)


# -- checking the file -----------------------------------------------------------------------


def check_against_gold(path, gold: dict, lines) -> None:
    with Project.open(path, read_only=True) as project:
        document_id = project.documents.ids()[0]
        rows = project.articles.rows(document_id)
        assert [(r["kind"], r["start_line"], r["end_line"]) for r in rows] == [
            (s["kind"], s["start"], s["end"]) for s in gold_segments(gold)
        ]
        assert project.documents.line_roles(document_id) == gold_roles(gold, lines)
        lost_lines = {entry["line"] for entry in gold.get("lost_text", [])}
        for article, row in zip(
            gold["articles"],
            [r for r in rows if r["kind"] not in ("boilerplate", "noise")],
            strict=True,
        ):
            stored = project.articles.get(row["id"])
            for name in FIELDS:
                if article.get(name) is not None:
                    assert getattr(stored, name) == article[name], (article["start"], name)
            assert stored.truncated == article["truncated"]
            assert stored.lost_text == any(
                article["start"] <= n <= article["end"] for n in lost_lines
            )
        for first, second in gold["paragraph_joins"]:
            text = project.articles.at_line(document_id, first).corrected_text
            assert join_done(text, lines, first, second), (first, second)


def damage(path) -> None:
    """Undo some of the proposal's good work, so that every kind of key step is needed."""
    with Project.open(path, editor="tester") as project:
        document_id = project.documents.ids()[0]

        def at(line: int) -> int:
            return project.articles.at_line(document_id, line).id

        project.articles.merge_with_next(at(3))  # a lost boundary: split
        project.articles.split(at(13), 15)  # an article opening at its late title
        project.articles.move_boundary(at(47), 49)  # a start one line late: move the boundary up
        project.articles.split(at(57), 63)  # a boundary too many: merge
        project.articles.merge_with_next(at(71))  # boilerplate swallowed: mark it again
        project.articles.set_field(at(71), "kind", "feature")
        project.articles.set_role(document_id, 59, "body")
        project.articles.set_role(document_id, 25, "subhead")
        project.articles.set_field(at(35), "title", "")
        project.articles.set_field(at(27), "reporters", [])
        project.articles.set_field(at(27), "correspondents", [])
        project.articles.set_field(at(35), "truncated", False)
        joins = [s for s in project.suggestions.find(document_id=document_id) if s.line in (51, 65)]
        if joins:
            project.suggestions.reject([s.id for s in joins])  # joined by typing instead
        project.articles.merge_with_next(at(25))  # a second lost boundary: split


@pytest.mark.parametrize("start_from", ["proposal", "damaged proposal"])
def test_seed_issue_reaches_gold_by_keys_and_undoes_and_redoes(
    qtbot, window, tmp_path, messages, start_from
):
    gold = gold_answer()
    path = make_project(tmp_path, SEEDS / f"{NAME}.txt")
    fresh = snapshot(path)
    if start_from == "damaged proposal":
        damage(path)
    lines = LineIndex((SEEDS / f"{NAME}.txt").read_text(encoding="utf-8").replace("\r\n", "\n"))
    assert window.open_project(path)
    document_id = window.document_id
    editor = KeyboardEditor(qtbot, window)

    fix_non_articles(editor, gold, document_id)
    fix_late_titles(editor, gold, document_id)
    fix_boundaries(editor, gold, document_id, lines)
    fix_kinds(editor, gold, document_id)
    fix_roles(editor, gold, document_id, lines)
    fix_fields(editor, gold, document_id)
    fix_joins(editor, gold, document_id, lines)
    assert not [m for m in messages if m[0] == "critical"], (messages, editor.steps)

    window.close_project()
    check_against_gold(path, gold, lines)
    done = snapshot(path)

    # Undo survives closing: open the file again, then undo every step by keys.
    assert window.open_project(path)
    steps = 0
    while window.actions["undo"].isEnabled():
        editor.key(Qt.Key.Key_Z, CTRL)
        steps += 1
        assert steps < 500
    window.close_project()
    assert steps > 0
    assert snapshot(path) == fresh

    assert window.open_project(path)
    while window.actions["redo"].isEnabled():
        editor.key(Qt.Key.Key_Z, CTRL | SHIFT)
    window.close_project()
    assert snapshot(path) == done
    check_against_gold(path, gold, lines)
