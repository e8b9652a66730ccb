"""The press against the real OCR'd pages, measured the same way on both.

Each OCR'd page (pressed or real) is aligned with the clean page it was printed from, white
space dropped on both sides. From the alignment: the character error rate (changed, extra and
missing characters over the printed ones, gaps longer than `LONG_GAP` being text that was not
printed or a head or foot that the clean page lacks), and which printed paragraph every OCR
character comes from, hence the share of raw lines holding two paragraphs and the share of
title lines holding body too. From the gold: lines, articles and joins per page.
"""

from __future__ import annotations

import difflib
import json
import re
import statistics
from pathlib import Path

LONG_GAP = 30
_SPACE = re.compile(r"\s+")
_PAGE = re.compile(r"(20[0-9]{6}-[0-9]{2})")


def clean_paragraphs(text: str, gold: dict) -> tuple[str, list[int]]:
    """The clean page without white space, and for every character its paragraph number."""
    joins = {a for a, _ in gold.get("paragraph_joins", [])}
    chars, owners = [], []
    paragraph = 0
    for number, line in enumerate(text.split("\n"), 1):
        squeezed = _SPACE.sub("", line.replace("\u3000", ""))
        if not squeezed:
            continue
        chars.append(squeezed)
        owners.extend([paragraph] * len(squeezed))
        if number not in joins:
            paragraph += 1
    return "".join(chars), owners


def page_stats(text: str, gold: dict, clean_text: str, clean_gold: dict) -> dict:
    printed, owners = clean_paragraphs(clean_text, clean_gold)
    lines = [_SPACE.sub("", line) for line in text.split("\n")]
    ocr = "".join(lines)
    line_of = [n for n, line in enumerate(lines, 1) for _ in line]
    source = [None] * len(ocr)
    errors = covered = 0
    matcher = difflib.SequenceMatcher(None, ocr, printed, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            covered += a2 - a1
            for offset in range(a2 - a1):
                source[a1 + offset] = owners[b1 + offset]
        elif max(a2 - a1, b2 - b1) <= LONG_GAP:
            errors += max(a2 - a1, b2 - b1)
            covered += b2 - b1
    paragraphs_of: dict[int, dict[int, int]] = {}
    for index, paragraph in enumerate(source):
        if paragraph is not None:
            counts = paragraphs_of.setdefault(line_of[index], {})
            counts[paragraph] = counts.get(paragraph, 0) + 1
    non_empty = [n for n, line in enumerate(lines, 1) if line]
    two = sum(1 for n in non_empty if _paragraphs_held(paragraphs_of.get(n, {})) >= 2)
    titles = [int(n) for a in gold["articles"] for n, r in a["roles"].items() if r == "title"]
    heading_paragraphs = _heading_paragraphs(clean_text, clean_gold, owners)
    merged = sum(
        1
        for n in titles
        if any(p not in heading_paragraphs and c >= 3 for p, c in paragraphs_of.get(n, {}).items())
    )
    return {
        "cer": errors / max(1, covered),
        "lines": len(non_empty),
        "articles": len(gold["articles"]),
        "joins": len(gold.get("paragraph_joins", [])),
        "two_paragraph_lines": two / max(1, len(non_empty)),
        "title_lines": len(titles),
        "titles_with_body": merged,
    }


def _paragraphs_held(counts: dict[int, int]) -> int:
    return sum(1 for c in counts.values() if c >= 3)


def _heading_paragraphs(clean_text: str, clean_gold: dict, owners: list[int]) -> set[int]:
    """Paragraph numbers of the clean page's kicker, title and subtitle lines."""
    headings = {int(n) for a in clean_gold["articles"] for n in a.get("roles", {})}
    joins = {a for a, _ in clean_gold.get("paragraph_joins", [])}
    found, paragraph = set(), 0
    for number, line in enumerate(clean_text.split("\n"), 1):
        if not _SPACE.sub("", line.replace("\u3000", "")):
            continue
        if number in headings:
            found.add(paragraph)
        if number not in joins:
            paragraph += 1
    return found


def directory_stats(ocr_dir: Path, clean_dir: Path, wanted: set[str] | None = None) -> dict:
    """Stats of every OCR'd page of the directory whose clean page is in `clean_dir`."""
    out = {}
    for gold_path in sorted(ocr_dir.glob("*.gold.json")):
        found = _PAGE.search(gold_path.name)
        if found is None or (wanted is not None and found.group(1) not in wanted):
            continue
        clean = clean_dir / f"train-{found.group(1)}.txt"
        if not clean.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (ocr_dir / gold["source"]).read_text(encoding="utf-8")
        clean_gold = json.loads(clean.with_suffix("").with_suffix(".gold.json").read_text())
        out[found.group(1)] = page_stats(text, gold, clean.read_text(encoding="utf-8"), clean_gold)
    return out


def summary(pages: dict) -> dict:
    rows = list(pages.values())
    title_lines = sum(r["title_lines"] for r in rows)
    return {
        "pages": len(rows),
        "character error rate": statistics.mean(r["cer"] for r in rows),
        "lines per page": statistics.mean(r["lines"] for r in rows),
        "articles per page": statistics.mean(r["articles"] for r in rows),
        "joins per page": statistics.mean(r["joins"] for r in rows),
        "lines holding two paragraphs": statistics.mean(r["two_paragraph_lines"] for r in rows),
        "title lines holding body": sum(r["titles_with_body"] for r in rows) / max(1, title_lines),
    }


def compare(pressed: Path, real: Path, clean: Path) -> str:
    """A table: pressed pages, the real ones of the same dates and pages, all real pages."""
    mine = directory_stats(pressed, clean)
    theirs = directory_stats(real, clean)
    both = set(mine) & set(theirs)
    columns = {
        "press (all)": summary(mine),
        "press (paired)": summary({k: mine[k] for k in both}),
        "real (paired)": summary({k: theirs[k] for k in both}),
        "real (all)": summary(theirs),
    }
    names = list(next(iter(columns.values())))
    lines = ["| measure | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for name in names:
        cells = " | ".join(_cell(column[name]) for column in columns.values())
        lines.append(f"| {name} | {cells} |")
    return "\n".join(lines) + "\n"


def _cell(value) -> str:
    return str(value) if isinstance(value, int) else f"{value:.3f}"
