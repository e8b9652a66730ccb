"""The OCR source of a document (ALTO, hOCR, PAGE) and the geometry read from it."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from editor_app.ingest.ocr_model import Box
from editor_app.ingest.ocr_packing import unpack_line_boxes, unpack_source
from editor_app.model.layout import PageLayout
from editor_app.storage.errors import NotFoundError, OperationError

# The first bytes of the page images a document may point to.
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


@dataclass(slots=True)
class PageGeometry:
    """Where a document's raw text lies on its page.

    `line_boxes[n - 1]`: the boxes of the printed lines of raw line n's paragraph (none
    for a blank line). `char_boxes[offset]`: (paragraph index, line index, word box) of
    the raw character, None for a newline; read again from the stored source on first use.
    `image_path` is as the OCR file names it (relative to `source_path`'s folder);
    `image_sha256` is None when the image was not found at import.
    """

    format: str
    width: int
    height: int
    image_path: str
    image_sha256: str | None
    source_path: str
    line_boxes: list[tuple[Box, ...]]
    source: bytes = field(repr=False, default=b"")
    _char_boxes: list | None = field(repr=False, default=None)

    @property
    def image_found(self) -> bool:
        return self.image_sha256 is not None

    @property
    def image_file(self) -> str:
        """The image's path as found from the source file's folder ("" when none is named)."""
        if not self.image_path:
            return ""
        return os.path.join(os.path.dirname(self.source_path or ""), self.image_path)

    @property
    def char_boxes(self) -> list[tuple[int, int, Box] | None]:
        if self._char_boxes is None:
            # The readers load when a page's characters are first looked at: opening a
            # project, or showing a page's boxes, does without them.
            from editor_app.ingest.ocr_read import read_ocr
            from editor_app.ingest.ocr_text import derive_text

            self._char_boxes = derive_text(read_ocr(self.source, self.source_path)).char_boxes
        return self._char_boxes


_GEOMETRY = """SELECT s.format, s.width, s.height, s.image_path, s.image_sha256,
    coalesce(d.source_path, ''), s.line_boxes, s.source
    FROM document_sources s JOIN documents d ON d.id = s.document_id
    WHERE s.document_id = ?"""


def page_geometry(db, document_id: int) -> PageGeometry | None:
    """The document's geometry; None for a document imported from plain text."""
    row = db.execute(_GEOMETRY, [document_id]).fetchone()
    if row is None:
        return None
    *head, packed, source = row
    boxes = [tuple(Box(*box) for box in line) for line in unpack_line_boxes(packed)]
    return PageGeometry(*head, line_boxes=boxes, source=unpack_source(source))


_LAYOUT = "SELECT width, height, line_boxes FROM document_sources WHERE document_id = ?"


def page_layout(db, document_id: int) -> PageLayout | None:
    """The document's page layout (what the segmenter reads); None without geometry."""
    row = db.execute(_LAYOUT, [document_id]).fetchone()
    if row is None:
        return None
    width, height, packed = row
    return PageLayout.of(width, height, unpack_line_boxes(packed))


_PAGES = """SELECT s.format, s.width, s.height, s.image_path, s.image_sha256, s.line_boxes
    FROM document_sources s WHERE s.document_id = ?"""


def page_summary(db, document_id: int) -> dict | None:
    """The page, image and line boxes without the source bytes (what an export writes)."""
    row = db.execute(_PAGES, [document_id]).fetchone()
    if row is None:
        return None
    format_, width, height, image_path, image_sha256, packed = row
    return {
        "format": format_,
        "width": width,
        "height": height,
        "image": image_path,
        "image_sha256": image_sha256,
        "line_boxes": unpack_line_boxes(packed),
    }


# -- pointing a document at its page image again ----------------------------------------------


def relocate_image(edits, db, project_path, document_id: int, image: str):
    """Point a document's page image at `image`, recording its sha256: one undoable step.

    The reference is kept relative to the OCR file's folder when the image lies in or
    under it, else absolute. Refused for a document without an OCR source and for a file
    that is not a PNG, JPEG or TIFF image.
    """
    row = db.execute(
        "SELECT coalesce(d.source_path, '') FROM document_sources s "
        "JOIN documents d ON d.id = s.document_id WHERE s.document_id = ?",
        [document_id],
    ).fetchone()
    if row is None:
        raise NotFoundError(project_path, f"document {document_id} has no OCR page image")
    digest = image_sha256(project_path, image)
    values = {"image_path": image_reference(image, row[0]), "image_sha256": digest}
    with edits.operation("relocate_image", document_id=document_id) as op:
        edits.journal.update("document_sources", {"document_id": document_id}, values)
    return op


def image_reference(image: str, source_path: str) -> str:
    """How the project names the image: from the OCR file's folder when it lies under it."""
    image = os.path.abspath(image)
    if source_path:
        folder = os.path.dirname(os.path.abspath(source_path))
        try:
            relative = os.path.relpath(image, folder)
        except ValueError:  # another drive
            return image
        if not relative.startswith(os.pardir):
            return relative
    return image


def image_sha256(project_path, image: str) -> str:
    """The sha256 of a PNG, JPEG or TIFF file; OperationError for anything else."""
    try:
        with open(image, "rb") as handle:
            if not handle.read(8).startswith(IMAGE_SIGNATURES):
                raise OperationError(project_path, f"{image} is not a PNG, JPEG or TIFF image")
            handle.seek(0)
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as error:
        raise OperationError(project_path, f"cannot read {image}: {error.strerror}") from error
