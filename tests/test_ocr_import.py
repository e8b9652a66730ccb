"""Importing OCR files: the source kept, raw text derived, geometry read back, exports with
coordinates; the same page from several formats gives the same project content."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lxml import etree

from editor_app.export import ExportOptions, export_project
from editor_app.ingest.jsonl_read import read_export
from editor_app.ingest.ocr_packing import unpack_source
from editor_app.storage import Project, import_paths
from tests.ocr.pages import IMAGE, TESSERACT, TRANSCRIBED, printed_raw_text

SCHEMA = Path(__file__).resolve().parent.parent / "resources" / "tei" / "qingyang-tei.rng"
TEI = "{http://www.tei-c.org/ns/1.0}"
# What a record says about where it lies; the rest must not depend on the format.
COORDINATES = ("page", "paragraph_boxes")


def _imported(tmp_path: Path, source: Path, with_image: bool = True) -> Project:
    folder = tmp_path / source.stem
    folder.mkdir()
    shutil.copy(source, folder)
    if with_image:
        shutil.copy(IMAGE, folder)
    project = Project.create(tmp_path / f"{source.stem}.qingyang", editor="tester")
    report = import_paths(project, [folder], workers=1)
    assert [Path(path).name for path, _ in report.imported] == [source.name], report.skipped
    return project


def _content(project: Project, tmp_path: Path) -> dict:
    """Raw text, articles and the JSONL export of the project's one document, coordinates aside."""
    out = tmp_path / f"{Path(project.path).stem}.jsonl"
    export_project(project, out, "jsonl", ExportOptions(include_non_articles=True))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for record in records:
        record.pop("project")  # each project file has its own id
        for key in COORDINATES:
            record["provenance"].pop(key)
        for key in ("file_name", "sha256"):
            record["document"].pop(key)
    articles = [(a.start_line, a.end_line, a.kind, a.title) for a in project.exports.articles(1)]
    return {"raw": project.documents.raw_text(1), "articles": articles, "records": records}


def test_hocr_and_alto_of_one_page_give_the_same_project(tmp_path):
    hocr, alto = (_imported(tmp_path, TESSERACT[kind]) for kind in ("hocr", "alto"))
    with hocr, alto:
        ours, theirs = _content(hocr, tmp_path), _content(alto, tmp_path)
    assert ours == theirs
    assert ours["raw"].startswith("城市副中心新建三座公园\n\n")
    assert ours["articles"]


def test_page_2019_page_2013_and_alto_v2_of_one_page_give_the_same_project(tmp_path):
    contents = []
    for name in ("page2019", "page2013", "alto2"):
        with _imported(tmp_path, TRANSCRIBED[name]) as project:
            contents.append(_content(project, tmp_path))
    assert contents[0]["raw"] == printed_raw_text()
    assert contents[0] == contents[1] == contents[2]


def test_the_source_is_kept_byte_for_byte_with_its_image_reference(tmp_path):
    with _imported(tmp_path, TESSERACT["alto"]) as project:
        source, image, digest = project.db.execute(
            "SELECT source, image_path, image_sha256 FROM document_sources"
        ).fetchone()
        geometry = project.documents.geometry(1)
    assert unpack_source(source) == TESSERACT["alto"].read_bytes()
    assert len(source) < len(TESSERACT["alto"].read_bytes()) / 4  # kept compressed
    assert image == "two-columns.png"
    assert geometry.image_found and digest == geometry.image_sha256
    assert Path(geometry.image_file).read_bytes() == IMAGE.read_bytes()
    assert (geometry.format, geometry.width, geometry.height) == ("alto", 1400, 700)


def test_a_source_kept_uncompressed_by_an_older_import_is_read_as_well(tmp_path):
    with _imported(tmp_path, TESSERACT["alto"]) as project:
        kept = project.documents.geometry(1).char_boxes
        project.db.execute(
            "UPDATE document_sources SET source = ?", [TESSERACT["alto"].read_bytes()]
        )
        assert project.documents.geometry(1).char_boxes == kept


def test_geometry_gives_line_boxes_per_raw_line_and_a_word_box_per_character(tmp_path):
    with _imported(tmp_path, TESSERACT["hocr"]) as project:
        raw = project.documents.raw_text(1)
        geometry = project.documents.geometry(1)
    assert len(geometry.line_boxes) == raw.count("\n") + 1
    assert len(geometry.line_boxes[2]) == 5 and geometry.line_boxes[1] == ()  # a blank line
    assert len(geometry.char_boxes) == len(raw)
    paragraph, line, box = geometry.char_boxes[raw.index("区园林")]
    assert (paragraph, line) == (2, 0)
    assert box.x0 >= geometry.width // 2  # the right column


