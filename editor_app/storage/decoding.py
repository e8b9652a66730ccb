"""Turn the bytes of a raw file into text, detecting the encoding, or say why not."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

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


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    had_crlf: bool


def decode_bytes(data: bytes) -> Decoded:
    """Decode raw file bytes: BOM, then strict UTF-8, then charset-normalizer's best guess."""
    if not data.strip():
        raise DecodeError("the file is empty")
    text, encoding = _decode(data)
    if "\x00" in text or _control_share(text) > 0.01:
        raise DecodeError("the file looks binary, not text")
    return Decoded(normalise_newlines(text), encoding, "\r" in text)


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as error:
                raise DecodeError(f"broken {name} text at byte {error.start}") from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Only the encodings Chinese archives come in: a guess among every code page would
    # read binary junk as some Cyrillic or Latin text and import it.
    best = from_bytes(data, cp_isolation=list(_CJK_ENCODINGS)).best()
    if best is None:
        raise DecodeError("no text encoding fits the bytes (binary or damaged file?)")
    return str(best), best.encoding


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)
