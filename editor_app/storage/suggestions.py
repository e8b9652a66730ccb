"""Cleanup suggestions in the project: list, accept, reject, and the project dictionary.

Suggestions point at raw offsets. Accepting one rewrites the corrected text of the
article that holds it, found through the diff between raw span and corrected text, so
it still lands right after the editor changed other parts of that article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from operator import attrgetter
from typing import TYPE_CHECKING

from editor_app.cleanup import punctuation
from editor_app.model import Suggestion
from editor_app.model.alignment import corrected_position
from editor_app.model.text_edits import TextEdit
from editor_app.storage.errors import OperationError
from editor_app.storage.journal import OpResult
from editor_app.storage.queries import equal_to, open_suggestion_counts
from editor_app.storage.schema import OUTSIDE_PUNCTUATION
from editor_app.storage.stale_suggestions import close_stale
from editor_app.storage.suggestion_packs import PackFilter, read_packed, unpack

if TYPE_CHECKING:
    from editor_app.storage.editing import Edits
    from editor_app.storage.operations import Articles
    from editor_app.storage.queries import Documents

RULE_LABELS = {
    "join": "合并段落",
    "punctuation": "标点全角",
    "traditional": "繁体字",
    "lookalike": "形近字",
    "dictionary": "项目词典",
    "whitespace": "空白",
    "noise": "噪声行",
}


class Suggestions:
    """`project.suggestions`: the cleanup suggestions and the project dictionary."""

    def __init__(self, db, path, edits: Edits, documents: Documents, articles: Articles):
        self.db = db
        self.path = path
        self.edits = edits
        self.journal = edits.journal
        self.documents = documents
        self.articles = articles

    def find(
        self, document_id=None, rule=None, status="open", pattern=None, ids=None
    ) -> list[Suggestion]:
        where, params = _filters(document_id, rule, status, pattern, ids)
        rows = self.db.query(
            "SELECT s.*, r.text AS reason FROM suggestions s "
            f"LEFT JOIN reasons r ON r.id = s.reason_id WHERE {where} "
            "ORDER BY s.document_id, s.start, s.id",
            params,
        )
        stored = [_to_suggestion(row) for row in rows]
        if status not in (None, "open"):
            return stored  # packed suggestions are all open
        ids = None if not ids else frozenset(int(i) for i in ids)
        packed = read_packed(self.db, PackFilter(document_id, rule, pattern, ids))
        if not packed:
            return stored
        return sorted(stored + packed, key=BY_PLACE) if stored else packed

    def counts(self) -> dict[str, int]:
        """Open suggestions by rule."""
        return open_suggestion_counts(self.db)

    def count_open(self, *, rule=None, document_id=None) -> int:
        """How many open suggestions `accept` or `reject` with this rule and document
        would decide: of one document, or (document_id None) of the whole project."""
        if document_id is None:
            counts = self.counts()
            return counts.get(rule, 0) if rule is not None else sum(counts.values())
        return len(self.find(document_id=document_id, rule=rule))

    def accept(self, ids=None, *, rule=None, pattern=None, document_id=None) -> OpResult:
        """Apply the chosen open suggestions: one operation, one undo step."""
        chosen = self._choose(ids, rule, pattern, document_id)
        with self.edits.operation(
            "accept", _batch_label("接受", rule, pattern, chosen), **self._place(chosen)
        ) as op:
            unpack(self.db, {s.document_id for s in chosen})
            applied = 0
            for article_id, group in self._by_article(chosen).items():
                applied += self._apply_to_article(article_id, group)
            op.value = applied
        return op

    def reject(self, ids=None, *, rule=None, pattern=None, document_id=None) -> OpResult:
        chosen = self._choose(ids, rule, pattern, document_id)
        with self.edits.operation(
            "reject", _batch_label("拒绝", rule, pattern, chosen), **self._place(chosen)
        ) as op:
            unpack(self.db, {s.document_id for s in chosen})
            for suggestion in chosen:
                self.journal.update("suggestions", {"id": suggestion.id}, {"status": "rejected"})
            op.value = len(chosen)
        return op

    def _choose(self, ids, rule, pattern, document_id) -> list[Suggestion]:
        if not ids and not rule and not pattern:
            raise OperationError(self.path, "say which suggestions: ids, a rule or a pattern")
        chosen = self.find(document_id=document_id, rule=rule, pattern=pattern, ids=ids)
        return self._with_bracket_partners(chosen)

    def _with_bracket_partners(self, chosen: list[Suggestion]) -> list[Suggestion]:
        """A bracket pair is converted together: deciding one half decides the other."""
        wanted = {s.id for s in chosen}
        lines = {(s.document_id, s.line) for s in chosen if s.pattern == PAIR_PATTERN}
        for document_id, line in lines:
            on_line = [
                s
                for s in self.find(document_id=document_id, pattern=PAIR_PATTERN)
                if s.line == line
            ]
            for opening, closing in _bracket_pairs(on_line):
                if opening.id in wanted or closing.id in wanted:
                    for half in (opening, closing):
                        if half.id not in wanted:
                            wanted.add(half.id)
                            chosen.append(half)
        return sorted(chosen, key=lambda s: (s.document_id, s.start))

    def _place(self, chosen: list[Suggestion]) -> dict:
        """The document and the article the chosen suggestions lie in, where there is one:
        the step is logged on them, so an article's history shows its decisions."""
        documents = {s.document_id for s in chosen}
        if len(documents) != 1:
            return {}
        articles = set(self._by_article(chosen)) - {None}
        article_id = articles.pop() if len(articles) == 1 else None
        return {"document_id": documents.pop(), "article_id": article_id}

    def _by_article(self, chosen: list[Suggestion]) -> dict[int | None, list[Suggestion]]:
        """Suggestions grouped by the article whose span holds them (None: no article)."""
        groups: dict[int | None, list[Suggestion]] = defaultdict(list)
        spans: dict[int, list[tuple[int, int, int]]] = {}
        for suggestion in chosen:
            if suggestion.document_id not in spans:  # one read of the spans per document
                spans[suggestion.document_id] = self.db.execute(
                    "SELECT start_offset, end_offset, id FROM articles WHERE document_id = ? "
                    "ORDER BY start_offset",
                    [suggestion.document_id],
                ).fetchall()
            groups[_holder(spans[suggestion.document_id], suggestion)].append(suggestion)
        return groups

    def _apply_to_article(self, article_id: int | None, group: list[Suggestion]) -> int:
        """Rewrite one article's text and the fields copied from it; suggestions that no
        longer fit are marked stale."""
        if article_id is None:
            for suggestion in group:
                self.journal.update("suggestions", {"id": suggestion.id}, {"status": "stale"})
            return 0
        article = self.articles.row(article_id)
        raw = self.documents.raw_text(article["document_id"])
        span = raw[article["start_offset"] : article["end_offset"]]
        text = article["corrected_text"] if article["corrected_text"] is not None else span
        edits: list[TextEdit] = []
        for suggestion in sorted(group, key=lambda s: s.start, reverse=True):
            start = corrected_position(span, text, suggestion.start - article["start_offset"])
            end = start + len(suggestion.before)
            # Later edits come first: one reaching into them would rewrite what they wrote.
            fits = text[start:end] == suggestion.before and (not edits or end <= edits[-1][0])
            if fits:
                edits.append((start, end, suggestion.after))
            status = "accepted" if fits else "stale"
            self.journal.update("suggestions", {"id": suggestion.id}, {"status": status})
        if edits:
            self.articles.rewrite_text(article_id, text, edits)
        return len(edits)

    # -- project dictionary -----------------------------------------------------------------

    def dictionary(self) -> list[dict]:
        return list(self.db.query("SELECT * FROM dictionary ORDER BY wrong"))

    def add_dictionary_entry(self, wrong: str, right: str, note: str = "") -> OpResult:
        """Add `wrong → right`; every occurrence in the project becomes a suggestion."""
        if not wrong or wrong == right:
            raise OperationError(self.path, "a dictionary entry needs two different strings")
        if any(entry["wrong"] == wrong for entry in self.dictionary()):
            raise OperationError(self.path, f"the dictionary already has an entry for {wrong!r}")
        with self.edits.operation("dict_add", f"词典：{wrong}→{right}") as op:
            self.journal.insert("dictionary", {"wrong": wrong, "right": right, "note": note})
            op.value = self._suggest_everywhere(wrong, right)
        return op

    def remove_dictionary_entry(self, wrong: str) -> OpResult:
        rows = [entry for entry in self.dictionary() if entry["wrong"] == wrong]
        if not rows:
            raise OperationError(self.path, f"the dictionary has no entry for {wrong!r}")
        with self.edits.operation("dict_remove", f"删除词典：{wrong}") as op:
            found = self.find(rule="dictionary", pattern=_pattern(wrong, rows[0]["right"]))
            unpack(self.db, {s.document_id for s in found})
            for suggestion in found:
                self.journal.delete("suggestions", {"id": suggestion.id})
            self._reopen_superseded(found)
            self.journal.delete("dictionary", {"id": rows[0]["id"]})
        return op

    def _suggest_everywhere(self, wrong: str, right: str) -> int:
        """A suggestion at every occurrence; open ones there that make the same fix are
        superseded by it, and its reason names their rules too."""
        made = 0
        for doc_id, raw in self.db.execute(
            "SELECT id, raw_text FROM documents WHERE instr(raw_text, ?) > 0", [wrong]
        ).fetchall():
            lines = self.documents.lines(doc_id)
            open_here = self.find(document_id=doc_id)
            for start in _occurrences(raw, wrong):
                line = lines.line_at(start)
                same_fix = [s for s in open_here if _same_fix(s, start, wrong, right)]
                self._supersede(doc_id, same_fix)
                rules = dict.fromkeys(["dictionary", *(s.rule for s in same_fix)])
                names = "、".join(RULE_LABELS.get(rule, rule) for rule in rules)
                self.journal.insert(
                    "suggestions",
                    {
                        "document_id": doc_id,
                        "rule": "dictionary",
                        "line": line.number,
                        "col": start - line.start,
                        "start": start,
                        "end": start + len(wrong),
                        "before": wrong,
                        "after": right,
                        "reason_id": reason_id(self.db, f"{names}：{wrong}→{right}"),
                        "confidence": 1.0,
                        "pattern": _pattern(wrong, right),
                        "status": "open",
                    },
                )
                made += 1
            self._close_stale_in(doc_id, raw)
        return made

    def _close_stale_in(self, document_id: int, raw: str) -> None:
        """Where an article's text was already fixed, a new suggestion is stale at once."""
        for article in list(
            self.db.query(
                "SELECT * FROM articles WHERE document_id = ? AND corrected_text IS NOT NULL",
                [document_id],
            )
        ):
            close_stale(self.db, self.journal, raw, article)

    def _supersede(self, document_id: int, suggestions: list[Suggestion]) -> None:
        if suggestions:
            unpack(self.db, [document_id])
        for suggestion in suggestions:
            self.journal.update("suggestions", {"id": suggestion.id}, {"status": SUPERSEDED})

    def _reopen_superseded(self, removed: list[Suggestion]) -> None:
        """The suggestions a removed dictionary entry had superseded are open again."""
        for suggestion in removed:
            for row in self.db.execute(
                "SELECT id FROM suggestions WHERE document_id = ? AND status = ? "
                'AND start >= ? AND "end" <= ?',
                [suggestion.document_id, SUPERSEDED, suggestion.start, suggestion.end],
            ).fetchall():
                self.journal.update("suggestions", {"id": row[0]}, {"status": "open"})


