"""What a document takes from its file name: the same for every import of raw files."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.ingest.filenames import name_fields
from editor_app.storage import Project
from tests.conftest import SEEDS, run_cli

PUBLICATION = "人民日报"

# File name -> the (date, page) it carries: the seeds' names carry neither.
DATES_AND_PAGES = {
    "000_0568ddfa57c73b20.txt": ("", ""),
    "004_353c17634c82fe70.txt": ("", ""),
    "20190211_09.txt": ("2019-02-11", "9"),
    "rmrb-20190201-20.txt": ("2019-02-01", "20"),
    "rmrb_2019年02月12日_第3版.txt": ("2019-02-12", "3"),
    "人民日报-2019-02-11-09.txt": ("2019-02-11", "9"),
}


def issue_files(folder: Path) -> Path:
    """A folder of issues under those names, each a different text (none is a duplicate)."""
    folder.mkdir()
    text = (SEEDS / "004_353c17634c82fe70.txt").read_text(encoding="utf-8")
    for number, name in enumerate(DATES_AND_PAGES):
        seed = SEEDS / name
        body = seed.read_text(encoding="utf-8") if seed.exists() else f"{text}\n\n第{number}期\n"
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def stored_names(path: Path) -> list[tuple[str, str, str, str]]:
    """(file name, publication, date, page) of every document of a project file, by name."""
    with Project.open(path, read_only=True) as project:
        rows = project.documents.rows()
    return sorted((r["file_name"], r["publication"], r["date"], r["page"]) for r in rows)


def expected_names(publication: str = PUBLICATION) -> list[tuple[str, str, str, str]]:
    return sorted((name, publication, *found) for name, found in DATES_AND_PAGES.items())


def cli_import(project: Path, folder: Path, publication: str = PUBLICATION) -> Path:
    assert run_cli("new", project).returncode == 0
    done = run_cli("import", project, folder, "--publication", publication)
    assert done.returncode == 0, done.stderr
    return project


@pytest.mark.parametrize(("name", "found"), DATES_AND_PAGES.items())
def test_name_fields_reads_date_and_page_from_the_name(name, found):
    assert name_fields(f"/archive/2019/{name}") == (name, *found)


def test_the_command_line_stores_file_name_publication_date_and_page(tmp_path):
    project = cli_import(tmp_path / "cli.qingyang", issue_files(tmp_path / "issues"))
    assert stored_names(project) == expected_names()


def test_an_import_without_a_publication_still_reads_the_names(tmp_path):
    folder = issue_files(tmp_path / "issues")
    assert run_cli("new", tmp_path / "p.qingyang").returncode == 0
    assert run_cli("import", tmp_path / "p.qingyang", folder).returncode == 0
    assert stored_names(tmp_path / "p.qingyang") == expected_names("")
