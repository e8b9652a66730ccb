"""Propose again the documents nobody has touched, with the project's model: one undo step.

Untouched: every segment of the document still `proposed`, and no edit in the change log
named it or changed its articles or line roles (earlier re-proposals aside). An editor's
work is never overwritten: any other document is skipped. A segment whose span stays
keeps its id and gets the new values; the others are deleted and inserted through the
change log, so undo brings the old proposal back exactly and redo applies it again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from editor_app.model import LineIndex, Proposal, Segment
from editor_app.model.fields import PROPOSED, names_of
from editor_app.storage.errors import NotFoundError
from editor_app.storage.journal import OpResult

if TYPE_CHECKING:
    from editor_app.storage.editing import Edits
    from editor_app.storage.models import Models
    from editor_app.storage.queries import Documents

ACTION = "repropose"
# What a new proposal rewrites: the span's offsets and every field the segmenter proposes.
VALUE_COLUMNS = ("start_offset", "end_offset", *names_of(PROPOSED))
EDITS = f"SELECT id FROM operations WHERE kind = 'do' AND action <> '{ACTION}'"
TOUCHED = f"""
    SELECT document_id FROM operations WHERE id IN ({EDITS}) AND document_id IS NOT NULL
    UNION SELECT json_extract(row_key, '$.document_id') FROM changes
          WHERE tbl = 'line_roles' AND operation_id IN ({EDITS})
    UNION SELECT coalesce(json_extract(c.after, '$.document_id'),
                          json_extract(c.before, '$.document_id'), a.document_id)
          FROM changes c LEFT JOIN articles a ON a.id = json_extract(c.row_key, '$.id')
          WHERE c.tbl = 'articles' AND c.operation_id IN ({EDITS})
"""


@dataclass(slots=True)
class DocumentPlan:
    """The writes that make one document's proposal the new one."""

    document_id: int
    boundaries: int = 0  # segment starts added plus removed
    deleted: list[int] = field(default_factory=list)
    updated: list[tuple[int, dict]] = field(default_factory=list)
    inserted: list[dict] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # lines whose role changes
    roles_gone: list[int] = field(default_factory=list)

    @property
    def changes(self) -> bool:
        return bool(self.deleted or self.updated or self.inserted or self.roles or self.roles_gone)


@dataclass(slots=True)
class Plan:
    """What a re-proposal would write: the documents that change, the ones skipped."""

    model: str  # the project's model's sha256, or "shipped"
    considered: list[int] = field(default_factory=list)  # untouched documents proposed again
    skipped: list[int] = field(default_factory=list)  # asked for, but an editor touched them
    documents: list[DocumentPlan] = field(default_factory=list)  # those that change

    @property
    def boundaries(self) -> int:
        return sum(doc.boundaries for doc in self.documents)


def _article_values(segment: Segment, lines: LineIndex) -> dict:
    return {
        "start_offset": lines.start(segment.start),
        "end_offset": lines.end(segment.end),
        **{field.name: field.stored(getattr(segment, field.name)) for field in PROPOSED},
    }


def _write_document(journal, plan: DocumentPlan) -> None:
    for article_id in plan.deleted:
        journal.delete("articles", {"id": article_id})
    for article_id, values in plan.updated:
        journal.update("articles", {"id": article_id}, values)
    for row in plan.inserted:
        journal.insert("articles", row)
    key = {"document_id": plan.document_id}
    for line in plan.roles_gone:
        journal.delete("line_roles", {**key, "line": line})
    for line, role in sorted(plan.roles.items()):
        journal.upsert("line_roles", {**key, "line": line}, {"role": role})


