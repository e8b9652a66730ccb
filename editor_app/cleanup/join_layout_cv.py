"""Cross-validation by date of the join decision on pages that carry their geometry.

`python -m editor_app train-joins DIR_OR_ARCHIVE... --crossval K --layout` runs it. The folds
are those of `join_crossval` (dates dealt round-robin, pages of one date never in two folds, a
pressed page in the fold of its date). Each fold trains, on every other date, three models:

- `text`: the shipped recipe, the corpus alone (pressed pages left out), as bare text;
- `layout`: the layout model's recipe, every page, the geometry of those that carry one;
- `nogeo`: the same pages as bare text (the layout recipe without the print's features).

Each held-out page with geometry is scored, with the gold segmentation as the proposal, by
the rule alone, by `text` and `nogeo` without its layout and by `layout` with it. The held-out
dev-kind and OCR text pages (no geometry: the desk decides them with the text model) are
scored by `text`, and by `layout` as it would read them, to show what it would change.
"""

from __future__ import annotations

from collections.abc import Callable

from editor_app.cleanup.document import CleanupDocument
from editor_app.cleanup.evaluation import Score, proposal_from_gold, score_joins
from editor_app.cleanup.join import joins
from editor_app.cleanup.join_crossval import KIND_OF_GROUP, Table, fold_of_dates
from editor_app.cleanup.join_model import JoinModel
from editor_app.cleanup.join_training import Example, fit, page_examples
from editor_app.model.gold_pages import Page

GEOMETRY = "geometry"  # the kind of the held-out pages with geometry
PRESSED = "press"  # pressed pages: the shipped text model does not learn from them
INPUT = "gold"  # the proposal the joins are decided on: the gold segmentation


def cross_validate(
    pages: list[Page], folds: int, say: Callable[[str], None] = lambda message: None
) -> Table:
    """Joins found, extra and missed per (kind, "gold", system); kinds `geometry` (held-out
    pages with geometry), `dev kind` and `OCR` (held-out text pages)."""
    assignment = fold_of_dates(pages, folds)
    bare = {page.key: page_examples(page.text, page.gold) for page in pages}
    printed = {
        page.key: page_examples(page.text, page.gold, page.layout)
        for page in pages
        if page.layout_bytes
    }
    table: Table = {}
    for fold in range(folds):
        kept = [page for page in pages if assignment.get(page.date) != fold]
        held = [page for page in pages if assignment.get(page.date) == fold]
        models = {
            "text": _fit(bare[page.key] for page in kept if page.group != PRESSED),
            "layout": _fit(printed.get(page.key, bare[page.key]) for page in kept),
            "nogeo": _fit(bare[page.key] for page in kept),
        }
        geometry = [page for page in held if page.layout_bytes]
        for page in geometry:
            _score_page(table, page, GEOMETRY, models, with_layout=True)
        text_pages = [page for page in held if page.group in KIND_OF_GROUP]
        for page in text_pages:
            _score_page(table, page, KIND_OF_GROUP[page.group], models, with_layout=False)
        say(f"fold {fold}: {len(geometry)} pages with geometry, {len(text_pages)} text pages")
    return table


def _fit(examples_by_page) -> JoinModel:
    examples: list[Example] = [example for page in examples_by_page for example in page]
    return fit(examples)


def _score_page(
    table: Table, page: Page, kind: str, models: dict[str, JoinModel], with_layout: bool
) -> None:
    text, gold = page.text, page.gold
    proposal = proposal_from_gold(text, gold)
    plain = CleanupDocument(text, proposal)
    ways = {"rule": (plain, None), "text": (plain, models["text"])}
    if with_layout:
        ways["layout"] = (CleanupDocument(text, proposal, layout=page.layout), models["layout"])
        ways["nogeo"] = (plain, models["nogeo"])
    else:
        ways["layout"] = (plain, models["layout"])
    for system, (doc, model) in ways.items():
        score = score_joins(joins(doc, model), gold)
        table.setdefault((kind, INPUT, system), Score()).add(score)
