"""Stateless text commands: `segment FILE...` and `evaluate DIR...`."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor_app.cli.common import (
    CommandError,
    Progress,
    print_json,
    read_text_file,
    report_per_file,
)
from editor_app.model import Proposal, normalise_newlines
from editor_app.model.layout import PageLayout
from editor_app.segmentation import segment
from editor_app.segmentation.evaluate import METRICS, PageResult, evaluate_page, summarise
from editor_app.segmentation.gold_format import proposal_to_dict

GOLD_SUFFIX = ".gold.json"
# An OCR file beside NAME.gold.json (NAME.hocr, NAME.xml, NAME.html) is scored with its geometry.
OCR_SUFFIXES = (".hocr", ".xml", ".html")
WORST_PAGES = 5
METRIC_ORDER = (*METRICS, "wrong_in_lowest_20pct")


def register(subparsers) -> None:
    """Add this module's sub-commands."""
    seg = subparsers.add_parser("segment", help="propose articles for raw text files")
    seg.add_argument("files", nargs="+", metavar="FILE")
    seg.add_argument("--json", action="store_true", help="gold-format JSON (JSONL for several)")
    seg.set_defaults(func=run_segment)
    ev = subparsers.add_parser("evaluate", help="score the segmenter against gold directories")
    ev.add_argument("dirs", nargs="+", metavar="DIR")
    ev.add_argument("--json", action="store_true", help="metrics as JSON")
    ev.add_argument(
        "--adapt",
        type=_count,
        metavar="K",
        help="learn from the gold of the first K pages (by name) as if an editor had "
        "reviewed them, score the rest with the shipped and the adapted model",
    )
    ev.add_argument(
        "--predictions", metavar="OUT", help="write each scored page's proposal as OUT/NAME.json"
    )
    ev.add_argument(
        "--model", metavar="MODEL", help="score this model file instead of the shipped one"
    )
    ev.add_argument(
        "--base-data",
        nargs="+",
        metavar="SRC",
        help="with --adapt: what the adapted model learns beside the K pages (gold directories "
        "or a .tar.xz archive; default: the shipped training pages); pages being evaluated "
        "are always left out of it",
    )
    ev.set_defaults(func=run_evaluate)


def _count(text: str) -> int:
    import argparse

    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of pages")
    return int(text)


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
        for candidate in (root / source, root.parent / "seeds" / source, _ocr_file(gold_path)):
            if candidate is not None and candidate.is_file():
                pairs.append((gold_path, candidate))
                break
        else:
            raise CommandError(f"{gold_path}: raw file {source} not found")
    if not pairs:
        raise CommandError(f"{directory}: no *{GOLD_SUFFIX} files")
    return pairs