class Repropose:
    """`project.repropose`: propose the untouched documents again, as one undo step."""

    def __init__(self, db, path, edits: Edits, documents: Documents, models: Models) -> None:
        self.db = db
        self.path = path
        self.edits = edits
        self.documents = documents
        self.models = models

    def touched(self) -> set[int]:
        return {row[0] for row in self.db.execute(TOUCHED) if row[0] is not None}

    def untouched(self, document_ids: Iterable[int] | None = None):
        """(untouched, touched) among the given documents, or among all of them."""
        wanted = self.documents.ids() if document_ids is None else sorted(set(document_ids))
        existing = set(self.documents.ids())
        for doc in wanted:
            if doc not in existing:
                raise NotFoundError(self.path, f"no document {doc}")
        touched = self.touched() | self._documents_with_decisions()
        return [d for d in wanted if d not in touched], [d for d in wanted if d in touched]

    def _documents_with_decisions(self) -> set[int]:
        rows = self.db.execute(
            "SELECT DISTINCT document_id FROM articles WHERE status <> 'proposed'"
        )
        return {row[0] for row in rows}

    def proposer(self) -> tuple[str, Callable[..., Proposal]]:
        """The project's model (its sha256 and a segment function, which takes the text and
        the page's layout) for the pages of its kind, else the shipped one."""
        # The segmenter (and its models) load with the first proposal, not with the
        # project: a command that only reads a project does without them.
        from editor_app.segmentation import propose_with, segment
        from editor_app.segmentation.learned import segmenter_from_bytes

        data = self.models.current_bytes()
        if data is None:
            return "shipped", segment
        return self.models.current().sha256, partial(propose_with, segmenter_from_bytes(data))

    def plan(self, document_ids: Iterable[int] | None = None) -> Plan:
        """Propose the untouched documents again and work out what would change; writes nothing."""
        name, propose = self.proposer()
        untouched, touched = self.untouched(document_ids)
        plan = Plan(model=name, considered=untouched, skipped=touched)
        for doc in untouched:
            text, layout = self.documents.raw_text(doc), self.documents.layout(doc)
            document_plan = self.plan_document(doc, propose(text, layout))
            if document_plan.changes:
                plan.documents.append(document_plan)
        return plan

    def plan_document(self, document_id: int, proposal: Proposal) -> DocumentPlan:
        lines = self.documents.lines(document_id)
        old = {
            (row["start_line"], row["end_line"]): row
            for row in self.db.query(
                "SELECT * FROM articles WHERE document_id = ? ORDER BY start_line", [document_id]
            )
        }
        new = {(s.start, s.end): _article_values(s, lines) for s in proposal.segments}
        plan = DocumentPlan(document_id)
        plan.boundaries = len({s for s, _ in old} ^ {s for s, _ in new})
        for span, row in old.items():
            if span not in new:
                plan.deleted.append(row["id"])
                continue
            changed = {c: v for c, v in new[span].items() if row[c] != v}
            if changed:
                plan.updated.append((row["id"], changed))
        plan.inserted = [
            {"document_id": document_id, "start_line": start, "end_line": end, **values}
            for (start, end), values in new.items()
            if (start, end) not in old
        ]
        current = self.documents.line_roles(document_id)
        plan.roles = {n: r for n, r in proposal.roles.items() if current.get(n) != r}
        plan.roles_gone = sorted(set(current) - set(proposal.roles))
        return plan

    def apply(self, plan: Plan) -> OpResult:
        """Write the plan as one operation; its history entry says how many boundaries changed."""
        label = f"重新提议：{len(plan.documents)} 篇文档，{plan.boundaries} 处边界"
        target = plan.documents[0].document_id if len(plan.documents) == 1 else None
        with self.edits.operation(ACTION, label, document_id=target) as op:
            for document_plan in plan.documents:
                _write_document(self.edits.journal, document_plan)
            detail = {
                "documents": [d.document_id for d in plan.documents],
                "boundaries": plan.boundaries,
                "model": plan.model,
            }
            self.db.execute(
                "UPDATE operations SET detail = ? WHERE id = ?",
                [json.dumps(detail), op.operation_id],
            )
            op.value = detail
        return op

    def run(self, document_ids: Iterable[int] | None = None) -> tuple[Plan, OpResult | None]:
        """Plan and apply; no operation when nothing would change."""
        self.edits.require_writable()
        plan = self.plan(document_ids)
        if not plan.documents:
            return plan, None
        return plan, self.apply(plan)
