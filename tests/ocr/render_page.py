"""A small printed newspaper page drawn offscreen: a title across two columns, then two
paragraphs, one per column. Tests run tesseract on it; `python -m tests.ocr.render_page OUT`
writes it as a PNG (how the committed hOCR and ALTO pair was made)."""

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


if __name__ == "__main__":
    render(sys.argv[1])
