"""Map positions between a raw span and the editor's corrected version of it."""

from __future__ import annotations

from diff_match_patch import diff_match_patch

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # no time limit: the same texts always map the same way


def corrected_position(raw: str, corrected: str, raw_pos: int) -> int:
    """Where the character at `raw_pos` of `raw` ended up in `corrected`."""
    if raw == corrected:
        return raw_pos
    diffs = _DMP.diff_main(raw, corrected, False)
    return _DMP.diff_xIndex(diffs, raw_pos)
