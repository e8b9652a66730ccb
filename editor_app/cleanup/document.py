"""What every rule sees: the raw text, its lines, roles and segments, looked up fast; and the
page's layout when the document was read from an OCR file (hOCR, ALTO, PAGE)."""

from __future__ import annotations

from dataclasses import dataclass, field

from editor_app.model import Line, LineIndex, Proposal, Segment, Suggestion
from editor_app.model.layout import PageLayout


@dataclass(slots=True)
class CleanupDocument:
    """`text` may be given as the page's LineIndex, so that a page is split into lines once."""

    text: str | LineIndex
    proposal: Proposal
    dictionary: tuple[tuple[str, str], ...] = ()
    script: str = "simplified"
    layout: PageLayout | None = None  # the boxes of each raw line's printed lines, if known
    index: LineIndex = field(init=False)
    lines: list[Line] = field(init=False)
    starts: list[int] = field(init=False)  # offset of each line, in order
    _segment_of: dict[int, Segment] = field(init=False)

    def __post_init__(self) -> None:
        self.index = LineIndex.of(self.text)
        self.text = self.index.text
        self.lines = self.index.lines
        self.starts = self.index.starts
        self._segment_of = {}
        for segment in self.proposal.segments:
            self._segment_of.update(dict.fromkeys(range(segment.start, segment.end + 1), segment))

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def segment_of(self, number: int) -> Segment | None:
        return self._segment_of.get(number)

    def role(self, number: int) -> str | None:
        """The line's role; body by default inside an article, None outside any segment."""
        role = self.proposal.roles.get(number)
        if role is not None:
            return role
        segment = self._segment_of.get(number)
        if segment is None:
            return None
        return "body" if segment.is_article else segment.kind

    def in_article(self, number: int) -> bool:
        segment = self._segment_of.get(number)
        return segment is not None and segment.is_article

    def nonblank(self) -> list[Line]:
        return [line for line in self.lines if not line.is_blank]

    def body_lines(self) -> list[Line]:
        """Non-empty lines of articles whose role is body (subheads count as headings)."""
        return [
            line
            for line in self.lines
            if not line.is_blank
            and self.in_article(line.number)
            and self.role(line.number) == "body"
        ]

    def line_at(self, offset: int) -> Line:
        return self.index.line_at(offset)

    def suggestion(
        self,
        rule: str,
        start: int,
        end: int,
        after: str,
        reason: str,
        confidence: float,
        pattern: str,
        next_line: int | None = None,
    ) -> Suggestion:
        """A Suggestion for raw [start, end) with line and column worked out from the offset."""
        line = self.line_at(start)
        return Suggestion(
            rule=rule,
            line=line.number,
            column=start - line.start,
            start=start,
            end=end,
            before=self.text[start:end],
            after=after,
            reason=reason,
            confidence=confidence,
            next_line=next_line,
            pattern=pattern,
        )
