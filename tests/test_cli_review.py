"""`review PROJECT --document ID`: one issue marked reviewed as one step, its counts first."""

from __future__ import annotations

import json

from editor_app.storage import Project
from tests.conftest import run_cli


def statuses(path) -> dict[int, dict[int, str]]:
    with Project.open(path, read_only=True) as project:
        return {
            doc: {row["id"]: row["status"] for row in project.articles.rows(doc)}
            for doc in project.documents.ids()
        }


def test_review_marks_one_issue_and_leaves_the_next_alone(project_file):
    with Project.open(project_file, editor="tester", backups=False) as project:
        first, second = project.documents.ids()[:2]
        approved = project.articles.rows(first)[1]["id"]
        project.articles.set_status(approved, "approved")
        suggestions = len(list(project.suggestions.find(document_id=first)))
        articles = [
            r for r in project.articles.rows(first) if r["kind"] not in ("boilerplate", "noise")
        ]
    before = statuses(project_file)

    done = run_cli("review", project_file, "--document", first, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report == {
        "document": first,
        "articles": len(articles),
        "reviewed": 1,
        "open_suggestions": suggestions,
        "uncertain": report["uncertain"],
        "marked": len(articles) - 1,
    }
    after = statuses(project_file)
    assert after[second] == before[second]
    assert after[first][approved] == "approved"
    assert {after[first][r["id"]] for r in articles} == {"reviewed", "approved"}

    undone = run_cli("undo", project_file)
    assert undone.returncode == 0 and "本期标为已审" in undone.stdout
    assert statuses(project_file) == before


def test_review_dry_run_and_an_unknown_document(project_file):
    before = statuses(project_file)
    done = run_cli("review", project_file, "--document", "1", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("document 1: 0/")
    assert "nothing marked" in done.stderr
    assert statuses(project_file) == before
    missing = run_cli("review", project_file, "--document", "999")
    assert missing.returncode == 1 and "no document 999" in missing.stderr
    assert statuses(project_file) == before
