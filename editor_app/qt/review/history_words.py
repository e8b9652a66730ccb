"""The history's summaries in the UI language.

The core words each operation in Chinese (`project.history.summaries`); the Chinese UI
shows those words as they are, so the window and the `history` command read alike. The
English UI words the same facts (groups, targets, items) here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editor_app.model import Operation
from editor_app.model.change import HistoryItem, HistorySummary, HistoryTarget
from editor_app.model.diff_html import diff_line
from editor_app.qt.labels import (
    chinese_ui,
    field_name,
    kind_name,
    operation_name,
    role_name,
    rule_name,
    status_name,
)
from editor_app.storage import item_text as core_item_text
from editor_app.storage import title_text as core_title_text
from editor_app.storage import value_word as core_value_word

SHORT_VALUE = 40

UNDO = QT_TRANSLATE_NOOP("History", "Undo: %1")
REDO = QT_TRANSLATE_NOOP("History", "Redo: %1")
UNDONE = QT_TRANSLATE_NOOP("History", "%1 (undone)")
DECIDED = QT_TRANSLATE_NOOP("History", "%1 %2 %3 suggestions")
DOCUMENTS = QT_TRANSLATE_NOOP("History", "%1 documents")
MORE_ARTICLES = QT_TRANSLATE_NOOP("History", "%1 and %2 more articles")
WHOLE_PROJECT = QT_TRANSLATE_NOOP("History", "whole project")
GONE = QT_TRANSLATE_NOOP("History", "article %1 (gone)")
UNTITLED = QT_TRANSLATE_NOOP("History", "article %1 (untitled)")
ITEMS = QT_TRANSLATE_NOOP("History", "%1 (%2 items)")
ADDED = QT_TRANSLATE_NOOP("History", "new article %1")
REMOVED = QT_TRANSLATE_NOOP("History", "removed article %1")
ROLE = QT_TRANSLATE_NOOP("History", "line %1: %2 → %3")
DICTIONARY = QT_TRANSLATE_NOOP("History", "dictionary: %1 → %2")
EMPTY = QT_TRANSLATE_NOOP("History", "(empty)")
# What happened to a group of suggestions, by their new status.
VERBS = {
    "accepted": QT_TRANSLATE_NOOP("History", "accept"),
    "rejected": QT_TRANSLATE_NOOP("History", "reject"),
    "stale": QT_TRANSLATE_NOOP("History", "stale"),
    "superseded": QT_TRANSLATE_NOOP("History", "merge"),
    "open": QT_TRANSLATE_NOOP("History", "reopen"),
    "added": QT_TRANSLATE_NOOP("History", "add"),
    "removed": QT_TRANSLATE_NOOP("History", "remove"),
}


# Stored values shown by name in the English UI (the core names them in Chinese).
VALUE_NAMES = {"status": status_name, "kind": kind_name}


def translated(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("History", …), in the UI language."""
    return QCoreApplication.translate("History", text)


def fill(text: str, *values) -> str:
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def what_text(op: Operation, summary: HistorySummary | None) -> str:
    """What the operation did: its suggestions by rule and count, else its name."""
    if summary is not None and summary.groups:
        what = summary.what if chinese_ui() else _groups_text(summary)
    else:
        what = operation_name(op.label, op.action)
    if op.kind == "undo":
        what = fill(translated(UNDO), what)
    elif op.kind == "redo":
        what = fill(translated(REDO), what)
    return fill(translated(UNDONE), what) if op.undone else what


def _groups_text(summary: HistorySummary) -> str:
    return ", ".join(
        fill(
            translated(DECIDED),
            translated(VERBS.get(g.status, g.status)),
            g.count,
            rule_name(g.rule),
        )
        for g in summary.groups
    )


def target_text(summary: HistorySummary | None) -> str:
    """The document and the article(s), by title."""
    if summary is None:
        return ""
    if chinese_ui():
        return summary.target
    parts = []
    if len(summary.documents) == 1:
        parts.append(summary.documents[0][1])
    elif summary.documents:
        parts.append(fill(translated(DOCUMENTS), len(summary.documents)))
    if summary.articles:
        first = title_text(summary.articles[0])
        more = len(summary.articles) - 1
        parts.append(fill(translated(MORE_ARTICLES), first, more) if more else first)
    return " › ".join(parts) or translated(WHOLE_PROJECT)


def title_text(target: HistoryTarget) -> str:
    if chinese_ui():
        return core_title_text(target)
    return target.title or _untitled(target.article_id, target.title)


def item_title(item: HistoryItem) -> str:
    if item.article_id is None:
        return ""
    return title_text(HistoryTarget(item.article_id, item.title, item.document_id))


def _untitled(article_id: int, title: str | None) -> str:
    if title is None:
        return fill(translated(GONE), article_id)
    return fill(translated(UNTITLED), article_id)


def detail_text(summary: HistorySummary | None) -> str:
    """The first thing the operation did, and how many there are when more."""
    if summary is None or summary.first_item is None:
        return ""
    if chinese_ui():
        return summary.detail
    first = item_text(summary.first_item)
    return fill(translated(ITEMS), first, summary.item_count) if summary.item_count > 1 else first


def item_text(item: HistoryItem) -> str:
    """One item in a line: `title: old → new`, `corrected text: …〔old→new〕…`."""
    if chinese_ui():
        return core_item_text(item)
    if item.kind == "suggestion":
        return f"{rule_name(item.column)}: {diff_line(item.before, item.after)}"
    if item.kind == "text":
        return f"{field_name(item.column)}: {diff_line(item.before, item.after)}"
    if item.kind == "added":
        return fill(translated(ADDED), item.after)
    if item.kind == "removed":
        return fill(translated(REMOVED), item.before)
    if item.kind == "role":
        return fill(
            translated(ROLE),
            item.line,
            _role(item.before),
            _role(item.after),
        )
    if item.kind == "dictionary":
        return fill(
            translated(DICTIONARY),
            item.before or "—",
            item.after or "—",
        )
    named = value_change(item)
    if named:
        return f"{field_name(item.column)}: {named}"
    return f"{field_name(item.column)}: {short(item.before)} → {short(item.after)}"


def value_change(item: HistoryItem) -> str | None:
    """`old → new` by name, in the UI's language, for a status or kind; else None."""
    if item.column not in VALUE_NAMES:
        return None
    return f"{_value_name(item.column, item.before)} → {_value_name(item.column, item.after)}"


def _value_name(column: str, value: str) -> str:
    return core_value_word(column, value) if chinese_ui() else VALUE_NAMES[column](value)


def _role(role: str) -> str:
    return role_name(role) if role else "—"


def short(value: str, width: int = SHORT_VALUE) -> str:
    if not value:
        return translated(EMPTY)
    value = value.replace("\n", "⏎")
    return value if len(value) <= width else value[: width - 1] + "…"
