"""Figures for input of pathological shape: analysis cost grows in proportion to the input.

A page whose paragraphs were never broken, a run of one mark, brackets nested deep: each of
these shapes once made a step of the analysis quadratic. The cost of analysing each shape
at 8x its size is compared with its cost at 1x (linear work gives about 8, quadratic 64),
and a whole issue printed as one 20 MB line is imported through the command line.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import time
from pathlib import Path

from editor_app.cleanup import suggest
from editor_app.segmentation import segment

GROWTH = 8
ONE_LINE_BYTES = 20_000_000

# Shapes whose extra work hid inside a regular expression or a string copy, with a size
# that takes a few milliseconds at 1x.
SHAPES = {
    "blank lines at the end": (lambda k: "正文。\n" + "\n" * k, 2500),
    "blank lines of spaces at the end": (lambda k: "正文。\n" + " \n" * k, 2500),
    "a long run before an @": (lambda k: "中文，" + "a" * k + " @", 30000),
    "a long run before a comma and an @": (lambda k: "中," + "a" * k + ",@", 20000),
    "digits where a cut line ends": (lambda k: "正文，\n" + "9" * k + "\n正文；", 20000),
    "nested brackets": (lambda k: "中" + "(" * k + ")" * k, 1000),
    "a run of exclamation marks": (lambda k: "中" + "!" * k, 1500),
    "commas after a long gap": (lambda k: "中" + "\u3000" * k + "a," * k, 1500),
    "spaces inside one long line": (lambda k: "正文。" + "中 文" * k, 4000),
    "a long line among short ones": (
        lambda k: "短句。\n" * 200 + "长文" * k + "\n短句。" * 200,
        20000,
    ),
}


def analyse(text: str) -> None:
    """What an import computes for a page: the proposal and its cleanup suggestions."""
    suggest(text, segment(text), (("潮县镇", "漷县镇"),))


def cpu_seconds(text: str, runs: int = 3) -> float:
    """The least CPU time of a few runs, garbage collection paused."""
    spent = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            analyse(text)
            spent.append(time.process_time() - start)
        finally:
            gc.enable()
    return min(spent)


def growth_ratios() -> dict[str, float]:
    """Cost at 8x over cost at 1x, for every shape."""
    ratios = {}
    for name, (make, size) in SHAPES.items():
        analyse(make(10))  # tables and caches load outside the measure
        small = max(cpu_seconds(make(size)), 1e-4)
        ratios[name] = round(cpu_seconds(make(size * GROWTH)) / small, 1)
    return ratios


def one_line_file(seeds: Path, target: Path) -> int:
    """The seed issues joined into one line, repeated to ONE_LINE_BYTES; its size."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    unit = "".join("".join(texts).split()).encode("utf-8")
    data = (unit * (ONE_LINE_BYTES // len(unit) + 1))[:ONE_LINE_BYTES]
    data = data.decode("utf-8", errors="ignore").encode("utf-8")  # no character cut in two
    target.write_bytes(data)
    return len(data)


def one_line_import_s(seeds: Path, work: Path) -> float:
    """Seconds for `import` of a one-line 20 MB file into a new project."""
    source, project = work / "one-line.txt", work / "one-line.qingyang"
    one_line_file(seeds, source)
    command = [sys.executable, "-m", "editor_app"]
    subprocess.run([*command, "new", str(project)], check=True, capture_output=True)
    start = time.perf_counter()
    subprocess.run([*command, "import", str(project), str(source)], check=True, capture_output=True)
    return time.perf_counter() - start
