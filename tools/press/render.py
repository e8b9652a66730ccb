"""The page image: paper tone, ink, photos and rules, then a little blur and noise.

The image is grey, 200 dpi, written as PNG; beside it NAME.glyphs.json records every drawn
character (its box, article, role, paragraph and place in the paragraph) for `carry`.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from tools.press import fonts
from tools.press.layout import Page

DPI = 200
DOTS_PER_METRE = round(DPI / 0.0254)


def paint(page: Page, seed: str = "press") -> QImage:
    """The page drawn and worn; the same page and seed give the same pixels."""
    fonts.ensure_application()
    rng = random.Random(f"{seed}:paint:{page.name}")
    paper = rng.randint(212, 238)
    ink = rng.randint(30, 85)
    image = QImage(page.width, page.height, QImage.Format.Format_RGB32)
    image.fill(QColor(paper, paper, paper))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for rect in page.rects:
        shade = rect.shade if rect.kind == "photo" else ink
        painter.fillRect(
            QRectF(rect.x, rect.y, rect.width, rect.height), QColor(shade, shade, shade)
        )
    painter.setPen(QColor(ink, ink, ink))
    current = None
    for glyph in page.glyphs:
        if glyph.style != current:
            current = glyph.style
            painter.setFont(fonts.font(current.family, current.pixels, current.bold))
        painter.drawText(QPointF(glyph.x, glyph.y + current.ascent), glyph.char)
    painter.end()
    return _wear(image, rng)


def _wear(image: QImage, rng: random.Random) -> QImage:
    """Grain (random grey laid thinly over the page), then blur (down and up again, smoothly).

    The grain goes under the blur, as paper texture does: raw pixel noise over a sparse page
    makes tesseract take the whole page for a picture.
    """
    width, height = image.width(), image.height()
    grain = QImage(
        rng.randbytes(width * height), width, height, width, QImage.Format.Format_Grayscale8
    )
    painter = QPainter(image)
    painter.setOpacity(rng.uniform(0.14, 0.26))
    painter.drawImage(0, 0, grain)
    painter.end()
    scale = rng.uniform(0.46, 0.66)
    small = image.scaled(
        round(width * scale),
        round(height * scale),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    worn = small.scaled(
        width,
        height,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    grey = worn.convertToFormat(QImage.Format.Format_Grayscale8)
    grey.setDotsPerMeterX(DOTS_PER_METRE)
    grey.setDotsPerMeterY(DOTS_PER_METRE)
    return grey


def glyph_record(page: Page) -> dict:
    """What `carry` needs to know about the drawn page."""
    return {
        "name": page.name,
        "columns": page.columns,
        "kinds": {str(k): v for k, v in sorted(page.kinds.items())},
        "printed": {str(k): v for k, v in sorted(page.printed.items())},
        "truncated": sorted(page.truncated),
        "glyphs": [
            [g.char, round(g.x, 1), round(g.y, 1), round(g.width, 1), g.height]
            + [g.owner, g.role, g.paragraph, g.offset]
            for g in page.glyphs
        ],
    }


def write(page: Page, out_dir: Path, stem: str, seed: str = "press") -> Path:
    """Write STEM.png and STEM.glyphs.json; returns the image's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    image_path = out_dir / f"{stem}.png"
    if not paint(page, seed).save(str(image_path), "PNG"):
        raise OSError(f"{image_path}: cannot write the image")
    record = json.dumps(glyph_record(page), ensure_ascii=False, separators=(",", ":"))
    (out_dir / f"{stem}.glyphs.json").write_text(record + "\n", encoding="utf-8")
    return image_path
