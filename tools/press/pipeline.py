"""One page through the press (render, read, carry), and many pages in at most two processes.

A clean page `train-YYYYMMDD-PP.txt` becomes, in the output directory, `press-YYYYMMDD-PP`
+ `.png`, `.glyphs.json`, `.hocr`, and, unless two segments were read into each other,
`.txt` + `.gold.json`.
"""

from __future__ import annotations

import json
import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tools.press import carry

PREFIX = "press-"
MAX_PROCESSES = 2  # the machine's two cores are shared


@dataclass(slots=True)
class Outcome:
    stem: str
    seconds: float = 0.0  # tesseract's time
    written: bool = False
    note: str = ""


def stem_of(clean: Path) -> str:
    found = re.search(r"(20[0-9]{6}-[0-9]{2})", clean.name)
    if found is None:
        raise ValueError(f"{clean.name}: no date and page number in the name")
    return PREFIX + found.group(1)


def render_page(clean: Path, out_dir: Path) -> Path:
    from tools.press.layout import compose
    from tools.press.render import write
    from tools.press.source import read_clean_page

    return write(compose(read_clean_page(clean)), out_dir, stem_of(clean))


def carry_page(out_dir: Path, stem: str) -> Outcome:
    """Write STEM.txt and STEM.gold.json from STEM.hocr and STEM.glyphs.json."""
    record = json.loads((out_dir / f"{stem}.glyphs.json").read_text(encoding="utf-8"))
    hocr = out_dir / f"{stem}.hocr"
    paragraphs = carry.read_paragraphs(hocr.read_bytes(), hocr.name)
    lines = carry.label_lines(paragraphs, carry.drawn_from_record(record))
    date, page = _date_and_page(stem)
    try:
        answer = carry.gold(lines, record, f"{stem}.txt", date, page)
    except carry.Interleaved as error:
        for suffix in (".txt", ".gold.json"):
            (out_dir / f"{stem}{suffix}").unlink(missing_ok=True)
        return Outcome(stem, note=str(error))
    (out_dir / f"{stem}.txt").write_text(carry.raw_text(lines), encoding="utf-8")
    text = json.dumps(answer, ensure_ascii=False, indent=1)
    (out_dir / f"{stem}.gold.json").write_text(text + "\n", encoding="utf-8")
    return Outcome(stem, written=True)


def _date_and_page(stem: str) -> tuple[str, int]:
    digits = stem.removeprefix(PREFIX)
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}", int(digits[9:11])


def press_page(clean: Path, out_dir: Path, reuse: bool = True) -> Outcome:
    """Render, read and carry one page; an existing image and hOCR are kept when `reuse`."""
    from tools.press.read import read_image

    stem = stem_of(clean)
    image = out_dir / f"{stem}.png"
    seconds = 0.0
    if not (reuse and (out_dir / f"{stem}.hocr").is_file()):
        image = render_page(clean, out_dir)
        seconds = read_image(image)
    outcome = carry_page(out_dir, stem)
    outcome.seconds = seconds
    return outcome


def describe(outcome: Outcome) -> str:
    said = f"{outcome.stem}: {'written' if outcome.written else 'left out'}"
    if outcome.seconds:
        said += f", read in {outcome.seconds:.1f} s"
    return said + (f" ({outcome.note})" if outcome.note else "")


def press_many(
    cleans: list[Path], out_dir: Path, processes: int = 1, reuse: bool = True, say=print
):
    """Every page through the press; yields outcomes as pages finish."""
    processes = max(1, min(processes, MAX_PROCESSES))
    context = multiprocessing.get_context("spawn")  # Qt does not survive a fork
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        futures = [pool.submit(press_page, clean, out_dir, reuse) for clean in cleans]
        for future in futures:
            outcome = future.result()
            say(describe(outcome))
            yield outcome
