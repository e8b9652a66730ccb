"""The page image of an OCR document: where it is looked for, whether it is the one
imported, and its pixels.

`read_scan` runs on any thread (it makes a QImage, never a QPixmap). A 300 dpi newspaper
page (5000×7000 px, grey) takes 0.11 s to hash and decode as TIFF, 0.32 s as PNG and
0.35 s as JPEG, so a file larger than `READ_AT_ONCE_BYTES` is read off the GUI thread;
showing it then takes 0.15 s there.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
READ_AT_ONCE_BYTES = 2 * 1024 * 1024
MAX_SIDE = 8000  # a larger image is read scaled down to this long side
MISSING, CHANGED, UNREADABLE = "missing", "changed", "unreadable"


@dataclass(frozen=True, slots=True)
class ScanImage:
    """What reading a page image gave: the image, or the problem and where it looked."""

    image: QImage | None
    path: str = ""  # the file found ("" when none was)
    looked_at: tuple[str, ...] = ()
    problem: str = ""  # "", MISSING, CHANGED or UNREADABLE
    size: tuple[int, int] = field(default=(0, 0))  # the page's size in OCR coordinates


def places(geometry) -> tuple[str, ...]:
    """Where a document's page image is looked for: the file the project names, else a
    PNG, JPEG or TIFF beside the OCR file with its stem."""
    if geometry.image_path:
        return (geometry.image_file,)
    stem = os.path.splitext(geometry.source_path)[0]
    return tuple(stem + suffix for suffix in IMAGE_SUFFIXES) if stem else ()


def is_large(paths: tuple[str, ...]) -> bool:
    """Whether the first file there is big enough to be read off the GUI thread."""
    found = next((path for path in paths if os.path.isfile(path)), None)
    return found is not None and os.path.getsize(found) > READ_AT_ONCE_BYTES


def read_scan(paths: tuple[str, ...], sha256: str | None, size: tuple[int, int]) -> ScanImage:
    """The first file of `paths` there, checked against the sha256 recorded at import (none
    to check when the image was not found then), and decoded."""
    path = next((path for path in paths if os.path.isfile(path)), None)
    if path is None:
        return ScanImage(None, "", paths, MISSING, size)
    if sha256 is not None and _sha256(path) != sha256:
        return ScanImage(None, path, paths, CHANGED, size)
    image = _decode(path)
    if image.isNull():
        return ScanImage(None, path, paths, UNREADABLE, size)
    return ScanImage(image, path, paths, "", size)


def _sha256(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _decode(path: str) -> QImage:
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and max(full.width(), full.height()) > MAX_SIDE:
        reader.setScaledSize(
            full.scaled(QSize(MAX_SIDE, MAX_SIDE), Qt.AspectRatioMode.KeepAspectRatio)
        )
    return reader.read()
