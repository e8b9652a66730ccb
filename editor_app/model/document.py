"""A raw document and its lines, with character offsets into the raw text."""

from __future__ import annotations

from dataclasses import dataclass


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; everything else is kept as it is."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document: 1-based number and [start, end) offsets without the newline."""

    number: int
    start: int
    end: int
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Split normalised text into lines numbered from 1, as the gold format counts them."""
    lines: list[Line] = []
    start = 0
    for number, part in enumerate(text.split("\n"), start=1):
        lines.append(Line(number, start, start + len(part), part))
        start += len(part) + 1
    return lines


@dataclass(slots=True)
class Document:
    """An imported raw file. `text` is the decoded raw text with newlines normalised."""

    id: int | None
    file_name: str
    sha256: str
    encoding: str
    text: str
    publication: str = ""
    date: str = ""
    page: str = ""
    edition: str = ""
    imported_at: str = ""
    source_path: str = ""

    def lines(self) -> list[Line]:
        return split_lines(self.text)
