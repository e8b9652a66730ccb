"""Cross-validation by date of the pages that carry their geometry (pressed pages with a layout).

`python -m editor_app.segmentation.learned.layout_cv DIR_OR_ARCHIVE... [--layout-pages ARCHIVE...]
[--folds 5] [--json OUT]`
The folds are those of `crossval` (dates dealt round-robin). Only the folds holding a page with
geometry are trained, on every other date, both models as `train` makes them; each held-out
page with geometry is scored three ways: by the layout model with its layout, by the text
model without it, and by the rules. `--drop` scores again with one family of layout features
left out at a time (the model trained with all of them): how much each family carries.
`--text` trains every fold and scores the dev-kind and OCR text pages held out as well, by
the text model, as `crossval` does.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

from editor_app.model.gold_pages import Page, load_pages
from editor_app.segmentation import segment_by_rules
from editor_app.segmentation.evaluate import METRICS, evaluate_page, summarise
from editor_app.segmentation.learned.crossval import KIND_OF_GROUP, fold_of_dates, table_cell
from editor_app.segmentation.learned.features import page_features
from editor_app.segmentation.learned.layout_features import FAMILIES
from editor_app.segmentation.learned.model import LearnedSegmenter
from editor_app.segmentation.learned.training import fit, page_sequences


def _with_layout(pages: list[Page]) -> list[Page]:
    return [page for page in pages if page.layout_bytes]


def cross_validate(
    pages: list[Page],
    folds: int,
    drop: bool = False,
    text: bool = False,
    say=print,
    layout_only: frozenset[str] = frozenset(),
) -> dict:
    """Per way of scoring ("layout", "text", "rules", "-FAMILY", and with `text` the kinds
    of text page): the held-out PageResults. Each fold trains both models, as `train` does;
    the pages whose keys are in `layout_only` only the layout model learns from."""
    assignment = fold_of_dates(pages, folds)
    scored = _with_layout(pages)
    results: dict[str, list] = {}
    trained = set(range(folds)) if text else {assignment.get(page.date) for page in scored}
    with tempfile.TemporaryDirectory() as work:
        for fold in sorted(trained - {None}):
            kept = [p for p in pages if assignment.get(p.date) != fold]
            text_kept = [p for p in kept if p.key not in layout_only]
            models = Models(
                _fit(text_kept, Path(work), fold, False), _fit(kept, Path(work), fold, True)
            )
            held = [page for page in scored if assignment.get(page.date) == fold]
            say(f"fold {fold}: {len(held)} pages with geometry held out")
            for page in held:
                _score(results, page, models, drop)
            if text:
                for page in pages:
                    if assignment.get(page.date) == fold and page.group in KIND_OF_GROUP:
                        proposal = models.text.segment(page.text)
                        found = evaluate_page(page.gold, proposal, page.text)
                        results.setdefault(KIND_OF_GROUP[page.group], []).append(found)
    return results


class Models(NamedTuple):
    """A fold's two models: for pages read as bare text, and for pages with geometry."""

    text: LearnedSegmenter
    layout: LearnedSegmenter


def _fit(kept: list[Page], work: Path, fold: int, with_layout: bool) -> LearnedSegmenter:
    path = work / f"fold{fold}{'.layout' if with_layout else ''}.crfsuite"
    fit([s for p in kept for s in page_sequences(p, with_layout=with_layout)], path)
    return LearnedSegmenter(path)


def _score(results: dict, page: Page, models: Models, drop: bool) -> None:
    text, gold, layout = page.text, page.gold, page.layout
    ways = {
        "layout": models.layout.segment(text, layout),
        "text": models.text.segment(text),
        "rules": segment_by_rules(text),
    }
    if drop:
        model = models.layout
        for family in FAMILIES:
            features = page_features(text, layout, frozenset({family}))
            ways["-" + family] = model.decode(text, features, model.tag(features.attributes))
    for way, proposal in ways.items():
        results.setdefault(way, []).append(evaluate_page(gold, proposal, text))


def format_table(table: dict) -> str:
    ways = [way for way in table if way not in KIND_OF_GROUP.values()]
    kinds = [way for way in table if way in KIND_OF_GROUP.values()]
    first = table[ways[0]]
    lines = [f"pages with geometry ({first['pages']} pages, {first['articles']} articles)"]
    lines.append(f"  {'metric':<24}" + "".join(f"{way:>10}" for way in ways))
    for metric in METRICS:
        cells = "".join(table_cell(table[way].get(metric)) for way in ways)
        lines.append(f"  {metric:<24}{cells}")
    if kinds:
        lines.append("text pages held out (CRF, no geometry)")
        lines.append(f"  {'metric':<24}" + "".join(f"{kind:>10}" for kind in kinds))
        for metric in METRICS:
            cells = "".join(table_cell(table[kind].get(metric)) for kind in kinds)
            lines.append(f"  {metric:<24}{cells}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", metavar="DIR_OR_ARCHIVE")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--drop", action="store_true", help="also score without each family")
    parser.add_argument("--text", action="store_true", help="also score the text pages")
    parser.add_argument(
        "--layout-pages", nargs="+", default=[], help="pages only the layout model learns from"
    )
    parser.add_argument("--json", metavar="OUT", help="also write the table here")
    args = parser.parse_args(argv)
    pages = load_pages(args.sources)
    extra = load_pages(args.layout_pages) if args.layout_pages else []
    say = lambda message: print(message, file=sys.stderr)  # noqa: E731
    only = frozenset(page.key for page in extra)
    results = cross_validate(pages + extra, args.folds, args.drop, args.text, say, only)
    table = {way: summarise(found) for way, found in results.items()}
    sys.stdout.write(format_table(table))
    if args.json:
        Path(args.json).write_text(json.dumps(table, ensure_ascii=False, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
