"""Layout as evidence: a page's geometry beside its text in the learned segmenter."""

from __future__ import annotations

import json
import random

import pytest

from editor_app.model.gold_pages import Page, archive_bytes, digest, load_pages, read_archive
from editor_app.model.layout import PageLayout
from editor_app.segmentation import segment
from editor_app.segmentation.learned import LearnedSegmenter
from editor_app.segmentation.learned.features import page_features
from editor_app.segmentation.learned.layout_features import layout_attributes
from editor_app.segmentation.learned.training import layout_model_path, sidecar, train
from tests.test_learned_segmenter import _sentence, synthetic_page, write_corpus

BODY = 30  # a body line's height in pixels on the made-up pages below


def column_layout(text: str, big: set[int] = frozenset(), width: int = 1200) -> PageLayout:
    """One column of print: each raw line a paragraph of full-width body lines (a short
    line one printed line), the lines numbered in `big` printed three times as tall, centred."""
    lines, y = [], 50
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            lines.append(())
            continue
        if number in big:
            y += 2 * BODY
            lines.append(((300, y, 900, y + 3 * BODY),))  # centred in the column
            y += 4 * BODY
            continue
        boxes = []
        for _ in range(max(1, len(line) // 30)):
            boxes.append((100, y, 1100, y + BODY))
            y += BODY + 6
        lines.append(tuple(boxes))
    return PageLayout.of(width, y + 50, lines)


def test_a_layout_round_trips_through_json():
    text = synthetic_page(1)[0]
    layout = column_layout(text, big={1})
    assert PageLayout.from_json(layout.to_json()) == layout
    assert layout.to_json() == PageLayout.from_json(layout.to_json()).to_json()


def test_the_archive_carries_layouts_deterministically(tmp_path):
    pages = load_pages([write_corpus(tmp_path / "press", range(2))])
    plain = digest(pages)
    with_layout = [
        Page(p.key, p.text_bytes, p.gold_bytes, column_layout(p.text).to_json()) for p in pages
    ]
    archive = tmp_path / "press.tar.xz"
    archive.write_bytes(archive_bytes(with_layout))
    assert archive_bytes(with_layout) == archive.read_bytes()  # the same bytes every time
    again = read_archive(archive)
    assert [p.layout for p in again] == [p.layout for p in with_layout]
    assert digest(again) == digest(with_layout) != plain  # the layouts are part of the data
    assert digest(pages) == plain  # pages without geometry keep their digest


def test_pages_without_geometry_get_no_layout_features_and_the_same_proposal():
    text = synthetic_page(7)[0]
    plain = page_features(text)
    assert not any(a.startswith("g:") for line in plain.attributes for a in line)
    assert segment(text) == segment(text, layout=None)
    with_layout = page_features(text, column_layout(text, big={1}))
    assert any(a.startswith("g:") for line in with_layout.attributes for a in line)


def test_a_big_title_is_tall_against_the_body_and_opens_its_column():
    text = synthetic_page(3)[0]
    layout = column_layout(text, big={1})
    numbers = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    (title_shared, title_own), (body_shared, body_own) = layout_attributes(layout, numbers)[:2]
    assert "g:h=max" in title_shared and "g:h<12" in body_shared
    assert "g:col=first" in title_own and "g:pos=centre" in title_own
    assert "g:pos=left" in body_own


def test_a_column_s_first_paragraph_sees_what_stands_above_it_on_the_page():
    # Read in this order: a wide title over columns A and B, a short paragraph at the top of
    # B, the long column A under the title, a story lower in B under that short paragraph,
    # and a paragraph at the top of a third column with nothing over it.
    title = ((100, 50, 2300, 140),)
    b_top = ((1300, 180, 2300, 210), (1300, 216, 2300, 246))
    column_a = tuple((100, y, 1100, y + 30) for y in range(180, 600, 36))
    b_lower = ((1300, 400, 2300, 430), (1300, 436, 2300, 466))
    alone = ((2500, 180, 3500, 210), (2500, 216, 3500, 246))
    layout = PageLayout.of(3600, 700, [title, (), b_top, (), column_a, (), b_lower, (), alone])
    found = layout_attributes(layout, [1, 3, 5, 7, 9])
    under_title, under_story, top_of_page = found[2][1], found[3][1], found[4][1]
    for own in (under_title, under_story, top_of_page):
        assert "g:col=first" in own  # each follows a paragraph that ends lower
    assert "g:up=wide" in under_title and "g:up.h=max" in under_title
    assert "g:up=wide" not in under_story and "g:up.h<12" in under_story
    assert "g:up.gap=max" in under_story  # 154 px of white over it, five body lines
    assert "g:up=none" in top_of_page
    assert not any(a.startswith("g:up") for a in found[1][1])  # it follows the title
    plain = layout_attributes(layout, [1, 3, 5, 7, 9], frozenset({"up"}))
    assert not any(a.startswith("g:up") for _, own in plain for a in own)


def test_evaluate_scores_an_ocr_file_beside_its_gold(tmp_path, capsys):
    from editor_app.cli import main
    from tests.ocr.pages import TESSERACT

    hocr = TESSERACT["hocr"]
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.hocr").write_bytes(hocr.read_bytes())
    gold = {"source": "page.txt", "articles": [{"kind": "news", "start": 1, "end": 3}]}
    (folder / "page.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["evaluate", str(folder), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["overall"]["pages"] == 1
    # A text file beside it that is not the derived text is refused, naming both.
    (folder / "page.txt").write_text("另一段文字\n", encoding="utf-8")
    assert main(["evaluate", str(folder)]) != 0
    assert "page.txt" in capsys.readouterr().err


def layout_page(seed: int, articles: int = 3) -> tuple[str, dict, set[int]]:
    """A page whose articles can only be told apart by print: each opens with a sentence
    like any other, printed big (the raw lines in the returned set); laid out as an OCR
    page's raw text is, a blank line between two paragraphs."""
    rng = random.Random(seed)
    lines: list[str] = []
    big: set[int] = set()
    gold = {"source": f"layout{seed}.txt", "articles": [], "non_articles": []}
    for _ in range(articles):
        start = 2 * len(lines) + 1  # raw line numbers: a blank line between two paragraphs
        big.add(start)
        lines.append(_sentence(rng))
        for _ in range(rng.randint(2, 4)):
            lines.append("".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        end = 2 * len(lines) - 1
        gold["articles"].append(
            {"kind": "news", "start": start, "end": end, "roles": {str(start): "title"}}
        )
    return "\n\n".join(lines), gold, big


def hocr_of(text: str, layout: PageLayout) -> bytes:
    """An hOCR page of one paragraph per raw line, one word per printed line."""
    parts = [f'<html><body><div class="ocr_page" title="bbox 0 0 {layout.width} {layout.height}">']
    for number, line in enumerate(text.split("\n"), 1):
        boxes = layout.boxes(number)
        if not boxes:
            continue
        parts.append(f'<p class="ocr_par" title="bbox {" ".join(map(str, boxes[0]))}">')
        size = -(-len(line) // len(boxes))
        for index, box in enumerate(boxes):
            chunk = line[index * size : (index + 1) * size]
            coords = " ".join(map(str, box))
            parts.append(
                f'<span class="ocr_line" title="bbox {coords}">'
                f'<span class="ocrx_word" title="bbox {coords}">{chunk}</span></span>'
            )
        parts.append("</p>")
    parts.append("</div></body></html>")
    return "".join(parts).encode("utf-8")


@pytest.fixture(scope="module")
def print_model(tmp_path_factory) -> LearnedSegmenter:
    """A model that learned where articles open from print alone."""
    root = tmp_path_factory.mktemp("print")
    pages = []
    for seed in range(12):
        text, gold, big = layout_page(seed)
        layout = column_layout(text, big)
        pages.append(
            Page(
                f"press/layout{seed}.txt",
                text.encode(),
                json.dumps(gold).encode(),
                layout.to_json(),
            )
        )
    train(pages, root / "print.crfsuite", copies=0)
    return LearnedSegmenter(layout_model_path(root / "print.crfsuite"))


def test_an_imported_hocr_page_is_segmented_by_its_print(tmp_path, monkeypatch, print_model):
    import editor_app.segmentation as segmentation
    from editor_app.storage import Project, import_paths

    monkeypatch.setattr(segmentation, "shipped_segmenter", lambda **_: print_model)
    text, gold, big = layout_page(99, articles=4)
    layout = column_layout(text, big)
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.hocr").write_bytes(hocr_of(text, layout))
    starts = sorted(big)
    # The text alone does not tell where the articles open; the print does.
    assert [s.start for s in print_model.segment(text).articles] != starts
    project = Project.create(tmp_path / "p.qingyang", editor="tester")
    with project:
        report = import_paths(project, [folder], workers=1)
        assert len(report.imported) == 1, report.skipped
        assert project.documents.raw_text(1) == text
        articles = project.exports.articles(1)
        assert [a.start_line for a in articles] == starts
        # Proposed again from the stored geometry, nothing changes.
        plan = project.repropose.plan()
        assert plan.documents == []
        # Learning from the document, once reviewed, reads it with its print too.
        assert project.learning.reviewed_pages([1])[1][2] == layout


def test_train_writes_a_text_model_and_a_layout_model_and_segment_picks_by_the_page(
    tmp_path, monkeypatch
):
    import editor_app.segmentation.learned as learned

    text_path = tmp_path / "model.crfsuite"
    pages = []
    for seed in range(12):
        page_text, gold, big = layout_page(seed)
        layout = column_layout(page_text, big)
        name = f"press/layout{seed}.txt"
        pages.append(Page(name, page_text.encode(), json.dumps(gold).encode(), layout.to_json()))
    described = train(pages, text_path, copies=0)
    layout_path = layout_model_path(text_path)
    assert described["layout_model"] == layout_path.name == "model.layout.crfsuite"
    # The text model never saw a layout feature; the layout model learned from them.
    text_model, layout_model = LearnedSegmenter(text_path), LearnedSegmenter(layout_path)
    assert not any(a.startswith("g:") for w in text_model.weights.values() for a in w)
    assert any(a.startswith("g:") for w in layout_model.weights.values() for a in w)
    # Without geometry a page gets the text model, with it the layout model.
    monkeypatch.setattr(learned, "DEFAULT_MODEL", text_path)
    monkeypatch.setattr(learned, "DEFAULT_LAYOUT_MODEL", layout_path)
    page_text, _gold, big = layout_page(99, articles=4)
    layout = column_layout(page_text, big)
    assert segment(page_text) == text_model.segment(page_text)
    assert [a.start for a in segment(page_text, layout).articles] == sorted(big)
    # Where the layout model is missing, pages with geometry get the text model.
    monkeypatch.setattr(learned, "DEFAULT_LAYOUT_MODEL", tmp_path / "missing.crfsuite")
    assert segment(page_text, layout) == text_model.segment(page_text, layout)
    # Pages given as the layout model's own are learned by it alone.
    plain_pages = [Page(f"train/p{n}.txt", p.text_bytes, p.gold_bytes) for n, p in enumerate(pages)]
    train(plain_pages, text_path, copies=0, layout_pages=pages)
    described = json.loads((tmp_path / "model.crfsuite.json").read_text())
    assert described["data_sha256"] == digest(plain_pages)
    assert json.loads(sidecar(layout_path).read_text())["data_sha256"] == digest(
        plain_pages + pages
    )
    weights = LearnedSegmenter(text_path).weights.values()
    assert not any(a.startswith("g:") for w in weights for a in w)
    weights = LearnedSegmenter(layout_path).weights.values()
    assert any(a.startswith("g:") for w in weights for a in w)
    # Pages without geometry make no layout model, and an old one beside it goes.
    plain = Page("press/plain.txt", pages[0].text_bytes, pages[0].gold_bytes)
    train([plain], text_path, copies=0)
    assert not layout_path.exists() and "layout_model" not in json.loads(
        (tmp_path / "model.crfsuite.json").read_text()
    )


def test_the_press_archives_each_page_with_the_layout_of_its_hocr(tmp_path):
    from editor_app.ingest.ocr_read import read_ocr_text
    from tests.ocr.pages import TESSERACT
    from tools.press.layouts import LayoutMismatchError, pages_with_layouts

    data = TESSERACT["hocr"].read_bytes()
    page = read_ocr_text(data, "page.hocr")
    (tmp_path / "press-20190201-01.hocr").write_bytes(data)
    (tmp_path / "press-20190201-01.txt").write_text(page.text + "\n", encoding="utf-8")
    gold = {"source": "press-20190201-01.txt", "articles": [], "non_articles": []}
    (tmp_path / "press-20190201-01.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (pressed,) = pages_with_layouts(tmp_path)
    assert pressed.layout == PageLayout.of(page.width, page.height, page.line_boxes)
    (tmp_path / "press-20190201-01.txt").write_text("别的文字\n", encoding="utf-8")
    with pytest.raises(LayoutMismatchError, match="press-20190201-01.hocr"):
        pages_with_layouts(tmp_path)


def test_an_editor_s_pages_with_geometry_teach_the_layout_recipe_and_text_pages_the_text_one():
    from editor_app.segmentation.learned.adapt import train_adapted

    base = []
    for seed in range(4):
        text, gold, big = layout_page(seed)
        layout = column_layout(text, big).to_json()
        base.append(Page(f"press/b{seed}.txt", text.encode(), json.dumps(gold).encode(), layout))
    text, gold, big = layout_page(50)

    def layout_weights(data: bytes) -> int:
        weights = LearnedSegmenter.from_bytes(data).weights.values()
        return sum(a.startswith("g:") for w in weights for a in w)

    as_text = train_adapted([(text, gold)], base=base, repeat=2)
    with_print = train_adapted([(text, gold, column_layout(text, big))], base=base, repeat=2)
    assert layout_weights(as_text) == 0  # the shipped pages were learned as bare text
    assert layout_weights(with_print) > 0


def test_a_project_model_proposes_only_the_pages_of_its_kind(tmp_path):
    """A project that learned from plain text keeps the shipped layout model for OCR files
    with geometry, and one that learned from pages with geometry keeps the shipped text
    model for plain text."""
    from editor_app.segmentation import propose_with

    pages = []
    for seed in range(12):
        page_text, gold, big = layout_page(seed)
        layout = column_layout(page_text, big).to_json()
        pages.append(
            Page(f"press/l{seed}.txt", page_text.encode(), json.dumps(gold).encode(), layout)
        )
    train(pages, tmp_path / "own.crfsuite", copies=0)
    as_text = LearnedSegmenter(tmp_path / "own.crfsuite")
    with_print = LearnedSegmenter(layout_model_path(tmp_path / "own.crfsuite"))
    assert not as_text.reads_layout and with_print.reads_layout
    text, _gold, big = layout_page(99, articles=4)
    layout = column_layout(text, big)
    assert propose_with(as_text, text) == as_text.segment(text)
    assert propose_with(as_text, text, layout) == segment(text, layout)  # the shipped one
    assert propose_with(with_print, text, layout) == with_print.segment(text, layout)
    assert propose_with(with_print, text) == segment(text)
    assert propose_with(None, text, layout) == segment(text, layout)


def test_train_refuses_layout_pages_that_carry_no_layout(tmp_path, capsys):
    from editor_app.cli import main

    plain = write_corpus(tmp_path / "plain", range(2))
    argv = ["train", str(plain), "--layout-pages", str(plain), "-o", str(tmp_path / "m.crfsuite")]
    assert main(argv) != 0
    assert "no page carries its layout" in capsys.readouterr().err
    assert not (tmp_path / "m.crfsuite").exists()
