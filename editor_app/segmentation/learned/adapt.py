"""A model fitted on the shipped pages plus an editor's own, weighted towards the editor's.

The editor's pages are whole pages as reviewed (raw text and a gold-format dict); each
counts OWN_REPEAT times beside the shipped training data, which L-BFGS sees once as
`training` prepares it (noisy copies, its own weights). Same inputs, same model bytes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from editor_app.model.gold_pages import Page, load_pages
from editor_app.model.layout import PageLayout
from editor_app.segmentation.learned.training import PARAMS, page_sequence, page_sequences

TRAINING = Path(__file__).resolve().parents[3] / "resources" / "training"
# The gold pages and the pressed ones (train pages printed and read back by tesseract).
SHIPPED_DATA = (TRAINING / "corpus.tar.xz", TRAINING / "press.tar.xz")
# More pressed pages, with their geometry, that only the layout model learns from.
LAYOUT_DATA = TRAINING / "press-layout.tar.xz"
# How many times an editor's page counts: measured on the OCR'd pages (see
# docs/learned-segmenter.md); fewer barely moves the model, more starts to overfit.
OWN_REPEAT = 10

# Raw text (newlines "\n") and its gold-format answer, then the page's layout if it has one.
OwnPage = tuple[str, dict] | tuple[str, dict, PageLayout | None]
Progress = Callable[[int, int], None]  # (iterations done, at most)


@lru_cache(maxsize=2)
def shipped_pages(with_layout: bool = False) -> tuple[Page, ...]:
    """The pages the shipped text model was trained on, or `with_layout` those of the
    layout model (CorpusError when an archive is missing)."""
    extra = [LAYOUT_DATA] if with_layout else []
    return tuple(load_pages([*SHIPPED_DATA, *extra]))


def own_sequences(pages: Iterable[OwnPage], repeat: int = OWN_REPEAT) -> list:
    """(items, labels) of the editor's pages, each page `repeat` times."""
    sequences = []
    for text, gold, *layout in pages:
        attributes, labels = page_sequence(text, gold, *layout)
        if labels:
            sequences += [(pycrfsuite.ItemSequence(attributes), labels)] * repeat
    return sequences


def base_sequences(base: Iterable[Page], with_layout: bool = False) -> list:
    """The shipped pages' sequences: as bare text, or `with_layout` with their geometry."""
    return [s for page in base for s in page_sequences(page, with_layout=with_layout)]


def any_layout(own: Iterable[OwnPage]) -> bool:
    """Whether some of the editor's pages carry their geometry (came from OCR files).

    A project's model is learned the layout way when its pages have geometry to learn from,
    the text way otherwise (as the shipped models are made), and proposes the pages of that
    kind (`segmentation.propose_with`).
    """
    return any(len(page) > 2 and page[2] is not None for page in own)


def train_adapted(
    own: Iterable[OwnPage],
    *,
    base: Iterable[Page] | None = None,
    repeat: int = OWN_REPEAT,
    progress: Progress | None = None,
) -> bytes:
    """Model bytes fitted on `base` (default: the shipped pages) and the editor's pages."""
    own = list(own)
    with_layout = any_layout(own)
    sequences = base_sequences(shipped_pages(with_layout) if base is None else base, with_layout)
    sequences += own_sequences(own, repeat)
    return fit_bytes(sequences, progress)


def fit_bytes(sequences: list, progress: Progress | None = None) -> bytes:
    """Train on (items, labels) pairs with the shipped model's parameters; the model's bytes."""
    trainer = _Trainer(progress)
    trainer.set_params(PARAMS)
    for items, labels in sequences:
        trainer.append(items, labels)
    with tempfile.TemporaryDirectory(prefix="qingyang-model-") as folder:
        out = Path(folder) / "model.crfsuite"
        trainer.train(str(out))
        return out.read_bytes()


class _Trainer(pycrfsuite.Trainer):
    """A trainer that reports its iterations instead of printing its log."""

    def __init__(self, progress: Progress | None) -> None:
        super().__init__(algorithm="lbfgs", verbose=progress is not None)
        self.progress = progress

    def on_iteration(self, log, info) -> None:
        self.progress(int(info.get("num", 0)), int(PARAMS["max_iterations"]))

    def _quiet(self, *_log) -> None:
        pass

    on_start = on_featgen_progress = on_featgen_end = on_prepared = _quiet
    on_prepare_error = on_optimization_end = on_end = _quiet
