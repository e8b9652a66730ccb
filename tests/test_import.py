"""Importing raw files: encodings, newlines, bad files, duplicates, names, publication."""

from __future__ import annotations

import codecs
import random

import opencc
import pytest

from editor_app.ingest.filenames import date_and_page
from editor_app.storage import import_paths
from tests.conftest import SEEDS, assert_segments_cover, state_of

SEED_TEXT = (SEEDS / "004_353c17634c82fe70.txt").read_text(encoding="utf-8")
SAMPLE = "\n".join(SEED_TEXT.split("\n")[:20])


def traditional_sample() -> str:
    text = opencc.OpenCC("s2t").convert(SAMPLE)
    return "".join(ch for ch in text if ch.encode("big5", errors="ignore"))


ENCODINGS = {
    "utf-8": (SAMPLE, lambda t: t.encode("utf-8"), {"utf-8"}),
    "utf-8 with BOM": (SAMPLE, lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), {"utf-8-sig"}),
    "utf-16-le BOM": (SAMPLE, lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), {"utf-16"}),
    "utf-16-be BOM": (SAMPLE, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), {"utf-16"}),
    "gbk": (SAMPLE, lambda t: t.encode("gbk"), {"gb18030", "gbk", "gb2312"}),
    "gb18030": ("㐀" + SAMPLE, lambda t: t.encode("gb18030"), {"gb18030"}),
    "big5": (traditional_sample(), lambda t: t.encode("big5"), {"big5", "cp950", "big5hkscs"}),
}


def import_one(project, folder, name: str, data: bytes, **options):
    path = folder / name
    path.write_bytes(data)
    return import_paths(project, [path], workers=1, **options)


def only_document(project, report):
    assert report.skipped == []
    (_, doc_id), *more = report.imported
    assert more == []
    return project.documents.get(doc_id)


@pytest.mark.parametrize("name", ENCODINGS)
def test_encoding_is_detected_and_recorded(fresh_project, tmp_path, name):
    text, encode, accepted = ENCODINGS[name]
    report = import_one(fresh_project, tmp_path, "page.txt", encode(text))
    document = only_document(fresh_project, report)
    assert document.text == text
    assert document.encoding in accepted
    assert_segments_cover(fresh_project, document.id)


@pytest.mark.parametrize(
    ("newline", "had_crlf"), [("\r\n", 1), ("\r", 1), ("\n", 0)], ids=["CRLF", "CR", "LF"]
)
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_newlines_are_normalised(fresh_project, tmp_path, newline, had_crlf, encoding):
    data = SAMPLE.replace("\n", newline).encode(encoding)
    document = only_document(fresh_project, import_one(fresh_project, tmp_path, "p.txt", data))
    assert document.text == SAMPLE
    row = fresh_project.db["documents"].get(document.id)
    assert row["had_crlf"] == had_crlf
    assert row["line_count"] == SAMPLE.count("\n") + 1


BAD_FILES = {
    "binary": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
    "undecodable": (bytes(range(0x80, 0x100)) * 50, "no text encoding fits"),
    "broken BOM text": (codecs.BOM_UTF8 + b"\xe4\xb8" + b"\xff" * 20, "broken utf-8-sig"),
    "empty": (b"", "empty"),
    "only blank lines": (b"\r\n  \n\t\n", "empty"),
    "random bytes": (bytes(b or 1 for b in random.Random(7).randbytes(4000)), "no text encoding"),
    "a run of 0xFF": (b"\xff" * 300, "no text encoding fits"),
}


