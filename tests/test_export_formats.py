"""CSV, plain text and TEI exports of a corrected project; determinism of every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from lxml import etree

from editor_app.export import ExportError, ExportOptions, export_project
from editor_app.export.table import COLUMNS
from tests import test_export_support
from tests.test_export_support import ADDED, by_id, export_lines, tree_bytes

corrected = test_export_support.corrected  # the shared fixture

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "resources" / "tei" / "qingyang-tei.rng"
TEI = "{http://www.tei-c.org/ns/1.0}"
FILE_NAMES = {"jsonl": "out.jsonl", "csv": "out.csv", "tei": "out.xml", "txt": "out"}


def relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


def snapshot(path: Path):
    return tree_bytes(path) if path.is_dir() else path.read_bytes()


@pytest.mark.parametrize("format", sorted(FILE_NAMES))
def test_two_exports_are_byte_identical(corrected, tmp_path, format):
    project = corrected.project
    options = ExportOptions(include_non_articles=True)
    first, second = tmp_path / "1", tmp_path / "2"
    first.mkdir(), second.mkdir()
    for folder in (first, second):
        export_project(project, folder / FILE_NAMES[format], format, options)
    assert snapshot(first / FILE_NAMES[format]) == snapshot(second / FILE_NAMES[format])


def test_csv_has_a_bom_a_header_and_a_row_per_article(corrected, tmp_path):
    project = corrected.project
    out = tmp_path / "out.csv"
    export_project(project, out, "csv")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    lines = by_id(export_lines(project, tmp_path))
    assert [int(row["id"]) for row in rows] == list(lines)
    b = next(row for row in rows if int(row["id"]) == corrected.b)
    assert (b["title"], b["reporters"], b["status"], b["truncated"]) == (
        "改过的标题",
        "张三、李四",
        "approved",
        "1",
    )
    for row in rows:
        assert row["text"] == lines[int(row["id"])]["text"]


def test_txt_is_a_folder_per_document_and_a_file_per_article(corrected, tmp_path):
    project = corrected.project
    out = tmp_path / "corpus"
    report = export_project(project, out, "txt")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["articles"]) == report.articles
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert folders == sorted(Path(project.documents.get(d).file_name).stem for d in (1, 2))
    lines = by_id(export_lines(project, tmp_path))
    for entry in manifest["articles"]:
        text = (out / entry["path"]).read_text(encoding="utf-8")
        assert text.endswith(lines[entry["id"]]["text"] + "\n")
    a_text = (out / folders[0] / "001.txt").read_text(encoding="utf-8")
    title, byline = project.documents.lines(1)[2].text.strip(), project.documents.lines(1)[4].text
    assert a_text.startswith(title + "\n\n" + byline.strip() + "\n\n")
    assert a_text.endswith(ADDED + "\n")
    b_text = (out / folders[0] / "002.txt").read_text(encoding="utf-8")
    assert b_text.startswith("改过的标题\n\n记者 张三、李四\n\n")


def test_txt_replaces_an_earlier_export_but_not_a_foreign_folder(corrected, tmp_path):
    project = corrected.project
    out = tmp_path / "corpus"
    export_project(project, out, "txt", ExportOptions(document_ids=(1,)))
    export_project(project, out, "txt", ExportOptions(document_ids=(2,)))
    assert len([p for p in out.iterdir() if p.is_dir()]) == 1
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(ExportError, match="not empty"):
        export_project(project, foreign, "txt")
    assert (foreign / "notes.txt").read_text() == "keep me"


def test_tei_is_valid_against_the_schema(corrected, tmp_path):
    project = corrected.project
    out = tmp_path / "corpus.xml"
    report = export_project(project, out, "tei", ExportOptions(include_non_articles=True))
    tree = etree.parse(str(out))
    schema = relaxng()
    assert schema.validate(tree), schema.error_log
    texts = tree.getroot().findall(f"{TEI}TEI")
    assert len(texts) == report.articles
    lines = by_id(export_lines(project, tmp_path, include_non_articles=True))
    for tei in texts:
        article = lines[int(tei.get("{http://www.w3.org/XML/1998/namespace}id")[1:])]
        paragraphs = [p.text or "" for p in tei.iter(f"{TEI}p")]
        assert paragraphs == [p["text"] for p in article["paragraphs"]] or (
            not article["paragraphs"] and paragraphs == [""]
        )


def test_tei_carries_the_metadata(corrected, tmp_path):
    project = corrected.project
    out = tmp_path / "corpus.xml"
    export_project(project, out, "tei", ExportOptions(statuses=frozenset({"approved"})))
    (tei,) = etree.parse(str(out)).getroot().findall(f"{TEI}TEI")
    header = tei.find(f"{TEI}teiHeader")
    assert header.find(f".//{TEI}title[@type='main']").text == "改过的标题"
    assert [a.text for a in header.iter(f"{TEI}author")] == ["张三", "李四"]
    assert header.find(f".//{TEI}note[@type='truncated']") is not None
    assert header.find(f"{TEI}revisionDesc").get("status") == "approved"
    assert [n.text for n in header.iter(f"{TEI}name")] == ["tester"]
    assert header.find(f".//{TEI}idno[@type='sha256']").text == project.documents.get(1).sha256


def test_tei_survives_control_characters(corrected, tmp_path):
    project = corrected.project
    text = project.articles.get(corrected.c).corrected_text.replace("会议强调,", "会议强调,\x07", 1)
    project.articles.replace_text(corrected.c, text)
    out = tmp_path / "corpus.xml"
    export_project(project, out, "tei")
    tree = etree.parse(str(out))
    assert relaxng().validate(tree)
    assert "\ufffd" in out.read_text(encoding="utf-8")


def test_tei_with_nothing_to_export_is_an_error(corrected, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "corpus.xml"
    with pytest.raises(ExportError, match="no article"):
        export_project(
            corrected.project,
            out,
            "tei",
            ExportOptions(statuses=frozenset({"approved"}), document_ids=(2,)),
        )
    assert list(folder.iterdir()) == []
