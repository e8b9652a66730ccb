"""Import writes a batch of documents per transaction: the rows are the same, whole or absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.storage import Project, import_paths, importer
from tests.conftest import SEEDS

PAGES = 7


@pytest.fixture
def pages(tmp_path):
    """Distinct pages cut from the seeds, named in import order."""
    paragraphs = []
    for seed in sorted(SEEDS.glob("*.txt")):
        paragraphs += [p for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(PAGES):
        text = f"第{number}期\n\n" + "\n\n".join(paragraphs[number * 3 : number * 3 + 6])
        (folder / f"page-{number:02d}.txt").write_text(text, encoding="utf-8")
    return folder


TABLES = {
    "documents": "id, file_name, sha256, raw_text, line_count",
    "articles": "*",
    "line_roles": "*",
    "suggestions": "*",
    "packed_suggestions": "*",  # the import's suggestions as the project reads them
    "reasons": "*",
}


def contents(path) -> dict[str, list[tuple]]:
    with Project.open(path, read_only=True) as project:
        return {
            table: project.db.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
            for table, columns in TABLES.items()
        }


def import_in_batches(tmp_path, folder, monkeypatch, documents: int, name: str):
    monkeypatch.setattr(importer, "BATCH_DOCUMENTS", documents)
    path = tmp_path / name
    with Project.create(path, editor="t") as project:
        report = import_paths(project, [folder], workers=1)
    assert len(report.imported) == PAGES
    return path


def test_batches_of_any_size_write_the_same_rows(tmp_path, pages, monkeypatch):
    one_by_one = contents(import_in_batches(tmp_path, pages, monkeypatch, 1, "one.qingyang"))
    batched = contents(import_in_batches(tmp_path, pages, monkeypatch, 3, "three.qingyang"))
    assert batched == one_by_one
    assert [row[1] for row in batched["documents"]] == sorted(p.name for p in pages.iterdir())
    assert batched["packed_suggestions"] and batched["articles"]


def test_a_second_import_continues_the_document_ids(tmp_path, pages, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_DOCUMENTS", 2)
    with Project.create(tmp_path / "p.qingyang", editor="t") as project:
        first = import_paths(project, sorted(pages.iterdir())[:3], workers=1)
        second = import_paths(project, [pages], workers=1)
        assert [doc for _, doc in first.imported] == [1, 2, 3]
        assert [doc for _, doc in second.imported] == [4, 5, 6, 7]
        assert len(second.skipped) == 3


def test_an_isolated_import_knows_the_pages_the_project_holds(tmp_path, pages):
    """The worker processes start with the project's hashes: a page already there is
    reported a duplicate, the others are stored, as in process."""
    with Project.create(tmp_path / "p.qingyang", editor="t") as project:
        import_paths(project, sorted(pages.iterdir())[:3], workers=1)
        second = import_paths(project, [pages], isolated=True)
        assert [doc for _, doc in second.imported] == [4, 5, 6, 7]
        assert sorted(Path(path).name for path, _ in second.skipped) == [
            "page-00.txt",
            "page-01.txt",
            "page-02.txt",
        ]
        assert project.documents.count() == PAGES


def test_a_worker_started_with_the_hashes_one_a_line_skips_the_known_pages(pages):
    """What the pool hands its workers: the known pages are not read as text again."""
    import hashlib

    from editor_app.ingest import analysis

    first, second = sorted(pages.iterdir())[:2]
    known = hashlib.sha256(first.read_bytes()).hexdigest()
    try:
        analysis.set_packed_context(f"{known}\n{'0' * 64}", ())
        assert analysis.analyse_file(str(first)).text == ""
        assert analysis.analyse_file(str(second)).text
        analysis.set_packed_context("", ())
        assert analysis.analyse_file(str(first)).text
    finally:
        analysis.set_context(frozenset(), ())


def test_a_failure_inside_a_batch_leaves_earlier_batches_whole(tmp_path, pages, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_DOCUMENTS", 3)
    original = importer._Writer._document_row

    def failing(self, analysis):
        if analysis.path.endswith("page-04.txt"):
            raise RuntimeError("disk on fire")
        return original(self, analysis)

    monkeypatch.setattr(importer._Writer, "_document_row", failing)
    path = tmp_path / "p.qingyang"
    with Project.create(path, editor="t") as project, pytest.raises(RuntimeError):
        import_paths(project, [pages], workers=1)
    stored = contents(path)
    assert [row[0] for row in stored["documents"]] == [1, 2, 3]
    assert {row[1] for row in stored["articles"]} == {1, 2, 3}
    assert {row[0] for row in stored["line_roles"]} == {1, 2, 3}
    assert {row[1] for row in stored["packed_suggestions"]} == {1, 2, 3}


def test_a_cancelled_import_keeps_what_it_stored(tmp_path, pages, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_DOCUMENTS", 3)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 4

    with Project.create(tmp_path / "p.qingyang", editor="t") as project:
        report = import_paths(project, [pages], workers=1, cancelled=cancelled)
        assert report.cancelled
        assert [doc for _, doc in report.imported] == [1, 2, 3, 4]
        assert project.documents.count() == 4


def test_an_isolated_import_stores_what_an_in_process_one_does(tmp_path):
    """The GUI analyses in separate processes even for a few files: same rows either way."""
    from editor_app.storage import Project, import_paths

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    tables = []
    for isolated in (False, True):
        with Project.create(tmp_path / f"{isolated}.qingyang", editor="t") as project:
            report = import_paths(project, [seeds], isolated=isolated)
            assert len(report.imported) == 2
            tables.append(
                [
                    project.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                    for table in ("articles", "line_roles", "suggestions")
                ]
            )
    assert tables[0] == tables[1]
