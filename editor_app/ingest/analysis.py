"""Read, decode and analyse one raw file: the pure part of an import, safe in a worker.

The result carries the rows to insert in the form cheapest for the writer, the one busy
thread of an import: the line roles as one JSON array, which SQLite unpacks itself
(`json_each`) instead of binding every value from Python, and the suggestions as a
pack (see `suggestion_packs`): their placements, and the handful of kinds (rule,
before, after, …) they share. JSON travels as text: SQLite 3.45 and later read a
blob given to its JSON functions as its binary JSONB form.
"""

from __future__ import annotations

import gc
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from editor_app.cleanup import suggest
from editor_app.ingest.decoding import DecodeError, decode_bytes
from editor_app.ingest.filenames import name_fields
from editor_app.ingest.ocr_model import OcrFormatError
from editor_app.ingest.ocr_read import looks_like_markup, sniff_ocr_format
from editor_app.ingest.ocr_source import OCR_SUFFIXES, OcrSource, read_source
from editor_app.ingest.printed_lines import lift, paragraph_view, printed_paragraphs
from editor_app.ingest.sources import SourceError, printable_path, read_regular_file
from editor_app.model import LineIndex, Proposal, Segment, Suggestion
from editor_app.model.fields import PROPOSED, names_of
from editor_app.model.layout import PageLayout
from editor_app.segmentation import propose_with, segment
from editor_app.segmentation.learned import segmenter_from_bytes

MAX_FILE_BYTES = 64 * 1024 * 1024  # a newspaper page is a few kilobytes; an issue, a megabyte


@dataclass(slots=True)
class Analysis:
    """Everything an import writes for one file, or why the file is skipped."""

    path: str
    source_path: str = ""  # absolute, links resolved
    sha256: str = ""
    size: int = 0
    text: str = ""
    encoding: str = ""
    had_crlf: bool = False
    file_name: str = ""
    date: str = ""
    page: str = ""
    line_count: int = 0
    articles: list[tuple] = field(default_factory=list)  # ARTICLE_COLUMNS without document_id
    roles: str = "[]"  # JSON [[line, role], ...]
    # PACK_KINDS with the reason's text for its id, then how many placements have it.
    suggestion_kinds: list[tuple] = field(default_factory=list)
    suggestions: str = "[]"  # JSON [[PACK_PLACEMENTS..., index into kinds], ...]
    error: str = ""
    # An OCR file (ALTO, hOCR, PAGE): its geometry and its bytes, as the project keeps them.
    ocr: OcrSource | None = None


# What an import writes of each segment: its span, then the fields the segmenter proposes.
ARTICLE_COLUMNS = ("start_line", "end_line", "start_offset", "end_offset", *names_of(PROPOSED))


@dataclass(slots=True)
class Context:
    """What every file of one import is analysed against; set once per worker process."""

    known_hashes: frozenset[str] = frozenset()
    dictionary: tuple = ()
    model: bytes | None = None  # the project's learned model; None: the shipped one


_context = Context()


def set_context(
    known_hashes: frozenset[str], dictionary: tuple, model: bytes | None = None
) -> None:
    global _context
    _context = Context(known_hashes, dictionary, model)


def set_packed_context(packed: str, dictionary: tuple, model: bytes | None = None) -> None:
    """set_context in a worker process, the known hashes given one a line.

    A pool pickles its initializer's arguments for every worker it starts, on the thread
    that starts it, holding the interpreter lock throughout: a set of tens of thousands of
    hashes is pickled string by string, a packed string is copied in one go.
    """
    set_context(frozenset(packed.split("\n")) if packed else frozenset(), dictionary, model)


def _propose(lines: LineIndex, layout: PageLayout | None = None) -> Proposal:
    """The segmenter's proposal: with the page's layout for an OCR file (its lines are
    paragraphs already); paragraph-wise for a text printed line by line."""
    if layout is not None:
        return _segment(lines, layout)
    runs = printed_paragraphs(lines) if lines.text.count("\n") >= 7 else None
    if runs is None:
        return _segment(lines)
    return lift(_segment(LineIndex(paragraph_view(lines, runs))), runs)


