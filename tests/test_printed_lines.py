"""Plain text as OCR engines print it, a line per printed line, is analysed paragraph-wise."""

from __future__ import annotations

import shutil

from editor_app.ingest.ocr_read import read_ocr
from editor_app.ingest.ocr_text import derive_text
from editor_app.ingest.printed_lines import paragraph_view, printed_paragraphs
from editor_app.model import LineIndex
from editor_app.storage import Project, import_paths
from tests.conftest import SEEDS
from tests.ocr.pages import PRINTED_LINES, TESSERACT


def test_tesseract_text_output_is_recognised_as_printed_lines():
    lines = LineIndex(PRINTED_LINES.read_text(encoding="utf-8"))
    assert printed_paragraphs(lines) == [(1, 1), (3, 7), (9, 13)]


def test_a_paragraph_ends_on_a_short_line_without_a_blank_line():
    column = [
        "今年春天，城市副中心将有三座新公园开门",
        "迎客。公园里种下了银杏、国槐和海棠，市",
        "民可以在林间散步、骑车。",
        "区园林部门介绍，三座公园都建有雨水花园",
        "，雨季能把雨水留在园中，旱季再用来浇灌",
        "草木。公园还设有儿童乐园。",
        "园中的老树都留了下来，新修的步道绕树而",
        "行，市民走在林荫下。",
    ]
    lines = LineIndex("\n".join(column))
    assert printed_paragraphs(lines) == [(1, 3), (4, 6), (7, 8)]
    assert paragraph_view(lines, [(1, 3)]).endswith(
        "公园里种下了银杏、国槐和海棠，市民可以在林间散步、骑车。"
    )


def test_a_paragraph_per_line_is_left_as_it_is():
    for seed in sorted(SEEDS.glob("*.txt")):
        assert printed_paragraphs(LineIndex(seed.read_text(encoding="utf-8"))) is None
    derived = derive_text(read_ocr(TESSERACT["hocr"].read_bytes(), "page.hocr"))
    assert printed_paragraphs(LineIndex(derived.text)) is None


def _import(tmp_path, source):
    folder = tmp_path / source.name.replace(".", "-")
    folder.mkdir()
    shutil.copy(source, folder)
    project = Project.create(tmp_path / f"{folder.name}.qingyang", editor="tester")
    import_paths(project, [folder], workers=1)
    return project


def test_printed_lines_import_unchanged_and_segmented_like_the_ocr_page(tmp_path):
    with _import(tmp_path, PRINTED_LINES) as printed, _import(tmp_path, TESSERACT["hocr"]) as ocr:
        assert printed.documents.raw_text(1) == PRINTED_LINES.read_text(encoding="utf-8")
        ours = printed.exports.articles(1)
        theirs = ocr.exports.articles(1)
        roles = printed.documents.line_roles(1)
    assert [(a.kind, a.title) for a in ours] == [(a.kind, a.title) for a in theirs]
    assert (ours[0].start_line, ours[-1].end_line) == (1, 13)
    assert len({roles.get(n) for n in range(3, 8)}) == 1  # one paragraph, one role
