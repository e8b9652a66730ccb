"""A raw document as imported: its decoded text and where it came from."""

from __future__ import annotations

from dataclasses import dataclass


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; everything else is kept as it is."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
