"""`python -m tools.press press CLEAN... -o OUT [--processes 1|2] [--every N]`: press pages.

`python -m tools.press stats OUT --real DIR --clean DIR`: the press against the real OCR'd pages.
`python -m tools.press archive OUT -o ARCHIVE`: the pressed pages as a deterministic .tar.xz.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path


def _cleans(sources: list[str], every: int, skip: set[str]) -> list[Path]:
    """Clean pages (NAME.txt with NAME.gold.json) of the sources, every N-th in name order."""
    found = []
    for source in sources:
        path = Path(source)
        names = sorted(path.glob("*.gold.json")) if path.is_dir() else [path]
        for gold in names:
            text = gold.with_name(gold.name.removesuffix(".gold.json") + ".txt")
            if text.is_file():
                found.append(text)
    chosen = found[::every]
    return [p for p in chosen if not any(s in p.name for s in skip)]


def run_press(args) -> int:
    from tools.press.pipeline import PREFIX, press_many, stem_of

    cleans = _cleans(args.sources, args.every, set())
    if args.only:
        by_page = {stem_of(p): p for p in cleans}
        wanted = [PREFIX + w for w in Path(args.only).read_text().split()]
        cleans = [by_page[w] for w in wanted if w in by_page]  # in the file's order
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    outcomes = list(press_many(cleans, out, args.processes, reuse=not args.again))
    read = [o.seconds for o in outcomes if o.seconds]
    written = sum(o.written for o in outcomes)
    print(f"{written} of {len(outcomes)} pages written, {len(outcomes) - written} left out")
    if read:
        print(
            f"tesseract: {statistics.mean(read):.1f} s per page (median {statistics.median(read):.1f})"
        )
    return 0


def run_stats(args) -> int:
    from tools.press.stats import compare

    sys.stdout.write(compare(Path(args.pressed), Path(args.real), Path(args.clean)))
    return 0


def run_archive(args) -> int:
    from editor_app.model.gold_pages import read_archive, write_archive
    from tools.press.layouts import pages_with_layouts

    pages = pages_with_layouts(Path(args.pressed))
    if args.keep:
        # Pages of an earlier archive not pressed again keep their place (without geometry).
        have = {page.key for page in pages}
        pages += [page for page in read_archive(Path(args.keep)) if page.key not in have]
        pages.sort(key=lambda page: page.key)
    size = write_archive(pages, args.output)
    with_layout = sum(bool(page.layout_bytes) for page in pages)
    print(f"{len(pages)} pages ({with_layout} with their layout), {size} bytes: {args.output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.press", description=__doc__)
    commands = parser.add_subparsers(required=True)
    press = commands.add_parser("press", help="render, read and carry clean gold pages")
    press.add_argument("sources", nargs="+", help="directories of NAME.txt + NAME.gold.json")
    press.add_argument("-o", "--output", required=True, help="directory of the pressed pages")
    press.add_argument("--processes", type=int, default=1, help="1 or 2 (the cores are shared)")
    press.add_argument("--every", type=int, default=1, help="every N-th page in name order")
    press.add_argument(
        "--only", help="a file of date-page names (YYYYMMDD-PP), pressed in its order"
    )
    press.add_argument("--again", action="store_true", help="render and read existing pages anew")
    press.set_defaults(func=run_press)
    stats = commands.add_parser("stats", help="pressed pages against the real OCR'd ones")
    stats.add_argument("pressed")
    stats.add_argument("--real", required=True, help="the real OCR'd pages (ocr-train)")
    stats.add_argument("--clean", required=True, help="the clean pages they were printed from")
    stats.set_defaults(func=run_stats)
    archive = commands.add_parser("archive", help="pressed pages as a deterministic .tar.xz")
    archive.add_argument("pressed")
    archive.add_argument("-o", "--output", required=True)
    archive.add_argument("--keep", help="an earlier archive whose other pages are kept")
    archive.set_defaults(func=run_archive)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
