"""Metrics of ../gold/README.md: proposals against gold segmentations, micro-averaged.

Pure functions over gold dicts, Proposals and raw text, so tests and tools can share them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from editor_app.model import Proposal, Segment, role_class
from editor_app.segmentation.gold_format import proposal_from_dict
from editor_app.segmentation.lines import compact, non_empty_lines


@dataclass(slots=True)
class PageResult:
    """Counts for one page; `summarise` adds them up."""

    source: str
    gold_starts: int = 0
    proposed_starts: int = 0
    matched_starts: int = 0
    gold_articles: int = 0
    proposed_articles: int = 0
    matched_articles: int = 0
    titles_right: int = 0
    headlines_right: int = 0
    reporters_known: int = 0
    reporters_right: int = 0
    lines: int = 0
    lines_right: int = 0
    missing: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    # (confidence, right) for every proposed start.
    ranked: list[tuple[float, bool]] = field(default_factory=list)

    @property
    def edits(self) -> int:
        return len(self.missing) + len(self.extra)


def headline_of(segment: Segment) -> str:
    return compact(segment.kicker + segment.title + segment.subtitle)


def line_classes(segments: list[Segment], numbers: Iterable[int]) -> dict[int, str]:
    """Role class (heading/byline/body/outside) of each line number."""
    classes = dict.fromkeys(numbers, "outside")
    for segment in segments:
        for number in range(segment.start, segment.end + 1):
            if number not in classes:
                continue
            role = segment.roles.get(number, "body") if segment.is_article else "noise"
            classes[number] = role_class(role)
    return classes


def evaluate_page(gold: dict, proposal: Proposal, text: str) -> PageResult:
    """Compare one proposal with its gold object; `text` is the raw page."""
    expected = proposal_from_dict(gold)
    result = PageResult(source=gold.get("source", ""))
    _score_starts(result, expected.segments, proposal.segments)
    _score_articles(result, expected.articles, proposal.articles)
    numbers = [line.number for line in non_empty_lines(text)]
    want = line_classes(expected.segments, numbers)
    got = line_classes(proposal.segments, numbers)
    result.lines = len(numbers)
    result.lines_right = sum(want[n] == got[n] for n in numbers)
    return result


def _score_starts(result: PageResult, gold: list[Segment], proposed: list[Segment]) -> None:
    gold_starts = {s.start for s in gold}
    proposed_starts = {s.start for s in proposed}
    result.gold_starts = len(gold_starts)
    result.proposed_starts = len(proposed_starts)
    result.matched_starts = len(gold_starts & proposed_starts)
    result.missing = sorted(gold_starts - proposed_starts)
    result.extra = sorted(proposed_starts - gold_starts)
    result.ranked = [(s.confidence, s.start in gold_starts) for s in proposed]


def _score_articles(result: PageResult, gold: list[Segment], proposed: list[Segment]) -> None:
    by_span = {(s.start, s.end): s for s in proposed}
    result.gold_articles = len(gold)
    result.proposed_articles = len(proposed)
    for expected in gold:
        found = by_span.get((expected.start, expected.end))
        if found is None:
            continue
        result.matched_articles += 1
        result.titles_right += compact(found.title) == compact(expected.title)
        result.headlines_right += headline_of(found) == headline_of(expected)
        if expected.reporters is not None:
            result.reporters_known += 1
            result.reporters_right += list(found.reporters) == list(expected.reporters)


def f1(matched: int, proposed: int, expected: int) -> float:
    if not proposed or not expected:
        return 1.0 if proposed == expected else 0.0
    precision, recall = matched / proposed, matched / expected
    return 0.0 if not matched else 2 * precision * recall / (precision + recall)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


# The page metrics in the order tables show them.
METRICS = (
    "boundary_f1",
    "article_f1",
    "edits_per_10_articles",
    "pages_perfect",
    "title_acc",
    "headline_acc",
    "reporters_acc",
    "role_acc",
    "confidence_auc",
)


def summarise(results: Iterable[PageResult]) -> dict:
    """Micro-averaged metrics over pages, plus how well confidence ranks wrong starts."""
    results = list(results)
    total = PageResult(source="")
    for page in results:
        for name in PageResult.__slots__:
            value = getattr(page, name)
            if isinstance(value, int):
                setattr(total, name, getattr(total, name) + value)
        total.missing += page.missing
        total.extra += page.extra
        total.ranked += page.ranked
    return {
        "pages": len(results),
        "articles": total.gold_articles,
        "boundary_f1": f1(total.matched_starts, total.proposed_starts, total.gold_starts),
        "article_f1": f1(total.matched_articles, total.proposed_articles, total.gold_articles),
        "edits_per_10_articles": 10 * total.edits / total.gold_articles
        if total.gold_articles
        else 0.0,
        "missing": len(total.missing),
        "extra": len(total.extra),
        "pages_perfect": _ratio(sum(p.edits == 0 for p in results), len(results)),
        "title_acc": _ratio(total.titles_right, total.matched_articles),
        "headline_acc": _ratio(total.headlines_right, total.matched_articles),
        "reporters_acc": _ratio(total.reporters_right, total.reporters_known),
        "role_acc": _ratio(total.lines_right, total.lines),
        "confidence_auc": roc_auc(total.ranked),
        "wrong_in_lowest_20pct": wrong_share_in_lowest(total.ranked, 0.2),
    }


def roc_auc(ranked: list[tuple[float, bool]]) -> float | None:
    """Probability that a right start has higher confidence than a wrong one (ties: half)."""
    right = sorted(c for c, ok in ranked if ok)
    wrong = [c for c, ok in ranked if not ok]
    if not right or not wrong:
        return None
    wins = 0.0
    for value in wrong:
        below = _count_below(right, value)
        equal = _count_below(right, value, inclusive=True) - below
        wins += len(right) - below - equal + equal / 2
    return wins / (len(right) * len(wrong))


def _count_below(values: list[float], limit: float, inclusive: bool = False) -> int:
    import bisect

    return (bisect.bisect_right if inclusive else bisect.bisect_left)(values, limit)


def wrong_share_in_lowest(ranked: list[tuple[float, bool]], fraction: float) -> float | None:
    """Share of all wrong starts that sit among the lowest-confidence `fraction` of starts."""
    wrong_total = sum(not ok for _, ok in ranked)
    if not wrong_total:
        return None
    lowest = sorted(ranked, key=lambda pair: pair[0])[: max(1, round(len(ranked) * fraction))]
    return sum(not ok for _, ok in lowest) / wrong_total
