"""The trained line-sequence model: tag a page's lines and decode them into a Proposal."""

from __future__ import annotations

import threading
from collections import defaultdict
from pathlib import Path

import pycrfsuite

from editor_app.model import Proposal, Segment
from editor_app.model.layout import PageLayout
from editor_app.segmentation.assemble import breaks_off
from editor_app.segmentation.learned.features import PageFeatures, page_features
from editor_app.segmentation.learned.labels import Span, is_begin, role_of, spans_from_labels
from editor_app.segmentation.learned.layout_features import PREFIX as LAYOUT_PREFIX
from editor_app.segmentation.learned.metadata import apply_byline, apply_headline
from editor_app.segmentation.learned.reasons import explain
from editor_app.segmentation.lines import LineInfo

DEFAULT_MODEL = Path(__file__).with_name("model.crfsuite")
NON_ARTICLE_ROLES = ("boilerplate", "noise")


def _inner_role(role: str, features: PageFeatures, number: int) -> str:
    """A line's role inside an article.

    The 人民日报 pages mark subheads as body, so the model cannot tell them apart: a body line
    the rules call a subhead stays one (both count as body text).
    """
    if role in NON_ARTICLE_ROLES:
        return "body"
    if role == "body" and features.rule_proposal.roles.get(number) == "subhead":
        return "subhead"
    return role


def _line_roles(segments: list[Segment], lines: list[LineInfo]) -> dict[int, str]:
    """The role of every non-empty line: its article role, or the non-article's kind."""
    roles: dict[int, str] = {}
    index, count = 0, len(lines)
    for segment in segments:
        inner = segment.roles if segment.is_article else None
        while index < count and lines[index].number <= segment.end:
            number = lines[index].number
            roles[number] = segment.kind if inner is None else inner.get(number, "body")
            index += 1
    return roles


class LearnedSegmenter:
    """A CRF model file opened once; `segment(text)` proposes like the rule segmenter.

    A tagger keeps the last page's marginals, so each thread gets a tagger of its own.
    """

    def __init__(self, path: str | Path = DEFAULT_MODEL, *, data: bytes | None = None) -> None:
        self.path = Path(path)
        self.data = data  # the model itself, when it comes from memory instead of a file
        self._local = threading.local()
        tagger = self.tagger
        self.begin_labels = [label for label in tagger.labels() if is_begin(label)]
        self.weights: dict[str, dict[str, float]] = defaultdict(dict)
        for (attribute, label), weight in tagger.info().state_features.items():
            self.weights[label][attribute] = weight
        # Learned the layout way (from pages with geometry) or as bare text.
        self.reads_layout = any(
            attribute.startswith(LAYOUT_PREFIX)
            for weights in self.weights.values()
            for attribute in weights
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> LearnedSegmenter:
        """A model held in memory (one stored in a project file)."""
        return cls(Path("<memory>"), data=data)

    @property
    def tagger(self) -> pycrfsuite.Tagger:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = pycrfsuite.Tagger()
            if self.data is None:
                tagger.open(str(self.path))
            else:
                tagger.open_inmemory(self.data)
            self._local.tagger = tagger
        return tagger

    def tag(self, attributes: list[list[str]]) -> list[str]:
        """The most likely label sequence (the marginals stay available until the next call)."""
        return self.tagger.tag(attributes)

    def start_probability(self, position: int) -> float:
        """Marginal probability that the line at `position` opens a segment."""
        tagger = self.tagger
        total = sum(tagger.marginal(label, position) for label in self.begin_labels)
        return min(1.0, max(0.0, total))

    def segment(self, text: str, layout: PageLayout | None = None) -> Proposal:
        """Proposal for normalised raw text (newlines already "\\n"), with its page's
        layout when it has one (an OCR page's geometry)."""
        features = page_features(text, layout)
        if not features.lines:
            return Proposal()
        labels = self.tag(features.attributes)
        return self.decode(text, features, labels)

    def decode(self, text: str, features: PageFeatures, labels: list[str]) -> Proposal:
        """Segments of a label sequence, with metadata, confidence and reasons."""
        raw = text.split("\n")
        spans = spans_from_labels(labels)
        segments = [self._segment(span, raw, features, labels) for span in spans]
        return Proposal(segments, _line_roles(segments, features.lines))

    def _segment(self, span: Span, raw: list[str], features: PageFeatures, labels: list[str]):
        lines = features.lines[span.first : span.last + 1]
        roles = [role_of(label) for label in labels[span.first : span.last + 1]]
        confidence = self.start_probability(span.first)
        label = labels[span.first]
        if not is_begin(label):
            label = "B-" + role_of(label)
        reason = explain(label, features.attributes[span.first], self.weights[label], confidence)
        segment = Segment(
            span.kind, lines[0].number, lines[-1].number, confidence=confidence, reason=reason
        )
        if span.outside:
            return segment
        roles = [
            _inner_role(role, features, info.number)
            for role, info in zip(roles, lines, strict=True)
        ]
        segment.roles = {
            info.number: role for info, role in zip(lines, roles, strict=True) if role != "body"
        }
        apply_headline(segment, raw, lines, roles)
        apply_byline(segment, raw, lines, roles)
        segment.truncated = breaks_off(lines[-1])
        return segment
