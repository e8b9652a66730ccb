"""A small printed newspaper page drawn offscreen: a title across two columns, then two
paragraphs, one per column. Tests run tesseract on it; `python -m tests.ocr.render_page OUT`
writes it as a PNG (how the committed hOCR and ALTO pair was made).

`python -m tests.ocr.render_page --fuller OUT SEED…` draws a fuller page, 2400×3400 px,
of the first articles of seed files, three columns each: the README's picture of the page
scan beside the text (tesseract OUT OUT-stem -l chi_sim alto gives its ALTO)."""

from __future__ import annotations

import sys

TITLE = "城市副中心新建三座公园"
LEFT = (
    "本报讯（记者 王明）今年春天，城市副中心将有三座新公园开门迎客。"
    "公园里种下了银杏、国槐和海棠，市民可以在林间散步、骑车。"
    "三座公园的面积加起来有一百多公顷，从家门口步行十分钟就能走到。"
)
RIGHT = (
    "区园林部门介绍，三座公园都建有雨水花园，雨季能把雨水留在园中，"
    "旱季再用来浇灌草木。公园还设有儿童乐园和健身步道。"
    "园中的老树都留了下来，新修的步道绕树而行。"
)
WIDTH, HEIGHT = 1400, 700
MARGIN, GUTTER = 80, 240
FONT = "Noto Serif CJK SC"


def render(path: str) -> None:
    """Draw the page and save it as a PNG at `path`."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    painter.setFont(QFont(FONT, 40, QFont.Weight.Bold))
    painter.drawText(QRect(MARGIN, 50, WIDTH - 2 * MARGIN, 90), Qt.AlignmentFlag.AlignCenter, TITLE)
    painter.setFont(QFont(FONT, 20))
    column = (WIDTH - 2 * MARGIN - GUTTER) // 2
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    for index, text in enumerate((LEFT, RIGHT)):
        left = MARGIN + index * (column + GUTTER)
        painter.drawText(QRect(left, 200, column, HEIGHT - 260), flags, text)
    middle = WIDTH // 2  # a column rule, as a newspaper prints one
    painter.drawLine(middle, 200, middle, HEIGHT - 120)
    painter.end()
    if not image.convertToFormat(QImage.Format.Format_Grayscale8).save(path):
        raise OSError(f"could not write {path}")


FULLER = (2400, 3400)
FULLER_COLUMNS, FULLER_BODY, FULLER_TITLE = 3, 30, 58  # columns, font sizes in pixels


def seed_articles(paths: list[str], per_file: int = 2, most: int = 4) -> list:
    """(title, paragraphs) of the first articles of seed files: a title is a line without
    sentence punctuation, its paragraphs the long lines after it (at most `most`)."""
    articles: list[tuple[str, list[str]]] = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            lines = [line.strip() for line in handle if line.strip()]
        mine: list[tuple[str, list[str]]] = []
        for line in lines:
            if not any(mark in line for mark in "。，,"):
                if not mine or mine[-1][1]:
                    mine.append((line.split(" ")[-1], []))
            elif mine and len(line) >= 40 and len(mine[-1][1]) < most:
                mine[-1][1].append(line)
        articles += [article for article in mine if article[1]][:per_file]
    return articles


def render_fuller(path: str, articles: list[tuple[str, list[str]]]) -> None:
    """Each article: its title across the page, its paragraphs flowing down three columns."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    width, height = FULLER
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    body, title = QFont(FONT), QFont(FONT)
    body.setPixelSize(FULLER_BODY)
    title.setPixelSize(FULLER_TITLE)
    title.setWeight(QFont.Weight.Bold)
    margin, gutter, leading = 120, 60, int(FULLER_BODY * 1.6)
    column = (width - 2 * margin - (FULLER_COLUMNS - 1) * gutter) // FULLER_COLUMNS
    per_line = column // FULLER_BODY
    top = margin
    for heading, paragraphs in articles:
        painter.setFont(title)
        painter.drawText(
            QRect(margin, top, width - 2 * margin, 90), Qt.AlignmentFlag.AlignCenter, heading
        )
        top += 130
        lines = _column_lines(paragraphs, per_line)
        rows = (height - margin - top) // leading
        if len(lines) > rows * FULLER_COLUMNS:
            lines = lines[: rows * FULLER_COLUMNS]  # what fits the page
        depth = -(-len(lines) // FULLER_COLUMNS)
        painter.setFont(body)
        for index, line in enumerate(lines):
            left = margin + (index // depth) * (column + gutter)
            painter.drawText(left, top + (index % depth) * leading + FULLER_BODY, line)
        for rule in range(1, FULLER_COLUMNS):
            x = margin + rule * (column + gutter) - gutter // 2
            painter.drawLine(x, top, x, top + depth * leading)
        top += depth * leading + 80
        painter.drawLine(margin, top - 50, width - margin, top - 50)
        if top > height - 400:
            break
    painter.end()
    if not image.convertToFormat(QImage.Format.Format_Grayscale8).save(path):
        raise OSError(f"could not write {path}")


def _column_lines(paragraphs: list[str], per_line: int) -> list[str]:
    """The printed lines of paragraphs, each indented two characters, cut every per_line."""
    lines = []
    for paragraph in paragraphs:
        text = "\u3000\u3000" + paragraph
        lines += [text[start : start + per_line] for start in range(0, len(text), per_line)]
    return lines


if __name__ == "__main__":
    if sys.argv[1] == "--fuller":
        render_fuller(sys.argv[2], seed_articles(sys.argv[3:]))
    else:
        render(sys.argv[1])
