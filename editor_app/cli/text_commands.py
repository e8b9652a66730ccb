"""Stateless text commands: `segment FILE...` and `evaluate DIR...`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from editor_app.cli.common import (
    CommandError,
    Progress,
    print_json,
    read_text_file,
    report_per_file,
)
from editor_app.model import normalise_newlines
from editor_app.segmentation import segment
from editor_app.segmentation.evaluate import PageResult, evaluate_page, summarise
from editor_app.segmentation.gold_format import proposal_to_dict

GOLD_SUFFIX = ".gold.json"
WORST_PAGES = 5
METRIC_ORDER = (
    "boundary_f1",
    "article_f1",
    "edits_per_10_articles",
    "pages_perfect",
    "title_acc",
    "headline_acc",
    "reporters_acc",
    "role_acc",
    "confidence_auc",
    "wrong_in_lowest_20pct",
)


def register(subparsers) -> None:
    """Add this module's sub-commands."""
    seg = subparsers.add_parser("segment", help="propose articles for raw text files")
    seg.add_argument("files", nargs="+", metavar="FILE")
    seg.add_argument("--json", action="store_true", help="gold-format JSON (JSONL for several)")
    seg.set_defaults(func=run_segment)
    ev = subparsers.add_parser("evaluate", help="score the segmenter against gold directories")
    ev.add_argument("dirs", nargs="+", metavar="DIR")
    ev.add_argument("--json", action="store_true", help="metrics as JSON")
    ev.set_defaults(func=run_evaluate)


def segment_file(path: str) -> dict:
    """Gold-format proposal for one raw file."""
    text = normalise_newlines(read_text_file(path))
    return proposal_to_dict(segment(text), Path(path).name)


def run_segment(args) -> int:
    return report_per_file(args.files, "segment", segment_file, args.json, outline)


def outline(result: dict) -> str:
    """A readable outline: one line per segment with span, confidence and headline."""
    rows = [f"{result['source']}"]
    segments = result["articles"] + result["non_articles"]
    for item in sorted(segments, key=lambda s: s["start"]):
        span = f"{item['start']:>5}-{item['end']:<5}"
        head = " / ".join(p for p in (item.get("kicker"), item.get("title")) if p)
        extra = "  [转下]" if item.get("truncated") else ""
        names = "、".join(item.get("reporters") or [])
        names = f"  记者 {names}" if names else ""
        rows.append(
            f"  {span} {item['kind']:<11} {item['confidence']:.2f}  {head}{names}{extra}"
            f"\n{'':14}└ {item['reason']}"
        )
    return "\n".join(rows) + "\n"


def gold_pairs(directory: str) -> list[tuple[Path, Path]]:
    """(gold file, raw file) pairs of a directory; the raw file sits beside it or in ../seeds."""
    root = Path(directory)
    if not root.is_dir():
        raise CommandError(f"{directory}: not a directory")
    pairs = []
    for gold_path in sorted(root.glob(f"*{GOLD_SUFFIX}")):
        source = _load_gold(gold_path).get("source") or gold_path.name[: -len(GOLD_SUFFIX)]
        for candidate in (root / source, root.parent / "seeds" / source):
            if candidate.is_file():
                pairs.append((gold_path, candidate))
                break
        else:
            raise CommandError(f"{gold_path}: raw file {source} not found")
    if not pairs:
        raise CommandError(f"{directory}: no *{GOLD_SUFFIX} files")
    return pairs


def _load_gold(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(f"{path}: cannot read gold file: {error}") from error


def evaluate_directory(directory: str, progress: Progress) -> list[PageResult]:
    results = []
    for gold_path, raw_path in gold_pairs(directory):
        text = normalise_newlines(read_text_file(str(raw_path)))
        results.append(evaluate_page(_load_gold(gold_path), segment(text), text))
        progress.advance(note=raw_path.name)
    return results


def run_evaluate(args) -> int:
    per_dir = {d: gold_pairs(d) for d in args.dirs}
    progress = Progress(sum(len(p) for p in per_dir.values()), "evaluate")
    results = {d: evaluate_directory(d, progress) for d in args.dirs}
    progress.close()
    everything = [page for pages in results.values() for page in pages]
    report = {
        "overall": summarise(everything),
        "directories": {d: summarise(pages) for d, pages in results.items()},
        "worst_pages": worst_pages(everything),
    }
    if args.json:
        print_json(report)
    else:
        sys.stdout.write(format_report(report))
    return 0


def worst_pages(pages: list[PageResult], count: int = WORST_PAGES) -> list[dict]:
    """Pages with the most boundary edits, worst first."""
    ranked = sorted((p for p in pages if p.edits), key=lambda p: (-p.edits, p.source))
    return [
        {"source": p.source, "edits": p.edits, "missing": p.missing, "extra": p.extra}
        for p in ranked[:count]
    ]


def _format_value(value) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def format_report(report: dict) -> str:
    """The evaluation as a plain-text table."""
    columns = [("overall", report["overall"])] + list(report["directories"].items())
    width = max(len(name) for name, _ in columns) + 2
    lines = ["metric".ljust(24) + "".join(name.rjust(width) for name, _ in columns)]
    for metric in ("pages", "articles", *METRIC_ORDER):
        cells = "".join(_format_value(m.get(metric)).rjust(width) for _, m in columns)
        lines.append(metric.ljust(24) + cells)
    lines.append("")
    lines.append("worst pages:")
    for page in report["worst_pages"]:
        lines.append(
            f"  {page['source']}: {page['edits']} edits, "
            f"missing {page['missing']}, extra {page['extra']}"
        )
    return "\n".join(lines) + "\n"
