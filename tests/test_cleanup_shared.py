"""Cleanup targets on the shared seeds and dev corpus, with the gold segmentation as proposal."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from editor_app.cleanup import suggest
from editor_app.cleanup.evaluation import Score, proposal_from_gold, score_char_fixes, score_joins
from editor_app.model import normalise_newlines

# The word list comes from jieba's dictionary; until jieba is a declared dependency a
# machine without it skips the tests that need words.
needs_words = pytest.mark.skipif(
    importlib.util.find_spec("jieba") is None, reason="jieba not installed"
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
HAN = "[\u4e00-\u9fff]"


def pages(which: str) -> list[tuple[str, dict]]:
    if which == "seeds":
        found = [
            (SHARED / "seeds" / gold.name.replace(".gold.json", ".txt"), gold)
            for gold in sorted((SHARED / "gold").glob("*.gold.json"))
        ]
    else:
        found = [
            (text, text.with_name(text.name[: -len(".txt")] + ".gold.json"))
            for text in sorted((SHARED / "corpus" / which).glob("*.txt"))
        ]
    found = [(t, g) for t, g in found if t.is_file() and g.is_file()]
    if not found:
        pytest.skip(f"shared {which} material not available")
    return [
        (
            normalise_newlines(t.read_text(encoding="utf-8")),
            json.loads(g.read_text(encoding="utf-8")),
        )
        for t, g in found
    ]


def scores(which: str, rules: list[str]) -> tuple[Score, Score]:
    joins, chars = Score(), Score()
    for text, gold in pages(which):
        found = suggest(text, proposal_from_gold(text, gold), rules=rules)
        joins.add(score_joins(found, gold))
        chars.add(score_char_fixes(found, text, gold))
    return joins, chars


@needs_words
def test_seed_joins_are_exactly_the_gold_ones():
    joins, _ = scores("seeds", ["join"])
    assert (joins.found, joins.extra, joins.missed) == (14, 0, 0)


@needs_words
def test_dev_join_precision_and_recall():
    joins, _ = scores("dev", ["join"])
    assert joins.precision >= 0.97
    assert joins.recall >= 0.95


@needs_words
def test_dev_lookalike_finds_half_the_fixes_precisely():
    _, chars = scores("dev", ["lookalike"])
    assert chars.recall >= 0.5
    assert chars.precision >= 0.8


@needs_words
def test_seed_lookalike_finds_the_gold_fixes():
    _, chars = scores("seeds", ["lookalike"])
    assert chars.missed == 0


def test_seed_punctuation_between_chinese_all_proposed_and_numbers_left():
    for text, gold in pages("seeds"):
        found = suggest(text, proposal_from_gold(text, gold), rules=["punctuation"])
        starts = {s.start for s in found}
        for match in re.finditer(r"[,:;!?()]", text):
            at = match.start()
            before, after = text[at - 1 : at], text[at + 1 : at + 2]
            if re.match(HAN, before) and re.match(HAN, after):
                assert at in starts, text[at - 10 : at + 10]
            if re.match(r"\d", before) and re.match(r"\d", after):
                assert at not in starts, text[at - 10 : at + 10]
        for quoted in re.finditer(r"“[^”]*\d[+:.][^”]*”", text):
            assert not starts & set(range(quoted.start(), quoted.end()))


def test_suggestions_on_real_pages_are_consistent():
    for text, gold in pages("seeds"):
        found = suggest(text, proposal_from_gold(text, gold))
        spans = [(s.start, s.end) for s in found]
        assert spans == sorted(spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
        assert all(text[s.start : s.end] == s.before for s in found)
