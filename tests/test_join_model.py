"""The learned paragraph-join decision: training, the shipped model, odd inputs, the seeds."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.cleanup import join, suggest
from editor_app.cleanup.document import CleanupDocument
from editor_app.cleanup.evaluation import Score, proposal_from_gold, score_joins
from editor_app.cleanup.join_crossval import cross_validate, report
from editor_app.cleanup.join_model import DEFAULT_MODEL, JoinModel, JoinModelError
from editor_app.cleanup.join_training import sidecar, train
from editor_app.cli import main
from editor_app.model import LineIndex, Proposal, Segment
from editor_app.model.gold_pages import CorpusError, digest, load_pages

REPO = Path(__file__).resolve().parents[1]
SHIPPED_DATA = REPO / "resources" / "training" / "corpus.tar.xz"
PRESSED_DATA = REPO / "resources" / "training" / "press.tar.xz"
SEGMENTER_SIDECAR = REPO / "editor_app" / "segmentation" / "learned" / "model.crfsuite.json"
SEED_GOLD = REPO.parent / "shared" / "gold"

# The word list comes from jieba's dictionary; a machine without it skips what needs words.
needs_words = pytest.mark.skipif(
    importlib.util.find_spec("jieba") is None, reason="jieba not installed"
)

# Made-up text for synthetic pages: nothing here comes from the gold files.
WORDS = "山水河湖城乡村镇田园花草树林风雨云雪春夏秋冬工农商学医路桥车船灯书画歌舞"


def _phrase(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _paragraph(rng: random.Random) -> str:
    sentences = ("，".join(_phrase(rng, 5, 9) for _ in range(3)) + "。" for _ in range(3))
    return "".join(sentences)


def synthetic_page(seed: int, cut_mark: str = "") -> tuple[str, dict]:
    """Articles of a title, short subheads (body, as the 人民日报 gold marks them) and
    paragraphs, half of them cut in two mid-sentence, the first half ending in `cut_mark`;
    the gold joins the cut halves."""
    rng = random.Random(seed)
    lines: list[str] = []
    gold: dict = {"source": f"page{seed}.txt", "articles": [], "paragraph_joins": []}
    for _ in range(3):
        start = 2 * len(lines) + 1
        lines.append(_phrase(rng, 8, 12))
        for _ in range(4):
            if rng.random() < 0.4:
                lines.append(_phrase(rng, 6, 10))  # a subhead: never goes on
            paragraph = _paragraph(rng)
            if rng.random() < 0.5:
                cut = rng.randint(20, len(paragraph) - 20)
                while paragraph[cut - 1] in "，。":
                    cut += 1
                gold["paragraph_joins"].append([2 * len(lines) + 1, 2 * len(lines) + 3])
                lines += [paragraph[:cut] + cut_mark, paragraph[cut:]]
            else:
                lines.append(paragraph)
        end = 2 * len(lines) - 1
        gold["articles"].append(
            {"kind": "news", "start": start, "end": end, "roles": {str(start): "title"}}
        )
    return "\n\n".join(lines) + "\n", gold


def write_pages(directory: Path, seeds: range, cut_mark: str = "") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        text, gold = synthetic_page(seed, cut_mark)
        name = f"page-201901{seed % 28 + 1:02d}-{seed:02d}"
        gold["source"] = f"{name}.txt"
        (directory / f"{name}.txt").write_text(text, encoding="utf-8")
        (directory / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tiny-joins")
    model = root / "joins.tsv"
    train(load_pages([write_pages(root / "train", range(16))]), model)
    return model


def found_joins(text: str, gold: dict, model: JoinModel | None) -> set[tuple[int, int]]:
    doc = CleanupDocument(text, proposal_from_gold(text, gold))
    return {(s.line, s.next_line) for s in join.joins(doc, model)}


# --- training ---------------------------------------------------------------------------


def test_training_twice_on_the_same_pages_gives_the_same_model_bytes(tmp_path):
    pages = load_pages([write_pages(tmp_path / "train", range(6))])
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    train(pages, first)
    train(pages, second)
    assert first.read_bytes() == second.read_bytes()
    assert sidecar(first).read_bytes() == sidecar(second).read_bytes()


@needs_words
def test_a_model_trained_on_a_tiny_set_joins_the_cut_paragraphs_of_an_unseen_page(tiny_model):
    model = JoinModel.load(tiny_model)
    for seed in (100, 101, 102):
        text, gold = synthetic_page(seed)
        assert found_joins(text, gold, model) == {tuple(pair) for pair in gold["paragraph_joins"]}


@needs_words
def test_the_tiny_model_is_sure_of_a_mid_sentence_cut_and_of_a_subhead(tiny_model):
    model = JoinModel.load(tiny_model)
    text = (
        "山水河湖城乡\n\n花草树林风雨云雪春夏，秋冬工农商学医路，桥车船灯书画歌舞山水城乡村镇田园花草树\n\n"
        "林风雨云雪。春夏秋冬工农商学，医路桥车船灯书画。\n\n风雨云雪春夏\n\n花草树林风雨，云雪春夏秋冬。"
    )
    gold = {"articles": [{"kind": "news", "start": 1, "end": 9, "roles": {"1": "title"}}]}
    assert found_joins(text, gold, model) == {(3, 5)}


def test_a_model_learns_a_cut_the_rule_cannot_see(tmp_path):
    """Pages whose cut halves all end on a colon, which the rule takes for a paragraph's end."""
    model_path = tmp_path / "colon.tsv"
    train(load_pages([write_pages(tmp_path / "train", range(16), cut_mark="：")]), model_path)
    model = JoinModel.load(model_path)
    for seed in (200, 201):
        text, gold = synthetic_page(seed, cut_mark="：")
        wanted = {tuple(pair) for pair in gold["paragraph_joins"]}
        assert wanted and not found_joins(text, gold, None) & wanted
        assert found_joins(text, gold, model) == wanted


