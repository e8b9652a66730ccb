"""A cleanup proposal: replace `before` at a raw position with `after`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Suggestion:
    """Positions are in raw-text terms: 1-based line, 0-based column, absolute offsets.

    For a join, `line`/`next_line` are the two paragraphs and [start, end) is the
    break between them (newlines and indentation) that `after` ("") replaces.
    """

    rule: str
    line: int
    column: int
    start: int
    end: int
    before: str
    after: str
    reason: str
    confidence: float
    next_line: int | None = None
    pattern: str = ""
    id: int | None = None
    document_id: int | None = None
    article_id: int | None = None
    status: str = "open"

    def as_json(self) -> dict:
        data = {
            "rule": self.rule,
            "line": self.line,
            "column": self.column,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
            "confidence": round(self.confidence, 3),
            "pattern": self.pattern,
        }
        if self.next_line is not None:
            data["next_line"] = self.next_line
        return data