SUPERSEDED = "superseded"  # another open suggestion makes the same fix and names its rule


def _same_fix(suggestion: Suggestion, start: int, wrong: str, right: str) -> bool:
    """The suggestion lies inside `wrong` at `start` and changes it only toward `right`."""
    first, last = suggestion.start - start, suggestion.end - start
    if first < 0 or last > len(wrong) or suggestion.rule == "dictionary":
        return False
    changed = wrong[:first] + suggestion.after + wrong[last:]
    if changed == right:
        return True
    if not len(changed) == len(right) == len(wrong) or changed == wrong:
        return False
    return all(
        new == fixed for new, old, fixed in zip(changed, wrong, right, strict=True) if new != old
    )


PAIR_PATTERN = "()→（）"
BY_PLACE = attrgetter("document_id", "start", "id")


def _holder(spans: list[tuple[int, int, int]], suggestion: Suggestion) -> int | None:
    """The article whose [start, end] holds the suggestion, from spans sorted by start."""
    index = bisect_right(spans, (suggestion.start, float("inf"), 0)) - 1
    if index >= 0 and spans[index][1] >= suggestion.end:
        return spans[index][2]
    return None


def _bracket_pairs(brackets: list[Suggestion]) -> list[tuple[Suggestion, Suggestion]]:
    """Match opening and closing brackets of one line by nesting."""
    pairs, stack = [], []
    for suggestion in sorted(brackets, key=lambda s: s.start):
        if suggestion.before == "(":
            stack.append(suggestion)
        elif stack:
            pairs.append((stack.pop(), suggestion))
    return pairs


