"""Import N ALTO pages and report the rate of derived raw text, memory and sizes.

`python -m tests.ocr.bench_import [N] [--work DIR]`: the pages are made from the corpus
pages in ../shared/corpus (else the seeds), laid out as tesseract writes ALTO: a TextBlock
per paragraph, lines of 20 characters, one String per character with its box.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import quoteattr

from editor_app.storage import Project, import_paths

REPO = Path(__file__).resolve().parents[2]
CHARS_PER_LINE, CHAR, LINE = 20, 30, 40  # characters per printed line; pixels


def source_texts() -> list[str]:
    corpus = REPO.parent / "shared" / "corpus"
    paths = sorted(corpus.glob("*/*.txt")) or sorted((REPO / "seeds").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def alto_page(text: str, number: int) -> bytes:
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    blocks, y = [], 0
    for index, paragraph in enumerate(paragraphs):
        rows = [paragraph[i : i + CHARS_PER_LINE] for i in range(0, len(paragraph), CHARS_PER_LINE)]
        lines = []
        for row in rows:
            strings = "".join(
                f'<String ID="s{number}_{index}_{y}_{i}" HPOS="{i * CHAR}" VPOS="{y}" '
                f'WIDTH="{CHAR - 2}" HEIGHT="{LINE - 8}" WC="0.93" CONTENT={quoteattr(char)}/>'
                for i, char in enumerate(row)
                if not char.isspace()
            )
            lines.append(
                f'<TextLine HPOS="0" VPOS="{y}" WIDTH="{len(row) * CHAR}" HEIGHT="{LINE}">'
                f"{strings}</TextLine>"
            )
            y += LINE
        blocks.append(
            f'<TextBlock ID="block_{index}" HPOS="0" VPOS="{y - LINE * len(rows)}" '
            f'WIDTH="{CHARS_PER_LINE * CHAR}" HEIGHT="{LINE * len(rows)}">{"".join(lines)}</TextBlock>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description>'
        "<MeasurementUnit>pixel</MeasurementUnit><sourceImageInformation>"
        f"<fileName>page-{number:04d}.png</fileName></sourceImageInformation></Description>"
        f'<Layout><Page WIDTH="{CHARS_PER_LINE * CHAR}" HEIGHT="{max(y, 1)}" ID="page_0">'
        f"<PrintSpace>{''.join(blocks)}</PrintSpace></Page></Layout></alto>\n"
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pages", type=int, nargs="?", default=1000)
    parser.add_argument("--work", help="keep the pages and the project here")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="qingyang-alto-"))
    pages = work / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    texts = itertools.cycle(source_texts())
    xml_bytes = 0
    for number in range(args.pages):
        data = alto_page(next(texts), number)
        (pages / f"page-{number:04d}.xml").write_bytes(data)
        xml_bytes += len(data)
    project_path = work / "alto.qingyang"
    project_path.unlink(missing_ok=True)
    with Project.create(project_path, editor="bench") as project:
        began = time.perf_counter()
        report = import_paths(project, [pages])
        seconds = time.perf_counter() - began
        raw = project.db.execute("SELECT sum(length(CAST(raw_text AS BLOB))) FROM documents")
        raw_bytes = raw.fetchone()[0]
        boxes = project.db.execute("SELECT sum(length(line_boxes)) FROM document_sources")
        box_bytes = boxes.fetchone()[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"pages imported           {len(report.imported)} of {args.pages} ({len(report.skipped)} skipped)"
    )
    print(f"ALTO read                {xml_bytes / 1e6:.1f} MB")
    print(f"derived raw text         {raw_bytes / 1e6:.2f} MB")
    print(
        f"import                   {seconds:.1f} s, {raw_bytes / 1e6 / seconds:.2f} MB/s of raw text"
    )
    print(f"peak memory              writer {peak:.0f} MB, largest worker {workers:.0f} MB")
    print(
        f"line boxes stored        {box_bytes / 1e6:.2f} MB ({box_bytes / args.pages:.0f} B a page)"
    )
    print(f"project file             {project_path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