def test_a_missing_image_is_recorded_as_not_found(tmp_path):
    with _imported(tmp_path, TESSERACT["hocr"], with_image=False) as project:
        geometry = project.documents.geometry(1)
    assert geometry.image_path == "two-columns.png" and not geometry.image_found


def test_an_image_with_the_same_stem_is_found_when_none_is_named(tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    data = TRANSCRIBED["page2019"].read_bytes().replace(b'imageFilename="two-columns.png"', b"")
    (folder / "p1.xml").write_bytes(data)
    shutil.copy(IMAGE, folder / "p1.jpg")
    with Project.create(tmp_path / "p.qingyang", editor="tester") as project:
        import_paths(project, [folder], workers=1)
        geometry = project.documents.geometry(1)
    assert geometry.image_path == "p1.jpg" and geometry.image_found


def test_a_text_document_has_no_geometry(project):
    assert project.documents.geometry(1) is None


BAD = {
    "broken.xml": b"<alto xmlns='http://www.loc.gov/standards/alto/ns-v3#'><Layout>",
    "mets.xml": b"<?xml version='1.0'?><mets:mets xmlns:mets='http://www.loc.gov/METS/'/>",
    "outside.xml": TRANSCRIBED["page2019"]
    .read_bytes()
    .replace(b'imageWidth="1400"', b'imageWidth="900"'),
    "empty.hocr": b"<html><body><div class='ocr_page' title='bbox 0 0 100 100'></div></body></html>",
}
REASONS = {
    "broken.xml": "malformed XML",
    "mets.xml": "unknown schema",
    "outside.xml": "coordinates outside the page",
    "empty.hocr": "holds no text",
}


def test_bad_ocr_files_are_skipped_with_the_file_and_the_reason(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    shutil.copy(TESSERACT["hocr"], folder)
    with Project.create(tmp_path / "p.qingyang", editor="tester") as project:
        report = import_paths(project, [folder], workers=1)
    assert [Path(path).name for path, _ in report.imported] == ["two-columns.hocr"]
    skipped = {Path(path).name: reason for path, reason in report.skipped}
    assert set(skipped) == set(BAD)
    for name, reason in REASONS.items():
        assert reason in skipped[name]


def test_jsonl_carries_the_page_image_and_the_line_boxes_and_reads_back(tmp_path):
    with _imported(tmp_path, TRANSCRIBED["page2019"]) as project:
        out = tmp_path / "out.jsonl"
        export_project(project, out, "jsonl")
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    provenance = record["provenance"]
    assert provenance["page"]["image"] == "two-columns.png"
    assert (provenance["page"]["width"], provenance["page"]["height"]) == (1400, 700)
    assert len(provenance["paragraph_boxes"]) == len(record["paragraphs"])
    assert [len(boxes) for boxes in provenance["paragraph_boxes"]] == [5, 5]
    read = read_export(out).documents[0].articles[0].record  # its own schema accepts it
    assert read.provenance.page.image == "two-columns.png"
    assert read.provenance.paragraph_boxes == [
        [tuple(box) for box in boxes] for boxes in provenance["paragraph_boxes"]
    ]


def test_tei_links_paragraphs_to_zones_of_the_page_and_validates(tmp_path):
    with _imported(tmp_path, TESSERACT["alto"]) as project:
        out = tmp_path / "out.xml"
        export_project(project, out, "tei")
    tree = etree.parse(str(out))
    etree.RelaxNG(etree.parse(str(SCHEMA))).assertValid(tree)
    surface = tree.find(f".//{TEI}facsimile/{TEI}surface")
    assert (surface.get("lrx"), surface.get("lry")) == ("1400", "700")
    assert surface.find(f"{TEI}graphic").get("url") == "two-columns.png"
    zones = {z.get("{http://www.w3.org/XML/1998/namespace}id") for z in surface.iter(f"{TEI}zone")}
    links = [p.get("facs") for p in tree.iterfind(f".//{TEI}body//{TEI}p")]
    assert links and all(links)
    assert {name.lstrip("#") for link in links for name in link.split()} == zones
