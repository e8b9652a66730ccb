"""Learn from an editor's reviewed pages and say how well that does on pages held back.

Some of the pages (HOLD_OUT_SHARE, spread over them) are held back: a model fitted
without them proposes them, and the metrics of `evaluate` compare that with what the
editor left; the shipped model is scored on the same pages beside it. The model kept
is then fitted on every page.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from editor_app.model.gold_pages import Page
from editor_app.segmentation.evaluate import evaluate_page, summarise
from editor_app.segmentation.learned.adapt import (
    OWN_REPEAT,
    OwnPage,
    Progress,
    any_layout,
    base_sequences,
    fit_bytes,
    own_sequences,
    shipped_pages,
)
from editor_app.segmentation.learned.model import LearnedSegmenter
from editor_app.segmentation.learned.training import PARAMS

HOLD_OUT_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class Learned:
    """A fitted model, the pages it learned from, and its score on pages held back."""

    data: bytes
    keys: list
    held_out: list = field(default_factory=list)
    # {"model": metrics, "shipped": metrics} on the held-out pages; empty without any.
    score: dict = field(default_factory=dict)


def held_out_keys(keys: list, share: float = HOLD_OUT_SHARE) -> list:
    """About `share` of the keys, spread evenly over them; none when there are fewer than two."""
    if len(keys) < 2:
        return []
    count = max(1, round(len(keys) * share))
    return [keys[int((index + 0.5) * len(keys) / count)] for index in range(count)]


def learn_with_score(
    pages: dict[Hashable, OwnPage],
    *,
    base: Iterable[Page] | None = None,
    repeat: int = OWN_REPEAT,
    progress: Progress | None = None,
) -> Learned:
    """Fit without the held-out pages and score them, then fit on all the pages."""
    keys = list(pages)
    held = held_out_keys(keys)
    fits = 2 if held else 1
    with_layout = any_layout(pages.values())
    common = base_sequences(shipped_pages(with_layout) if base is None else base, with_layout)
    score = {}
    if held:
        kept = [pages[key] for key in keys if key not in held]
        data = fit_bytes(common + own_sequences(kept, repeat), _stage(progress, 0, fits))
        score = score_held_out(data, [pages[key] for key in held])
    data = fit_bytes(
        common + own_sequences(pages.values(), repeat), _stage(progress, fits - 1, fits)
    )
    return Learned(data, keys, held, score)


def score_held_out(data: bytes, held: list[OwnPage]) -> dict:
    """Metrics of the model in `data` and of the shipped model on the held-out pages."""
    from editor_app.segmentation import segment  # the package imports this one's parent

    model = LearnedSegmenter.from_bytes(data)
    pages = [(page[0], page[1], page[2] if len(page) > 2 else None) for page in held]
    return {
        "model": summarise(
            evaluate_page(gold, model.segment(text, layout), text) for text, gold, layout in pages
        ),
        "shipped": summarise(
            evaluate_page(gold, segment(text, layout), text) for text, gold, layout in pages
        ),
    }


def _stage(progress: Progress | None, stage: int, stages: int) -> Progress | None:
    """Iterations of one fit reported as part of all of them."""
    if progress is None:
        return None
    most = int(PARAMS["max_iterations"])
    return lambda done, _most: progress(stage * most + done, stages * most)