def _segment(lines: LineIndex, layout: PageLayout | None = None) -> Proposal:
    if _context.model is None:
        return segment(lines, layout)
    return propose_with(segmenter_from_bytes(_context.model), lines, layout)


def analyse_files(paths: list[str]) -> list[Analysis]:
    """One chunk of a worker process's files (the pool's task; never run in the writer)."""
    # What the worker holds from one chunk to the next (its tables, models and caches) is
    # set aside from the cyclic collector, which would otherwise scan it over and over
    # while the chunk makes and drops its many short-lived objects. None of it forms
    # cycles that would have to be collected later.
    gc.freeze()
    return [analyse_file(path) for path in paths]


def analyse_file(path: str) -> Analysis:
    """Read, decode, segment and suggest for one file, against the current context."""
    known_hashes, dictionary = _context.known_hashes, _context.dictionary
    result = Analysis(path=path)
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except SourceError as error:
        result.error = str(error)
        return result
    result.size = len(data)
    result.sha256 = hashlib.sha256(data).hexdigest()
    if result.sha256 in known_hashes:
        return result
    read, layout = _read_text(result, data, path)
    if not read:
        return result
    # Stored and shown as text: a name's bytes that are not UTF-8 are written `\xe9`.
    result.file_name, result.date, result.page = name_fields(path)
    result.source_path = printable_path(str(Path(path).resolve()))
    lines = LineIndex(result.text)  # split once, for segmentation, cleanup and the rows
    proposal = _propose(lines, layout)
    found = suggest(lines, proposal, dictionary, layout=layout)
    _add_rows(result, lines, proposal, found)
    return result


def _read_text(result: Analysis, data: bytes, path: str) -> tuple[bool, PageLayout | None]:
    """The raw text of a text file, or the text derived from an OCR file with the page's
    layout; (False, None): skipped."""
    if sniff_ocr_format(data) or _named_as_ocr(path, data):
        try:
            derived, result.ocr = read_source(data, path, printable_path(path))
        except OcrFormatError as error:
            result.error = error.reason
            return False, None
        result.text, result.encoding = derived.text, "utf-8"
        return True, PageLayout.of(derived.width, derived.height, derived.line_boxes)
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        result.error = str(error)
        return False, None
    result.text, result.encoding, result.had_crlf = decoded.text, decoded.encoding, decoded.had_crlf
    return True, None


def _named_as_ocr(path: str, data: bytes) -> bool:
    """An .xml or .html file that is markup of no OCR format known here (refused as such)."""
    return Path(path).suffix.lower() in OCR_SUFFIXES and looks_like_markup(data)


def _add_rows(
    result: Analysis, lines: LineIndex, proposal: Proposal, suggestions: list[Suggestion]
) -> None:
    result.line_count = len(lines)
    result.articles = [_article_row(seg, lines) for seg in proposal.segments]
    result.roles = orjson.dumps(list(proposal.roles.items())).decode()
    kinds, placements = _pack(suggestions)
    result.suggestion_kinds = kinds
    result.suggestions = orjson.dumps(placements).decode()


def _pack(suggestions: list[Suggestion]) -> tuple[list[tuple], list[tuple]]:
    """The kinds the suggestions share (each with its number of uses) and their placements."""
    index_of: dict[tuple, int] = {}
    uses: list[int] = []
    placements = []
    for s in suggestions:  # one loop: a page holds hundreds
        kind = (s.rule, s.before, s.after, s.confidence, s.pattern, s.reason)
        index = index_of.get(kind)
        if index is None:
            index = index_of[kind] = len(uses)
            uses.append(0)
        uses[index] += 1
        placements.append((s.line, s.column, s.next_line, s.start, s.end, index))
    return [(*kind, count) for kind, count in zip(index_of, uses, strict=True)], placements


def _article_row(seg: Segment, lines: LineIndex) -> tuple:
    """The values of ARTICLE_COLUMNS, in that order."""
    span = (seg.start, seg.end, lines.start(seg.start), lines.end(seg.end))
    return (*span, *[field.stored(getattr(seg, field.name)) for field in PROPOSED])
