"""The page image of an OCR document: where it is looked for, whether it is the one
imported, and its pixels.

`read_scan` runs on any thread (it makes a QImage, never a QPixmap). A 300 dpi newspaper
page (5000×7000 px, grey) takes 0.11 s to hash and decode as TIFF, 0.32 s as PNG and
0.35 s as JPEG, so a file larger than `READ_AT_ONCE_BYTES`, or an image of more than
`READ_AT_ONCE_PIXELS`, is read off the GUI thread.

What the GUI thread is handed is ready to paint: scaled to a preview as wide as a few
views (`preview_width`), in the format the screen paints without converting. Converting
the whole page there took 0.15 s; the full resolution is read, the same way, only once the
editor zooms in past the preview.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
READ_AT_ONCE_BYTES = 2 * 1024 * 1024
READ_AT_ONCE_PIXELS = 4_000_000  # a page of more is slow to decode however small its file
MAX_SIDE = 8000  # a larger image is read scaled down to this long side
STRIP_PIXELS = 1_000_000  # converted at a time: a few milliseconds
PAINTED_AS_IS = (
    QImage.Format.Format_RGB32,
    QImage.Format.Format_ARGB32_Premultiplied,
    QImage.Format.Format_Grayscale8,
)
MISSING, CHANGED, UNREADABLE = "missing", "changed", "unreadable"


@dataclass(frozen=True, slots=True)
class ScanImage:
    """What reading a page image gave: the image, or the problem and where it looked."""

    image: QImage | None  # the preview, or the full resolution when asked for
    path: str = ""  # the file found ("" when none was)
    looked_at: tuple[str, ...] = ()
    problem: str = ""  # "", MISSING, CHANGED or UNREADABLE
    size: tuple[int, int] = field(default=(0, 0))  # the page's size in OCR coordinates
    full_width: int = 0  # the image's width in pixels at full resolution

    @property
    def is_full(self) -> bool:
        """Whether `image` has every pixel there is (no finer one to read)."""
        return self.image is not None and self.image.width() >= self.full_width


def places(geometry) -> tuple[str, ...]:
    """Where a document's page image is looked for: the file the project names, else a
    PNG, JPEG or TIFF beside the OCR file with its stem."""
    if geometry.image_path:
        return (geometry.image_file,)
    stem = os.path.splitext(geometry.source_path)[0]
    return tuple(stem + suffix for suffix in IMAGE_SUFFIXES) if stem else ()


def is_large(paths: tuple[str, ...]) -> bool:
    """Whether the first file there is big enough to be read off the GUI thread: its file
    or its pixels (the header alone is read for those)."""
    found = next((path for path in paths if os.path.isfile(path)), None)
    if found is None:
        return False
    if os.path.getsize(found) > READ_AT_ONCE_BYTES:
        return True
    pixels = QImageReader(found).size()
    return pixels.isValid() and pixels.width() * pixels.height() > READ_AT_ONCE_PIXELS


def read_scan(
    paths: tuple[str, ...],
    sha256: str | None,
    size: tuple[int, int],
    preview_width: int | None = None,
) -> ScanImage:
    """The first file of `paths` there, checked against the sha256 recorded at import (none
    to check when the image was not found then), and decoded: scaled down to
    `preview_width` pixels across when wider, at full resolution when None."""
    path = next((path for path in paths if os.path.isfile(path)), None)
    if path is None:
        return ScanImage(None, "", paths, MISSING, size)
    if sha256 is not None and _sha256(path) != sha256:
        return ScanImage(None, path, paths, CHANGED, size)
    image, full_width = _decode(path, preview_width)
    if image.isNull():
        return ScanImage(None, path, paths, UNREADABLE, size)
    return ScanImage(ready_to_paint(image), path, paths, "", size, full_width)


def ready_to_paint(image: QImage) -> QImage:
    """The image in a format the raster paint engine draws a part of without converting
    the whole (grey, as most scans are, is one).

    Converted a strip at a time: Qt's conversions run holding Python's lock, and a whole
    page's at once (0.1 s) would stall the GUI thread as much as converting it there.
    """
    if image.format() in PAINTED_AS_IS:
        return image
    wanted = (
        QImage.Format.Format_ARGB32_Premultiplied
        if image.hasAlphaChannel()
        else QImage.Format.Format_RGB32
    )
    converted = QImage(image.size(), wanted)
    converted.setDevicePixelRatio(image.devicePixelRatio())
    if wanted == QImage.Format.Format_ARGB32_Premultiplied:
        converted.fill(Qt.GlobalColor.transparent)
    painter = QPainter(converted)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    rows = max(1, STRIP_PIXELS // max(1, image.width()))
    for top in range(0, image.height(), rows):
        strip = QRect(0, top, image.width(), rows)
        painter.drawImage(strip, image, strip)
    painter.end()
    return converted


def _sha256(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _decode(path: str, preview_width: int | None) -> tuple[QImage, int]:
    """The image, and its width at full resolution (at most `MAX_SIDE` on its long side)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    full = reader.size()
    if not full.isValid():
        image = reader.read()
        return image, image.width()
    if max(full.width(), full.height()) > MAX_SIDE:
        full = full.scaled(QSize(MAX_SIDE, MAX_SIDE), Qt.AspectRatioMode.KeepAspectRatio)
    wanted = full
    if preview_width is not None and full.width() > preview_width:
        wanted = full.scaled(
            QSize(preview_width, full.height()), Qt.AspectRatioMode.KeepAspectRatio
        )
    if wanted != reader.size():
        reader.setScaledSize(wanted)
    return reader.read(), full.width()
