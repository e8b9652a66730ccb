"""A word-readable character diff of two texts, as HTML. No Qt: tested on its own."""

from __future__ import annotations

from html import escape

from diff_match_patch import diff_match_patch

INSERT_STYLE = "color:#1e7b34; background-color:#e6ffec; text-decoration:underline"
DELETE_STYLE = "color:#b31d28; background-color:#ffebe9; text-decoration:line-through"

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0.5


def diff_segments(before: str, after: str) -> list[tuple[int, str]]:
    """(op, text) pieces: -1 deleted, 0 kept, 1 inserted; cleaned up to read as words."""
    diffs = _DMP.diff_main(before, after)
    _DMP.diff_cleanupSemantic(diffs)
    return [(op, text) for op, text in diffs if text]


def diff_html(before: str, after: str) -> str:
    """Insertions green and underlined, deletions red and struck through, text escaped."""
    parts = []
    for op, text in diff_segments(before, after):
        body = escape(text).replace("\n", "<br/>")
        if op == 1:
            parts.append(f'<span class="ins" style="{INSERT_STYLE}">{body}</span>')
        elif op == -1:
            parts.append(f'<span class="del" style="{DELETE_STYLE}">{body}</span>')
        else:
            parts.append(f"<span>{body}</span>")
    return "".join(parts)
