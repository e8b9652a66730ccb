"""The change log as an editor reads it: what each operation did, and to which articles.

One reading for every view: the window's history and the `history` command show the same
summaries, targets and items, made here from the logged rows. The wording is the core's
Chinese, as its operation labels are; the facts beside it let a view word them itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from editor_app.model import Change, Operation
from editor_app.model.change import HistoryItem, HistorySummary, HistoryTarget, SuggestionGroup
from editor_app.model.diff_html import diff_line
from editor_app.model.fields import BODY, BY_NAME, label
from editor_app.storage.review_queries import field_changes
from editor_app.storage.suggestions import RULE_LABELS

SUGGESTION_CONTEXT = 8  # characters of raw text either side of a suggestion
SHORT_VALUE = 40  # a field value longer than this is cut in a one-line item
CHUNK = 500  # ids per IN (...) query

# What happened to a suggestion, by its new status (or "added"/"removed" for its row).
SUGGESTION_VERBS = {
    "accepted": "接受",
    "rejected": "拒绝",
    "stale": "过时",
    "superseded": "并入",  # another suggestion makes the same fix and names this one's rule
    "open": "重开",
    "added": "新增",
    "removed": "删除",
}
COLUMN_LABELS = {"start_line": "首行", "end_line": "末行", "role": "角色"}
# Stored values an editor knows by name: a status, a kind, a line's role (the window's
# Chinese names for them, qingyang_zh_CN.ts, say the same).
ROLE_WORDS = {
    "kicker": "引题",
    "title": "主题",
    "subtitle": "副题",
    "byline": "署名",
    "subhead": "小标题",
    "body": "正文",
    "boilerplate": "版面文字",
    "noise": "噪声",
}
VALUE_WORDS = {
    "status": {"proposed": "待审", "edited": "已改", "reviewed": "已审", "approved": "已批准"},
    "kind": {
        "news": "消息",
        "feature": "通讯",
        "commentary": "评论",
        "interview": "访谈",
        "brief": "简讯",
        "photo": "图片",
        "other": "其他",
        **ROLE_WORDS,
    },
    "role": ROLE_WORDS,
}


class HistoryReader:
    """Summaries and items of logged operations, over the project's connection."""

    def __init__(self, db, changes_of: Callable[[int], list[Change]], raw_text, names):
        self.db = db
        self.changes_of = changes_of
        self.raw_text = raw_text
        self.document_names = names

    def summaries(self, operations: Iterable[Operation]) -> dict[int, HistorySummary]:
        """Each operation's summary, by operation id."""
        names = self.document_names()
        return {op.id: self._summary(op, names) for op in operations}

    def items(self, op: Operation) -> list[HistoryItem]:
        """Everything the operation did, one item each, in the order it did them."""
        return self._read(op).items

    def _summary(self, op: Operation, names: dict[int, str]) -> HistorySummary:
        read = self._read(op)
        documents = _documents_of(op, read.items, read.articles)
        named = tuple((doc_id, names.get(doc_id, f"#{doc_id}")) for doc_id in documents)
        what = groups_text(read.groups) if read.groups else op.label
        return HistorySummary(
            operation_id=op.id,
            what=what,
            target=target_text(read.articles, named),
            detail=detail_text(read.items),
            groups=read.groups,
            articles=read.articles,
            documents=named,
            item_count=len(read.items),
            first_item=read.items[0] if read.items else None,
        )

    def _read(self, op: Operation) -> _Reading:
        forward = self.changes_of(op.target if op.kind in ("undo", "redo") else op.id)
        shown = forward
        if op.kind == "undo":  # an undo shows the change it took back, backwards
            shown = [Change(c.table, c.key, c.after, c.before) for c in reversed(forward)]
        suggestions = self._suggestion_rows(shown)
        items = self._items(shown, suggestions)
        titles = self._titles(items, op.article_id)
        items = [_titled(item, titles) for item in items]
        articles = tuple(
            HistoryTarget(article_id, *titles[article_id]) for article_id in _article_ids(items, op)
        )
        return _Reading(items, _groups(forward, suggestions), articles)

    # -- items --------------------------------------------------------------------------------

    def _items(self, changes: list[Change], suggestions: dict[int, dict]) -> list[HistoryItem]:
        decided = any(c.table == "suggestions" for c in changes)
        items: list[HistoryItem] = []
        texts: dict[int, str] = {}  # raw text by document, read once per reading
        for change in _in_reading_order(changes, suggestions):
            if change.table == "articles":
                items += self._article_items(change, skip_text=decided)
            elif change.table == "suggestions":
                row = suggestions.get(change.key.get("id"))
                if row is not None:
                    items.append(self._suggestion_item(change, row, texts))
            elif change.table == "line_roles":
                items.append(_role_item(change))
            elif change.table == "dictionary":
                items.append(_dictionary_item(change))
        # The fields before the text: a heading field's edit also corrects its line in the
        # text, and the field is what the editor changed.
        return sorted(items, key=lambda item: item.kind == "text")

    def _article_items(self, change: Change, *, skip_text: bool) -> list[HistoryItem]:
        article_id = change.key.get("id")
        if change.before is None or change.after is None:
            row = change.after or change.before or {}
            kind = "added" if change.before is None else "removed"
            title = str(row.get("title") or "")
            return [HistoryItem(kind, "title", title, title, article_id, title)]
        items = []
        for field in field_changes(self.db, self.raw_text, change):
            is_text = field.column in BY_NAME and BY_NAME[field.column].kind == BODY
            if is_text and skip_text:
                continue  # the decided suggestions say what changed in the text
            kind = "text" if is_text else "field"
            items.append(HistoryItem(kind, field.column, field.before, field.after, article_id))
        return items

    def _suggestion_item(self, change: Change, row: dict, texts: dict) -> HistoryItem:
        if row["document_id"] not in texts:
            texts[row["document_id"]] = self.raw_text(row["document_id"])
        raw = texts[row["document_id"]]
        lead = raw[max(row["start"] - SUGGESTION_CONTEXT, 0) : row["start"]]
        tail = raw[row["end"] : row["end"] + SUGGESTION_CONTEXT]
        return HistoryItem(
            "suggestion",
            row["rule"],
            lead + row["before"] + tail,
            lead + row["after"] + tail,
            row["article_id"],
            document_id=row["document_id"],
            line=row["line"],
            status=_suggestion_status(change),
        )

    # -- reads --------------------------------------------------------------------------------

    def _suggestion_rows(self, changes: list[Change]) -> dict[int, dict]:
        """The decided suggestions with the article that holds each, by id."""
        ids = [c.key["id"] for c in changes if c.table == "suggestions" and "id" in c.key]
        rows: dict[int, dict] = {}
        for first in range(0, len(ids), CHUNK):
            chunk = ids[first : first + CHUNK]
            for row in self.db.query(
                "SELECT s.id, s.document_id, s.rule, s.line, s.start, s.end, s.before, s.after, "
                "(SELECT a.id FROM articles a WHERE a.document_id = s.document_id "
                "AND a.start_offset <= s.start AND a.end_offset >= s.end "
                "ORDER BY a.start_offset DESC LIMIT 1) AS article_id "
                f"FROM suggestions s WHERE s.id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                rows[row["id"]] = row
        return rows

    def _titles(self, items: list[HistoryItem], article_id: int | None) -> dict:
        """(title, document id) of every article named, from its row or, gone, from the log."""
        ids = {item.article_id for item in items if item.article_id is not None}
        if article_id is not None:
            ids.add(article_id)
        ordered = sorted(ids)
        found: dict[int, tuple[str | None, int | None]] = {}
        for first in range(0, len(ordered), CHUNK):
            chunk = ordered[first : first + CHUNK]
            found.update(
                (row[0], (row[2] or "", row[1]))
                for row in self.db.execute(
                    "SELECT id, document_id, title FROM articles "
                    f"WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            )
        for item in items:  # an article removed since: its title as the log kept it
            if item.article_id not in found and item.kind in ("added", "removed"):
                found[item.article_id] = (None, item.document_id)
        return {i: found.get(i, (None, None)) for i in ordered}


class _Reading:
    __slots__ = ("items", "groups", "articles")

    def __init__(self, items, groups, articles) -> None:
        self.items: list[HistoryItem] = items
        self.groups: tuple[SuggestionGroup, ...] = groups
        self.articles: tuple[HistoryTarget, ...] = articles


def _in_reading_order(changes: list[Change], suggestions: dict[int, dict]) -> list[Change]:
    """Suggestions by their place in the text (a step applies them from the end), first."""
    decided = [c for c in changes if c.table == "suggestions" and c.key.get("id") in suggestions]
    decided.sort(
        key=lambda c: (suggestions[c.key["id"]]["document_id"], suggestions[c.key["id"]]["start"])
    )
    return decided + [c for c in changes if c.table != "suggestions"]


def _titled(item: HistoryItem, titles: dict) -> HistoryItem:
    if item.article_id is None or item.article_id not in titles:
        return item
    title, document_id = titles[item.article_id]
    if title is None and item.kind in ("added", "removed"):
        title = item.before or item.after  # gone: the title the log kept
    return HistoryItem(
        item.kind,
        item.column,
        item.before,
        item.after,
        item.article_id,
        title,
        item.document_id if item.document_id is not None else document_id,
        item.line,
        item.status,
    )


def _article_ids(items: list[HistoryItem], op: Operation) -> list[int]:
    ids = [op.article_id] if op.article_id is not None else []
    for item in items:
        if item.article_id is not None and item.article_id not in ids:
            ids.append(item.article_id)
    return ids


def _documents_of(op, items, articles) -> list[int]:
    found = [op.document_id] if op.document_id is not None else []
    for document_id in [a.document_id for a in articles] + [i.document_id for i in items]:
        if document_id is not None and document_id not in found:
            found.append(document_id)
    return found


def _suggestion_status(change: Change) -> str:
    if change.before is None:
        return "added"
    if change.after is None:
        return "removed"
    return str(change.after.get("status", ""))


def _groups(forward: list[Change], rows: dict[int, dict]) -> tuple[SuggestionGroup, ...]:
    """The decided suggestions by rule and new status, most first (as the step did them)."""
    counts = Counter(
        (rows[c.key["id"]]["rule"], _suggestion_status(c))
        for c in forward
        if c.table == "suggestions" and c.key.get("id") in rows
    )
    return tuple(
        SuggestionGroup(rule, status, count) for (rule, status), count in counts.most_common()
    )


def _role_item(change: Change) -> HistoryItem:
    before, after = change.before or {}, change.after or {}
    return HistoryItem(
        "role",
        "role",
        str(before.get("role") or ""),
        str(after.get("role") or ""),
        document_id=change.key.get("document_id"),
        line=change.key.get("line"),
    )


def _dictionary_item(change: Change) -> HistoryItem:
    def entry(row):
        return f"{row['wrong']}→{row['right']}" if row and "wrong" in row else ""

    return HistoryItem("dictionary", "entry", entry(change.before), entry(change.after))


# -- the core's wording --------------------------------------------------------------------------


def groups_text(groups: Iterable[SuggestionGroup]) -> str:
    """`接受 60 条标点全角建议`; several groups joined: `…，过时 2 条标点全角建议`."""
    return "，".join(
        f"{SUGGESTION_VERBS.get(g.status, g.status)} {g.count} 条"
        f"{RULE_LABELS.get(g.rule, g.rule)}建议"
        for g in groups
    )


def title_text(target: HistoryTarget) -> str:
    if target.title is None:
        return f"第 {target.article_id} 篇文章（已删除）"
    return f"《{target.title}》" if target.title else f"第 {target.article_id} 篇文章（无题）"


def target_text(articles: tuple[HistoryTarget, ...], documents: tuple) -> str:
    """`文档 › 《标题》`, `文档 › 《标题》等 3 篇文章`, `2 个文档 › …`, or `全部项目`."""
    parts = []
    if len(documents) == 1:
        parts.append(documents[0][1])
    elif documents:
        parts.append(f"{len(documents)} 个文档")
    if articles:
        more = f"等 {len(articles)} 篇文章" if len(articles) > 1 else ""
        parts.append(title_text(articles[0]) + more)
    return " › ".join(parts) or "全部项目"


def item_text(item: HistoryItem) -> str:
    """One item in a line: `主题：旧 → 新`, `正文：…〔旧→新〕…`, `标点全角：…〔,→，〕…`."""
    if item.kind == "suggestion":
        return f"{RULE_LABELS.get(item.column, item.column)}：{diff_line(item.before, item.after)}"
    if item.kind == "text":
        return f"{column_label(item.column)}：{diff_line(item.before, item.after)}"
    if item.kind == "added":
        return f"新文章《{item.after}》"
    if item.kind == "removed":
        return f"删除文章《{item.before}》"
    if item.kind == "role":
        before, after = value_word("role", item.before), value_word("role", item.after)
        return f"第 {item.line} 行：{before} → {after}"
    if item.kind == "dictionary":
        return f"词典：{item.before or '—'} → {item.after or '—'}"
    if item.column in VALUE_WORDS:
        before, after = value_word(item.column, item.before), value_word(item.column, item.after)
        return f"{column_label(item.column)}：{before} → {after}"
    return f"{column_label(item.column)}：{short(item.before)} → {short(item.after)}"


def value_word(column: str, value: str) -> str:
    """A status, kind or role by its Chinese name; an empty one as a dash."""
    return VALUE_WORDS[column].get(value, value) if value else "—"


def detail_text(items: list[HistoryItem]) -> str:
    """The first item, and how many there are when there are more."""
    if not items:
        return ""
    more = f"（共 {len(items)} 项）" if len(items) > 1 else ""
    return item_text(items[0]) + more


def column_label(column: str) -> str:
    if column in BY_NAME:
        return label(column, chinese=True)
    return COLUMN_LABELS.get(column, column)


def short(value: str, width: int = SHORT_VALUE) -> str:
    """A value for one line: nothing as `（空）`, line breaks as ⏎, a long one cut."""
    if not value:
        return "（空）"
    value = value.replace("\n", "⏎")
    return value if len(value) <= width else value[: width - 1] + "…"
