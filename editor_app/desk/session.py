"""The correction desk without a screen: where the editor is, what each command changes.

A `DeskSession` holds the open project's current document (its segments, line roles and
open suggestions) and current article. Commands take where the editor is (a line, a
selection) and run one Project operation through `run`; every change that comes back is
handed to `follow`, which re-reads only the rows the change names and says what a view
must redraw (`DeskUpdate`).

`run(operation, *args)` returns the operation's OpResult, or None when it was refused.
The default runs the operation here and follows its change; a window passes its own
runner, which reports errors and hands every change, its own and other widgets', to
`follow` exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from editor_app.desk import navigation
from editor_app.desk.progress import IssueProgress, issue_progress
from editor_app.model.project_change import EMPTY, ProjectChange

Run = Callable[..., object]


@dataclass(frozen=True, slots=True)
class DeskUpdate:
    """What a view of the desk redraws after a change.

    `documents`: rows of the document list to read again (their progress). `rows`: the
    current document's segments changed. `overlay`: its segments, line roles or
    suggestions changed. `article`: the current article's own fields or suggestions
    changed. `document`: a document to show instead (an undo changed another one).
    """

    documents: frozenset[int] = EMPTY
    rows: bool = False
    overlay: bool = False
    article: bool = False
    document: int | None = None


class DeskSession:
    """One editor's place in one project, and the commands that act there."""

    def __init__(self, project=None, run: Run | None = None) -> None:
        self.project = project
        self.run: Run = run or self._run_here
        self.document_id: int | None = None
        self.article_id: int | None = None
        self.segments: list[dict] = []  # the current document's, in line order, no text
        self.roles: dict[int, str] = {}
        self.open_suggestions: list = []
        self.last_update = DeskUpdate()
        self.replaying: str | None = None
        self._following = False

    # -- the project and the document -------------------------------------------------------

    def use_project(self, project) -> None:
        self.project = project
        self.show_document(None)

    def show_document(self, document_id: int | None) -> None:
        """Make a document current and read its segments, roles and suggestions."""
        self.document_id = document_id
        self.article_id = None
        if document_id is None or self.project is None:
            self.segments, self.roles, self.open_suggestions = [], {}, []
            return
        self.reload()

    def reload(self) -> None:
        """Read the current document's state again, whole (after a failed write)."""
        if self.project is None or self.document_id is None:
            return
        self.segments = self.project.articles.rows(self.document_id)
        self.roles = self.project.documents.line_roles(self.document_id)
        self.open_suggestions = list(self.project.suggestions.find(document_id=self.document_id))

    def raw_text(self) -> str:
        return (
            self.project.documents.raw_text(self.document_id)
            if self.document_id is not None
            else ""
        )

    def select_article(self, article_id: int | None) -> None:
        self.article_id = article_id

    def article_ids(self) -> set[int]:
        return {row["id"] for row in self.segments}

    # -- where the editor is ----------------------------------------------------------------

    def segment_at(self, line: int) -> dict | None:
        return navigation.segment_at_line(self.segments, line)

    def current_segment(self, line: int) -> dict | None:
        """The segment at the cursor line, else the current article's."""
        return self.segment_at(line) or next(
            (row for row in self.segments if row["id"] == self.article_id), None
        )

    def first_line(self) -> int:
        return self.segments[0]["start_line"] if self.segments else 1

    def suggestions_of(self, segment: dict | None) -> list:
        return navigation.suggestions_in(self.open_suggestions, segment, None)

    # -- navigation -------------------------------------------------------------------------

    def neighbour_article(self, step: int) -> dict | None:
        """The segment after (step > 0) or before the current article; None past the ends."""
        return navigation.neighbour(self.segments, self.article_id, step)

    def next_uncertain(self) -> dict | None:
        return navigation.next_uncertain(self.segments, self.article_id)

    def suggestion_from(self, offset: int, step: int, passed=None):
        return navigation.suggestion_from(self.open_suggestions, offset, step, passed)

    def neighbour_document(self, step: int) -> int | None:
        if self.project is None:
            return None
        return self.project.documents.neighbour_id(self.document_id, step)

    # -- boundaries and roles ---------------------------------------------------------------

    def split(self, line: int):
        segment = self.segment_at(line)
        if segment is not None:
            return self.run(self.project.articles.split, segment["id"], line)
        return None

    def merge_previous(self, line: int):
        segment = self.current_segment(line)
        if segment is not None:
            return self.run(self.project.articles.merge_with_previous, segment["id"])
        return None

    def merge_next(self, line: int):
        segment = self.current_segment(line)
        if segment is not None:
            return self.run(self.project.articles.merge_with_next, segment["id"])
        return None

    def move_boundary(self, line: int, step: int):
        """Move the current article's first line to the next non-blank line up or down."""
        segment = self.current_segment(line)
        if segment is None:
            return None
        lines = self.project.documents.lines(self.document_id)
        target = segment["start_line"] + step
        while 1 <= target <= len(lines) and lines[target - 1].is_blank:
            target += step
        if 1 <= target <= len(lines):
            return self.run(self.project.articles.move_boundary, segment["id"], target)
        return None

    def title_to_head(self, line: int):
        segment = self.segment_at(line)
        if segment is not None:
            return self.run(self.project.articles.move_title_to_head, segment["id"], line)
        return None

    def mark_non_article(self, first: int, last: int, kind: str):
        if self.document_id is not None:
            return self.run(
                self.project.articles.mark_non_article, self.document_id, first, last, kind
            )
        return None

    def set_role(self, first: int, last: int, role: str):
        """The role of one line, or of every non-blank line of a range as one step."""
        if self.document_id is None:
            return None
        if first == last:
            return self.run(self.project.articles.set_role, self.document_id, first, role)
        return self.run(self.project.articles.set_roles, self.document_id, first, last, role)

    # -- the current article ----------------------------------------------------------------

    def set_field(self, name: str, value):
        if self.article_id is not None:
            return self.run(self.project.articles.set_field, self.article_id, name, value)
        return None

    def set_status(self, status: str):
        if self.article_id is not None:
            return self.run(self.project.articles.set_status, self.article_id, status)
        return None

    def replace_text(self, article_id: int, text: str):
        return self.run(self.project.articles.replace_text, article_id, text)

    def reviewed_and_next(self):
        """Mark the current article reviewed (one step); returns (OpResult or None, the
        next article of this document to review, None when all of them are reviewed).
        Review never runs on into the next issue: the editor moves there on purpose."""
        if self.article_id is None:
            return None, None
        article_id = self.article_id
        result = self.run(self.project.articles.set_status, article_id, "reviewed")
        if result is None:
            return None, None
        following = navigation.next_unreviewed(self.segments, article_id)
        return result, following["id"] if following is not None else None

    def mark_issue_reviewed(self):
        """Every article of the current document reviewed, as one step (approved stay so)."""
        if self.document_id is None:
            return None
        return self.run(self.project.articles.mark_document_reviewed, self.document_id)

    def progress(self) -> IssueProgress:
        """The current document's review progress, open suggestions and uncertain
        boundaries, counted from the rows the desk keeps in step with every change."""
        return issue_progress(self.segments, self.open_suggestions)

    # -- suggestions ------------------------------------------------------------------------

    def accept_suggestion(self, suggestion_id: int):
        return self.run(self.project.suggestions.accept, [suggestion_id])

    def reject_suggestion(self, suggestion_id: int):
        return self.run(self.project.suggestions.reject, [suggestion_id])

    def open_of_rule(self, rule: str, whole_project: bool = False) -> int:
        """How many open suggestions of a rule the current document (or project) has."""
        document_id = None if whole_project else self.document_id
        return self.project.suggestions.count_open(rule=rule, document_id=document_id)

    def decide_rule(self, verdict: str, rule: str, whole_project: bool = False):
        """Accept (verdict "accept") or reject every open suggestion of a rule in the
        current document, or in the whole project: one operation, one undo step."""
        suggestions = self.project.suggestions
        decide = suggestions.accept if verdict == "accept" else suggestions.reject
        document_id = None if whole_project else self.document_id
        return self.run(lambda: decide(rule=rule, document_id=document_id))

    # -- undo and redo ----------------------------------------------------------------------

    def undo(self):
        return self.run_following(lambda: self.project.undo.undo(), replaying="undo")

    def redo(self):
        return self.run_following(lambda: self.project.undo.redo(), replaying="redo")

    def run_following(self, operation, *args, replaying: str | None = None):
        """Run an undo, redo or revert: the desk goes to the document it changed, since
        the editor cannot see beforehand where that is. Other edits leave the place alone.
        While it runs, `replaying` says "undo" or "redo", so a view can word the step."""
        self._following, self.replaying = True, replaying
        try:
            return self.run(operation, *args)
        finally:
            self._following, self.replaying = False, None

    # -- after a change ---------------------------------------------------------------------

    def _run_here(self, operation, *args):
        result = operation(*args)
        if result is not None:
            self.follow(result.change)
        return result

    def follow(self, change: ProjectChange) -> DeskUpdate:
        """Bring the current document up to date with a change; say what to redraw."""
        update = self._follow(change)
        self.last_update = update
        return update

    def _follow(self, change: ProjectChange) -> DeskUpdate:
        documents = change.documents
        if self.project is None:
            return DeskUpdate(documents)
        if self._following and documents and self.document_id not in documents:
            return DeskUpdate(documents, document=min(documents))
        if self.document_id not in documents:
            return DeskUpdate(documents)
        rows = self._follow_articles(change)
        roles = self._follow_roles(change)
        suggestions = self._follow_suggestions(change)
        article = suggestions or self.article_id in change.articles
        return DeskUpdate(documents, rows, rows or roles or suggestions, article)

    def _follow_articles(self, change: ProjectChange) -> bool:
        present = self.article_ids()
        stale = (change.articles_changed & present) | change.articles_added
        gone = change.articles_removed & present
        if not stale and not gone:
            return False
        fresh = {
            row["id"]: row
            for row in self.project.articles.rows_by_id(stale)
            if row["document_id"] == self.document_id
        }
        if self.article_id in gone:
            self.article_id = None  # the view chooses the article at its cursor
        kept = [row for row in self.segments if row["id"] not in gone and row["id"] not in fresh]
        self.segments = sorted([*kept, *fresh.values()], key=lambda row: row["start_line"])
        return bool(fresh) or bool(gone)

    def _follow_roles(self, change: ProjectChange) -> bool:
        lines = change.roles_in(self.document_id)
        if not lines:
            return False
        for line, role in self.project.documents.line_roles_at(self.document_id, lines).items():
            if role is None:
                self.roles.pop(line, None)
            else:
                self.roles[line] = role
        return True

    def _follow_suggestions(self, change: ProjectChange) -> bool:
        if not change.suggestions:
            return False
        self.open_suggestions = list(self.project.suggestions.find(document_id=self.document_id))
        return True
