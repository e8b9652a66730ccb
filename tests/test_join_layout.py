"""Paragraph joins read from the print: a page's geometry beside its text in the join decision."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from editor_app.cleanup import join, suggest
from editor_app.cleanup.document import CleanupDocument
from editor_app.cleanup.evaluation import proposal_from_gold
from editor_app.cleanup.join_cuts import cuts
from editor_app.cleanup.join_features import cut_features, ends_sentence, page_shape
from editor_app.cleanup.join_layout_features import PREFIX, page_print
from editor_app.cleanup.join_model import (
    DEFAULT_LAYOUT_MODEL,
    DEFAULT_MODEL,
    JoinModel,
    layout_model_path,
    shipped_join_model,
)
from editor_app.cleanup.join_training import sidecar, train
from editor_app.cli import main
from editor_app.model import LineIndex, Proposal, Segment
from editor_app.model.gold_pages import Page, digest, load_pages
from editor_app.model.layout import PageLayout
from tests.test_layout_evidence import hocr_of

REPO = Path(__file__).resolve().parents[1]
SHIPPED_DATA = REPO / "resources" / "training" / "corpus.tar.xz"
PRESSED_DATA = REPO / "resources" / "training" / "press.tar.xz"
LAYOUT_DATA = REPO / "resources" / "training" / "press-layout.tar.xz"

CHAR = 30  # a character's width and a printed line's height, in pixels
PER_LINE = 20  # characters to a printed line: the column's width
ROWS = 12  # printed lines to a column
LEADING = 6  # pixels between two printed lines
MARGIN, GUTTER = 100, 60


def printed(column: int, row: int, lines: list[tuple[int, int]]) -> tuple[tuple, int]:
    """Boxes of printed lines from (indent, characters) each, in `column` from `row` down;
    and the row below them."""
    x = MARGIN + column * (PER_LINE * CHAR + GUTTER)
    boxes = []
    for indent, chars in lines:
        y = MARGIN + row * (CHAR + LEADING)
        boxes.append((x + indent * CHAR, y, x + (indent + chars) * CHAR, y + CHAR))
        row += 1
    return tuple(boxes), row


# --- a page whose text cannot tell, printed two ways ---------------------------------------

TITLE = "各地积极推进乡村振兴"
PARAGRAPHS = (
    "今年以来，全区上下认真贯彻落实各项决策部署，扎实推进重点工作，经济社会发展稳中有进。"
    "各部门围绕中心、服务大局，切实加强组织领导。",
    "在推进过程中，各乡镇结合自身实际，因地制宜发展特色产业",
    "村集体经济收入明显增加，群众的获得感不断增强。",
    "下一步，全区将继续巩固拓展脱贫攻坚成果，推动乡村产业、人才、文化、生态和组织振兴。",
)
TEXT = "\n\n".join((TITLE, *PARAGRAPHS))
CUT = (5, 7)  # the break in question: `…发展特色产业` / `村集体经济收入…`


def two_ways(column_cut: bool) -> PageLayout:
    """The page printed with the break as a column cut (the first half fills the column to
    its foot, its last printed line full; the rest at the top of the next column, flush
    left) or as a paragraph's end (a short last line, the next paragraph indented)."""
    title, row = printed(0, 0, [(0, len(TITLE))])
    first, row = printed(0, row + 1, [(2, 18), (0, 20), (0, 20), (0, 6)])
    if column_cut:
        cut, _ = printed(0, row, [(2, 18), (0, 20), (0, 20), (0, 20)])
        rest, row = printed(1, 0, [(0, 20), (0, 4)])
        last, _ = printed(1, row, [(2, 18), (0, 20), (0, 4)])
    else:
        cut, row = printed(0, row, [(2, 18), (0, 9)])
        rest, row = printed(0, row, [(2, 18), (0, 5)])
        last, _ = printed(0, row, [(2, 18), (0, 20), (0, 4)])
    lines = [title, (), first, (), cut, (), rest, (), last]
    return PageLayout.of(2000, 1000, lines)


def one_article(text: str) -> Proposal:
    numbers = [line.number for line in LineIndex(text) if not line.is_blank]
    roles = {number: "body" for number in numbers} | {1: "title"}
    return Proposal(segments=[Segment("news", 1, len(LineIndex(text)))], roles=roles)


def joined(text: str, layout: PageLayout | None) -> set[tuple[int, int]]:
    found = suggest(text, one_article(text), rules=["join"], layout=layout)
    return {(s.line, s.next_line) for s in found}


