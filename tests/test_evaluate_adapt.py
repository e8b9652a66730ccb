"""`evaluate DIR... --adapt K --predictions OUT`: the learning curve, and proposals for outside scoring."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.model.gold_pages import load_pages
from editor_app.segmentation.gold_format import proposal_to_dict
from editor_app.segmentation.learned import LearnedSegmenter
from editor_app.segmentation.learned.adapt import train_adapted
from editor_app.segmentation.learned.training import train
from tests.test_learned_segmenter import NAMES, _phrase, _sentence, write_corpus

PAGES = 8


def other_paper_page(seed: int, articles: int = 4) -> tuple[str, dict]:
    """Another paper's shape: a column tag above each title, no dateline, the name last."""
    rng = random.Random(seed)
    lines: list[str] = []
    gold = {"source": f"other{seed:02d}.txt", "articles": [], "non_articles": []}
    for _ in range(articles):
        start = len(lines) + 1
        lines.append(f"【{_phrase(rng, 2, 4)}】")
        lines.append(_phrase(rng, 8, 14))
        for _ in range(rng.randint(1, 3)):
            lines.append("".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
        lines.append(f"（{rng.choice(NAMES)}）")
        roles = {str(start): "kicker", str(start + 1): "title"}
        gold["articles"].append({"kind": "news", "start": start, "end": len(lines), "roles": roles})
    return "\n".join(lines) + "\n", gold


def write_other_paper(folder: Path, count: int = PAGES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    # Written in reverse: the order that counts is the names', not the files'.
    for seed in reversed(range(count)):
        text, gold = other_paper_page(seed)
        (folder / gold["source"]).write_text(text, encoding="utf-8")
        (folder / f"other{seed:02d}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def base_dir(tmp_path_factory) -> Path:
    """Training pages of the usual shape, standing in for the shipped ones."""
    return write_corpus(tmp_path_factory.mktemp("base") / "train", range(6))


@pytest.fixture(scope="module")
def base_model(base_dir, tmp_path_factory) -> Path:
    """The model those pages make, standing in for the shipped model."""
    model = tmp_path_factory.mktemp("model") / "base.crfsuite"
    train(load_pages([base_dir]), model)
    return model


def evaluate(capsys, *args) -> dict:
    assert main(["evaluate", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_learning_from_the_first_pages_helps_on_the_rest_of_another_papers_pages(
    tmp_path, base_dir, base_model, capsys
):
    gold = write_other_paper(tmp_path / "other")
    report = evaluate(capsys, gold, "--adapt", 3, "--model", base_model, "--base-data", base_dir)
    assert report["learned_from"] == ["other00", "other01", "other02"]
    shipped, adapted = report["shipped"]["overall"], report["adapted"]["overall"]
    assert shipped["pages"] == adapted["pages"] == PAGES - 3
    assert shipped["articles"] == adapted["articles"] == 4 * (PAGES - 3)
    assert shipped["edits_per_10_articles"] > 2.0
    assert adapted["edits_per_10_articles"] < shipped["edits_per_10_articles"] / 2


def test_the_table_shows_both_models_on_the_same_pages(tmp_path, base_dir, base_model, capsys):
    gold = write_other_paper(tmp_path / "other", 4)
    args = ["evaluate", str(gold), "--adapt", "2", "--model", str(base_model)]
    assert main([*args, "--base-data", str(base_dir)]) == 0
    out = capsys.readouterr()
    assert "learned from the first 2 pages; scored the other 2" in out.out
    header = next(line for line in out.out.splitlines() if line.startswith("metric"))
    assert header.split() == ["metric", "shipped", "adapted"]
    assert "0 evaluated left out" in out.err


def test_pages_being_evaluated_never_train_the_adapted_model(tmp_path, base_model, capsys):
    gold = write_other_paper(tmp_path / "other", 4)
    args = ["--adapt", "1", "--model", str(base_model), "--base-data", str(gold)]
    assert main(["evaluate", str(gold), *args]) == 0
    assert "0 base pages (4 evaluated left out), 1 pages counted" in capsys.readouterr().err


def test_predictions_are_the_proposals_in_the_gold_format(tmp_path, base_model, capsys):
    gold = write_other_paper(tmp_path / "other", 3)
    out = tmp_path / "predictions"
    evaluate(capsys, gold, "--model", base_model, "--predictions", out)
    assert sorted(p.name for p in out.iterdir()) == ["other00.json", "other01.json", "other02.json"]
    model = LearnedSegmenter(base_model)
    text = (gold / "other01.txt").read_text(encoding="utf-8")
    expected = proposal_to_dict(model.segment(text), "other01.txt")
    assert json.loads((out / "other01.json").read_text(encoding="utf-8")) == expected


def test_with_adapt_the_predictions_are_the_adapted_models_for_the_scored_pages(
    tmp_path, base_dir, base_model, capsys
):
    gold = write_other_paper(tmp_path / "other", 5)
    out = tmp_path / "predictions"
    args = (gold, "--adapt", 2, "--model", base_model, "--base-data", base_dir)
    report = evaluate(capsys, *args, "--predictions", out)
    assert sorted(p.name for p in out.iterdir()) == ["other02.json", "other03.json", "other04.json"]
    right = 0
    for path in out.iterdir():
        proposal = json.loads(path.read_text(encoding="utf-8"))
        expected = json.loads((gold / path.name.replace(".json", ".gold.json")).read_text())
        right += [a["start"] for a in proposal["articles"]] == [
            a["start"] for a in expected["articles"]
        ]
    assert right == round(3 * report["adapted"]["overall"]["pages_perfect"])


def test_adapting_twice_gives_the_same_model(base_dir):
    own = [other_paper_page(seed) for seed in range(2)]
    base = load_pages([base_dir])
    assert train_adapted(own, base=base) == train_adapted(own, base=base)


@pytest.mark.parametrize("k", ["4", "9"])
def test_adapt_must_leave_pages_to_score(tmp_path, capsys, k):
    gold = write_other_paper(tmp_path / "other", 4)
    assert main(["evaluate", str(gold), "--adapt", k]) == 1
    assert "leaves none of the 4 pages to score" in capsys.readouterr().err


def test_adapt_needs_a_number_of_pages(tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["evaluate", str(tmp_path), "--adapt", "-1"])
    assert exit_.value.code == 2


def test_a_model_file_that_is_no_model_is_named(tmp_path, capsys):
    gold = write_other_paper(tmp_path / "other", 2)
    bogus = tmp_path / "bogus.crfsuite"
    bogus.write_bytes(b"not a model")
    assert main(["evaluate", str(gold), "--model", str(bogus)]) == 1
    assert "bogus.crfsuite" in capsys.readouterr().err


def test_adapting_the_shipped_model_end_to_end(tmp_path, capsys):
    """The real thing: the shipped training pages plus one page of another paper."""
    gold = write_other_paper(tmp_path / "other", 3)
    report = evaluate(capsys, gold, "--adapt", 1)
    shipped, adapted = report["shipped"]["overall"], report["adapted"]["overall"]
    assert shipped["pages"] == adapted["pages"] == 2
    assert adapted["edits_per_10_articles"] <= shipped["edits_per_10_articles"]
