"""Map positions between a raw span and the editor's corrected version of it."""

from __future__ import annotations

from diff_match_patch import diff_match_patch

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0.5


def corrected_position(raw: str, corrected: str, raw_pos: int) -> int:
    """Where the character at `raw_pos` of `raw` ended up in `corrected`."""
    if raw == corrected:
        return raw_pos
    diffs = _DMP.diff_main(raw, corrected, False)
    return _DMP.diff_xIndex(diffs, raw_pos)


def raw_position(raw: str, corrected: str, corrected_pos: int) -> int:
    """Where the character at `corrected_pos` of `corrected` came from in `raw`."""
    if raw == corrected:
        return corrected_pos
    diffs = _DMP.diff_main(corrected, raw, False)
    return _DMP.diff_xIndex(diffs, corrected_pos)
