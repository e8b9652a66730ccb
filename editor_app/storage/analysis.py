"""Read, decode and analyse one raw file: the pure part of an import, safe in a worker."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.cleanup import suggest
from editor_app.model import Proposal, Suggestion
from editor_app.segmentation import segment
from editor_app.storage.decoding import DecodeError, decode_bytes
from editor_app.storage.filenames import date_and_page

MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(slots=True)
class Analysis:
    """Everything an import writes for one file, or why the file is skipped."""

    path: str
    sha256: str = ""
    size: int = 0
    text: str = ""
    encoding: str = ""
    had_crlf: bool = False
    date: str = ""
    page: str = ""
    proposal: Proposal | None = None
    suggestions: list[Suggestion] = field(default_factory=list)
    error: str = ""


@dataclass(slots=True)
class Context:
    """What every file of one import is analysed against; set once per worker process."""

    known_hashes: frozenset[str] = frozenset()
    dictionary: tuple = ()


_context = Context()


def set_context(known_hashes: frozenset[str], dictionary: tuple) -> None:
    global _context
    _context = Context(known_hashes, dictionary)


def analyse_file(path: str) -> Analysis:
    """Read, decode, segment and suggest for one file, against the current context."""
    known_hashes, dictionary = _context.known_hashes, _context.dictionary
    result = Analysis(path=path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        result.error = f"cannot read: {error.strerror}"
        return result
    result.size = len(data)
    result.sha256 = hashlib.sha256(data).hexdigest()
    if result.sha256 in known_hashes:
        return result
    if len(data) > MAX_FILE_BYTES:
        result.error = f"too large for one issue ({len(data) // 1_000_000} MB)"
        return result
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        result.error = str(error)
        return result
    result.text, result.encoding, result.had_crlf = decoded.text, decoded.encoding, decoded.had_crlf
    result.date, result.page = date_and_page(Path(path).name)
    result.proposal = segment(decoded.text)
    result.suggestions = suggest(decoded.text, result.proposal, dictionary)
    return result
