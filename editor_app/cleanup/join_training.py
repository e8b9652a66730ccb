"""Fit the join model on the gold pages' `paragraph_joins`, deterministically.

Every cut (`join_cuts`) of a gold page, with the gold segmentation as the proposal, is one
example: its features (`join_features`, the rule's verdict among them) and whether the gold
joins the two lines. A maximum-entropy model (python-crfsuite on one-item sequences, L-BFGS)
weighs the features; the weights are written as text (`join_model`).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pycrfsuite

from editor_app.cleanup.document import CleanupDocument
from editor_app.cleanup.evaluation import proposal_from_gold
from editor_app.cleanup.join import rule_verdict
from editor_app.cleanup.join_cuts import cuts
from editor_app.cleanup.join_features import cut_features, ends_sentence, page_shape
from editor_app.cleanup.join_model import JoinModel
from editor_app.model.gold_pages import Page, digest

JOIN, KEEP = "join", "keep"
PARAMS = {"c1": 1.0, "c2": 1.0, "max_iterations": 300}
DIGITS = 6  # a weight's significant digits in the model file
# Chosen on the cross-validated figures: the dev kind's precision and recall both clear 0.95.
THRESHOLD = 0.45

Example = tuple[list[str], bool]


class JoinTrainingError(ValueError):
    """Pages a join model cannot be learned from."""


def page_examples(text: str, gold: dict) -> list[Example]:
    """(features, joined in the gold) for the cuts of one page that the model decides on."""
    doc = CleanupDocument(text, proposal_from_gold(text, gold))
    joins = {(a, b) for a, b in gold.get("paragraph_joins", [])}
    shape = page_shape(doc)
    return [
        (
            cut_features(cut, shape, rule_verdict(cut)),
            (cut.first.number, cut.second.number) in joins,
        )
        for cut in cuts(doc)
        if not ends_sentence(cut.a)
    ]


def training_examples(
    pages: Iterable[Page], progress: Callable[..., None] | None = None
) -> Iterator[Example]:
    """Every page's examples, in page order."""
    for page in pages:
        yield from page_examples(page.text, page.gold)
        if progress is not None:
            progress()


def fit(examples: Iterable[Example], threshold: float = THRESHOLD) -> JoinModel:
    """The logistic weights crfsuite finds for the examples (log-odds of a join)."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(PARAMS)
    for features, joined in examples:
        trainer.append([features], [JOIN if joined else KEEP])
    with tempfile.TemporaryDirectory() as work:
        path = str(Path(work) / "joins.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        state = tagger.info().state_features
        tagger.close()
    weights: dict[str, float] = {}
    for (name, label), weight in state.items():
        weights[name] = weights.get(name, 0.0) + (weight if label == JOIN else -weight)
    kept = {name: float(f"{w:.{DIGITS}g}") for name, w in weights.items() if w}
    return JoinModel(kept, threshold)


def train(pages: list[Page], out: str | Path, progress: Callable[..., None] | None = None) -> dict:
    """Write the model to `out` and its description to `out` + `.json`; returns the latter."""
    examples = list(training_examples(pages, progress))
    joined = sum(joined for _, joined in examples)
    if not 0 < joined < len(examples):
        raise JoinTrainingError(
            f"{len(pages)} pages, {len(examples)} cuts, {joined} joined: "
            "a model needs cut paragraphs and paragraphs that end, both"
        )
    model = fit(examples)
    Path(out).write_text(model.to_text(), encoding="utf-8")
    meta = {
        "data_sha256": digest(pages),
        "pages": len(pages),
        "groups": sorted({page.group for page in pages}),
        "cuts": len(examples),
        "joins": joined,
        "features": len(model.weights),
        "threshold": model.threshold,
        "params": PARAMS,
    }
    text = json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    sidecar(out).write_text(text, encoding="utf-8")
    return meta


def sidecar(model: str | Path) -> Path:
    """The JSON description beside a model file."""
    path = Path(model)
    return path.with_name(path.name + ".json")
