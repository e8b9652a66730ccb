"""Learning from the editors: `learn PROJECT`, `repropose PROJECT`, `model PROJECT`."""

from __future__ import annotations

import sys
from dataclasses import asdict

from editor_app.cli.common import (
    CommandError,
    Progress,
    add_project_argument,
    opened_project,
    print_json,
)

SHOWN_METRICS = (("edits_per_10_articles", "edits / 10 articles"), ("boundary_f1", "boundary F1"))


def register(subparsers) -> None:
    """Add this module's sub-commands."""
    learn = subparsers.add_parser(
        "learn", help="learn the project's segmentation model from its reviewed documents"
    )
    add_project_argument(learn)
    learn.add_argument(
        "--base-data",
        nargs="+",
        metavar="SRC",
        help="gold directories or a .tar.xz archive to learn beside the reviewed documents "
        "(default: the shipped training pages)",
    )
    learn.add_argument("--json", action="store_true", help="the stored model's record as JSON")
    learn.set_defaults(func=run_learn, interrupted="the project is as it was before")
    again = subparsers.add_parser(
        "repropose", help="propose again the documents nobody has touched (one undo step)"
    )
    add_project_argument(again)
    again.add_argument("--document", type=int, nargs="+", metavar="ID", help="only these")
    again.add_argument(
        "--dry-run", action="store_true", help="say what would change, change nothing"
    )
    again.add_argument("--json", action="store_true")
    again.set_defaults(func=run_repropose)
    shown = subparsers.add_parser("model", help="the project's learned segmentation models")
    add_project_argument(shown, editor=False)
    shown.add_argument("--json", action="store_true")
    shown.set_defaults(func=run_model)


def run_learn(args) -> int:

    base = _base_pages(args.base_data) if args.base_data else None
    progress = Progress(1, "learn")
    with opened_project(args) as project:
        record = project.learning.learn(
            base=base, progress=lambda done, total: _show(progress, done, total)
        )
    progress.close()
    if args.json:
        print_json(asdict(record))
    else:
        sys.stdout.write(f"{args.project}: {describe(record)}\n")
    return 0


def _base_pages(sources: list[str]):
    from editor_app.model.gold_pages import CorpusError, load_pages

    try:
        return load_pages(sources)
    except (OSError, CorpusError) as error:
        raise CommandError(str(error)) from error


def _show(progress: Progress, done: int, total: int) -> None:
    progress.total = total
    progress.advance(done - progress.done)


def describe(record) -> str:
    """One line: what the model learned from and how it did on the documents held back."""
    text = f"model {record.id} learned from {len(record.documents)} reviewed documents"
    score = record.score
    if not record.held_out:
        return text + " (too few to hold some back for a score)"
    figures = ", ".join(
        f"{label} {score['model'][key]:.2f} (shipped model {score['shipped'][key]:.2f})"
        for key, label in SHOWN_METRICS
    )
    return f"{text}; on {len(record.held_out)} held back: {figures}"


def run_repropose(args) -> int:
    with opened_project(args, read_only=args.dry_run) as project:
        plan = project.repropose.plan(args.document)
        result = None
        if plan.documents and not args.dry_run:
            result = project.repropose.apply(plan)
    summary = {
        "dry_run": args.dry_run,
        "model": plan.model,
        "considered": len(plan.considered),
        "documents": [d.document_id for d in plan.documents],
        "boundaries": plan.boundaries,
        "skipped": plan.skipped,
        "operation": result.operation_id if result else None,
    }
    if args.json:
        print_json(summary)
    else:
        sys.stdout.write(f"{args.project}: {_repropose_line(summary)}\n")
    return 0


def _repropose_line(summary: dict) -> str:
    verb = "would change" if summary["dry_run"] else "changed"
    model = "the shipped model" if summary["model"] == "shipped" else "the project's model"
    text = (
        f"{len(summary['documents'])} of {summary['considered']} untouched documents "
        f"{verb}, {summary['boundaries']} boundaries, with {model}"
    )
    if summary["skipped"]:
        text += f"; skipped {len(summary['skipped'])} an editor has touched"
    return text + (" (dry run)" if summary["dry_run"] else "")


def run_model(args) -> int:
    with opened_project(args, read_only=True) as project:
        records = project.models.records()
    if args.json:
        print_json([asdict(record) for record in records], lines=True)
        return 0
    if not records:
        print(f"{args.project}: no model learned yet; the shipped model proposes", file=sys.stderr)
    for record in records:
        print(f"{record.learned_at[:19]} {record.editor:<12} {describe(record)}")
    return 0