def test_the_train_joins_command_writes_the_model_and_names_the_data(tmp_path, capsys):
    data = write_pages(tmp_path / "train", range(4))
    out = tmp_path / "joins.tsv"
    assert main(["train-joins", str(data), "-o", str(out), "--json"]) == 0
    described = json.loads(capsys.readouterr().out)
    assert described["data_sha256"] == digest(load_pages([data]))
    assert json.loads(sidecar(out).read_text())["data_sha256"] == described["data_sha256"]
    assert described["joins"] > 0 and JoinModel.load(out).weights


@pytest.mark.parametrize(
    "argv, status",
    [
        (["train-joins", "{data}"], 2),  # neither -o nor --crossval
        (["train-joins", "{data}", "-o", "{tmp}/x.tsv", "--crossval", "2"], 2),
        (["train-joins", "{tmp}/missing", "-o", "{tmp}/x.tsv"], 1),
        (["train-joins", "{data}", "-o", "{tmp}/no/such/dir/x.tsv"], 1),
    ],
)
def test_train_joins_refuses_bad_requests_with_the_contract_s_exit_codes(
    tmp_path, argv, status, capsys
):
    data = write_pages(tmp_path / "train", range(2))
    args = [a.format(data=data, tmp=tmp_path) for a in argv]
    try:
        code = main(args)
    except SystemExit as exit_:
        code = exit_.code
    assert code == status
    assert capsys.readouterr().err


def test_pages_without_a_single_cut_paragraph_teach_nothing_and_are_refused(tmp_path, capsys):
    data = write_pages(tmp_path / "train", range(3))
    for gold_path in data.glob("*.gold.json"):
        gold = json.loads(gold_path.read_text())
        gold["paragraph_joins"] = []
        gold_path.write_text(json.dumps(gold))
    assert main(["train-joins", str(data), "-o", str(tmp_path / "x.tsv")]) == 1
    assert "0 joined" in capsys.readouterr().err
    assert not (tmp_path / "x.tsv").exists()


def test_a_gold_file_without_its_raw_text_is_named_in_the_error(tmp_path):
    data = write_pages(tmp_path / "train", range(1))
    next(data.glob("*.txt")).unlink()
    with pytest.raises(CorpusError, match="page-"):
        load_pages([data])


# --- cross-validation ---------------------------------------------------------------------


@needs_words
def test_cross_validation_scores_both_systems_on_held_out_pages(tmp_path):
    pages = load_pages([write_pages(tmp_path / "train", range(8))])
    rows = report(cross_validate(pages, 2))
    by_system = {row["system"]: row for row in rows if row["input"] == "gold"}
    wanted = sum(len(page.gold["paragraph_joins"]) for page in pages)
    assert set(by_system) == {"rule", "learned"}
    for row in by_system.values():
        assert row["found"] + row["missed"] == wanted
    assert by_system["learned"]["f1"] >= 0.9


@needs_words
def test_pressed_pages_are_trained_on_and_never_scored(tmp_path):
    corpus = load_pages([write_pages(tmp_path / "train", range(8))])
    pressed = load_pages([write_pages(tmp_path / "press", range(20, 28))])
    rows = report(cross_validate(corpus + pressed, 2))
    wanted = sum(len(page.gold["paragraph_joins"]) for page in corpus)
    assert {row["kind"] for row in rows} == {"dev kind"}
    for row in rows:
        assert row["found"] + row["missed"] == wanted


