"""How far review of one issue (one document) has come, from the rows the desk holds."""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.desk.navigation import uncertain_boundary, waiting_for_review
from editor_app.model import NON_ARTICLE_KINDS


@dataclass(frozen=True, slots=True)
class IssueProgress:
    """`articles` and `reviewed` count articles only (no boilerplate, no noise);
    `uncertain` counts the uncertain boundaries still waiting for review;
    `open_suggestions` every open suggestion of the document."""

    articles: int = 0
    reviewed: int = 0
    open_suggestions: int = 0
    uncertain: int = 0

    @property
    def waiting(self) -> int:
        return self.articles - self.reviewed

    @property
    def done(self) -> bool:
        return self.waiting == 0


def issue_progress(segments: list[dict], open_suggestions: list) -> IssueProgress:
    articles = [row for row in segments if row["kind"] not in NON_ARTICLE_KINDS]
    waiting = [row for row in articles if waiting_for_review(row)]
    return IssueProgress(
        articles=len(articles),
        reviewed=len(articles) - len(waiting),
        open_suggestions=len(open_suggestions),
        uncertain=sum(1 for row in waiting if uncertain_boundary(row)),
    )
