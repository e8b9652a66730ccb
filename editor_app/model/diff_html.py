"""Two texts' differences as HTML for a person to read. No Qt: every diff view uses it."""

from __future__ import annotations

from html import escape

from editor_app.model.alignment import readable_diff

INSERT_STYLE = "color:#1e7b34; background-color:#e6ffec; text-decoration:underline"
DELETE_STYLE = "color:#b31d28; background-color:#ffebe9; text-decoration:line-through"


def diff_html(
    before: str,
    after: str,
    *,
    insert_style: str = INSERT_STYLE,
    delete_style: str = DELETE_STYLE,
    changed_break: str = "<br/>",
) -> str:
    """Insertions underlined, deletions struck through, text escaped, line breaks kept.

    `changed_break` is how an inserted or deleted line break shows: "⏎<br/>" makes a
    joined or split paragraph visible, where a bare break would only move the text.
    """
    parts = []
    for op, text in readable_diff(before, after):
        shown = escape(text)
        if op == 0:
            parts.append(shown.replace("\n", "<br/>"))
        elif op > 0:
            shown = shown.replace("\n", changed_break)
            parts.append(f'<span class="ins" style="{insert_style}">{shown}</span>')
        else:
            shown = shown.replace("\n", changed_break)
            parts.append(f'<span class="del" style="{delete_style}">{shown}</span>')
    return "".join(parts)