def test_only_the_print_tells_a_column_cut_from_a_paragraph_s_end():
    """The text ends a clause where the break falls and the next line reads as a sentence of
    its own: as bare text the desk keeps the break; printed as a column cut it is joined,
    printed as a paragraph's end it is not."""
    as_cut, as_end = two_ways(column_cut=True), two_ways(column_cut=False)
    assert CUT not in joined(TEXT, None)
    assert CUT in joined(TEXT, as_cut)
    assert CUT not in joined(TEXT, as_end)
    (suggestion,) = [
        s
        for s in suggest(TEXT, one_article(TEXT), rules=["join"], layout=as_cut)
        if (s.line, s.next_line) == CUT
    ]
    assert suggestion.after == "" and TEXT[suggestion.start : suggestion.end] == "\n\n"


def test_the_print_s_features_are_ratios_on_the_page_not_pixels():
    """The same page scanned at twice the resolution reads the same."""
    as_cut = two_ways(column_cut=True)
    doubled = PageLayout.of(
        as_cut.width * 2,
        as_cut.height * 2,
        [[tuple(2 * v for v in box) for box in boxes] for boxes in as_cut.lines],
    )
    doc = CleanupDocument(TEXT, one_article(TEXT))
    shape = page_shape(doc)
    for cut in cuts(doc):
        assert cut_features(cut, shape, None, page_print(as_cut)) == cut_features(
            cut, shape, None, page_print(doubled)
        )
    (at_cut,) = [cut for cut in cuts(doc) if (cut.first.number, cut.second.number) == CUT]
    features = cut_features(at_cut, shape, None, page_print(as_cut))
    assert {"g:fill=full", "g:move=next", "g:ind=0"} <= set(features)
    features = cut_features(at_cut, shape, None, page_print(two_ways(column_cut=False)))
    assert {"g:fill=short", "g:move=down", "g:ind=1-2"} <= set(features)


# --- pages without geometry -----------------------------------------------------------------


@pytest.fixture(scope="module")
def some_shipped_pages() -> list[Page]:
    return load_pages([SHIPPED_DATA])[::40]


def test_pages_without_geometry_get_the_features_and_suggestions_they_had(
    some_shipped_pages, monkeypatch
):
    """No print, no `g:` feature: the text model decides on exactly what it read before
    (the shipped text model, remade byte for byte in test_join_model, pins the features
    over the whole corpus). A layout without a box for the lines is no print either."""
    text_model = shipped_join_model()
    assert text_model is not None and text_model is not shipped_join_model(with_layout=True)
    for page in some_shipped_pages:
        proposal = proposal_from_gold(page.text, page.gold)
        doc = CleanupDocument(page.text, proposal)
        shape = page_shape(doc)
        blank = PageLayout.of(1000, 1000, [() for _ in LineIndex(page.text)])
        for cut in cuts(doc):
            plain = cut_features(cut, shape, None)
            assert not any(name.startswith(PREFIX) for name in plain)
            assert cut_features(cut, shape, None, page_print(blank)) == plain
        before = suggest(page.text, proposal)
        assert suggest(page.text, proposal, layout=None) == before
        assert [s for s in before if s.rule == "join"] == list(join.joins(doc, text_model))
    # A page without geometry never reaches the layout model.
    asked = []
    monkeypatch.setattr(join, "shipped_join_model", lambda **kw: asked.append(kw))
    suggest(TEXT, one_article(TEXT), rules=["join"])
    suggest(TEXT, one_article(TEXT), rules=["join"], layout=two_ways(True))
    assert asked == [{}, {"with_layout": True}]


def test_without_the_layout_model_file_a_page_with_geometry_gets_the_text_model(monkeypatch):
    import editor_app.cleanup.join_model as join_model

    monkeypatch.setattr(join_model, "DEFAULT_LAYOUT_MODEL", Path("/nonexistent/model.tsv"))
    assert join_model.shipped_join_model(with_layout=True) is join_model.shipped_join_model()


# --- learning the print ---------------------------------------------------------------------

# Made-up characters for synthetic pages, no punctuation: the text tells nothing of a cut.
WORDS = "山水河湖城乡村镇田园花草树林风雨云雪春夏秋冬工农商学医路桥车船灯书画歌舞"