@needs_words
def test_the_crossval_command_also_scores_the_segmenter_s_proposal(tmp_path, capsys):
    data = write_pages(tmp_path / "train", range(6))
    assert main(["train-joins", str(data), "--crossval", "2", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(row["input"], row["system"]) for row in rows} == {
        (source, system) for source in ("gold", "proposal") for system in ("rule", "learned")
    }


# --- the shipped model ----------------------------------------------------------------------


def test_the_shipped_model_is_small_and_names_the_digest_of_the_shipped_data():
    assert DEFAULT_MODEL.is_file() and SHIPPED_DATA.is_file()
    described = json.loads(sidecar(DEFAULT_MODEL).read_text())
    assert described["data_sha256"] == digest(load_pages([SHIPPED_DATA]))
    segmenter = json.loads(SEGMENTER_SIDECAR.read_text())
    # The segmenter learns from the same pages and from the pressed ones (tools/press).
    assert segmenter["data_sha256"] == digest(load_pages([SHIPPED_DATA, PRESSED_DATA]))
    assert DEFAULT_MODEL.stat().st_size < 1024 * 1024


def test_the_shipped_model_is_what_train_joins_makes_of_the_shipped_data(tmp_path):
    """Anyone can remake the shipped join model, byte for byte, with one command."""
    made = tmp_path / "join_model.tsv"
    assert main(["train-joins", str(SHIPPED_DATA), "-o", str(made)]) == 0
    assert made.read_bytes() == DEFAULT_MODEL.read_bytes(), "remake it with `train-joins`"
    assert sidecar(made).read_bytes() == sidecar(DEFAULT_MODEL).read_bytes()


def test_a_damaged_model_file_is_refused_with_its_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("#threshold\t0.5\nbias\tnot-a-number\n", encoding="utf-8")
    with pytest.raises(JoinModelError, match="line 2"):
        JoinModel.load(bad)


def test_without_the_model_file_the_rule_decides(monkeypatch):
    text = "今年以来，全区上下认真贯彻落实各项决策部署，扎实推进重点工作，\n\n取得了明显成效。"
    rule_only = found_joins(text, _one_article(text), None)
    monkeypatch.setattr(join, "shipped_join_model", lambda: None)
    found = suggest(text, _one_article_proposal(text), rules=["join"])
    assert {(s.line, s.next_line) for s in found} == rule_only == {(1, 3)}


@pytest.mark.skipif(not SEED_GOLD.is_dir(), reason="../shared/gold is not here")
@needs_words
@pytest.mark.parametrize("model", ["learned", "rule"])
def test_the_seed_joins_are_exactly_the_gold_ones(model, monkeypatch):
    if model == "rule":
        monkeypatch.setattr(join, "shipped_join_model", lambda: None)
    total = Score()
    for page in load_pages([SEED_GOLD]):
        found = suggest(page.text, proposal_from_gold(page.text, page.gold), rules=["join"])
        total.add(score_joins(found, page.gold))
    assert (total.found, total.extra, total.missed) == (14, 0, 0)


# --- odd inputs -----------------------------------------------------------------------------


def _one_article(text: str) -> dict:
    """Gold of one article over every line, all body."""
    return {"articles": [{"kind": "news", "start": 1, "end": len(LineIndex(text))}]}


def _one_article_proposal(text: str) -> Proposal:
    numbers = [line.number for line in LineIndex(text) if not line.is_blank]
    roles = dict.fromkeys(numbers, "body")
    return Proposal(segments=[Segment("news", 1, len(LineIndex(text)))], roles=roles)


PIECES = (
    "中", "文", "的", "。", "，", ",", ".", ":", "“", "”", "（", ")", "《", "——", "一一", "…",
    " ", "\u3000", "\t", "\u00a0", "\n", "\n\n", "1", "9", "a", "𠀀", "\x00", "\ufeff", "本报讯",
    "书名", "一、", "摄",
)  # fmt: skip


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_the_learned_join_never_fails_and_only_removes_breaks_inside_an_article(text):
    found = suggest(text, _one_article_proposal(text), rules=["join"])
    for suggestion in found:
        assert suggestion.after == ""
        assert text[suggestion.start : suggestion.end].strip() == ""
        assert 0 < suggestion.confidence <= 1


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", "。\n\n，", "a\n\nb", "——\n\n——", " \u3000\n\n\t", "中" * 5000 + "\n\n的" * 3],
)
def test_odd_pages_give_sensible_joins(text):
    found = suggest(text, _one_article_proposal(text), rules=["join"])
    assert all(s.next_line is not None and s.line < s.next_line for s in found)
