"""The learned segmenter: a linear-chain CRF over a page's non-empty lines.

Features come from a normalised view of each line and from the rule segmenter's own findings
(`features`); labels join "starts a segment" with the line's role (`labels`); the shipped model
(`model.crfsuite`, described by `model.crfsuite.json`) is trained by `training` on the pages
of `resources/training/corpus.tar.xz` and `press.tar.xz` (pages printed and read back by
tesseract, `tools/press`), all as bare text; `model.layout.crfsuite` is trained on the same
pages with the geometry of those that have it, for OCR files that carry their layout.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from editor_app.segmentation.learned.model import DEFAULT_MODEL, LearnedSegmenter
from editor_app.support.model_files import layout_model_path, open_shipped

DEFAULT_LAYOUT_MODEL = layout_model_path(DEFAULT_MODEL)


def shipped_segmenter(with_layout: bool = False) -> LearnedSegmenter | None:
    """The model shipped in the package for pages without geometry, or with `with_layout`
    the one for pages that carry their layout (the text model when that file is missing);
    None when neither file is there."""
    return open_shipped(DEFAULT_MODEL, DEFAULT_LAYOUT_MODEL, with_layout, _open)


@lru_cache(maxsize=2)
def _open(path: Path) -> LearnedSegmenter | None:
    """A shipped model file, opened once; None when it is missing or unreadable."""
    if not path.is_file():
        return None
    try:
        return LearnedSegmenter(path)
    except (OSError, ValueError):
        return None


@lru_cache(maxsize=2)
def segmenter_from_bytes(data: bytes) -> LearnedSegmenter:
    """A model held in memory (a project's own), opened once per distinct model."""
    return LearnedSegmenter.from_bytes(data)


__all__ = [
    "DEFAULT_LAYOUT_MODEL",
    "DEFAULT_MODEL",
    "LearnedSegmenter",
    "segmenter_from_bytes",
    "shipped_segmenter",
]
