"""Search streamed a page at a time: the same hits as find(), read as they are asked for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor_app.storage import OperationError, Project, import_paths
from tests.conftest import run_cli

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ISSUES = 24  # ranges of 4, 8 and 16 documents
COMMON = "记者"  # in every issue, many times


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Two dozen issues: the seeds again and again, each with a line of its own."""
    folder = tmp_path_factory.mktemp("issues")
    seeds = sorted(SEEDS.glob("*.txt"))
    for number in range(ISSUES):
        text = seeds[number % len(seeds)].read_text(encoding="utf-8")
        (folder / f"issue_{number:02d}.txt").write_text(
            f"{text}\n\n本版责编 测试{number:02d}\n", encoding="utf-8"
        )
    path = folder.parent / "stream.qingyang"
    with Project.create(path, editor="tester") as project:
        import_paths(project, [folder], workers=1)
    project = Project.open(path, editor="tester", backups=False)
    yield project
    project.close()


def range_reads(project) -> list[str]:
    """Every statement that reads a range of documents' articles, as it starts."""
    statements: list[str] = []

    def seen(sql: str) -> None:
        if "INDEXED BY articles_by_document" in sql:
            statements.append(sql)

    project.db.conn.set_trace_callback(seen)
    return statements


@pytest.fixture
def reads(archive):
    statements = range_reads(archive)
    yield statements
    archive.db.conn.set_trace_callback(None)


@pytest.mark.parametrize(
    ("query", "regex"),
    [
        ("记", False),
        (COMMON, False),
        ("测试1", False),
        ("本版责编 测试", False),
        (r"测试\d3", True),
    ],
)
def test_the_pages_hold_the_hits_of_find_in_the_same_order(archive, query, regex):
    pages = list(archive.search.pages(query, regex=regex, page=7))
    found = archive.search.find(query, regex=regex, limit=10**6)
    assert found
    assert [hit for page in pages for hit in page] == found
    assert all(len(page) == 7 for page in pages[:-1]) and 1 <= len(pages[-1]) <= 7


def test_the_first_page_of_a_common_word_reads_the_first_documents_only(archive, reads):
    first = next(archive.search.pages(COMMON, page=20))
    assert len(first) == 20
    lowest = min(archive.documents.ids())
    assert {hit.document_id for hit in first} <= set(range(lowest, lowest + 4))
    assert len(reads) == 1
    reads.clear()
    everything = list(archive.search.pages(COMMON, page=20))
    assert len(reads) == 3  # the whole walk: 4, 8 and 16 documents
    assert everything[0] == first


def test_a_word_of_the_last_issue_alone_is_found_after_the_whole_walk(archive, reads):
    (page,) = archive.search.pages(f"测试{ISSUES - 1:02d}")
    assert len(page) == 1 and page[0].document_id == max(archive.documents.ids())
    assert len(reads) == 3


def test_cancelling_stops_the_walk_between_two_ranges(archive, reads):
    stop = []
    pages = archive.search.pages("测试", page=1, cancelled=lambda: bool(stop))
    first = next(pages)
    assert first[0].match == "测试"
    stop.append(True)
    rest = list(pages)
    assert len(reads) == 1  # what the first range held, and no other range read
    assert len(first) + sum(len(page) for page in rest) == 4  # 测试00 … 测试03


def test_a_bad_query_is_refused_before_the_first_page(archive):
    with pytest.raises(OperationError):
        archive.search.pages("")
    with pytest.raises(OperationError, match="regular expression"):
        archive.search.pages("([", regex=True)


def test_the_search_command_prints_the_first_hits_up_to_its_limit(archive):
    wanted = archive.search.find(COMMON, limit=75)
    done = run_cli("search", archive.path, COMMON, "--limit", "75", "--json")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["article"], r["field"], r["start"]) for r in records] == [
        (hit.article_id, hit.field, hit.start) for hit in wanted
    ]
    as_text = run_cli("search", archive.path, f"测试{ISSUES - 1:02d}")
    assert as_text.stdout.count("\n") == 1 and as_text.stderr.strip() == "1 hit"
