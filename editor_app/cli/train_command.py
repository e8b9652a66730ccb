"""`python -m editor_app train DIR... -o MODEL`: fit the line-sequence segmentation model.

`python -m editor_app train-joins DIR... -o MODEL`: fit the paragraph-join model;
`train-joins DIR... --crossval K`: its cross-validated figures against the rule;
`--layout` with either: the layout join model (pages with geometry read with their layout).
"""

from __future__ import annotations

import sys
from pathlib import Path

from editor_app.cli.common import CommandError, Progress, print_json


def register(subparsers) -> None:
    """Add the `train` sub-command."""
    parser = subparsers.add_parser(
        "train", help="train the segmentation models on gold directories or .tar.xz archives"
    )
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="DIR",
        help="directories of NAME.txt + NAME.gold.json, or an archive written by --save-data",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="MODEL",
        help="the text model's file; the layout model goes beside it (X.crfsuite: X.layout.crfsuite)",
    )
    parser.add_argument(
        "--noisy-copies", type=int, default=None, help="OCR-like copies of each clean page"
    )
    parser.add_argument("--seed", type=int, default=None, help="seed of the injected noise")
    parser.add_argument(
        "--save-data", metavar="ARCHIVE", help="also write the pages as a deterministic .tar.xz"
    )
    parser.add_argument(
        "--layout-pages",
        nargs="+",
        default=[],
        metavar="DIR",
        help="pages with geometry (directories or an archive) only the layout model learns from",
    )
    parser.add_argument("--json", action="store_true", help="the model's description as JSON")
    parser.set_defaults(func=run_train)
    register_joins(subparsers)


def run_train(args) -> int:
    from editor_app.model import gold_pages as corpus
    from editor_app.segmentation.learned import training

    try:
        pages = corpus.load_pages(args.sources)
        layout_pages = corpus.load_pages(args.layout_pages) if args.layout_pages else []
    except (OSError, corpus.CorpusError) as error:
        raise CommandError(str(error)) from error
    if layout_pages and not any(page.layout_bytes for page in layout_pages):
        raise CommandError(f"{' '.join(args.layout_pages)}: no page carries its layout")
    if args.save_data:
        _save_data(pages, args.save_data)
    output = Path(args.output)
    if not output.parent.is_dir():
        raise CommandError(f"{args.output}: directory {output.parent} does not exist")
    options = {
        "copies": training.NOISY_COPIES if args.noisy_copies is None else args.noisy_copies,
        "seed": training.SEED if args.seed is None else args.seed,
    }
    progress = Progress(training.preparations(pages, layout_pages), "train")
    meta = training.train(
        pages, output, progress=progress.advance, layout_pages=layout_pages, **options
    )
    progress.close()
    if "layout_model" in meta and not args.json:
        layout = training.layout_model_path(output)
        print(f"{layout}: the layout model, {layout.stat().st_size} bytes", file=sys.stderr)
    return _report_model(args, output, meta, f"{meta['lines']} lines")


def _save_data(pages, target: str) -> None:
    from editor_app.model.gold_pages import write_archive

    try:
        size = write_archive(pages, target)
    except OSError as error:
        raise CommandError(f"{target}: cannot write: {error.strerror}") from error
    print(f"{target}: {len(pages)} pages, {size} bytes", file=sys.stderr)


def register_joins(subparsers) -> None:
    """Add the `train-joins` sub-command."""
    parser = subparsers.add_parser(
        "train-joins",
        help="train the paragraph-join model on gold directories or a .tar.xz archive",
    )
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="DIR",
        help="directories of NAME.txt + NAME.gold.json, or an archive written by train --save-data",
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("-o", "--output", metavar="MODEL", help="model file (join_model.tsv)")
    action.add_argument(
        "--crossval",
        type=int,
        metavar="K",
        help="instead of training: K folds by date, the rule against the model, with the gold "
        "segmentation and with a segmenter trained on the same folds as input",
    )
    parser.add_argument(
        "--layout",
        action="store_true",
        help="the layout model (join_model.layout.tsv): pages that carry their geometry "
        "(NAME.layout.json) are learned with it; with --crossval, scored on those pages with the gold segmentation",
    )
    parser.add_argument("--json", action="store_true", help="the description or table as JSON")
    parser.set_defaults(func=run_train_joins)