def flowed_page(seed: int) -> tuple[str, dict, PageLayout]:
    """A title and paragraphs of made-up words without a stop, flowed into columns as a
    newspaper prints them: a paragraph that runs past a column's foot is read (as OCR does)
    as two raw lines, the second at the top of the next column, flush left; the gold joins
    them. Text, gold and the page's layout."""
    rng = random.Random(seed)
    raw: list[str] = ["".join(rng.choice(WORDS) for _ in range(8))]
    title, _ = printed(0, 0, [(0, 8)])
    boxes: list[tuple] = [title]
    joins = []
    column, row = 0, 2
    for _ in range(rng.randint(8, 11)):
        text = "".join(rng.choice(WORDS) for _ in range(rng.randint(25, 90)))
        piece, lines, indent, at = "", [], 2, 0
        while at < len(text):
            if row == ROWS:  # the column is full: the paragraph goes on in the next one
                raw.append(piece)
                boxes.append(printed(column, row - len(lines), lines)[0])
                joins.append(len(raw))
                column, row, piece, lines = column + 1, 0, "", []
            size = min(PER_LINE - indent, len(text) - at)
            lines.append((indent, size))
            piece += text[at : at + size]
            at, indent, row = at + size, 0, row + 1
        raw.append(piece)
        boxes.append(printed(column, row - len(lines), lines)[0])
        if row == ROWS:
            column, row = column + 1, 0
    numbers = [2 * index + 1 for index in range(len(raw))]  # a blank line between two
    gold = {
        "source": f"flowed{seed}.txt",
        "articles": [{"kind": "news", "start": 1, "end": numbers[-1], "roles": {"1": "title"}}],
        "paragraph_joins": [[numbers[n - 1], numbers[n]] for n in joins],
    }
    spaced = [item for box in boxes for item in (box, ())][:-1]
    return "\n\n".join(raw) + "\n", gold, PageLayout.of(4000, 1000, spaced)


def flowed_pages(seeds: range, group: str = "press") -> list[Page]:
    pages = []
    for seed in seeds:
        text, gold, layout = flowed_page(seed)
        gold["source"] = name = f"page-201901{seed % 28 + 1:02d}-{seed:02d}.txt"
        key = f"{group}/{name}"
        pages.append(Page(key, text.encode(), json.dumps(gold).encode(), layout.to_json()))
    return pages


def write_pages(directory: Path, pages: list[Page]) -> Path:
    """The pages as a directory: NAME.txt, NAME.gold.json and NAME.layout.json."""
    directory.mkdir()
    for page in pages:
        stem = Path(page.key).stem
        (directory / f"{stem}.txt").write_bytes(page.text_bytes)
        (directory / f"{stem}.gold.json").write_bytes(page.gold_bytes)
        (directory / f"{stem}.layout.json").write_bytes(page.layout_bytes)
    return directory


def found(page_text: str, gold: dict, model: JoinModel, layout=None) -> set[tuple[int, int]]:
    doc = CleanupDocument(page_text, proposal_from_gold(page_text, gold), layout=layout)
    return {(s.line, s.next_line) for s in join.joins(doc, model)}


@pytest.fixture(scope="module")
def print_models(tmp_path_factory) -> tuple[JoinModel, JoinModel]:
    """The text and the layout recipe, learned from the same flowed pages."""
    root = tmp_path_factory.mktemp("flowed")
    pages = flowed_pages(range(16))
    train(pages, root / "joins.tsv")
    described = train(pages, root / "joins.layout.tsv", with_layout=True)
    assert described["layout"] is True and described["pages_with_layout"] == 16
    return JoinModel.load(root / "joins.tsv"), JoinModel.load(root / "joins.layout.tsv")


def test_the_layout_model_learns_from_print_the_cuts_the_text_cannot_tell(print_models):
    text_model, layout_model = print_models
    assert not any(name.startswith(PREFIX) for name in text_model.weights)
    assert any(name.startswith(PREFIX) for name in layout_model.weights)
    text_right = 0
    for seed in (100, 101, 102, 103):
        page_text, gold, layout = flowed_page(seed)
        wanted = {tuple(pair) for pair in gold["paragraph_joins"]}
        asked = [c for c in cuts(CleanupDocument(page_text, proposal_from_gold(page_text, gold)))]
        assert wanted and all(not ends_sentence(cut.a) for cut in asked)
        assert found(page_text, gold, layout_model, layout) == wanted
        text_right += found(page_text, gold, text_model) == wanted
    assert text_right == 0  # as bare text the pages give nothing away


