"""`roles PROJECT --document ID --lines A-B --role ROLE`: a role over a range, one step."""

from __future__ import annotations

from editor_app.storage import Project
from tests.conftest import run_cli


def nonblank_lines(path, document: int, first: int, last: int) -> set[int]:
    with Project.open(path, read_only=True) as project:
        lines = project.documents.lines(document)
    return {n for n in range(first, last + 1) if not lines[n - 1].is_blank}


def roles_of(path, document: int) -> dict[int, str]:
    with Project.open(path, read_only=True) as project:
        return project.documents.line_roles(document)


def test_roles_over_a_range_are_one_undo_step(project_file):
    before = roles_of(project_file, 1)
    done = run_cli("roles", project_file, "--document", "1", "--lines", "3-20", "--role", "subhead")
    assert done.returncode == 0, done.stderr
    wanted = nonblank_lines(project_file, 1, 3, 20)
    changed = {n for n in wanted if before.get(n) != "subhead"}
    assert done.stdout.strip() == f"设置行角色: {len(changed)} lines"
    after = roles_of(project_file, 1)
    assert all(after[n] == "subhead" for n in wanted)
    assert all(after.get(n) == before.get(n) for n in set(after) | set(before) if n not in wanted)
    undone = run_cli("undo", project_file)
    assert undone.returncode == 0 and "设置行角色" in undone.stdout
    assert roles_of(project_file, 1) == before


def test_bad_ranges_and_roles_are_refused(project_file):
    for lines in ("20-3", "a-b", "0"):
        done = run_cli("roles", project_file, "--document", "1", "--lines", lines, "--role", "body")
        assert done.returncode == 2 and "--lines" in done.stderr
    done = run_cli("roles", project_file, "--document", "1", "--lines", "3", "--role", "headline")
    assert done.returncode == 2
    done = run_cli("roles", project_file, "--document", "1", "--lines", "3-99999", "--role", "body")
    assert done.returncode == 1 and "not within the document" in done.stderr
    done = run_cli("roles", project_file, "--document", "999", "--lines", "3", "--role", "body")
    assert done.returncode == 1 and done.stderr.strip()
