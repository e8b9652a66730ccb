"""The differences between an article's raw span and its corrected text, as HTML."""

from __future__ import annotations

import html

from diff_match_patch import diff_match_patch

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0.5


def diff_html(raw: str, corrected: str) -> str:
    """Deletions struck through in red, insertions underlined in green, line breaks kept."""
    diffs = _DMP.diff_main(raw, corrected)
    _DMP.diff_cleanupSemantic(diffs)
    parts = []
    for operation, text in diffs:
        shown = html.escape(text).replace("\n", "⏎<br>" if operation else "<br>")
        if operation < 0:
            parts.append(f'<span style="color:#c0392b;text-decoration:line-through">{shown}</span>')
        elif operation > 0:
            parts.append(f'<span style="color:#1e8449;text-decoration:underline">{shown}</span>')
        else:
            parts.append(shown)
    return "".join(parts)
