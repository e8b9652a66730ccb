"""Layout as evidence: a page's geometry beside its text in the learned segmenter."""

from __future__ import annotations

import json

from editor_app.model.gold_pages import Page, archive_bytes, digest, load_pages, read_archive
from editor_app.model.layout import PageLayout
from editor_app.segmentation import segment
from editor_app.segmentation.learned.features import page_features
from editor_app.segmentation.learned.layout_features import layout_attributes
from tests.test_learned_segmenter import synthetic_page, write_corpus

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
