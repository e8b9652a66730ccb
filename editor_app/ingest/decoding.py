"""Turn the bytes of a raw file into text, detecting the encoding, or say why not."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

from charset_normalizer import from_bytes

from editor_app.ingest.text_check import is_blank, text_problem
from editor_app.model import normalise_newlines

# Encodings an archive's text files actually come in; tried in this order before guessing.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CJK_ENCODINGS = ("gb18030", "big5", "utf_16", "utf_16_le", "utf_16_be", "utf_8")
_FALLBACKS = ("gb18030", "big5", "utf-16-le", "utf-16-be")
EMPTY = "the file is empty"


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    had_crlf: bool


# How a reading came about: the bytes say so (a BOM, valid UTF-8), charset-normalizer
# guessed it, or a plain decoder fit the bytes where it found nothing.
DECLARED, GUESSED, FITTED = "declared", "guessed", "fitted"
NO_ENCODING = "no text encoding fits the bytes (binary or damaged file?)"


def decode_bytes(data: bytes) -> Decoded:
    """Decode raw file bytes: BOM, then strict UTF-8, then charset-normalizer's guesses.

    A guess must also read as text (see `text_check`): random bytes decode as GB18030,
    and a short GB18030 page as UTF-16, so the first of the guesses that does is taken.
    """
    problems = []
    for text, encoding, how in _readings(data):
        problem = _problem(text, how)
        if not problem:
            return Decoded(normalise_newlines(text), encoding, "\r" in text)
        if how != FITTED or problem == EMPTY:  # a mere fit is no reason to name
            problems.append(problem)
    if not problems:
        raise DecodeError(NO_ENCODING)
    raise DecodeError(EMPTY if EMPTY in problems else problems[0])


def _problem(text: str, how: str) -> str:
    if is_blank(text):
        return EMPTY
    if "\x00" in text or _control_share(text) > 0.01:
        return "the file looks binary, not text"
    problem = text_problem(text) if how != DECLARED else ""
    return f"not text: {problem}" if problem else ""


def _readings(data: bytes) -> Iterator[tuple[str, str, str]]:
    """The text in each encoding that may fit, best first, and how it was found."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                yield data.decode(name), name, DECLARED
            except UnicodeDecodeError as error:
                raise DecodeError(f"broken {name} text at byte {error.start}") from error
            return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        yield text, "utf-8", DECLARED
        if "\x00" not in text:
            return
        # NUL is valid UTF-8 but no UTF-8 text holds it: UTF-16 without a BOM may fit.
    # Only the encodings Chinese archives come in: a guess among every code page would
    # read binary junk as some Cyrillic or Latin text and import it.
    matches = from_bytes(data, cp_isolation=list(_CJK_ENCODINGS))
    for match in matches:
        yield str(match), match.encoding, GUESSED
    if not matches:  # it finds nothing in a line or two of text, where a plain decoder may
        for name in _FALLBACKS:
            try:
                yield data.decode(name), name, FITTED
            except UnicodeDecodeError:
                continue


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)
