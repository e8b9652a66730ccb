"""A normalised view of a line that OCR noise barely moves; the raw text is never changed.

Two views: `light` keeps the blanks between Chinese characters (names like `贺 勇` and
kicker/title gaps carry meaning) but fixes widths, dashes, brackets and the blanks OCR puts
around digits and marks; `tight` also drops every remaining blank.
"""

from __future__ import annotations

import re

_CJK = r"\u3400-\u9fff"
# Marks OCR reads half-width; the page printed them full-width.
_TO_FULL = str.maketrans(
    {
        ":": "：",
        ";": "；",
        ",": "，",
        "?": "？",
        "!": "！",
        "(": "（",
        ")": "）",
        "〈": "（",
        "〉": "）",
        "［": "（",
        "］": "）",
        "﹣": "-",
    }
)
# Each mark by itself: `str.replace` of the few marks present is many times faster than
# `str.translate` with a table of non-ASCII targets. No target is itself a mark to replace.
_FULL_PAIRS = tuple((chr(half), full) for half, full in _TO_FULL.items())
_MARKS = "：；，。？！（）、“”《》"
_BLANK = r"[ \u3000\t\u00a0]"
# Blanks next to a mark, or between a digit and a Chinese character (`2 月 9 日`). Every
# branch starts with a blank and looks back only then (`(?<=X.)` after one blank is X
# before it), so sre skips ahead to the next blank instead of looking back everywhere.
_BLANK_AT_MARK = re.compile(rf"{_BLANK}+(?=[{_MARKS}])|{_BLANK}(?<=[{_MARKS}].){_BLANK}*")
_BLANK_AT_DIGIT = re.compile(
    rf"{_BLANK}(?<=[0-9].){_BLANK}*(?=[{_CJK}0-9])|{_BLANK}(?<=[{_CJK}].){_BLANK}*(?=[0-9])"
)
# `一一` standing for a dash: at either end of the line, or after a mark or a blank.
_DASH = re.compile(rf"^一一|一一$|(?<=[{_MARKS}\s])一一|[-－]{{2}}")
# The bracket opening a wire's credit read as quotes, a stop or a book-title mark:
# `本报北京2月9日电”“（记者 X）`, `…日电《记者 X）`.
_WIRE_OPEN = re.compile(r"^(.{2,25}?(?:电|本报讯))[。，.”“\"《\s]*[（”“\"《]+")
_BLANKS = re.compile(r"[ \u3000\t\u00a0]+")
_INDENT = " \u3000\t\u00a0\r"
# A long paragraph is judged by its opening, its end and its length only; its middle is
# left out of the view so that long pages cost little.
LONG_LINE = 160
MIN_SPACED_PARTS = 4
HEAD, TAIL = 100, 40


def light(text: str) -> str:
    """Stripped line with widths, dashes and the blanks around digits and marks fixed."""
    return _light_full_width(full_width(text))


def full_width(text: str) -> str:
    """`text` with the half-width marks OCR gives in their printed full width (same length)."""
    for half, full in _FULL_PAIRS:
        if half in text:
            text = text.replace(half, full)
    return text


def _light_full_width(text: str) -> str:
    """`light` of a line whose marks are already full width."""
    text = text.strip(_INDENT)
    if not text:
        return text
    if "一一" in text or "--" in text or "－－" in text:
        text = _DASH.sub("——", text)
    if " " in text or "\u3000" in text or "\t" in text or "\u00a0" in text:
        text = _BLANK_AT_DIGIT.sub("", _BLANK_AT_MARK.sub("", text))
        text = _without_letter_spacing(text)
    if "电" in text[:27] or "讯" in text[:5]:
        text = _WIRE_OPEN.sub(r"\1（", text, count=1)
    return text


def _without_letter_spacing(text: str) -> str:
    """`中 办 国 办 印 发`: an engine that spaces every character out; the blanks mean nothing."""
    parts = _BLANKS.split(text)
    singles = sum(len(part) == 1 for part in parts)
    if len(parts) >= MIN_SPACED_PARTS and singles * 3 >= len(parts) * 2:
        return "".join(parts)
    return text


def tight(light_text: str) -> str:
    """The light view without any blank."""
    if " " in light_text or "\u3000" in light_text or "\t" in light_text:
        return _BLANKS.sub("", light_text)
    return light_text


def light_page(text: str) -> str:
    """Every line in its light view, indentation and line numbers kept (long lines shortened)."""
    # Widths are fixed once for the whole page: the mapping keeps every character's place
    # and touches no blank, so each line's slices and indentation stay where they were.
    return "\n".join(map(_light_line, full_width(text).split("\n")))


def _light_line(raw: str) -> str:
    """One line of `light_page`, its marks already full width."""
    if not raw:
        return raw  # every other line of a page is empty
    if len(raw) <= LONG_LINE:
        body = _light_full_width(raw)
    else:
        body = _light_full_width(raw[:HEAD]) + _light_full_width(raw[-TAIL:])
    return raw[: len(raw) - len(raw.lstrip(_INDENT))] + body if body else body
