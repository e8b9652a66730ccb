"""Shipped model pairs: a text model and, beside it, a layout model for pages with geometry.

The segmenter and the join rule ship one of each (`model.crfsuite` / `model.layout.crfsuite`,
`join_model.tsv` / `join_model.layout.tsv`); a page is decided by the layout model when it has
a layout and that file can be read, by the text model otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

Model = TypeVar("Model")


def layout_model_path(model: str | Path) -> Path:
    """The layout model beside a text model: `X.suffix` -> `X.layout.suffix`."""
    path = Path(model)
    return path.with_name(f"{path.stem}.layout{path.suffix}")


def open_shipped(
    text_model: Path,
    layout_model: Path,
    with_layout: bool,
    opener: Callable[[Path], Model | None],
) -> Model | None:
    """The layout model when `with_layout` and `opener` can read it, else the text model
    (None when that cannot be read either)."""
    if with_layout:
        model = opener(layout_model)
        if model is not None:
            return model
    return opener(text_model)
