"""The text editor's diff of an article's raw span and its corrected text, as HTML."""

from __future__ import annotations

from editor_app.model.diff_html import diff_html

# Plain colours on the editor's own background; a changed line break shows as ⏎.
INSERT_STYLE = "color:#1e8449;text-decoration:underline"
DELETE_STYLE = "color:#c0392b;text-decoration:line-through"


def raw_diff_html(raw: str, corrected: str) -> str:
    """Deletions struck through in red, insertions underlined in green, line breaks kept."""
    return diff_html(
        raw,
        corrected,
        insert_style=INSERT_STYLE,
        delete_style=DELETE_STYLE,
        changed_break="⏎<br/>",
    )
