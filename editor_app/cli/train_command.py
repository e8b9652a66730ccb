"""`python -m editor_app train DIR... -o MODEL`: fit the line-sequence segmentation model."""

from __future__ import annotations

import sys
from pathlib import Path

from editor_app.cli.common import CommandError, Progress, print_json


def register(subparsers) -> None:
    """Add the `train` sub-command."""
    parser = subparsers.add_parser(
        "train", help="train the segmentation model on gold directories or a .tar.xz archive"
    )
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="DIR",
        help="directories of NAME.txt + NAME.gold.json, or an archive written by --save-data",
    )
    parser.add_argument("-o", "--output", required=True, metavar="MODEL", help="model file")
    parser.add_argument(
        "--noisy-copies", type=int, default=None, help="OCR-like copies of each clean page"
    )
    parser.add_argument("--seed", type=int, default=None, help="seed of the injected noise")
    parser.add_argument(
        "--save-data", metavar="ARCHIVE", help="also write the pages as a deterministic .tar.xz"
    )
    parser.add_argument("--json", action="store_true", help="the model's description as JSON")
    parser.set_defaults(func=run_train)


def run_train(args) -> int:
    from editor_app.segmentation.learned import corpus, training

    try:
        pages = corpus.load_pages(args.sources)
    except (OSError, corpus.CorpusError) as error:
        raise CommandError(str(error)) from error
    if args.save_data:
        _save_data(pages, args.save_data)
    output = Path(args.output)
    if not output.parent.is_dir():
        raise CommandError(f"{args.output}: directory {output.parent} does not exist")
    options = {
        "copies": training.NOISY_COPIES if args.noisy_copies is None else args.noisy_copies,
        "seed": training.SEED if args.seed is None else args.seed,
    }
    progress = Progress(len(pages), "train")
    meta = training.train(pages, output, progress=progress.advance, **options)
    progress.close()
    meta["model_bytes"] = output.stat().st_size
    if args.json:
        print_json(meta)
    else:
        sys.stdout.write(
            f"{args.output}: {meta['pages']} pages, {meta['lines']} lines, "
            f"{meta['model_bytes']} bytes, data sha256 {meta['data_sha256']}\n"
        )
    return 0


def _save_data(pages, target: str) -> None:
    from editor_app.segmentation.learned.corpus import write_archive

    try:
        size = write_archive(pages, target)
    except OSError as error:
        raise CommandError(f"{target}: cannot write: {error.strerror}") from error
    print(f"{target}: {len(pages)} pages, {size} bytes", file=sys.stderr)
