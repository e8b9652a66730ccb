"""An OCR file as an import keeps it: its page, raw text, line boxes and image reference.

The file itself is kept compressed (`ocr_packing`).

The image is referenced, never copied: the file the OCR names (relative to the OCR file),
else a PNG, JPEG or TIFF beside it with the same stem. Its sha256 is kept when it is found.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from editor_app.ingest.ocr_packing import pack_line_boxes, pack_source
from editor_app.ingest.ocr_read import read_ocr_text
from editor_app.ingest.ocr_text import PageText
from editor_app.ingest.sources import OCR_SUFFIXES

__all__ = [
    "OCR_SUFFIXES",
    "OcrSource",
    "find_image",
    "read_source",
]
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
MAX_IMAGE_BYTES = 512 * 1024 * 1024


@dataclass(slots=True)
class OcrSource:
    """What the project keeps of an OCR file beside its raw text."""

    format: str
    width: int
    height: int
    image_path: str  # relative to the OCR file, as named; "" when none is named or beside
    image_sha256: str | None  # None: the image was not found
    line_boxes: str  # JSON, see `pack_line_boxes`
    source: bytes  # the file as stored, see `pack_source`


def read_source(data: bytes, path: str, name: str) -> tuple[PageText, OcrSource]:
    """The raw text and what is kept of the OCR file at `path` (OcrFormatError if unreadable)."""
    page = read_ocr_text(data, name)
    image_path, image_sha256 = find_image(path, page.image)
    source = OcrSource(
        page.format,
        page.width,
        page.height,
        image_path,
        image_sha256,
        pack_line_boxes(page.line_boxes),
        pack_source(data),
    )
    return page, source


def find_image(path: str, named: str) -> tuple[str, str | None]:
    """(the image reference, its sha256 or None when it is not there)."""
    folder = os.path.dirname(path)
    if named and "://" not in named:
        found = _sha256(os.path.join(folder, named))
        if found is not None:
            return named, found
    stem = os.path.splitext(os.path.basename(path))[0]
    for suffix in IMAGE_SUFFIXES:
        for candidate in (stem + suffix, stem + suffix.upper()):
            found = _sha256(os.path.join(folder, candidate))
            if found is not None:
                return candidate, found
    return named, None


def _sha256(path: str) -> str | None:
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > MAX_IMAGE_BYTES:
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None
