"""Stateless cleanup command: `cleanup FILE... [--json] [--rule R]...`."""

from __future__ import annotations

from pathlib import Path

from editor_app.cleanup import RULES, suggest
from editor_app.cli.common import read_text_file, report_per_file
from editor_app.model import normalise_newlines
from editor_app.segmentation import segment


def register(subparsers) -> None:
    """Add this module's sub-commands."""
    parser = subparsers.add_parser(
        "cleanup", help="suggest cleanup fixes (joins, punctuation, characters) for raw text files"
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument(
        "--json", action="store_true", help="JSON (one object per line for several)"
    )
    parser.add_argument(
        "--rule",
        action="append",
        choices=list(RULES),
        metavar="RULE",
        help=f"only this rule (repeatable): {', '.join(RULES)}",
    )
    parser.set_defaults(func=run_cleanup)


def cleanup_file(path: str, rules: list[str] | None = None) -> dict:
    """Suggestions for one raw file, with the segmenter's proposal as the article map."""
    text = normalise_newlines(read_text_file(path))
    suggestions = suggest(text, segment(text), rules=rules)
    return {"source": Path(path).name, "suggestions": [s.as_json() for s in suggestions]}


def run_cleanup(args) -> int:
    return report_per_file(
        args.files, "cleanup", lambda path: cleanup_file(path, args.rule), args.json, listing
    )


def listing(result: dict) -> str:
    """A readable listing: one suggestion a line, grouped under its file."""
    items = result["suggestions"]
    out = [f"{result['source']}: {len(items)} suggestion(s)"]
    for item in items:
        out.append("  " + describe(item))
    return "\n".join(out) + "\n"


def describe(item: dict) -> str:
    if "next_line" in item:
        where = f"{item['line']}→{item['next_line']}"
        change = "合并段落"
    else:
        where = f"{item['line']}:{item['column']}"
        change = f"{_visible(item['before'])} → {_visible(item['after'])}"
    return (
        f"{where:<10} {item['rule']:<12} {change:<16} {item['reason']} ({item['confidence']:.2f})"
    )


def _visible(text: str) -> str:
    """Quote a fragment so spaces, newlines and empty replacements show."""
    return "“" + text.replace("\n", "⏎").replace("\u3000", "□").replace("\u00a0", "·") + "”"
