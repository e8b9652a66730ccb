"""The learned segmenter: a linear-chain CRF over a page's non-empty lines.

Features come from a normalised view of each line and from the rule segmenter's own findings
(`features`); labels join "starts a segment" with the line's role (`labels`); the shipped model
(`model.crfsuite`, described by `model.crfsuite.json`) is trained by `training` on the pages
of `resources/training/corpus.tar.xz` and `press.tar.xz` (pages printed and read back by
tesseract, `tools/press`).
"""

from __future__ import annotations

from functools import lru_cache

from editor_app.segmentation.learned.model import DEFAULT_MODEL, LearnedSegmenter


@lru_cache(maxsize=1)
def shipped_segmenter() -> LearnedSegmenter | None:
    """The model shipped in the package, opened once; None when the file is missing."""
    if not DEFAULT_MODEL.is_file():
        return None
    try:
        return LearnedSegmenter(DEFAULT_MODEL)
    except (OSError, ValueError):
        return None


@lru_cache(maxsize=2)
def segmenter_from_bytes(data: bytes) -> LearnedSegmenter:
    """A model held in memory (a project's own), opened once per distinct model."""
    return LearnedSegmenter.from_bytes(data)


__all__ = ["DEFAULT_MODEL", "LearnedSegmenter", "segmenter_from_bytes", "shipped_segmenter"]