@pytest.mark.parametrize("bad", BAD_FILES)
def test_a_bad_file_is_skipped_and_the_rest_goes_on(project, seed_dir, tmp_path, bad):
    data, reason = BAD_FILES[bad]
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "a-good.txt").write_text(SAMPLE + "\n补充。", encoding="utf-8")
    (folder / "b-bad.txt").write_bytes(data)
    (folder / "c-good.txt").write_text("另一版\n\n正文。", encoding="gb18030")
    before = state_of(project)
    report = import_paths(project, [folder], workers=1)
    assert [path.rsplit("/", 1)[-1] for path, _ in report.imported] == ["a-good.txt", "c-good.txt"]
    ((skipped_path, why),) = report.skipped
    assert skipped_path.endswith("b-bad.txt") and reason in why and why
    after = state_of(project)
    for table in ("documents", "articles", "suggestions", "line_roles"):
        assert after[table][: len(before[table])] == before[table]
    assert project.documents.count() == 4


def test_the_same_file_twice_is_skipped_and_reported(fresh_project, tmp_path):
    first = import_one(fresh_project, tmp_path, "p.txt", SAMPLE.encode())
    assert len(first.imported) == 1
    before = state_of(fresh_project)
    again = import_one(fresh_project, tmp_path, "copy-of-p.txt", SAMPLE.encode())
    assert again.imported == []
    assert again.skipped == [
        (str(tmp_path / "copy-of-p.txt"), "already in the project (same content)")
    ]
    assert state_of(fresh_project) == before


def test_duplicates_within_one_import(fresh_project, tmp_path):
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(SAMPLE, encoding="utf-8")
    report = import_paths(fresh_project, [tmp_path], workers=1)
    assert [p.rsplit("/", 1)[-1] for p, _ in report.imported] == ["one.txt"]
    assert [p.rsplit("/", 1)[-1] for p, _ in report.skipped] == ["two.txt"]


def test_the_import_is_logged_but_is_no_undo_step(fresh_project, tmp_path):
    import_one(fresh_project, tmp_path, "p.txt", SAMPLE.encode())
    (logged,) = fresh_project.undo.operations()
    assert (logged.kind, logged.editor) == ("import", "tester")
    assert fresh_project.undo.undo_label() is None


@pytest.mark.parametrize(
    ("name", "date", "page"),
    [
        ("20200520.txt", "2020-05-20", ""),
        ("2020-05-20.txt", "2020-05-20", ""),
        ("rmrb-20200520-01.txt", "2020-05-20", "1"),
        ("2020-05-20-03.txt", "2020-05-20", "3"),
        ("tzsx_2020_05_20_12.txt", "2020-05-20", "12"),
        ("人民日报2020年05月20日第1版.txt", "2020-05-20", "1"),
        ("通州时讯第 4 版.txt", "", "4"),
        ("page-07.txt", "", "7"),
        ("000_0568ddfa57c73b20.txt", "", ""),
        ("notes.txt", "", ""),
        ("20201340.txt", "", ""),
    ],
)
def test_date_and_page_from_the_file_name(fresh_project, tmp_path, name, date, page):
    assert date_and_page(name) == (date, page)
    document = only_document(fresh_project, import_one(fresh_project, tmp_path, name, b"x"))
    assert (document.date, document.page) == (date, page)
    assert document.file_name == name


def test_publication_is_recorded(fresh_project, tmp_path):
    report = import_one(fresh_project, tmp_path, "p.txt", b"x", publication="通州时讯")
    assert only_document(fresh_project, report).publication == "通州时讯"


def test_folders_are_searched_for_text_files_only(fresh_project, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deep.txt").write_text("深处", encoding="utf-8")
    (tmp_path / "top.TXT").write_text("顶层", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    report = import_paths(fresh_project, [tmp_path], workers=1)
    assert sorted(p.rsplit("/", 1)[-1] for p, _ in report.imported) == ["deep.txt", "top.TXT"]


def test_seeds_with_the_real_segmenter_are_covered(fresh_project, seed_dir):
    report = import_paths(fresh_project, [seed_dir], workers=1)
    assert len(report.imported) == 2
    for _, doc_id in report.imported:
        document = fresh_project.documents.get(doc_id)
        source = seed_dir / document.file_name
        assert document.text == source.read_text(encoding="utf-8")
        assert_segments_cover(fresh_project, doc_id)
