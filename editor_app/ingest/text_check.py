"""Whether decoded text reads as text: checked when its encoding had to be guessed.

GB18030 maps almost any byte sequence to some character, and so do the UTF-16s, so
random bytes "decode". What they give is not text: unprintable and private-use
characters, and Chinese characters drawn evenly from tens of thousands, where real
text, simplified or traditional, is nearly all made of the few thousand common ones.
"""

from __future__ import annotations

import re
from functools import cache

# A long text is judged on windows spread through it: the cost stays the same.
WINDOWS = 16
WINDOW_CHARS = 4096
MAX_UNPRINTABLE = 0.02
MIN_LETTERS = 0.5  # letters and digits among the visible characters
MIN_COMMON = 0.8  # common characters among the Chinese ones (real pages: over 0.95)
# Fewer characters beyond ASCII than this tell nothing about an encoding (the guess is
# all about them): two random bytes are one common character in GBK or Big5 often enough.
MIN_GUESSED = 4
# Invisible marks real files carry (a BOM inside, zero-width spaces): neither text nor junk.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_BLANK_RE = re.compile(f"[\\s{INVISIBLE}]*")
# What a Chinese page holds: ASCII, Latin, Greek and Cyrillic letters, kana and
# bopomofo, Chinese characters, and the punctuation, symbols and full-width forms
# the Chinese code pages carry.
_EXPECTED_RE = re.compile(
    "[\u0020-\u007e\u00a0-\u024f\u0370-\u04ff\u2010-\u206f\u2100-\u22ff"
    "\u2460-\u27bf\u3000-\u312f\u3190-\u32ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uffef\U00020000-\U0003134f]"
)
MAX_FOREIGN = 0.1
_IDEOGRAPH_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Where the common characters sit: GB2312's first level (3,755 characters) and Big5's
# frequent ones (5,401): first bytes, second bytes.
_COMMON_TABLES = (
    ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
    ("big5", range(0xA4, 0xC7), (*range(0x40, 0x7F), *range(0xA1, 0xFF))),
)


def is_blank(text: str) -> bool:
    """Nothing but white space and invisible marks (a BOM alone, say)."""
    return _BLANK_RE.fullmatch(text) is not None


def text_problem(text: str) -> str:
    """Why `text`, decoded in a guessed encoding, does not read as text ("" when it does)."""
    sample = _sample(text)
    visible = [ch for ch in sample if not ch.isspace() and ch not in INVISIBLE]
    if sum(1 for ch in visible if not ch.isascii()) < MIN_GUESSED:
        return "too little of it is not ASCII to tell which encoding it is in"
    unprintable = sum(1 for ch in visible if not ch.isprintable())
    if unprintable > MAX_UNPRINTABLE * len(visible):
        return f"{unprintable * 100 // len(visible)} % of its characters cannot be shown"
    letters = sum(1 for ch in visible if ch.isalnum())
    if letters < MIN_LETTERS * len(visible):
        return "it is mostly symbols, not words"
    foreign = sum(1 for ch in visible if not _EXPECTED_RE.match(ch))
    if foreign > MAX_FOREIGN * len(visible):
        return "it mixes scripts no Chinese text holds (Korean, Yi, Ethiopic …)"
    ideographs = _IDEOGRAPH_RE.findall(sample)
    if ideographs:
        common = common_characters()
        rare = sum(1 for ch in ideographs if ch not in common)
        if rare > (1 - MIN_COMMON) * len(ideographs):
            return "too many of its Chinese characters are rare ones, as random bytes give"
    return ""


def _sample(text: str) -> str:
    if len(text) <= WINDOWS * WINDOW_CHARS:
        return text
    step = (len(text) - WINDOW_CHARS) // (WINDOWS - 1)
    return "".join(text[i * step : i * step + WINDOW_CHARS] for i in range(WINDOWS))


@cache
def common_characters() -> frozenset[str]:
    """The common Chinese characters, simplified and traditional."""
    found: set[str] = set()
    for codec, firsts, seconds in _COMMON_TABLES:
        for pair in (bytes((first, second)) for first in firsts for second in seconds):
            found.update(pair.decode(codec, errors="ignore"))
    return frozenset(ch for ch in found if _IDEOGRAPH_RE.match(ch))
