"""Word and character tables, each loaded lazily and only once per process.

The word list is jieba's dictionary (word, frequency) when jieba is installed, plus
`resources/cleanup/words.txt` (words a general dictionary lacks, such as local place
names). Without jieba the rules fall back to the shipped list alone.
"""

from __future__ import annotations

import importlib.util
import math
from functools import cache
from pathlib import Path

from editor_app.support import table_cache

RESOURCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "cleanup"
MAX_WORD = 5


def resource(name: str) -> Path:
    return RESOURCE_DIR / name


def _package_file(package: str, *parts: str) -> Path | None:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    return path if path.is_file() else None


def _read_rows(path: Path):
    """Non-empty, non-comment lines of a UTF-8 table, split on white space."""
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            if raw.strip() and not raw.startswith("#"):
                yield raw.split()


# What a character the dictionary lacks counts for: a word seen half a time.
_LOG_RARE = math.log(0.5)
NOMINAL_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nrt", "r", "vn"})


@cache
def _tables() -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    found = (_jieba_dict(), resource("words.txt"))
    sources = [path for path in found if path is not None and path.is_file()]
    return table_cache.cached("lexicon", sources, _build_tables)


def _jieba_dict() -> Path | None:
    return _package_file("jieba", "dict.txt")


def _build_tables() -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    table: dict[str, int] = {}
    verbs: set[str] = set()
    nominals: set[str] = set()
    jieba_dict = _jieba_dict()
    if jieba_dict is not None:
        with jieba_dict.open(encoding="utf-8") as handle:
            for raw in handle:
                word, freq, tag = (raw.split() + ["1", "x"])[:3]
                if len(word) > MAX_WORD:
                    continue
                table[word] = int(freq)
                if tag == "v":
                    verbs.add(word)
                elif tag in NOMINAL_TAGS:
                    nominals.add(word)
    extra = resource("words.txt")
    if extra.is_file():
        for row in _read_rows(extra):
            table[row[0]] = int(row[1]) if len(row) > 1 else 1000
    return table, frozenset(verbs), frozenset(nominals)


def words() -> dict[str, int]:
    """Word -> frequency for words of 1..MAX_WORD characters."""
    return _tables()[0]


@cache
def _log_total() -> float:
    return math.log(sum(words().values()) or 1)


def segmentation_score(text: str) -> float:
    """Log-probability of the best split of `text` into dictionary words (unigram model).

    Characters the dictionary lacks count as rare one-character words.
    """
    get = words().get
    log_total = _log_total()
    log = math.log
    size = len(text)
    best = [0.0] + [-math.inf] * size
    for i in range(size):
        here = best[i]
        if here == -math.inf:
            continue
        # Each word ending at j gives best[i] + log(freq) - log_total, in that order: the
        # best of them does not depend on the order the words are tried in.
        freq = get(text[i])
        score = here + (_LOG_RARE if freq is None else log(freq)) - log_total
        if score > best[i + 1]:
            best[i + 1] = score
        for j in range(i + 2, min(size, i + MAX_WORD) + 1):
            freq = get(text[i:j])
            if freq is not None:
                score = here + log(freq) - log_total
                if score > best[j]:
                    best[j] = score
    return best[size]


def word_across(tail: str, head: str) -> tuple[int, int, int]:
    """Does a cut between `tail` and `head` fall inside a word?

    Returns the frequency and length of the most frequent word (up to four characters) made
    of the end of `tail` and the start of `head` (0, 0 when there is none), and the highest
    frequency of a word of 2-4 characters that ends `tail` or starts `head`, to weigh it by.
    """
    get = words().get
    best, size = 0, 0
    for i in range(1, min(3, len(tail)) + 1):
        left = tail[-i:]
        for j in range(1, min(4 - i, len(head)) + 1):
            freq = get(left + head[:j], 0)
            if freq > best:
                best, size = freq, i + j
    beside = 0
    for k in range(2, 5):
        beside = max(beside, get(tail[-k:], 0), get(head[:k], 0))
    return best, size, beside


def verbs() -> frozenset[str]:
    """Words (one character too) that the dictionary tags as plain verbs."""
    return _tables()[1]


def nominals() -> frozenset[str]:
    """Nouns, names, pronouns and nominal verbs from the dictionary."""
    return _tables()[2]


@cache
def confusions() -> dict[str, tuple[str, ...]]:
    """Misread character -> the characters it may stand for (resources/cleanup/confusions.tsv)."""
    table: dict[str, list[str]] = {}
    for row in _read_rows(resource("confusions.tsv")):
        wrong, rights = row[0], row[1]
        for right in rights:
            if right != wrong and right not in table.setdefault(wrong, []):
                table[wrong].append(right)
    return {wrong: tuple(rights) for wrong, rights in table.items()}


def _opencc_table(name: str) -> dict[str, tuple[str, ...]]:
    path = _package_file("opencc", "dictionary", name)
    if path is None:
        raise RuntimeError(
            f"opencc dictionary {name} not found: is opencc-python-reimplemented installed?"
        )
    table: dict[str, tuple[str, ...]] = {}
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            key, _, values = raw.rstrip("\n").partition("\t")
            if key and values:
                table[key] = tuple(values.split(" "))
    return table


@cache
def opencc(name: str) -> dict[str, tuple[str, ...]]:
    """One of OpenCC's own tables: TSCharacters, STCharacters, TSPhrases, STPhrases."""
    return _opencc_table(f"{name}.txt")


def best_word(text: str, position: int, replacement: str | None = None) -> int:
    """Highest frequency of a dictionary word in `text` that covers `position`.

    With `replacement`, the character at `position` is swapped first.
    """
    table = words()
    # Only the words through `position` count: swap in a window around it, never in a
    # copy of the whole text (a page of ambiguous characters would copy it for each).
    window_start = max(0, position - MAX_WORD + 1)
    text, position = text[window_start : position + MAX_WORD], position - window_start
    if replacement is not None:
        text = text[:position] + replacement + text[position + 1 :]
    best = 0
    lo_limit = max(0, position - MAX_WORD + 1)
    # words of two characters or more only: a lone character always "covers" itself
    for start in range(lo_limit, position + 1):
        for end in range(max(position + 1, start + 2), min(len(text), start + MAX_WORD) + 1):
            freq = table.get(text[start:end])
            if freq is not None and freq > best:
                best = freq
    return best
