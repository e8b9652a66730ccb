"""The OCR test pages: where they are, and what their raw text must be."""

from __future__ import annotations

from pathlib import Path

from tests.ocr.render_page import LEFT, RIGHT, TITLE

DATA = Path(__file__).resolve().parent / "data"
# tesseract 5.3 chi_sim's hOCR and ALTO of the rendered page (two-columns.png).
TESSERACT = {"hocr": DATA / "two-columns.hocr", "alto": DATA / "two-columns.alto.xml"}
# Transcriptions of the printed page as other tools write them.
TRANSCRIBED = {
    "page2019": DATA / "two-columns.page2019.xml",
    "page2013": DATA / "two-columns.page2013.xml",
    "alto2": DATA / "two-columns.alto2.xml",
}
IMAGE = DATA / "two-columns.png"
PRINTED_LINES = DATA / "two-columns.txt"  # tesseract's own text output of the page


def printed_raw_text() -> str:
    """The raw text a transcription of the page derives: what the page prints, a blank line
    between paragraphs, the space between two Chinese characters (记者 王明) dropped."""
    return "\n\n".join(text.replace(" ", "") for text in (TITLE, LEFT, RIGHT))
