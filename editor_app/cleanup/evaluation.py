"""Measure suggestions against gold files (../gold/README.md): joins and character fixes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from editor_app.model import LineIndex, Proposal, Segment, Suggestion


def proposal_from_gold(text: str, gold: dict) -> Proposal:
    """The gold segmentation as a Proposal: every non-empty line of a segment gets its role."""
    lines = LineIndex(text)
    segments: list[Segment] = []
    roles: dict[int, str] = {}
    for article in gold.get("articles", []):
        article_roles = {int(k): v for k, v in article.get("roles", {}).items()}
        segments.append(
            Segment(
                kind=article.get("kind", "news"),
                start=article["start"],
                end=article["end"],
                roles=article_roles,
            )
        )
        for number in range(article["start"], article["end"] + 1):
            if not lines.is_blank(number):
                roles[number] = article_roles.get(number, "body")
    for outside in gold.get("non_articles", []):
        segments.append(Segment(kind=outside["kind"], start=outside["start"], end=outside["end"]))
        for number in range(outside["start"], outside["end"] + 1):
            if not lines.is_blank(number):
                roles[number] = outside["kind"]
    segments.sort(key=lambda s: s.start)
    return Proposal(segments=segments, roles=roles)


@dataclass
class Score:
    found: int = 0
    extra: int = 0
    missed: int = 0

    def add(self, other: Score) -> None:
        self.found += other.found
        self.extra += other.extra
        self.missed += other.missed

    @property
    def precision(self) -> float:
        proposed = self.found + self.extra
        return self.found / proposed if proposed else 1.0

    @property
    def recall(self) -> float:
        wanted = self.found + self.missed
        return self.found / wanted if wanted else 1.0

    def as_json(self) -> dict:
        return {
            "found": self.found,
            "extra": self.extra,
            "missed": self.missed,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


def score_joins(suggestions: Iterable[Suggestion], gold: dict) -> Score:
    proposed = {(s.line, s.next_line) for s in suggestions if s.rule == "join"}
    wanted = {(a, b) for a, b in gold.get("paragraph_joins", [])}
    return Score(len(proposed & wanted), len(proposed - wanted), len(wanted - proposed))


def gold_char_positions(text: str, gold: dict) -> set[tuple[int, int, str]]:
    """(line, column, right char) of every character that a gold char_fix changes."""
    lines = LineIndex(text)
    positions: set[tuple[int, int, str]] = set()
    for fix in gold.get("char_fixes", []):
        line_text = lines[fix["line"] - 1].text
        wrong, right = fix["from"], fix["to"]
        at = line_text.find(wrong)
        if at < 0 or len(wrong) != len(right):
            continue
        for offset, (w, r) in enumerate(zip(wrong, right, strict=True)):
            if w != r:
                positions.add((fix["line"], at + offset, r))
    return positions


def score_char_fixes(
    suggestions: Iterable[Suggestion],
    text: str,
    gold: dict,
    rules: tuple[str, ...] = ("lookalike",),
) -> Score:
    """A suggestion counts when it changes a gold position to the gold character."""
    wanted = gold_char_positions(text, gold)
    proposed: set[tuple[int, int, str]] = set()
    for s in suggestions:
        if s.rule not in rules:
            continue
        for offset, (w, r) in enumerate(zip(s.before, s.after, strict=False)):
            if w != r:
                proposed.add((s.line, s.column + offset, r))
    return Score(len(proposed & wanted), len(proposed - wanted), len(wanted - proposed))