def _ocr_file(gold_path: Path) -> Path | None:
    """NAME.hocr, NAME.xml or NAME.html beside NAME.gold.json, if there is one."""
    stem = gold_path.name[: -len(GOLD_SUFFIX)]
    for suffix in OCR_SUFFIXES:
        candidate = gold_path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def _load_gold(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(f"{path}: cannot read gold file: {error}") from error


@dataclass(frozen=True, slots=True)
class GoldPage:
    """One raw page with its gold answer, from an evaluated directory."""

    directory: str
    name: str  # the gold file's name without .gold.json
    raw_path: Path
    raw: bytes
    text: str  # decoded as an import decodes it, newlines normalised
    gold: dict
    layout: PageLayout | None = None  # the page's geometry, when it is scored from an OCR file


def gold_pages(directories: list[str]) -> list[GoldPage]:
    """Every page of the directories, sorted by name (then directory)."""
    pages = []
    for directory in directories:
        for gold_path, raw_path in gold_pairs(directory):
            name = gold_path.name[: -len(GOLD_SUFFIX)]
            gold = _load_gold(gold_path)
            ocr = _ocr_file(gold_path)
            if ocr is not None:
                pages.append(_ocr_page(directory, name, ocr, raw_path, gold))
                continue
            raw = _read_bytes(raw_path)
            text = normalise_newlines(read_text_file(str(raw_path)))
            pages.append(GoldPage(directory, name, raw_path, raw, text, gold))
    return sorted(pages, key=lambda page: (page.name, page.directory))


def _ocr_page(directory: str, name: str, ocr: Path, raw_path: Path, gold: dict) -> GoldPage:
    """A page scored from its OCR file: the raw text derived from it, with its layout.

    When the text file the gold names lies beside it too, the derived text must be that
    text (but for a final newline), or the gold's line numbers would not be the file's.
    """
    from editor_app.ingest.ocr_model import OcrFormatError
    from editor_app.ingest.ocr_read import read_ocr_text

    raw = _read_bytes(ocr)
    try:
        page = read_ocr_text(raw, str(ocr))
    except OcrFormatError as error:
        raise CommandError(f"{ocr}: {error.reason}") from error
    if raw_path != ocr:
        text = normalise_newlines(read_text_file(str(raw_path)))
        if text.removesuffix("\n") != page.text:
            raise CommandError(f"{ocr}: the raw text derived from it is not {raw_path.name}")
    layout = PageLayout.of(page.width, page.height, page.line_boxes)
    return GoldPage(directory, name, ocr, raw, page.text, gold, layout)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CommandError(f"{path}: cannot read: {error.strerror}") from error


Propose = Callable[[str], Proposal]


def score_pages(pages: list[GoldPage], propose: Propose, progress: Progress, predictions=None):
    """PageResults by directory; each proposal also written to `predictions` when given."""
    results: dict[str, list[PageResult]] = {}
    for page in pages:
        text = page.text
        proposal = propose(text) if page.layout is None else propose(text, page.layout)
        results.setdefault(page.directory, []).append(evaluate_page(page.gold, proposal, text))
        if predictions is not None:
            _write_prediction(predictions, page, proposal)
        progress.advance(note=page.raw_path.name)
    return results


def _write_prediction(folder: Path, page: GoldPage, proposal: Proposal) -> None:
    target = folder / f"{page.name}.json"
    data = proposal_to_dict(proposal, page.raw_path.name)
    try:
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise CommandError(f"{target}: cannot write: {error.strerror}") from error


def run_evaluate(args) -> int:
    pages = gold_pages(args.dirs)
    adapt = args.adapt or 0
    if adapt >= len(pages):
        raise CommandError(f"--adapt {adapt}: that leaves none of the {len(pages)} pages to score")
    learned_from, scored = pages[:adapt], pages[adapt:]
    predictions = _predictions_folder(args.predictions, scored)
    systems = {"shipped": _model_segment(args.model)}
    if args.adapt is not None:
        systems["adapted"] = adapted_segment(learned_from, pages, args.base_data, args.model)
    progress = Progress(len(scored) * len(systems), "evaluate")
    reports = {}
    for name, propose in systems.items():
        writes = predictions if name == list(systems)[-1] else None
        reports[name] = evaluation_report(score_pages(scored, propose, progress, writes))
    progress.close()
    if args.adapt is None:
        report = reports["shipped"]
    else:
        report = {
            "adapt": adapt,
            "learned_from": [p.name for p in learned_from],
            "model": args.model or "shipped",  # what "shipped" stands for
            **reports,
        }
    if args.json:
        print_json(report)
    else:
        sys.stdout.write(format_report(report) if args.adapt is None else format_adapted(report))
    return 0


def evaluation_report(results: dict[str, list[PageResult]]) -> dict:
    everything = [page for pages in results.values() for page in pages]
    return {
        "overall": summarise(everything),
        "directories": {d: summarise(pages) for d, pages in results.items()},
        "worst_pages": worst_pages(everything),
    }


def _predictions_folder(out: str | None, scored: list[GoldPage]) -> Path | None:
    if out is None:
        return None
    names = [page.name for page in scored]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise CommandError(f"{out}: two pages would both be written as {twice[0]}.json")
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(f"{out}: cannot make the folder: {error.strerror}") from error
    return folder


def _model_segment(model: str | None) -> Propose:
    if model is None:
        return segment
    from editor_app.segmentation.learned import LearnedSegmenter

    try:
        return LearnedSegmenter(model).segment
    except (OSError, ValueError) as error:
        raise CommandError(f"{model}: not a segmentation model ({error})") from error


def adapted_segment(
    learned_from: list[GoldPage], evaluated: list[GoldPage], base_data, model: str | None
) -> Propose:
    """Train on the base pages (minus every evaluated page) and the first K pages' gold."""
    from editor_app.segmentation.learned import LearnedSegmenter
    from editor_app.segmentation.learned.adapt import OWN_REPEAT, train_adapted

    base, shipped = _base_pages(base_data)
    seen = {hashlib.sha256(page.raw).hexdigest() for page in evaluated}
    kept = [p for p in base if hashlib.sha256(p.text_bytes).hexdigest() not in seen]
    if shipped and model is None and len(kept) < len(base):
        print(
            f"note: the shipped model was trained on {len(base) - len(kept)} of these pages; "
            "its figures are not held out (pass --model with one trained without them)",
            file=sys.stderr,
        )
    progress = Progress(1, "adapt")
    own = [(page.text, page.gold) for page in learned_from]
    data = train_adapted(own, base=kept, progress=lambda d, t: _advance_to(progress, d, t))
    progress.close()
    print(
        f"adapted model: {len(kept)} base pages ({len(base) - len(kept)} evaluated left out), "
        f"{len(own)} pages counted {OWN_REPEAT} times each",
        file=sys.stderr,
    )
    return LearnedSegmenter.from_bytes(data).segment


def _base_pages(sources) -> tuple[list, bool]:
    """The base pages and whether they are the shipped ones."""
    from editor_app.model import gold_pages as corpus
    from editor_app.segmentation.learned import adapt

    try:
        if sources:
            return corpus.load_pages(sources), False
        return list(adapt.shipped_pages(False)), True
    except (OSError, corpus.CorpusError) as error:
        raise CommandError(str(error)) from error


def _advance_to(progress: Progress, done: int, total: int) -> None:
    progress.total = total
    progress.advance(done - progress.done)


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


def format_adapted(report: dict) -> str:
    """The shipped and the adapted model side by side, on the same scored pages."""
    systems = ("shipped", "adapted")
    lines = [
        f"learned from the first {report['adapt']} pages; scored the other "
        f"{report['shipped']['overall']['pages']}",
        "metric".ljust(24) + "".join(name.rjust(12) for name in systems),
    ]
    for metric in ("articles", *METRIC_ORDER):
        cells = "".join(
            _format_value(report[name]["overall"].get(metric)).rjust(12) for name in systems
        )
        lines.append(metric.ljust(24) + cells)
    return "\n".join(lines) + "\n"
