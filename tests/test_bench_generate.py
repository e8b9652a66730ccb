"""The benchmark's archive generator: deterministic for a seed, varied across issues."""

from __future__ import annotations

import hashlib
from pathlib import Path

from editor_app.bench.generate import generate_archive

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def digests(paths) -> list[str]:
    return [hashlib.sha256(path.read_bytes()).hexdigest() for path in paths]


def test_same_seed_same_files(tmp_path):
    first = generate_archive(SEEDS, tmp_path / "a", 12, seed=5)
    second = generate_archive(SEEDS, tmp_path / "b", 12, seed=5)
    assert [p.name for p in first] == [p.name for p in second]
    assert digests(first) == digests(second)


def test_another_seed_other_files(tmp_path):
    first = generate_archive(SEEDS, tmp_path / "a", 6, seed=5)
    other = generate_archive(SEEDS, tmp_path / "b", 6, seed=6)
    assert set(digests(first)).isdisjoint(digests(other))


def test_every_issue_differs_and_has_the_size_of_a_daily(tmp_path):
    paths = generate_archive(SEEDS, tmp_path / "issues", 40, seed=1)
    assert len(set(digests(paths))) == 40
    sizes = [len(path.read_text(encoding="utf-8")) for path in paths]
    assert min(sizes) >= 9000 and max(sizes) < 20000
    names = [path.name for path in paths]
    assert names[0] == "daily-20130101-01.txt" and names[1] == "daily-20130102-01.txt"


def test_generated_issues_import_whole(tmp_path):
    from editor_app.storage import Project, import_paths

    generate_archive(SEEDS, tmp_path / "issues", 5, seed=3)
    with Project.create(tmp_path / "bench.qingyang", editor="bench") as project:
        report = import_paths(project, [tmp_path / "issues"])
        assert len(report.imported) == 5 and not report.skipped
        first = project.documents.get(project.documents.ids()[0])
        assert (first.date, first.page) == ("2013-01-01", "1")
