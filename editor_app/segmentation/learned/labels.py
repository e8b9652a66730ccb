"""Line labels of the sequence model: `B-`/`I-` (starts a segment or not) plus the line's role.

Roles are those of the gold format: kicker, title, subtitle, byline, subhead, body inside an
article; boilerplate or noise for a non-article.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.model.roles import OUTSIDE_ROLES
from editor_app.segmentation.gold_format import proposal_from_dict

BEGIN = "B-"
INSIDE = "I-"


def role_of(label: str) -> str:
    return label[2:]


def is_begin(label: str) -> bool:
    return label.startswith(BEGIN)


def labels_from_gold(gold: dict, numbers: list[int]) -> list[str]:
    """One label per non-empty line number; a line no segment covers counts as noise."""
    present = set(numbers)
    by_number: dict[int, str] = {}
    for segment in proposal_from_dict(gold).segments:
        prefix = BEGIN
        for number in range(segment.start, segment.end + 1):
            if number not in present:
                continue
            role = segment.roles.get(number, "body") if segment.is_article else segment.kind
            by_number[number] = prefix + role
            prefix = INSIDE
    return [by_number.get(number, BEGIN + "noise") for number in numbers]


@dataclass(slots=True)
class Span:
    """Consecutive line indexes decoded as one segment."""

    first: int
    last: int
    outside: bool
    kind: str


def spans_from_labels(labels: list[str]) -> list[Span]:
    """Segments from a label sequence; a switch between article and non-article also cuts."""
    spans: list[Span] = []
    current = None
    for index, label in enumerate(labels):
        role = label[2:]  # role_of and is_begin inline: a page has hundreds of labels
        outside = role in OUTSIDE_ROLES
        if current is None or label.startswith(BEGIN) or current.outside != outside:
            current = Span(index, index, outside, role if outside else "news")
            spans.append(current)
        else:
            current.last = index
    return spans
