"""OCR-like noise for clean training pages, from a seeded generator (same seed, same noise).

What tesseract does to a printed page, by the shapes it leaves in the text: no indentation,
`——` read as `一一`, full-width marks read half-width with blanks around them, brackets read
as other brackets, blanks between digits and Chinese characters, misread characters,
paragraphs cut in two, and the page's date line and page number read as lines of text.
"""

from __future__ import annotations

import random
import re

from editor_app.segmentation.learned.labels import BEGIN, INSIDE

_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT_EDGE = re.compile(r"(?<=[0-9])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[0-9])")
HALF_WIDTH = {
    "：": (" : ", ": ", ":"),
    "；": (" ; ", ";"),
    "？": (" ? ", "?"),
    "！": (" ! ", "!"),
    "（": (" (", "(", "〈", "“", "《", "”“〈", "。 ("),
    "）": (" )", ")", ")】", "”"),
    "，": (",", " , "),
}
MARK_RATE = 0.5
COMMA_RATE = 0.05
DASH_RATE = 0.8
DIGIT_BLANK_RATE = 0.8
MISREAD_RATE = 0.03
SPLIT_RATE = 0.03
FURNITURE_RATE = 0.6
RUNNING_HEAD_RATE = 0.3
MIN_SPLIT = 40
WEEKDAYS = "一二三四五六日"


def noisy_page(lines: list[str], labels: list[str], rng: random.Random):
    """Noisy copies of a page's non-empty lines and their labels (lists of equal length)."""
    alphabet = _CJK.findall("".join(lines)) or ["字"]
    out_lines: list[str] = []
    out_labels: list[str] = []
    if rng.random() < FURNITURE_RATE:
        out_lines += [_date_line(rng), f"第 {rng.randint(1, 24)} 版"]
        out_labels += [BEGIN + "boilerplate", BEGIN + "noise"]
        if lines and rng.random() < RUNNING_HEAD_RATE:
            # A running head: a short heading word of the page and the page number.
            head = _CJK.findall(lines[0])[: rng.randint(2, 4)]
            out_lines.append("".join(head) + f" {rng.randint(1, 24)}")
            out_labels.append(BEGIN + "boilerplate")
    for line, label in zip(lines, labels, strict=True):
        text = _noisy_line(line, rng, alphabet)
        if label.endswith("body") and len(text) > MIN_SPLIT and rng.random() < SPLIT_RATE:
            cut = rng.randint(len(text) // 4, 3 * len(text) // 4)
            out_lines += [text[:cut], text[cut:]]
            out_labels += [label, INSIDE + "body"]
            continue
        out_lines.append(text)
        out_labels.append(label)
    return out_lines, out_labels


def _date_line(rng: random.Random) -> str:
    return f"2019 年 {rng.randint(1, 12)} 月 {rng.randint(1, 28)} 日星期{rng.choice(WEEKDAYS)}"


def _noisy_line(line: str, rng: random.Random, alphabet: list[str]) -> str:
    text = line.strip(" \u3000\t\u00a0")
    if "——" in text and rng.random() < DASH_RATE:
        text = text.replace("——", "一一")
    if rng.random() < DIGIT_BLANK_RATE:
        text = _DIGIT_EDGE.sub(" ", text)
    text = "".join(_noisy_char(ch, rng, alphabet) for ch in text)
    return text.strip() or line.strip()


def _noisy_char(ch: str, rng: random.Random, alphabet: list[str]) -> str:
    choices = HALF_WIDTH.get(ch)
    if choices is not None:
        rate = COMMA_RATE if ch == "，" else MARK_RATE
        return rng.choice(choices) if rng.random() < rate else ch
    if "\u4e00" <= ch <= "\u9fff" and rng.random() < MISREAD_RATE:
        return rng.choice(alphabet)
    return ch
