"""A page's layout: its size and, per raw line, the boxes of the printed lines it was read from.

What the segmenter takes beside the text of a document imported from hOCR, ALTO or PAGE.
Boxes are (x0, y0, x1, y1) in page pixels; `lines[n - 1]` belongs to raw line n (empty for
a blank line or a line without geometry). Written as JSON beside a training page
(`NAME.layout.json`), compact and deterministic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

BoxTuple = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class PageLayout:
    width: int
    height: int
    lines: tuple[tuple[BoxTuple, ...], ...]

    @classmethod
    def of(cls, width: int, height: int, line_boxes) -> PageLayout:
        """From any sequence (per raw line) of sequences of 4-number boxes."""
        lines = tuple(tuple(tuple(int(v) for v in box) for box in boxes) for boxes in line_boxes)
        return cls(int(width), int(height), lines)

    def boxes(self, number: int) -> tuple[BoxTuple, ...]:
        """The printed-line boxes of raw line `number` (1-based); none past the end."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ()

    def to_json(self) -> bytes:
        data = {"width": self.width, "height": self.height, "lines": self.lines}
        return json.dumps(data, separators=(",", ":")).encode("ascii") + b"\n"

    @classmethod
    def from_json(cls, data: bytes | str) -> PageLayout:
        raw = json.loads(data)
        return cls.of(raw["width"], raw["height"], raw["lines"])
