"""Look-alike misreads (`潮县镇` for `漷县镇`, `入员` for `人员`), from the confusion table.

A swap is suggested only where the character as read forms no dictionary word with its
neighbours and the swapped one does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from editor_app.cleanup.document import CleanupDocument
from editor_app.model import Suggestion, lexicon

RULE = "lookalike"
# jieba lists some fragments with tiny counts: below this a "word" does not count.
NONWORD_MAX = 5
MIN_SWAPPED = 30
# How much more likely (log-probability, unigram words) the swapped window must be.
MIN_GAIN = 5.0
WINDOW = 3
BREAKS = set("\n，。、；：！？,.;:!?“”（）() \u3000\u00a0")
ADVERB_BEFORE = {"太": set("多少好大小难快慢高低远近长短久累苦贵早晚重轻深浅美")}
DIGITS = "0123456789０１２３４５６７８９"


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(''.join(lexicon.confusions()))}]")


def find(doc: CleanupDocument) -> Iterator[Suggestion]:
    text = doc.text
    table = lexicon.confusions()
    for match in _pattern().finditer(text):
        at = match.start()
        char = match.group()
        if char == "曰" and at > 0 and text[at - 1] in DIGITS:
            choice, confidence = "日", 0.95  # 10曰18 is a date
        else:
            choice, confidence = _swap(text, at, table[char])
        if choice is None:
            continue
        reason = f"形近字：“{char}”疑为“{choice}”的误识"
        yield doc.suggestion(
            RULE, at, at + 1, choice, reason, confidence, _pattern_key(text, at, choice)
        )


def _swap(text: str, at: int, choices: tuple[str, ...]) -> tuple[str | None, float]:
    if _forms_word(text, at) or _adverb_use(text, at):
        return None, 0.0
    lo, hi = _window(text, at)
    window, inner = text[lo:hi], at - lo
    original = None
    best, gain = None, MIN_GAIN
    for choice in choices:
        if lexicon.best_word(window, inner, choice) < MIN_SWAPPED:
            continue
        if original is None:
            # Scored only now: most swaps form no word and never get this far.
            original = lexicon.segmentation_score(window)
        swapped = window[:inner] + choice + window[inner + 1 :]
        score = lexicon.segmentation_score(swapped) - original
        if score >= gain:
            best, gain = choice, score
    if best is None:
        return None, 0.0
    return best, 0.9 if gain >= 2 * MIN_GAIN else 0.75


def _window(text: str, at: int) -> tuple[int, int]:
    """Up to WINDOW characters either side of `at`, not past a line or sentence break."""
    lo = at
    while lo > 0 and at - lo < WINDOW and text[lo - 1] not in BREAKS:
        lo -= 1
    hi = at + 1
    while hi < len(text) and hi - at <= WINDOW and text[hi] not in BREAKS:
        hi += 1
    return lo, hi


def _adverb_use(text: str, at: int) -> bool:
    """`太多`, `太好了`: the character read is itself right as an adverb before an adjective."""
    following = ADVERB_BEFORE.get(text[at])
    return following is not None and at + 1 < len(text) and text[at + 1] in following


# Spans (from, to) relative to a character that cover it, two characters or more,
# shortest first: most characters form a word with a neighbour, so the search ends early.
SPANS_AROUND = sorted(
    ((lo, lo + size) for size in range(2, lexicon.MAX_WORD + 1) for lo in range(1 - size, 1)),
    key=lambda span: (span[1] - span[0], span[0]),
)


def _forms_word(text: str, at: int) -> bool:
    """Whether the character at `at` is part of some dictionary word as it stands."""
    table = lexicon.words()
    size = len(text)
    for lo, hi in SPANS_AROUND:
        start, end = at + lo, at + hi
        if start >= 0 and end <= size and table.get(text[start:end], 0) > NONWORD_MAX:
            return True
    return False


def _pattern_key(text: str, at: int, choice: str) -> str:
    """`潮县镇→漷县镇`: the word as read and as swapped, so one accept fixes it everywhere."""
    table = lexicon.words()
    # Only words through `at` count: the text around it, not a copy of the whole page.
    lo, hi = max(0, at - lexicon.MAX_WORD + 1), min(len(text), at + lexicon.MAX_WORD)
    read, inner = text[lo:hi], at - lo
    swapped = read[:inner] + choice + read[inner + 1 :]
    best = (0, inner, inner + 1)
    for start in range(inner + 1):
        for end in range(max(inner + 1, start + 2), min(len(read), start + lexicon.MAX_WORD) + 1):
            freq = table.get(swapped[start:end], 0)
            if freq > best[0]:
                best = (freq, start, end)
    _, start, end = best
    return f"{read[start:end]}→{swapped[start:end]}"
