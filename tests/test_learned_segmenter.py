"""The learned line-sequence segmenter: training, the shipped model, noise-tolerant features."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from editor_app.cli import train_command
from editor_app.model import Proposal
from editor_app.model.gold_pages import (
    CorpusError,
    archive_bytes,
    digest,
    load_pages,
    read_archive,
)
from editor_app.segmentation.evaluate import evaluate_page
from editor_app.segmentation.learned import (
    DEFAULT_LAYOUT_MODEL,
    DEFAULT_MODEL,
    LearnedSegmenter,
)
from editor_app.segmentation.learned.features import page_features
from editor_app.segmentation.learned.labels import labels_from_gold, spans_from_labels
from editor_app.segmentation.learned.training import layout_model_path, sidecar, train

REPO = Path(__file__).resolve().parents[1]
SHIPPED_DATA = REPO / "resources" / "training" / "corpus.tar.xz"
PRESSED_DATA = REPO / "resources" / "training" / "press.tar.xz"  # tools/press
LAYOUT_DATA = REPO / "resources" / "training" / "press-layout.tar.xz"  # the layout model's
SHARED = REPO.parent / "shared"
SEED_GOLD = SHARED / "gold"

# Made-up words for synthetic pages: nothing here comes from the gold files.
WORDS = "山水河湖城乡村镇田园花草树林风雨云雪春夏秋冬工农商学医路桥车船灯书画歌舞"
PLACES = ("东城", "西山", "南湖", "北岭", "中川")
NAMES = ("林木", "高山", "方圆", "白云", "江河", "石磊")


def _phrase(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _sentence(rng: random.Random) -> str:
    return "，".join(_phrase(rng, 6, 14) for _ in range(rng.randint(2, 4))) + "。"


def synthetic_page(seed: int, articles: int = 3) -> tuple[str, dict]:
    """A page of short news stories (title, dateline lead, body) and a staff line, with gold."""
    rng = random.Random(seed)
    lines: list[str] = []
    gold = {"source": f"page{seed}.txt", "articles": [], "non_articles": []}
    for _ in range(articles):
        start = len(lines) + 1
        lines.append(_phrase(rng, 8, 14))
        lead = f"本报{rng.choice(PLACES)}{rng.randint(1, 12)}月{rng.randint(1, 28)}日电"
        lines.append(f"{lead}（记者 {rng.choice(NAMES)}）{_sentence(rng)}")
        for _ in range(rng.randint(1, 4)):
            lines.append("".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        gold["articles"].append(
            {"kind": "news", "start": start, "end": len(lines), "roles": {str(start): "title"}}
        )
    lines.append(f"责任编辑：{rng.choice(NAMES)}")
    gold["non_articles"].append({"kind": "boilerplate", "start": len(lines), "end": len(lines)})
    return "\n".join(lines) + "\n", gold


def write_corpus(directory: Path, seeds: range) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        text, gold = synthetic_page(seed)
        (directory / f"page{seed}.txt").write_text(text, encoding="utf-8")
        (directory / f"page{seed}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tiny")
    pages = load_pages([write_corpus(root / "train", range(12))])
    model = root / "tiny.crfsuite"
    train(pages, model, copies=1)
    return model


def test_training_twice_on_the_same_pages_gives_the_same_model_bytes(tmp_path):
    pages = load_pages([write_corpus(tmp_path / "train", range(4))])
    train(pages, tmp_path / "a.crfsuite")
    train(pages, tmp_path / "b.crfsuite")
    assert (tmp_path / "a.crfsuite").read_bytes() == (tmp_path / "b.crfsuite").read_bytes()
    described = json.loads(sidecar(tmp_path / "a.crfsuite").read_text())
    assert described["data_sha256"] == digest(pages)


def test_a_model_trained_on_a_tiny_corpus_finds_the_boundaries_of_an_unseen_page(tiny_model):
    text, gold = synthetic_page(999, articles=4)
    proposal = LearnedSegmenter(tiny_model).segment(text)
    result = evaluate_page(gold, proposal, text)
    assert (result.missing, result.extra) == ([], [])
    assert [s.kind for s in proposal.segments][-1] == "boilerplate"
    assert all(s.reason.startswith("模型判为新段") for s in proposal.segments)


def test_the_archive_gives_the_same_pages_and_digest_as_the_directory(tmp_path):
    pages = load_pages([write_corpus(tmp_path / "train", range(3))])
    archive = tmp_path / "corpus.tar.xz"
    archive.write_bytes(archive_bytes(pages))
    assert archive_bytes(pages) == archive.read_bytes()  # deterministic
    again = read_archive(archive)
    assert [p.key for p in again] == [p.key for p in pages]
    assert digest(again) == digest(pages)


def test_a_gold_file_without_its_raw_text_is_named_in_the_error(tmp_path):
    (tmp_path / "lonely.gold.json").write_text('{"source": "lonely.txt"}', encoding="utf-8")
    with pytest.raises(CorpusError, match="lonely.txt"):
        load_pages([tmp_path])


def test_the_train_command_writes_a_model_and_its_description(tmp_path, capsys):
    import argparse

    parser = argparse.ArgumentParser()
    train_command.register(parser.add_subparsers())
    corpus = write_corpus(tmp_path / "train", range(3))
    model = tmp_path / "out.crfsuite"
    args = parser.parse_args(["train", str(corpus), "-o", str(model), "--json"])
    assert args.func(args) == 0
    described = json.loads(capsys.readouterr().out)
    assert described["pages"] == 3 and model.stat().st_size == described["model_bytes"]
    assert LearnedSegmenter(model).segment(synthetic_page(5)[0]).segments


def _spaced_out(line: str) -> str:
    """What an engine that spaces every Chinese character out makes of a line."""
    return " ".join(line)


def test_features_ignore_blanks_between_characters_and_dashes_read_as_one_one():
    clean = "二〇一九年的春天——\n\n山水城乡田园花草\n\n本报东城2月9日电（记者 林木）春风来了。\n"
    noisy = (
        "二〇一九年的春天一一\n\n"
        + _spaced_out("山水城乡田园花草")
        + "\n\n本报东城 2 月 9 日电 ( 记者 林木 ) 春风来了 。\n"
    )
    assert page_features(noisy).attributes == page_features(clean).attributes


def _relative_length(attributes: list[str]) -> str:
    return next(a for a in attributes if a.startswith("rel"))


@pytest.mark.parametrize("row", [18, 180])
def test_a_heading_is_short_against_the_page_s_own_lines_rows_or_paragraphs(row):
    """Clean pages give a column row a line, OCR a whole paragraph: the page is the yardstick."""
    rng = random.Random(row)
    body = ["".join(rng.choice(WORDS) for _ in range(row)) + "。" for _ in range(6)]
    text = "\n".join([body[0], body[1], "山水城乡田园花草", *body[2:]]) + "\n"
    attributes = page_features(text).attributes
    assert _relative_length(attributes[2]) in {"rel<2", "rel<4", "rel<7"}
    assert {_relative_length(line) for index, line in enumerate(attributes) if index != 2} == {
        "rel<15"
    }


def test_gold_labels_decode_back_to_the_gold_boundaries():
    text, gold = synthetic_page(7)
    numbers = [info.number for info in page_features(text).lines]
    spans = spans_from_labels(labels_from_gold(gold, numbers))
    starts = [numbers[span.first] for span in spans]
    expected = sorted(s["start"] for s in gold["articles"] + gold["non_articles"])
    assert starts == expected


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", "孤零零的一行", "　　只有一段正文，没有标题。\n", "x" * 200_000],
)
def test_decoding_odd_inputs_never_fails(tiny_model, text):
    proposal = LearnedSegmenter(tiny_model).segment(text)
    assert isinstance(proposal, Proposal)
    covered = {n for s in proposal.segments for n in range(s.start, s.end + 1)}
    non_empty = {n for n, line in enumerate(text.split("\n"), 1) if line.strip()}
    assert non_empty <= covered


def test_a_huge_page_is_segmented_whole(tiny_model):
    pages = [synthetic_page(seed)[0] for seed in range(40)]
    text = "\n".join(pages)
    proposal = LearnedSegmenter(tiny_model).segment(text)
    assert len(proposal.articles) == 3 * 40
    assert proposal.segments[-1].end == len(text.rstrip("\n").split("\n"))


def test_the_shipped_model_names_the_digest_of_the_shipped_data():
    assert DEFAULT_MODEL.is_file() and SHIPPED_DATA.is_file() and PRESSED_DATA.is_file()
    assert LAYOUT_DATA.is_file()
    text_data = digest(load_pages([SHIPPED_DATA, PRESSED_DATA]))
    layout_data = digest(load_pages([SHIPPED_DATA, PRESSED_DATA, LAYOUT_DATA]))
    for model, data in ((DEFAULT_MODEL, text_data), (DEFAULT_LAYOUT_MODEL, layout_data)):
        described = json.loads(sidecar(model).read_text())
        assert described["data_sha256"] == data
        assert described["layout"] == (model == DEFAULT_LAYOUT_MODEL)
        assert model.stat().st_size <= 3 * 1024 * 1024


@pytest.mark.skipif(not SEED_GOLD.is_dir(), reason="../shared/gold is not here")
def test_the_shipped_model_keeps_the_seeds_perfect():
    model = LearnedSegmenter(DEFAULT_MODEL)
    for page in load_pages([SEED_GOLD]):
        result = evaluate_page(page.gold, model.segment(page.text), page.text)
        assert (page.key, result.missing, result.extra) == (page.key, [], [])
        assert result.titles_right == result.matched_articles == result.gold_articles
        assert result.reporters_right == result.reporters_known


def test_without_a_model_file_segment_falls_back_to_the_rules(monkeypatch):
    import editor_app.segmentation as segmentation

    text = synthetic_page(3)[0]
    monkeypatch.setattr(segmentation, "shipped_segmenter", lambda **_: None)
    assert segmentation.segment(text) == segmentation.segment_by_rules(text)
    assert not segmentation.segment(text).segments[0].reason.startswith("模型")


def test_the_shipped_model_is_what_train_makes_of_the_shipped_data(tmp_path):
    """Anyone can remake the shipped model, byte for byte, with one command."""
    from editor_app.cli import main

    made = tmp_path / "model.crfsuite"
    argv = ["train", str(SHIPPED_DATA), str(PRESSED_DATA), "-o", str(made)]
    assert main([*argv, "--layout-pages", str(LAYOUT_DATA)]) == 0
    assert made.read_bytes() == Path(DEFAULT_MODEL).read_bytes(), "remake it with `train`"
    layout = layout_model_path(made)
    assert layout.read_bytes() == DEFAULT_LAYOUT_MODEL.read_bytes(), "remake it with `train`"
    assert sidecar(layout).read_bytes() == sidecar(DEFAULT_LAYOUT_MODEL).read_bytes()


def _dated_corpus(directory: Path, prefix: str, dates: list[str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for index, date in enumerate(dates):
        text, gold = synthetic_page(index)
        name = f"{prefix}-{date}-01"
        gold["source"] = f"{name}.txt"
        (directory / f"{name}.txt").write_text(text, encoding="utf-8")
        (directory / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return directory


def test_a_page_with_geometry_counts_twice_in_the_layout_model_only():
    from editor_app.segmentation.learned.training import page_sequences

    page = next(p for p in load_pages([LAYOUT_DATA]) if p.layout_bytes)
    as_text = page_sequences(page)
    with_layout = page_sequences(page, with_layout=True)
    assert len(as_text) == 1  # read by OCR already: no noisy copy
    assert len(with_layout) == 2
    assert any(a.startswith("g:") for a in with_layout[0][0].items()[0])
    assert not any(a.startswith("g:") for a in as_text[0][0].items()[0])


def test_pressed_pages_are_trained_on_without_noisy_copies_and_never_scored(tmp_path):
    from editor_app.segmentation.learned import crossval
    from editor_app.segmentation.learned.training import page_sequences

    dates = ["20190101", "20190102", "20190103", "20190104"]
    clean = load_pages([_dated_corpus(tmp_path / "train", "train", dates)])
    pressed = load_pages([_dated_corpus(tmp_path / "press", "press", dates[:2])])
    assert len(page_sequences(clean[0])) == 2  # the page and its noisy copy
    assert len(page_sequences(pressed[0])) == 1  # already read by OCR
    folds = crossval.fold_of_dates(clean + pressed, 2)
    assert set(folds) == set(dates)  # a pressed page's date is its clean page's
    results = crossval.cross_validate(clean + pressed, 2, say=lambda message: None)
    assert {kind: len(pages) for kind, pages in results["crf"].items()} == {"dev-kind": 4}
