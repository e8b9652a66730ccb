"""Cross-validation by date of the pages that carry their geometry (pressed pages with a layout).

`python -m editor_app.segmentation.learned.layout_cv DIR_OR_ARCHIVE... [--folds 5] [--json OUT]`
The folds are those of `crossval` (dates dealt round-robin). Only the folds holding a page with
geometry are trained, on every other date (all kinds, with their layouts); each held-out page
with geometry is scored three ways: with its layout, without it (the same model, text only),
and by the rules. `--drop` scores again with one family of layout features left out at a time
(the model trained with all of them): how much each family carries of the figure.
`--text` trains every fold and scores the dev-kind and OCR text pages held out as well, as
`crossval` does (the CRF only): what the pages with geometry change for pages without it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

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
    pages: list[Page], folds: int, drop: bool = False, text: bool = False, say=print
) -> dict:
    """Per way of scoring ("layout", "text", "rules", "-FAMILY", and with `text` the kinds
    of text page): the held-out PageResults."""
    assignment = fold_of_dates(pages, folds)
    scored = _with_layout(pages)
    results: dict[str, list] = {}
    cache = {page.key: page_sequences(page) for page in pages}
    trained = set(range(folds)) if text else {assignment.get(page.date) for page in scored}
    with tempfile.TemporaryDirectory() as work:
        for fold in sorted(trained - {None}):
            held = [page for page in scored if assignment.get(page.date) == fold]
            kept = [s for p in pages if assignment.get(p.date) != fold for s in cache[p.key]]
            path = Path(work) / f"fold{fold}.crfsuite"
            fit(kept, path)
            say(f"fold {fold}: {len(held)} pages with geometry held out")
            model = LearnedSegmenter(path)
            for page in held:
                _score(results, page, model, drop)
            if text:
                for page in pages:
                    if assignment.get(page.date) == fold and page.group in KIND_OF_GROUP:
                        proposal = model.segment(page.text)
                        found = evaluate_page(page.gold, proposal, page.text)
                        results.setdefault(KIND_OF_GROUP[page.group], []).append(found)
    return results


def _score(results: dict, page: Page, model: LearnedSegmenter, drop: bool) -> None:
    text, gold, layout = page.text, page.gold, page.layout
    ways = {
        "layout": model.segment(text, layout),
        "text": model.segment(text),
        "rules": segment_by_rules(text),
    }
    if drop:
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
    parser.add_argument("--json", metavar="OUT", help="also write the table here")
    args = parser.parse_args(argv)
    pages = load_pages(args.sources)
    say = lambda message: print(message, file=sys.stderr)  # noqa: E731
    results = cross_validate(pages, args.folds, args.drop, args.text, say=say)
    table = {way: summarise(found) for way, found in results.items()}
    sys.stdout.write(format_table(table))
    if args.json:
        Path(args.json).write_text(json.dumps(table, ensure_ascii=False, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
