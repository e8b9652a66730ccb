"""Stray traditional characters in simplified text (or simplified ones in a traditional project).

Tables come from OpenCC's own dictionaries. A character that maps to one character only,
and is not itself valid in the target script, is always suggested; an ambiguous one
(乾, 於, 瞭, 覆, 藉 …) only where a phrase or a dictionary word around it decides.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from editor_app.cleanup.document import CleanupDocument
from editor_app.model import Suggestion, lexicon

RULE = "traditional"
ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
MAX_PHRASE = 6
MIN_WORD_FREQ = 20


@dataclass(frozen=True, slots=True)
class ScriptTable:
    """Characters foreign to one script and what they become in it."""

    certain: dict[str, str]
    ambiguous: dict[str, tuple[str, ...]]
    phrases: dict[str, str]
    pattern: re.Pattern[str]  # the characters in the BMP
    astral: re.Pattern[str]  # and those beyond it, searched for apart
    label: str
    target: str

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """Every foreign character of `text`, in order."""
        # sre scans a class of BMP characters many times faster than one that also
        # holds characters beyond it, and text rarely has any of those at all.
        if ASTRAL_RE.search(text) is None:
            return self.pattern.finditer(text)
        both = (self.pattern.finditer(text), self.astral.finditer(text))
        return heapq.merge(*both, key=lambda match: match.start())


@cache
def table(script: str) -> ScriptTable:
    """The table for a project in `script` ("simplified" or "traditional")."""
    if script == "simplified":
        source, other, phrases = "TSCharacters", "STCharacters", "TSPhrases"
        label, target = "繁体字", "简体"
    else:
        source, other, phrases = "STCharacters", "TSCharacters", "STPhrases"
        label, target = "简体字", "繁体"
    mapping, reverse = lexicon.opencc(source), lexicon.opencc(other)
    certain: dict[str, str] = {}
    ambiguous: dict[str, tuple[str, ...]] = {}
    for char, choices in mapping.items():
        # Targets beyond the BMP (𫖯 for 頫) are missing from most fonts: never suggest them.
        choices = tuple(c for c in choices if ord(c) <= 0xFFFF)
        if len(char) != 1 or not choices:
            continue
        if char in choices or char in reverse or len(choices) > 1:
            options = tuple(c for c in choices if c != char)
            if options:
                ambiguous[char] = options
        else:
            certain[char] = choices[0]
    phrase_table = {
        key: values[0]
        for key, values in lexicon.opencc(phrases).items()
        if len(key) <= MAX_PHRASE and len(values[0]) == len(key)
    }
    chars = sorted(set(certain) | set(ambiguous))
    bmp = "".join(char for char in chars if char <= "\uffff")
    astral = "".join(char for char in chars if char > "\uffff")
    return ScriptTable(
        certain, ambiguous, phrase_table, _char_class(bmp), _char_class(astral), label, target
    )


def _char_class(chars: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(chars)}]" if chars else "(?!)")


def find(doc: CleanupDocument) -> Iterator[Suggestion]:
    current = table(doc.script)
    text = doc.text
    for match in current.matches(text):
        at = match.start()
        char = match.group()
        choice = current.certain.get(char)
        confidence = 0.9
        if choice is None:
            choice = _decide(text, at, current)
            confidence = 0.8
        if choice is None:
            continue
        reason = f"{current.label}“{char}”在{current.target}文本中应为“{choice}”"
        yield doc.suggestion(RULE, at, at + 1, choice, reason, confidence, f"{char}→{choice}")


def _decide(text: str, at: int, current: ScriptTable) -> str | None:
    """An ambiguous character's replacement, from a phrase around it or a dictionary word."""
    choices = current.ambiguous[text[at]]
    for size in range(MAX_PHRASE, 1, -1):
        for start in range(max(0, at - size + 1), at + 1):
            phrase = current.phrases.get(text[start : start + size])
            if phrase is not None and phrase[at - start] in choices:
                return phrase[at - start]
    if current.target != "简体" or lexicon.best_word(text, at) >= MIN_WORD_FREQ:
        return None
    scored = [(lexicon.best_word(text, at, choice), choice) for choice in choices]
    freq, best = max(scored)
    return best if freq >= MIN_WORD_FREQ else None
