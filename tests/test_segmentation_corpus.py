"""The segmenter over the shared seeds and dev pages must meet the agreed bar."""

import json
from pathlib import Path

import pytest

from editor_app.segmentation import segment
from editor_app.segmentation.evaluate import evaluate_page, summarise

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _pairs(gold_dir: Path, raw_dir: Path) -> list[tuple[dict, str]]:
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} is not here")
    pairs = []
    for path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = raw_dir / gold["source"]
        if raw.is_file():
            pairs.append((gold, raw.read_text(encoding="utf-8")))
    if not pairs:
        pytest.skip(f"no gold pages in {gold_dir}")
    return pairs


def _metrics(pairs):
    return summarise(evaluate_page(gold, segment(text), text) for gold, text in pairs)


def test_seed_pages_are_segmented_exactly():
    metrics = _metrics(_pairs(SHARED / "gold", SHARED / "seeds"))
    assert metrics["boundary_f1"] == 1.0
    assert metrics["article_f1"] == 1.0
    assert metrics["title_acc"] == 1.0
    assert metrics["headline_acc"] == 1.0
    assert metrics["reporters_acc"] == 1.0


def test_dev_pages_meet_the_bar():
    dev = SHARED / "corpus" / "dev"
    metrics = _metrics(_pairs(dev, dev))
    assert metrics["boundary_f1"] >= 0.90
    assert metrics["edits_per_10_articles"] <= 2.0
