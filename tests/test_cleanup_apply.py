"""apply_suggestions: offsets, checks and a round trip over real suggestions."""

from __future__ import annotations

import importlib.util

import pytest

from editor_app.cleanup import OverlapError, apply_suggestions, suggest
from editor_app.model import Proposal, Segment, Suggestion

# The word list comes from jieba's dictionary; until jieba is a declared dependency a
# machine without it skips the tests that need words.
needs_words = pytest.mark.skipif(
    importlib.util.find_spec("jieba") is None, reason="jieba not installed"
)


def make(start: int, end: int, before: str, after: str) -> Suggestion:
    return Suggestion("punctuation", 1, start, start, end, before, after, "", 1.0)


def test_applies_in_offset_order_whatever_the_input_order():
    text = "甲,乙,丙"
    assert apply_suggestions(text, [make(3, 4, ",", "，"), make(1, 2, ",", "，")]) == "甲，乙，丙"


def test_nothing_to_apply_returns_the_text():
    assert apply_suggestions("原文", []) == "原文"


def test_overlapping_suggestions_are_refused():
    with pytest.raises(OverlapError):
        apply_suggestions("甲乙丙", [make(0, 2, "甲乙", "x"), make(1, 3, "乙丙", "y")])


def test_stale_suggestion_is_refused():
    with pytest.raises(ValueError):
        apply_suggestions("甲乙丙", [make(0, 1, "乙", "x")])


@needs_words
def test_round_trip_over_all_rules():
    text = "会议强调,要做好新时代的民族工作,面向各族群众开展特色活\n\n\n　　动。違纪入员受到处分!\n\n2019\n\n会议指出(大家)要团结。"
    lines = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    proposal = Proposal(
        segments=[Segment("news", lines[0], lines[-1])], roles=dict.fromkeys(lines, "body")
    )
    found = suggest(text, proposal)
    result = apply_suggestions(text, found)
    assert (
        result
        == "会议强调，要做好新时代的民族工作，面向各族群众开展特色活动。违纪人员受到处分！\n\n会议指出（大家）要团结。"
    )
    assert (
        suggest(result, Proposal(segments=[Segment("news", 1, 3)], roles={1: "body", 3: "body"}))
        == []
    )
