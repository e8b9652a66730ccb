"""Cross-validation by date: rules against the learned model on pages no fold trained on.

`python -m editor_app.segmentation.learned.crossval DIR_OR_ARCHIVE... [--folds 5] [--json]`
Pages of one date never sit in two folds; every fold trains on all other dates (both kinds,
the seeds, noisy copies, pressed pages) and is scored on its own held-out pages of each kind.
Pressed pages (`press`, made by `tools/press` from train pages) are trained on, never scored:
they go in the fold of their date, with the page they were printed from.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from editor_app.model.gold_pages import Page, load_pages
from editor_app.segmentation import segment_by_rules as rule_segment
from editor_app.segmentation.evaluate import METRICS, PageResult, evaluate_page, summarise
from editor_app.segmentation.learned.model import LearnedSegmenter
from editor_app.segmentation.learned.training import fit, page_sequences

KIND_OF_GROUP = {"train": "dev-kind", "dev": "dev-kind", "ocr-train": "ocr"}
CALIBRATION_BINS = 10


def fold_of_dates(pages: list[Page], folds: int) -> dict[str, int]:
    """Dated pages' dates dealt round-robin in date order; undated pages (seeds) get no fold."""
    dates = sorted({p.date for p in pages if p.group in KIND_OF_GROUP})
    return {date: index % folds for index, date in enumerate(dates)}


def cross_validate(pages: list[Page], folds: int, say=print) -> dict:
    """Held-out PageResults per kind for `rules` and `crf`, and the CRF's start confidences."""
    assignment = fold_of_dates(pages, folds)
    cache = {page.key: page_sequences(page) for page in pages}
    results: dict[str, dict[str, list[PageResult]]] = {"rules": {}, "crf": {}}
    with tempfile.TemporaryDirectory() as work:
        for fold in range(folds):
            held = [p for p in pages if assignment.get(p.date) == fold and p.group in KIND_OF_GROUP]
            kept = [s for p in pages if assignment.get(p.date) != fold for s in cache[p.key]]
            model_path = Path(work) / f"fold{fold}.crfsuite"
            started = time.perf_counter()
            fit(kept, model_path)
            say(
                f"fold {fold}: {len(held)} held-out pages, trained in "
                f"{time.perf_counter() - started:.0f} s"
            )
            model = LearnedSegmenter(model_path)
            for page in held:
                _score(results, page, model)
    return results


def _score(results: dict, page: Page, model: LearnedSegmenter) -> None:
    kind = KIND_OF_GROUP[page.group]
    text, gold = page.text, page.gold
    results["rules"].setdefault(kind, []).append(evaluate_page(gold, rule_segment(text), text))
    results["crf"].setdefault(kind, []).append(evaluate_page(gold, model.segment(text), text))


def calibration(ranked: list[tuple[float, bool]], bins: int = CALIBRATION_BINS) -> dict:
    """Reliability bins (mean confidence vs share right) and the expected calibration error."""
    rows = []
    error = 0.0
    for index in range(bins):
        low, high = index / bins, (index + 1) / bins
        members = [
            (c, ok) for c, ok in ranked if low <= c < high or (index == bins - 1 and c == 1.0)
        ]
        if not members:
            continue
        confidence = sum(c for c, _ in members) / len(members)
        accuracy = sum(ok for _, ok in members) / len(members)
        error += len(members) / len(ranked) * abs(confidence - accuracy)
        rows.append(
            {
                "bin": f"{low:.1f}-{high:.1f}",
                "starts": len(members),
                "confidence": round(confidence, 3),
                "right": round(accuracy, 3),
            }
        )
    return {"ece": round(error, 4), "bins": rows}


def report(results: dict) -> dict:
    table = {}
    for system, kinds in results.items():
        for kind, pages in sorted(kinds.items()):
            summary = summarise(pages)
            ranked = [pair for page in pages for pair in page.ranked]
            summary["calibration"] = calibration(ranked)
            table.setdefault(kind, {})[system] = summary
    return table


def format_table(table: dict) -> str:
    lines = []
    for kind, systems in table.items():
        pages = systems["rules"]["pages"]
        lines.append(f"{kind} ({pages} pages, {systems['rules']['articles']} articles)")
        lines.append(f"  {'metric':<24}{'rules':>10}{'crf':>10}")
        for metric in METRICS:
            cells = "".join(table_cell(systems[s].get(metric)) for s in ("rules", "crf"))
            lines.append(f"  {metric:<24}{cells}")
        for system in ("rules", "crf"):
            lines.append(f"  ECE {system}: {systems[system]['calibration']['ece']}")
    return "\n".join(lines) + "\n"


def table_cell(value) -> str:
    """A metric in a 10-wide column of the printed tables, a dash when there is none."""
    return f"{'–':>10}" if value is None else f"{value:>10.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", metavar="DIR_OR_ARCHIVE")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", metavar="OUT", help="also write the full report here")
    args = parser.parse_args(argv)
    pages = load_pages(args.sources)
    table = report(cross_validate(pages, args.folds, say=lambda m: print(m, file=sys.stderr)))
    sys.stdout.write(format_table(table))
    if args.json:
        Path(args.json).write_text(json.dumps(table, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
