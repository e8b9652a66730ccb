"""Fit the join model on the gold pages' `paragraph_joins`, deterministically.

Every cut (`join_cuts`) of a gold page, with the gold segmentation as the proposal, is one
example: its features (`join_features`, the rule's verdict among them) and whether the gold
joins the two lines. A maximum-entropy model (python-crfsuite on one-item sequences, L-BFGS)
weighs the features; the weights are written as text (`join_model`).

Two recipes: the text model learns every page as bare text; the layout model (`with_layout`)
learns the pages that carry their geometry with it (the print's features, `g:…`), the others
as bare text, and decides for documents read from an OCR file with their layout.
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
from editor_app.cleanup.join_layout_features import page_print
from editor_app.cleanup.join_model import JoinModel
from editor_app.model.gold_pages import Page, digest
from editor_app.model.layout import PageLayout

JOIN, KEEP = "join", "keep"
PARAMS = {"c1": 1.0, "c2": 1.0, "max_iterations": 300}
DIGITS = 6  # a weight's significant digits in the model file
# Chosen on the cross-validated figures: the dev kind's precision and recall both clear 0.95.
THRESHOLD = 0.45

Example = tuple[list[str], bool]


class JoinTrainingError(ValueError):
    """Pages a join model cannot be learned from."""


def page_examples(text: str, gold: dict, layout: PageLayout | None = None) -> list[Example]:
    """(features, joined in the gold) for the cuts of one page that the model decides on;
    with the page's `layout`, the print's features as well."""
    doc = CleanupDocument(text, proposal_from_gold(text, gold), layout=layout)
    joins = {(a, b) for a, b in gold.get("paragraph_joins", [])}
    shape, printed = page_shape(doc), page_print(layout)
    return [
        (
            cut_features(cut, shape, rule_verdict(cut), printed),
            (cut.first.number, cut.second.number) in joins,
        )
        for cut in cuts(doc)
        if not ends_sentence(cut.a)
    ]


def training_examples(
    pages: Iterable[Page],
    progress: Callable[..., None] | None = None,
    *,
    with_layout: bool = False,
) -> Iterator[Example]:
    """Every page's examples, in page order; `with_layout`: a page that carries its geometry
    is read with it (the layout model's recipe)."""
    for page in pages:
        yield from page_examples(page.text, page.gold, page.layout if with_layout else None)
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


def train(
    pages: list[Page],
    out: str | Path,
    progress: Callable[..., None] | None = None,
    *,
    with_layout: bool = False,
) -> dict:
    """Write the model to `out` and its description to `out` + `.json`; returns the latter.

    `with_layout`: the layout model, learned from the geometry of the pages that carry one
    (refused when none does); its description says how many did.
    """
    with_geometry = sum(1 for page in pages if page.layout_bytes)
    if with_layout and not with_geometry:
        raise JoinTrainingError(f"{len(pages)} pages, none with its layout (NAME.layout.json)")
    examples = list(training_examples(pages, progress, with_layout=with_layout))
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
    if with_layout:  # the text model's description stays as it was
        meta["layout"] = True
        meta["pages_with_layout"] = with_geometry
    text = json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    sidecar(out).write_text(text, encoding="utf-8")
    return meta


def sidecar(model: str | Path) -> Path:
    """The JSON description beside a model file."""
    path = Path(model)
    return path.with_name(path.name + ".json")
