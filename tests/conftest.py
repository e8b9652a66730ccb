"""Shared fixtures for the core tests: project files on disk built from the seeds."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from editor_app.model import LineIndex, Proposal, Segment
from editor_app.storage import Project, import_paths

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CHUNK = 4  # non-blank lines per article of the stable test segmenter


def chunk_segmenter(text: str | LineIndex, layout=None) -> Proposal:
    """A fixed, predictable proposal: every CHUNK non-blank lines are one news article
    (the page's layout, if any, is ignored)."""
    lines = [line for line in LineIndex.of(text) if not line.is_blank]
    proposal = Proposal()
    for first in range(0, len(lines), CHUNK):
        chunk = lines[first : first + CHUNK]
        proposal.segments.append(
            Segment("news", chunk[0].number, chunk[-1].number, title=chunk[0].text.strip())
        )
        proposal.roles[chunk[0].number] = "title"
        proposal.roles.update((line.number, "body") for line in chunk[1:])
    return proposal


@pytest.fixture
def stable_segmenter(monkeypatch):
    """Storage tests must not depend on what the segmenter proposes today."""
    monkeypatch.setattr("editor_app.ingest.analysis.segment", chunk_segmenter)
    return chunk_segmenter


@pytest.fixture
def fresh_project(tmp_path):
    """An empty project file, open for writing."""
    project = Project.create(tmp_path / "fresh.qingyang", editor="tester")
    yield project
    project.close()


@pytest.fixture
def seed_dir(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def project_file(tmp_path, seed_dir, stable_segmenter) -> Path:
    """A closed project file holding the seed issues, segmented by `chunk_segmenter`."""
    path = tmp_path / "seeds.qingyang"
    with Project.create(path, editor="importer") as project:
        report = import_paths(project, [seed_dir], publication="通州时讯", workers=1)
    assert len(report.imported) == len(list(SEEDS.glob("*.txt")))
    return path


@pytest.fixture
def project(project_file):
    """The seed project, open for writing as editor "tester", without daily backups."""
    opened = Project.open(project_file, editor="tester", backups=False)
    yield opened
    opened.close()


HOLDER = textwrap.dedent(
    """
    import sys
    from editor_app.storage.project import Project
    project = Project.open(sys.argv[1], editor="other", backups=False)
    print("ready", flush=True)
    sys.stdin.readline()
    project.close()
    """
)


@pytest.fixture
def held_open(project_file):
    """Another process holding the project open for writing, until the test ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(project_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=cli_env(),
        cwd=REPO,
    )
    assert holder.stdout.readline().strip() == "ready"
    yield project_file
    holder.stdin.close()
    holder.wait(timeout=60)


# -- helpers used by several test modules ---------------------------------------------------


def sha256_of(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def nonblank_lines(project, document_id: int) -> list[int]:
    return [line.number for line in project.documents.lines(document_id) if not line.is_blank]


def assert_segments_cover(project, document_id: int) -> None:
    """Every non-blank line lies in exactly one segment, and segments do not overlap."""
    covered: list[int] = []
    for article in project.articles.of_document(document_id):
        assert article.start_line <= article.end_line
        covered += range(article.start_line, article.end_line + 1)
    assert len(covered) == len(set(covered)), "segments overlap"
    assert set(nonblank_lines(project, document_id)) <= set(covered), "a line is uncovered"


def state_of(project) -> dict:
    """Everything an edit may change, for comparing before/after an undo.

    Suggestions as the project shows them: whether a page's are still packed as the
    import left them or already written out row by row is not a state an editor sees.
    """
    state = {
        table: list(project.db.query(f"SELECT * FROM {table} ORDER BY 1, 2"))
        for table in ("articles", "line_roles", "dictionary", "documents")
    }
    state["suggestions"] = project.suggestions.find(status=None)
    return state


def cli_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "QINGYANG_EDITOR"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def run_cli(*args, env=None, stdin: str | None = None, cwd=None) -> subprocess.CompletedProcess:
    """`python -m editor_app ARGS` in a real subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *map(str, args)],
        capture_output=True,
        text=True,
        env=env or cli_env(),
        input=stdin,
        cwd=cwd,
        timeout=300,
    )
