"""Script conversion through OpenCC, keeping track of where each character came from."""

from __future__ import annotations

from editor_app.export.options import SCRIPTS
from editor_app.model.alignment import Run, compose

_CACHE_LIMIT = 200_000


class ScriptConverter:
    """Converts exported text to one script; `keep` leaves it as it is at no cost."""

    def __init__(self, script: str) -> None:
        self.script = script
        self._opencc = None
        self._cache: dict[str, str] = {}
        conversion = SCRIPTS[script]
        if conversion is not None:
            import opencc

            self._opencc = opencc.OpenCC(conversion)

    @property
    def active(self) -> bool:
        return self._opencc is not None

    def text(self, value: str) -> str:
        """A metadata value converted (no alignment kept)."""
        if self._opencc is None or not value:
            return value
        return "".join(self._pieces(value)[0])

    def names(self, values: list[str]) -> list[str]:
        return [self.text(value) for value in values]

    def aligned(self, value: str, runs: list[Run]) -> tuple[str, list[Run]]:
        """Convert a paragraph and carry its alignment runs over to the converted text."""
        if self._opencc is None or not value:
            return value, runs
        converted, originals = self._pieces(value)
        text = "".join(converted)
        if all(len(a) == len(b) for a, b in zip(converted, originals, strict=True)):
            return text, runs
        return text, compose(_piece_map(converted, originals), runs)

    def _pieces(self, value: str) -> tuple[list[str], list[str]]:
        # OpenCC converts between its separators, piece by piece: converting the pieces
        # ourselves tells which piece changed length, so the rest keeps its alignment.
        originals = self._opencc.split_chars_re.split(value)
        converted = [
            self._convert(piece) if index % 2 == 0 and piece else piece
            for index, piece in enumerate(originals)
        ]
        return converted, originals

    def _convert(self, piece: str) -> str:
        found = self._cache.get(piece)
        if found is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[piece] = self._opencc.convert(piece)
        return found


def _piece_map(converted: list[str], originals: list[str]) -> list[Run]:
    """Runs (converted pos, original pos, length) over the pieces that kept their length."""
    runs: list[Run] = []
    new = old = 0
    for after, before in zip(converted, originals, strict=True):
        if len(after) == len(before) and after:
            runs.append((new, old, len(after)))
        new += len(after)
        old += len(before)
    return runs
