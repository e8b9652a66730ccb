"""The metrics of gold/README.md on tiny hand-made gold."""

import pytest

from editor_app.model import Proposal, Segment
from editor_app.segmentation.evaluate import (
    evaluate_page,
    f1,
    roc_auc,
    summarise,
    wrong_share_in_lowest,
)
from editor_app.segmentation.gold_format import proposal_from_dict, proposal_to_dict

TEXT = "甲\n\n乙\n\n丙\n\n丁\n\n2021\n"  # non-empty lines 1, 3, 5, 7, 9


def gold_page() -> dict:
    return {
        "source": "p.txt",
        "articles": [
            {
                "kind": "news",
                "start": 1,
                "end": 3,
                "title": "甲",
                "kicker": "",
                "subtitle": "",
                "reporters": ["林晓"],
                "roles": {"1": "title"},
            },
            {
                "kind": "news",
                "start": 5,
                "end": 7,
                "title": "丙",
                "kicker": "",
                "subtitle": "",
                "reporters": None,
                "roles": {"5": "title"},
            },
        ],
        "non_articles": [{"kind": "noise", "start": 9, "end": 9}],
    }


def test_perfect_proposal_scores_one():
    gold = gold_page()
    result = evaluate_page(gold, proposal_from_dict(gold), TEXT)
    metrics = summarise([result])
    for name in (
        "boundary_f1",
        "article_f1",
        "pages_perfect",
        "title_acc",
        "headline_acc",
        "reporters_acc",
        "role_acc",
    ):
        assert metrics[name] == 1.0, name
    assert metrics["edits_per_10_articles"] == 0.0


def test_merged_articles_cost_one_missing_boundary():
    proposal = Proposal(
        segments=[
            Segment("news", 1, 7, title="甲", reporters=["林晓"], roles={1: "title"}),
            Segment("noise", 9, 9),
        ]
    )
    result = evaluate_page(gold_page(), proposal, TEXT)
    assert result.missing == [5] and result.extra == []
    metrics = summarise([result])
    assert metrics["boundary_f1"] == pytest.approx(f1(2, 2, 3))
    assert metrics["article_f1"] == 0.0
    assert metrics["edits_per_10_articles"] == pytest.approx(5.0)
    assert metrics["pages_perfect"] == 0.0
    # line 5 was a heading in the gold and is body here: 4 of 5 lines right
    assert metrics["role_acc"] == pytest.approx(0.8)


def test_title_headline_and_reporters_over_matched_articles_only():
    proposal = Proposal(
        segments=[
            Segment("news", 1, 3, title="甲 ", kicker="引", reporters=["周末"], roles={1: "title"}),
            Segment("news", 5, 7, title="别的", roles={5: "title"}),
            Segment("noise", 9, 9),
        ]
    )
    metrics = summarise([evaluate_page(gold_page(), proposal, TEXT)])
    assert metrics["title_acc"] == 0.5
    assert metrics["headline_acc"] == 0.0
    assert metrics["reporters_acc"] == 0.0  # the second article's reporters are unknown


def test_micro_average_over_pages():
    gold = gold_page()
    good = evaluate_page(gold, proposal_from_dict(gold), TEXT)
    bad = evaluate_page(gold, Proposal(segments=[Segment("news", 1, 9)]), TEXT)
    metrics = summarise([good, bad])
    assert metrics["boundary_f1"] == pytest.approx(f1(4, 4, 6))
    assert metrics["pages_perfect"] == 0.5


def test_confidence_ranking():
    ranked = [(0.9, True), (0.8, True), (0.3, False), (0.7, True), (0.2, False)]
    assert roc_auc(ranked) == 1.0
    assert wrong_share_in_lowest(ranked, 0.2) == 0.5
    assert roc_auc([(0.5, True), (0.5, False)]) == 0.5
    assert roc_auc([(0.5, True)]) is None


def test_gold_format_round_trip():
    gold = gold_page()
    data = proposal_to_dict(proposal_from_dict(gold), "p.txt")
    assert [a["start"] for a in data["articles"]] == [1, 5]
    assert data["articles"][0]["roles"] == {"1": "title"}
    assert data["non_articles"][0]["kind"] == "noise"
    assert set(data["articles"][0]) >= {"confidence", "reason", "dateline", "interns"}
