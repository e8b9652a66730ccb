"""Does training on pressed pages help? Cross-validated by date, scored on real pages only.

`python -m tools.press.measure CORPUS... --press PRESSED [--folds 5] [--joins] [--json OUT]`

Segments: `learned/crossval.py` over the corpus plus the pressed pages (a pressed page goes in
the fold of its date, is trained on and never scored). Joins (`--joins`): the join model's
cross-validation as `train-joins --crossval` runs it, with the proposal of a segmenter trained
on each fold's pages plus the pressed pages of the same dates; the join model learns from the
same pages (the shipped one from the corpus alone: the pressed pages did not raise OCR F). Without `--press`, the same on the corpus alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from editor_app.cleanup import join_crossval
from editor_app.model.gold_pages import Page, load_pages
from editor_app.segmentation.learned import crossval, training
from editor_app.segmentation.learned.model import LearnedSegmenter


def segments(pages: list[Page], folds: int) -> dict:
    results = crossval.cross_validate(pages, folds, say=_say)
    return crossval.report(results)


def joins(corpus: list[Page], pressed: list[Page], folds: int) -> list[dict]:
    """Join figures with fold segmenters that also learned from the pressed pages of the fold."""
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as work:

        def proposer(kept: list[Page]):
            # `kept` holds the pressed pages of the fold's dates (those of no fold's date too)
            sequences = [s for page in kept for s in training.page_sequences(page)]
            path = Path(work) / f"fold{len(made)}.crfsuite"
            training.fit(sequences, path)
            made.append(path)
            return LearnedSegmenter(path).segment

        table = join_crossval.cross_validate(corpus + pressed, folds, proposer, _say)
    return join_crossval.report(table)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", help="the training corpus (dirs or archive)")
    parser.add_argument("--press", nargs="*", default=[], help="pressed pages (dir or archive)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--joins", action="store_true", help="also the join figures")
    parser.add_argument("--repeat", type=int, help="times a pressed page counts (default: 1)")
    parser.add_argument("--json", metavar="OUT", help="write the figures here too")
    args = parser.parse_args(argv)
    if args.repeat is not None:
        training.REPEAT["press"] = args.repeat
    corpus = load_pages(args.corpus)
    pressed = load_pages(args.press) if args.press else []
    figures = {"segments": segments(corpus + pressed, args.folds)}
    sys.stdout.write(crossval.format_table(figures["segments"]))
    if args.joins:
        figures["joins"] = joins(corpus, pressed, args.folds)
        sys.stdout.write(join_crossval.format_table(figures["joins"]))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