def reason_id(db, text: str, cache: dict | None = None) -> int:
    """The id of a reason text, added on first use."""
    if cache is not None and text in cache:
        return cache[text]
    db.execute("INSERT OR IGNORE INTO reasons (text) VALUES (?)", [text])
    found = db.execute("SELECT id FROM reasons WHERE text = ?", [text]).fetchone()[0]
    if cache is not None:
        cache[text] = found
    return found


def _filters(document_id, rule, status, pattern, ids) -> tuple[str, list]:
    clauses, params = equal_to(
        (
            ("s.document_id", document_id),
            ("s.rule", rule),
            ("s.status", status),
            ("s.pattern", pattern),
        )
    )
    clauses.insert(0, "1 = 1")
    if pattern is not None and pattern not in punctuation.ALL_PATTERNS:
        clauses.append(f"s.{OUTSIDE_PUNCTUATION}")  # so the pattern index serves
    if ids:
        ids = [int(i) for i in ids]
        clauses.append(f"s.id IN ({', '.join('?' * len(ids))})")
        params.extend(ids)
    return " AND ".join(clauses), params


def _to_suggestion(row: dict) -> Suggestion:
    return Suggestion(
        rule=row["rule"],
        line=row["line"],
        column=row["col"],
        start=row["start"],
        end=row["end"],
        before=row["before"],
        after=row["after"],
        reason=row["reason"],
        confidence=row["confidence"],
        next_line=row["next_line"],
        pattern=row["pattern"],
        id=row["id"],
        document_id=row["document_id"],
        status=row["status"],
    )


def _batch_label(verb: str, rule, pattern, chosen) -> str:
    if pattern:
        return f"{verb}建议：{pattern}"
    if rule:
        return f"{verb}{RULE_LABELS.get(rule, rule)}建议"
    return f"{verb}建议（{len(chosen)} 条）"


def _pattern(wrong: str, right: str) -> str:
    return f"{wrong}→{right}"


def _occurrences(text: str, needle: str):
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + len(needle))
