"""Two texts' differences as HTML for a person to read. No Qt: every diff view uses it."""

from __future__ import annotations

from html import escape

from editor_app.model.alignment import diff_in_context, readable_diff

INSERT_STYLE = "color:#1e7b34; background-color:#e6ffec; text-decoration:underline"
DELETE_STYLE = "color:#b31d28; background-color:#ffebe9; text-decoration:line-through"


def diff_html(
    before: str,
    after: str,
    *,
    insert_style: str = INSERT_STYLE,
    delete_style: str = DELETE_STYLE,
    changed_break: str = "<br/>",
    context: int | None = None,
) -> str:
    """Insertions underlined, deletions struck through, text escaped, line breaks kept.

    `changed_break` is how an inserted or deleted line break shows: "⏎<br/>" makes a
    joined or split paragraph visible, where a bare break would only move the text.
    With `context`, kept text is cut to that many characters beside each change.
    """
    parts = []
    pieces = (
        readable_diff(before, after) if context is None else diff_in_context(before, after, context)
    )
    for op, text in pieces:
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


def diff_line(before: str, after: str, context: int = 12) -> str:
    """The diff as one line of plain text: `…前文〔旧→新〕后文…`, line breaks as ⏎.

    For a list cell or the command line, where no markup shows; a deletion reads
    `〔旧→〕`, an insertion `〔→新〕`.
    """
    parts: list[str] = []
    removed = added = ""
    for op, text in diff_in_context(before, after, context):
        if op < 0:
            removed += text
        elif op > 0:
            added += text
        else:
            if removed or added:
                parts.append(f"〔{removed}→{added}〕")
                removed = added = ""
            parts.append(text)
    if removed or added:
        parts.append(f"〔{removed}→{added}〕")
    return "".join(parts).replace("\n", "⏎")
