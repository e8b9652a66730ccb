"""Import N ALTO pages and report the rate of derived raw text, memory and sizes.

`python -m tests.ocr.bench_import [N] [--work DIR] [--chars-per-string C]`: the pages are
made from the corpus pages in ../shared/corpus (else the seeds), laid out as tesseract
writes ALTO: a TextBlock per paragraph, lines of 20 characters, one String per character
with its box. With C > 1, a String holds a word (what white space separates) or up to C
characters of a longer one, as an OCR of Latin text writes words (editor_app/bench/
alto_pages.py); the raw text is the same but for spaces beside other than Chinese.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import tempfile
import time
from pathlib import Path

from editor_app.bench.alto_pages import write_alto_pages
from editor_app.storage import Project, import_paths

REPO = Path(__file__).resolve().parents[2]


def source_texts() -> list[str]:
    corpus = REPO.parent / "shared" / "corpus"
    paths = sorted(corpus.glob("*/*.txt")) or sorted((REPO / "seeds").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pages", type=int, nargs="?", default=1000)
    parser.add_argument("--work", help="keep the pages and the project here")
    parser.add_argument("--chars-per-string", type=int, default=1, metavar="C")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="qingyang-alto-"))
    pages = work / "pages"
    texts = itertools.cycle(source_texts())
    _, xml_bytes = write_alto_pages(texts, pages, args.pages, args.chars_per_string)
    project_path = work / "alto.qingyang"
    project_path.unlink(missing_ok=True)
    with Project.create(project_path, editor="bench") as project:
        began, cpu_began = time.perf_counter(), _cpu_seconds()
        report = import_paths(project, [pages])
        seconds, cpu = time.perf_counter() - began, _cpu_seconds() - cpu_began
        raw = project.db.execute("SELECT sum(length(CAST(raw_text AS BLOB))) FROM documents")
        raw_bytes = raw.fetchone()[0]
        sizes = project.db.execute(
            "SELECT sum(length(line_boxes)), sum(length(source)) FROM document_sources"
        )
        box_bytes, source_bytes = sizes.fetchone()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"pages imported           {len(report.imported)} of {args.pages} ({len(report.skipped)} skipped)"
    )
    print(f"ALTO read                {xml_bytes / 1e6:.1f} MB")
    print(f"derived raw text         {raw_bytes / 1e6:.2f} MB")
    print(
        f"import                   {seconds:.1f} s, {raw_bytes / 1e6 / seconds:.2f} MB/s of raw text"
        f", {xml_bytes / 1e6 / seconds:.1f} MB/s of ALTO"
    )
    print(
        f"CPU, writer and workers  {cpu:.1f} s, {raw_bytes / 1e6 / cpu:.2f} MB/s of raw text a core"
    )
    print(f"peak memory              writer {peak:.0f} MB, largest worker {workers:.0f} MB")
    print(
        f"line boxes stored        {box_bytes / 1e6:.2f} MB ({box_bytes / args.pages:.0f} B a page)"
    )
    print(f"sources kept             {source_bytes / 1e6:.1f} MB")
    print(f"project file             {project_path.stat().st_size / 1e6:.1f} MB")


def _cpu_seconds() -> float:
    """This process's CPU time and its finished children's (the import's workers): on a
    shared machine the figure to compare, where the wall time depends on the others."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


if __name__ == "__main__":
    main()
