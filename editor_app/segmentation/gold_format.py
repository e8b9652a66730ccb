"""A Proposal in the gold JSON format of ../gold/README.md (and back, for comparisons)."""

from __future__ import annotations

from editor_app.model import Proposal, Segment
from editor_app.model.fields import GOLD, NAMES, TEXT

# The fields of model/fields.py a gold page holds (photographers, for one, it does not);
# the texts in the order the gold files print them, the title first.
_PRINTED_FIRST = ("title",)
ARTICLE_FIELDS = tuple(
    sorted((f.name for f in GOLD if f.kind == TEXT), key=lambda name: name not in _PRINTED_FIRST)
)
NAME_FIELDS = tuple(f.name for f in GOLD if f.kind == NAMES)


def article_to_dict(segment: Segment) -> dict:
    data = {"kind": segment.kind, "start": segment.start, "end": segment.end}
    for name in ARTICLE_FIELDS:
        data[name] = getattr(segment, name)
    for name in NAME_FIELDS:
        value = getattr(segment, name)
        data[name] = None if value is None else list(value)
    data["truncated"] = segment.truncated
    data["roles"] = {str(line): role for line, role in sorted(segment.roles.items())}
    data["confidence"] = round(segment.confidence, 3)
    data["reason"] = segment.reason
    return data


def non_article_to_dict(segment: Segment) -> dict:
    return {
        "kind": segment.kind,
        "start": segment.start,
        "end": segment.end,
        "confidence": round(segment.confidence, 3),
        "reason": segment.reason,
    }


def proposal_to_dict(proposal: Proposal, source: str) -> dict:
    """One gold-format object: `source`, `articles`, `non_articles`."""
    return {
        "source": source,
        "articles": [article_to_dict(s) for s in proposal.articles],
        "non_articles": [non_article_to_dict(s) for s in proposal.non_articles],
    }


def segment_from_dict(data: dict, *, article: bool) -> Segment:
    """A Segment from a gold (or proposal) entry; missing fields get their defaults."""
    segment = Segment(
        kind=data.get("kind", "news" if article else "noise"),
        start=int(data["start"]),
        end=int(data["end"]),
    )
    if article:
        for name in ARTICLE_FIELDS:
            setattr(segment, name, data.get(name) or "")
        for name in NAME_FIELDS:
            value = data.get(name)
            setattr(segment, name, None if value is None else list(value))
        segment.truncated = bool(data.get("truncated", False))
        segment.roles = {int(k): v for k, v in (data.get("roles") or {}).items()}
    segment.confidence = float(data.get("confidence", 1.0))
    segment.reason = data.get("reason", "")
    return segment


def proposal_from_dict(data: dict) -> Proposal:
    """Segments of a gold-format object in line order (roles of articles only)."""
    segments = [segment_from_dict(a, article=True) for a in data.get("articles", [])]
    segments += [segment_from_dict(n, article=False) for n in data.get("non_articles", [])]
    segments.sort(key=lambda s: s.start)
    roles: dict[int, str] = {}
    for segment in segments:
        roles.update(segment.roles)
    return Proposal(segments=segments, roles=roles)
