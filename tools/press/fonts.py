"""The press's typefaces and their character advances (Noto CJK through Qt)."""

from __future__ import annotations

import os
from functools import lru_cache

from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"


def ensure_application() -> QGuiApplication:
    """Qt needs an application object before fonts can be measured or drawn."""
    app = QGuiApplication.instance()
    if app is None:
        # The press draws into images only: it needs no display, and must run on machines
        # without one.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return app if app is not None else QGuiApplication([])


@lru_cache(maxsize=64)
def font(family: str, pixels: int, bold: bool) -> QFont:
    ensure_application()
    made = QFont(family)
    made.setPixelSize(pixels)
    made.setBold(bold)
    made.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return made


@lru_cache(maxsize=64)
def _metrics(family: str, pixels: int, bold: bool) -> QFontMetricsF:
    return QFontMetricsF(font(family, pixels, bold))


@lru_cache(maxsize=65536)
def advance(family: str, pixels: int, bold: bool, char: str) -> float:
    """Horizontal advance of one character, in pixels."""
    return _metrics(family, pixels, bold).horizontalAdvance(char)


def ascent(family: str, pixels: int, bold: bool) -> float:
    return _metrics(family, pixels, bold).ascent()
