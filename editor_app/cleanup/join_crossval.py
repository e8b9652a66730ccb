"""Cross-validation of the join decision by date: the rule against the learned model.

Pages of one date never sit in two folds; each fold's model is trained on every other date
(both kinds, the seeds, the pressed pages) and scored on its own held-out pages, with the gold
segmentation as the proposal and, when a `proposer` is given, with a segmenter's own proposal.
A pressed page (`tools/press`) sits in the fold of its date: trained on, never scored.
`python -m editor_app train-joins DIR_OR_ARCHIVE... --crossval K` runs it with segmenters
trained on the same folds.
"""

from __future__ import annotations

from collections.abc import Callable

from editor_app.cleanup.document import CleanupDocument
from editor_app.cleanup.evaluation import Score, proposal_from_gold, score_joins
from editor_app.cleanup.join import joins
from editor_app.cleanup.join_model import JoinModel
from editor_app.cleanup.join_training import fit, page_examples
from editor_app.model import Proposal
from editor_app.model.gold_pages import Page

KIND_OF_GROUP = {"train": "dev kind", "dev": "dev kind", "ocr-train": "OCR"}
SYSTEMS = ("rule", "learned")
# Proposer factory: the pages a fold trains on -> a function proposing for raw text.
ProposerFactory = Callable[[list[Page]], Callable[[str], Proposal]]
Table = dict[tuple[str, str, str], Score]  # (kind, input, system) -> joins found


def fold_of_dates(pages: list[Page], folds: int) -> dict[str, int]:
    """Dated pages' dates dealt round-robin in date order; the seeds get no fold."""
    dates = sorted({page.date for page in pages if page.group in KIND_OF_GROUP})
    return {date: index % folds for index, date in enumerate(dates)}


def cross_validate(
    pages: list[Page],
    folds: int,
    proposer: ProposerFactory | None = None,
    say: Callable[[str], None] = lambda message: None,
) -> Table:
    """Joins found, extra and missed per kind, input (gold or proposal) and system."""
    assignment = fold_of_dates(pages, folds)
    examples = {page.key: page_examples(page.text, page.gold) for page in pages}
    table: Table = {}
    for fold in range(folds):
        kept = [page for page in pages if assignment.get(page.date) != fold]
        held = [
            page
            for page in pages
            if assignment.get(page.date) == fold and page.group in KIND_OF_GROUP
        ]
        model = fit(example for page in kept for example in examples[page.key])
        propose = proposer(kept) if proposer is not None else None
        for page in held:
            _score_page(table, page, model, propose)
        say(f"fold {fold}: {len(held)} held-out pages")
    return table


def _score_page(table: Table, page: Page, model: JoinModel, propose) -> None:
    text, gold = page.text, page.gold
    inputs = {"gold": proposal_from_gold(text, gold)}
    if propose is not None:
        inputs["proposal"] = propose(text)
    kind = KIND_OF_GROUP[page.group]
    for source, proposal in inputs.items():
        doc = CleanupDocument(text, proposal)
        for system, chosen in zip(SYSTEMS, (None, model), strict=True):
            score = score_joins(joins(doc, chosen), gold)
            table.setdefault((kind, source, system), Score()).add(score)


def f1(score: Score) -> float:
    total = score.precision + score.recall
    return 2 * score.precision * score.recall / total if total else 0.0


def report(table: Table) -> list[dict]:
    """One row per kind, input and system, with precision, recall and F1."""
    return [
        {
            "kind": kind,
            "input": source,
            "system": system,
            **score.as_json(),
            "f1": round(f1(score), 4),
        }
        for (kind, source, system), score in sorted(table.items())
    ]


def format_table(rows: list[dict]) -> str:
    lines = [
        f"{'kind':<10}{'input':<10}{'system':<9}{'P':>7}{'R':>7}{'F':>7}{'found':>7}{'extra':>7}{'missed':>7}"
    ]
    for row in rows:
        lines.append(
            f"{row['kind']:<10}{row['input']:<10}{row['system']:<9}{row['precision']:>7.3f}"
            f"{row['recall']:>7.3f}{row['f1']:>7.3f}{row['found']:>7}{row['extra']:>7}{row['missed']:>7}"
        )
    return "\n".join(lines) + "\n"