def run_train_joins(args) -> int:
    from editor_app.model import gold_pages

    try:
        pages = gold_pages.load_pages(args.sources)
    except (OSError, gold_pages.CorpusError) as error:
        raise CommandError(str(error)) from error
    if args.crossval is not None:
        return _crossval_joins(args, pages)
    return _train_joins(args, pages)


def _train_joins(args, pages) -> int:
    from editor_app.cleanup import join_training

    output = Path(args.output)
    if not output.parent.is_dir():
        raise CommandError(f"{args.output}: directory {output.parent} does not exist")
    progress = Progress(len(pages), "train-joins")
    try:
        meta = join_training.train(
            pages, output, progress=progress.advance, with_layout=args.layout
        )
    except join_training.JoinTrainingError as error:
        raise CommandError(f"{' '.join(args.sources)}: {error}") from error
    except OSError as error:
        raise CommandError(f"{args.output}: cannot write: {error.strerror}") from error
    finally:
        progress.close()
    return _report_model(args, output, meta, f"{meta['cuts']} cuts, {meta['joins']} joins")


def _crossval_joins(args, pages) -> int:
    import tempfile

    from editor_app.cleanup import join_crossval

    if args.crossval < 2:
        raise CommandError("--crossval: at least 2 folds")
    if args.layout:
        return _crossval_layout_joins(args, pages)
    with tempfile.TemporaryDirectory() as work:
        proposer = _fold_segmenters(args.sources, Path(work))
        table = join_crossval.cross_validate(pages, args.crossval, proposer, _say)
    return _print_rows(args, join_crossval.report(table))


def _crossval_layout_joins(args, pages) -> int:
    from editor_app.cleanup import join_crossval, join_layout_cv

    if not any(page.layout_bytes for page in pages):
        raise CommandError(f"{' '.join(args.sources)}: no page carries its layout")
    table = join_layout_cv.cross_validate(pages, args.crossval, _say)
    return _print_rows(args, join_crossval.report(table))


def _print_rows(args, rows: list[dict]) -> int:
    """Cross-validated join figures: JSON, or the table."""
    from editor_app.cleanup import join_crossval

    if args.json:
        print_json(rows)
    else:
        sys.stdout.write(join_crossval.format_table(rows))
    return 0


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _fold_segmenters(sources, work: Path):
    """A proposer factory: the segmentation model trained on a fold's pages, as a function."""
    from editor_app.model import gold_pages as corpus
    from editor_app.segmentation.learned import training
    from editor_app.segmentation.learned.model import LearnedSegmenter

    try:
        by_key = {page.key: page for page in corpus.load_pages(sources)}
    except (OSError, corpus.CorpusError) as error:
        raise CommandError(str(error)) from error
    made = []

    def factory(kept):
        sequences = [s for page in kept for s in training.page_sequences(by_key[page.key])]
        path = work / f"fold{len(made)}.crfsuite"
        training.fit(sequences, path)
        made.append(path)
        return LearnedSegmenter(path).segment

    return factory


def _report_model(args, output: Path, meta: dict, counts: str) -> int:
    """The written model's description: JSON, or one line naming what it was made from."""
    meta["model_bytes"] = output.stat().st_size
    if args.json:
        print_json(meta)
    else:
        sys.stdout.write(
            f"{args.output}: {meta['pages']} pages, {counts}, "
            f"{meta['model_bytes']} bytes, data sha256 {meta['data_sha256']}\n"
        )
    return 0