def test_train_joins_layout_writes_the_layout_model_and_refuses_pages_without_geometry(
    tmp_path, capsys
):
    data = write_pages(tmp_path / "press", flowed_pages(range(4)))
    out = tmp_path / "joins.layout.tsv"
    assert main(["train-joins", str(data), "--layout", "-o", str(out), "--json"]) == 0
    described = json.loads(capsys.readouterr().out)
    assert described["data_sha256"] == digest(load_pages([data]))
    assert described["layout"] is True and described["pages_with_layout"] == 4
    assert any(name.startswith(PREFIX) for name in JoinModel.load(out).weights)
    for layout_file in data.glob("*.layout.json"):
        layout_file.unlink()
    assert main(["train-joins", str(data), "--layout", "-o", str(tmp_path / "x.tsv")]) == 1
    assert "none with its layout" in capsys.readouterr().err
    assert main(["train-joins", str(data), "--layout", "--crossval", "2"]) == 1
    assert "no page carries its layout" in capsys.readouterr().err


def test_the_layout_crossval_scores_pages_with_geometry_three_ways(tmp_path, capsys):
    data = write_pages(tmp_path / "train", flowed_pages(range(8), group="train"))
    assert main(["train-joins", str(data), "--crossval", "2", "--layout", "--json"]) == 0
    rows = {(row["kind"], row["system"]): row for row in json.loads(capsys.readouterr().out)}
    assert set(rows) == {
        *(("geometry", system) for system in ("rule", "text", "layout", "nogeo")),
        *(("dev kind", system) for system in ("rule", "text", "layout")),
    }
    wanted = sum(len(page.gold["paragraph_joins"]) for page in load_pages([data]))
    for row in rows.values():
        assert row["found"] + row["missed"] == wanted
    assert rows["geometry", "layout"]["f1"] > rows["geometry", "nogeo"]["f1"]


# --- an OCR file imported into a project ------------------------------------------------------


def test_an_imported_hocr_page_gets_the_join_from_its_print(tmp_path):
    from editor_app.storage import Project, import_paths

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "cut.hocr").write_bytes(hocr_of(TEXT, two_ways(column_cut=True)))
    (folder / "ended.hocr").write_bytes(hocr_of(TEXT, two_ways(column_cut=False)))
    project = Project.create(tmp_path / "p.qingyang", editor="tester")
    with project:
        report = import_paths(project, [folder], workers=1)
        assert len(report.imported) == 2, report.skipped
        by_name = {}
        for document, name in project.documents.names().items():
            assert project.documents.raw_text(document) == TEXT
            assert project.documents.layout(document) is not None
            by_name[Path(name).name] = {
                (s.line, s.next_line)
                for s in project.suggestions.find(document_id=document, rule="join")
            }
    assert CUT in by_name["cut.hocr"]
    assert CUT not in by_name["ended.hocr"]


# --- the shipped layout model ---------------------------------------------------------------


def test_the_shipped_layout_model_is_small_and_names_the_digest_of_the_shipped_data():
    assert layout_model_path(DEFAULT_MODEL) == DEFAULT_LAYOUT_MODEL
    assert DEFAULT_LAYOUT_MODEL.name == "join_model.layout.tsv"
    described = json.loads(sidecar(DEFAULT_LAYOUT_MODEL).read_text())
    pages = load_pages([SHIPPED_DATA, PRESSED_DATA, LAYOUT_DATA])
    assert described["data_sha256"] == digest(pages)
    assert described["pages_with_layout"] == sum(1 for page in pages if page.layout_bytes) > 0
    assert DEFAULT_LAYOUT_MODEL.stat().st_size < 64 * 1024
    weights = JoinModel.load(DEFAULT_LAYOUT_MODEL).weights
    assert any(name.startswith(PREFIX) for name in weights)


def test_the_shipped_layout_model_is_what_train_joins_makes_of_the_shipped_data(tmp_path):
    """Anyone can remake it, byte for byte, with one command."""
    made = tmp_path / "join_model.layout.tsv"
    data = [str(SHIPPED_DATA), str(PRESSED_DATA), str(LAYOUT_DATA)]
    argv = ["train-joins", *data, "--layout", "-o", str(made)]
    assert main(argv) == 0
    assert made.read_bytes() == DEFAULT_LAYOUT_MODEL.read_bytes(), "remake it with `--layout`"
    assert sidecar(made).read_bytes() == sidecar(DEFAULT_LAYOUT_MODEL).read_bytes()
