"""Fit the line-sequence CRF on gold pages (plus noisy copies of the clean ones), deterministically."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pycrfsuite

from editor_app.model.gold_pages import Page, digest
from editor_app.model.layout import PageLayout
from editor_app.segmentation.learned.features import page_features
from editor_app.segmentation.learned.labels import labels_from_gold
from editor_app.segmentation.learned.noise import noisy_page
from editor_app.support.model_files import layout_model_path

# Pages read by OCR already carry its noise; the others get noisy copies. `press`: train pages
# printed and read back by tesseract (`tools/press`).
OCR_GROUPS = frozenset({"ocr-train", "press"})
NOISY_COPIES = 1
# Kinds of page that are few beside the 人民日报 pages count several times: the OCR'd pages,
# and the seed issues of the district daily the desk is first used on.
REPEAT = {"ocr-train": 3, "gold": 5}
# In the layout model a page read with its geometry counts this many times more: such pages
# are a fifth of what it learns from, and the only ones that teach it the print.
LAYOUT_REPEAT = 2
SEED = 2019
PARAMS = {
    "c1": 0.1,
    "c2": 0.3,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}


def page_sequence(
    text: str, gold: dict, layout: PageLayout | None = None, skip: frozenset[str] = frozenset()
) -> tuple[list[list[str]], list[str]]:
    """Attributes and gold labels of one page's non-empty lines (with its layout's, if any)."""
    features = page_features(text, layout, skip)
    numbers = [info.number for info in features.lines]
    return features.attributes, labels_from_gold(gold, numbers)


def noisy_sequences(page: Page, copies: int, seed: int) -> Iterator[tuple[list, list]]:
    """Noisy copies of a clean page, each from its own generator seeded by the page key."""
    text = page.text
    numbered = [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    labels = labels_from_gold(page.gold, [n for n, _ in numbered])
    for copy in range(copies):
        rng = random.Random(f"{seed}:{copy}:{page.key}")
        lines, noisy_labels = noisy_page([line for _, line in numbered], labels, rng)
        features = page_features("\n\n".join(lines))
        yield features.attributes, noisy_labels


def page_sequences(
    page: Page,
    copies: int = NOISY_COPIES,
    seed: int = SEED,
    skip: frozenset[str] = frozenset(),
    *,
    with_layout: bool = False,
) -> list:
    """The page's own sequence, then its noisy copies when the page is clean.

    `with_layout`: a page with geometry is learned from with its layout (the layout
    model's recipe), else as bare text like any other; `skip`: layout families left out.
    """
    layout = page.layout if with_layout else None
    sequences = [page_sequence(page.text, page.gold, layout, skip)]
    if page.group not in OCR_GROUPS:
        sequences.extend(noisy_sequences(page, copies, seed))
    sequences *= REPEAT.get(page.group, 1) * (LAYOUT_REPEAT if layout is not None else 1)
    items = [(pycrfsuite.ItemSequence(a), labels) for a, labels in sequences if labels]
    return items


def fit(sequences: list, out: str | Path) -> int:
    """Train on (items, labels) pairs, write the model; returns the number of lines seen."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(PARAMS)
    for items, labels in sequences:
        trainer.append(items, labels)
    trainer.train(str(out))
    return sum(len(labels) for _, labels in sequences)


def train(
    pages: list[Page],
    out: str | Path,
    *,
    copies: int = NOISY_COPIES,
    seed: int = SEED,
    progress: Callable[..., None] | None = None,
    layout_pages: list[Page] = (),
) -> dict:
    """Write the text model to `out` and, when some page carries its geometry, the layout
    model beside it (`layout_model_path`), each with its description (`sidecar`); returns
    the text model's description, which names the layout model's file when there is one.
    `layout_pages`: pages only the layout model learns from.

    Two models, because a page that has geometry is learned from two ways: as bare text it
    teaches the model for pages without geometry (most pages), with its layout it teaches
    the model for OCR files that carry one. One model learning a page both ways lost most of
    what the layout gave; and the text model takes fewer pressed pages than the layout model
    can use, since more of them cost the dev kind (figures in docs/learned-segmenter.md).
    """
    everything = list(pages) + list(layout_pages)
    layout_out = layout_model_path(out)
    meta = _train_one(pages, out, False, copies, seed, progress)
    if any(page.layout_bytes for page in everything):
        _describe(layout_out, _train_one(everything, layout_out, True, copies, seed, progress))
        meta["layout_model"] = layout_out.name
    else:
        layout_out.unlink(missing_ok=True)
        sidecar(layout_out).unlink(missing_ok=True)
    _describe(out, meta)
    return meta


def _train_one(pages, out, with_layout: bool, copies: int, seed: int, progress) -> dict:
    """Fit one model on `pages` into `out`; returns its description."""
    sequences = []
    for page in pages:
        sequences.extend(page_sequences(page, copies, seed, with_layout=with_layout))
        if progress is not None:
            progress()
    lines = fit(sequences, out)
    meta = {
        "data_sha256": digest(pages),
        "pages": len(pages),
        "groups": sorted({page.group for page in pages}),
        "lines": lines,
        "noisy_copies": copies,
        "seed": seed,
        "params": PARAMS,
        "layout": with_layout,
    }
    return meta


def _describe(model: str | Path, meta: dict) -> None:
    text = json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    sidecar(model).write_text(text)


def preparations(pages: list[Page], layout_pages: list[Page] = ()) -> int:
    """How many times `train` reports progress: once a page for each model it writes."""
    everything = list(pages) + list(layout_pages)
    return len(pages) + (len(everything) if any(p.layout_bytes for p in everything) else 0)


def sidecar(model: str | Path) -> Path:
    """The JSON description beside a model file."""
    path = Path(model)
    return path.with_name(path.name + ".json")
