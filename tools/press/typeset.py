"""Setting text into lines: one paragraph broken to a measure, justified, with hanging marks.

Every character comes out with its own box, so the gold can later be read off the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.press import fonts

# Marks a line may not open with (禁则): they hang in the margin of the line above instead.
NO_LINE_START = frozenset("，。、；：？！”’）》」』】…·,.;:?!)%")


@dataclass(frozen=True, slots=True)
class Style:
    family: str
    pixels: int
    bold: bool = False

    def advance(self, char: str) -> float:
        return fonts.advance(self.family, self.pixels, self.bold, char)

    @property
    def ascent(self) -> float:
        return fonts.ascent(self.family, self.pixels, self.bold)


@dataclass(slots=True)
class Glyph:
    """One drawn character: its box, what it belongs to and where it sits in its paragraph."""

    char: str
    x: float
    y: float  # top of the line
    width: float
    height: float
    style: Style
    owner: int  # article index; negative for the running head, folio and footer
    role: str
    paragraph: int  # page-wide paragraph number
    offset: int  # position of the character in its paragraph


@dataclass(slots=True)
class SetLine:
    """A line of characters as (char, x offset, advance), x from the line's left edge."""

    chars: list[tuple[str, float, float]]
    offset: int  # paragraph position of the line's first character

    @property
    def width(self) -> float:
        if not self.chars:
            return 0.0
        _, x, w = self.chars[-1]
        return x + w


def break_lines(text: str, style: Style, measure: float, indent: float = 0.0) -> list[SetLine]:
    """Greedy line breaking; a closing mark that would open a line hangs on the line above."""
    lines: list[SetLine] = []
    current = SetLine([], 0)
    x = indent
    for position, char in enumerate(text):
        width = style.advance(char)
        overflow = x + width > measure + 0.5
        if overflow and current.chars and not (char in NO_LINE_START and _hangs(current)):
            lines.append(current)
            current = SetLine([], position)
            x = 0.0
        current.chars.append((char, x, width))
        x += width
    if current.chars:
        lines.append(current)
    return lines


def _hangs(line: SetLine) -> bool:
    """Only one mark hangs: a second one goes to the next line."""
    return line.chars[-1][0] not in NO_LINE_START


def justify(line: SetLine, measure: float) -> SetLine:
    """Spread the characters so the line fills the measure (all but a paragraph's last line)."""
    spare = measure - line.width
    gaps = len(line.chars) - 1
    if gaps <= 0 or spare <= 0 or spare > measure * 0.25:
        return line
    step = spare / gaps
    spread = [(c, x + i * step, w) for i, (c, x, w) in enumerate(line.chars)]
    return SetLine(spread, line.offset)


def set_paragraph(
    text: str, style: Style, measure: float, indent: float, justified: bool = True
) -> list[SetLine]:
    """A paragraph's lines, justified but for the last one (or all ragged)."""
    lines = break_lines(text, style, measure, indent)
    if not justified:
        return lines
    return [justify(line, measure) for line in lines[:-1]] + lines[-1:]
