"""ALTO pages made from raw text, laid out as tesseract writes them, to time OCR imports.

A TextBlock per paragraph (non-empty line of the text), printed lines of 20 characters,
and by default one String per character with its box, as tesseract writes Chinese. With
`chars_per_string` > 1, a String holds a word (what white space separates), or up to that
many characters of a longer one, as an OCR of Latin text writes words.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import quoteattr

CHARS_PER_LINE, CHAR, LINE = 20, 30, 40  # characters per printed line; pixels
_WORD = re.compile(r"\S+")


def strings_of(row: str, chars_per_string: int = 1) -> list[tuple[int, str]]:
    """A printed line's Strings as (index of the first character, text)."""
    return [
        (word.start() + i, word.group()[i : i + chars_per_string])
        for word in _WORD.finditer(row)
        for i in range(0, len(word.group()), chars_per_string)
    ]


def alto_page(text: str, number: int, chars_per_string: int = 1) -> bytes:
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    blocks, y = [], 0
    for index, paragraph in enumerate(paragraphs):
        rows = [paragraph[i : i + CHARS_PER_LINE] for i in range(0, len(paragraph), CHARS_PER_LINE)]
        lines = []
        for row in rows:
            strings = "".join(
                f'<String ID="s{number}_{index}_{y}_{i}" HPOS="{i * CHAR}" VPOS="{y}" '
                f'WIDTH="{len(word) * CHAR - 2}" HEIGHT="{LINE - 8}" WC="0.93" '
                f"CONTENT={quoteattr(word)}/>"
                for i, word in strings_of(row, chars_per_string)
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


def write_alto_pages(
    texts, folder: Path, count: int, chars_per_string: int = 1
) -> tuple[list[Path], int]:
    """`count` pages of the texts (taken in turn) as page-NNNN.xml; (paths, bytes written)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, written = [], 0
    for number, text in zip(range(count), texts, strict=False):
        path = folder / f"page-{number:04d}.xml"
        data = alto_page(text, number, chars_per_string)
        path.write_bytes(data)
        paths.append(path)
        written += len(data)
    return paths, written
