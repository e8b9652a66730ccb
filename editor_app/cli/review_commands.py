"""Review commands: mark an issue reviewed, history, revert, search, replace, stats."""

from __future__ import annotations

import sys

from editor_app.cli.common import (
    CommandError,
    add_project_argument,
    opened_project,
    print_json,
    print_segment_counts,
)
from editor_app.desk import DeskSession
from editor_app.storage import item_text


def register(subparsers) -> None:
    _review(subparsers)
    _history(subparsers)
    _revert(subparsers)
    _search(subparsers)
    _replace(subparsers)
    _stats(subparsers)


def _review(subparsers) -> None:
    parser = subparsers.add_parser(
        "review", help="mark every article of one issue (document) reviewed, one step"
    )
    add_project_argument(parser)
    parser.add_argument("--document", type=int, required=True, help="the document's id")
    parser.add_argument("--dry-run", action="store_true", help="show what is open, mark nothing")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_review)


def run_review(args) -> int:
    """The issue's counts as the window's confirmation gives them, then the one step."""
    with opened_project(args, read_only=args.dry_run) as project:
        if args.document not in project.documents.ids():
            raise CommandError(f"{args.project}: no document {args.document}")
        desk = DeskSession(project)
        desk.show_document(args.document)
        before = desk.progress()
        result = None if args.dry_run else desk.mark_issue_reviewed()
    marked = result.value if result is not None else 0
    if args.json:
        print_json({"document": args.document, **_progress_json(before), "marked": marked})
        return 0
    print(
        f"document {args.document}: {before.reviewed}/{before.articles} reviewed, "
        f"{before.open_suggestions} open suggestions, {before.uncertain} uncertain boundaries"
    )
    if result is None:
        print("nothing marked (dry run)", file=sys.stderr)
    else:
        print(f"{result.label}: {marked} articles marked reviewed")
    return 0


def _progress_json(progress) -> dict:
    return {
        "articles": progress.articles,
        "reviewed": progress.reviewed,
        "open_suggestions": progress.open_suggestions,
        "uncertain": progress.uncertain,
    }


def _history(subparsers) -> None:
    parser = subparsers.add_parser("history", help="who changed what, newest first")
    add_project_argument(parser, editor=False)
    parser.add_argument("--article", type=int, help="only changes of this article")
    parser.add_argument("--document", type=int, help="only changes in this document")
    parser.add_argument("--editor", dest="by", metavar="NAME", help="only changes by NAME")
    parser.add_argument("--since", metavar="DATE", help="from this date (YYYY-MM-DD) on")
    parser.add_argument("--until", metavar="DATE", help="before this date")
    parser.add_argument("--action", help="only this operation (split, set_field, ...)")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--items", action="store_true", help="list what each change did")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_history)


def run_history(args) -> int:
    with opened_project(args, read_only=True) as project:
        operations = project.history.entries(
            article_id=args.article,
            document_id=args.document,
            editor=args.by,
            since=args.since,
            until=args.until,
            action=args.action,
            limit=args.limit,
            with_changes=args.json,
        )
        summaries = project.history.summaries(operations)
        items = {op.id: project.history.items(op) for op in operations if args.items}
    if args.json:
        print_json([_operation_json(op, summaries[op.id]) for op in operations], lines=True)
        return 0
    if not operations:
        print("没有符合条件的修改记录", file=sys.stderr)
    for op in operations:
        print(_history_line(op, summaries[op.id]))
        for item in items.get(op.id, ()):
            print(f"{'':>8}{_item_title(item)}{item_text(item)}")
    return 0


def _history_line(op, summary) -> str:
    """Who · when · what · on which article, then what changed."""
    mark = "（已撤销）" if op.undone else ""
    prefix = {"undo": "撤销 ", "redo": "重做 "}.get(op.kind, "")
    parts = [op.editor, op.time[:19].replace("T", " "), f"{prefix}{summary.what}{mark}"]
    parts += [summary.target] + ([summary.detail] if summary.detail else [])
    return f"{op.id:>6} " + " · ".join(parts)


def _item_title(item) -> str:
    return f"《{item.title}》 " if item.title else ""


def _operation_json(op, summary) -> dict:
    return {
        "id": op.id,
        "time": op.time,
        "editor": op.editor,
        "kind": op.kind,
        "action": op.action,
        "label": op.label,
        "state": op.state,
        "document": op.document_id,
        "article": op.article_id,
        "target": op.target,
        "summary": summary.what,
        "on": summary.target,
        "detail": summary.detail,
        "groups": [{"rule": g.rule, "status": g.status, "count": g.count} for g in summary.groups],
        "articles": [
            {"id": a.article_id, "title": a.title, "document": a.document_id}
            for a in summary.articles
        ],
        "documents": [{"id": doc_id, "name": name} for doc_id, name in summary.documents],
        "items": summary.item_count,
        "changes": [
            {"table": c.table, "key": c.key, "before": c.before, "after": c.after}
            for c in op.changes
        ],
    }


def _revert(subparsers) -> None:
    parser = subparsers.add_parser("revert", help="revert one past change as a new step")
    add_project_argument(parser)
    parser.add_argument("change", type=int, metavar="CHANGE_ID")
    parser.add_argument(
        "--on-conflict",
        choices=("refuse", "keep", "overwrite"),
        default="refuse",
        help="when later changes set the same fields: stop (default), keep "
        "their values, or overwrite them",
    )
    parser.set_defaults(func=run_revert)


def run_revert(args) -> int:
    from editor_app.storage import RevertConflict

    with opened_project(args) as project:
        try:
            result = project.history.revert(args.change, on_conflict=args.on_conflict)
        except RevertConflict as conflict:
            for c in conflict.conflicts:
                print(
                    f"  {c.table} {c.key} {c.column}: now {c.current!r}, revert to "
                    f"{c.reverted_to!r} (changed later by {list(c.later_operations)})",
                    file=sys.stderr,
                )
            raise CommandError(f"{conflict}; use --on-conflict keep|overwrite") from conflict
    print(result.label)
    return 0


def _search(subparsers) -> None:
    parser = subparsers.add_parser("search", help="find text in articles and metadata")
    add_project_argument(parser, editor=False)
    parser.add_argument("query", metavar="QUERY")
    parser.add_argument("--regex", action="store_true", help="QUERY is a regular expression")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_search)


def run_search(args) -> int:
    """Hits are printed a page at a time as the search reads them: the first at once."""
    count = 0
    with opened_project(args, read_only=True) as project:
        for page in project.search.pages(args.query, regex=args.regex):
            page = page[: max(args.limit - count, 0)]
            _print_hits(page, as_json=args.json)
            sys.stdout.flush()
            count += len(page)
            if count >= args.limit:
                break
    if not args.json:
        print(hit_count(count), file=sys.stderr)
    return 0


def _print_hits(hits, *, as_json: bool) -> None:
    if as_json:
        print_json([_hit_json(hit) for hit in hits], lines=True)
        return
    for hit in hits:
        print(
            f"{hit.issue}\t{hit.title or '#' + str(hit.article_id)}\t{hit.line}\t"
            f"{hit.field}\t…{hit.before}【{hit.match}】{hit.after}…"
        )


def _hit_json(hit) -> dict:
    return {
        "article": hit.article_id,
        "document": hit.document_id,
        "field": hit.field,
        "start": hit.start,
        "end": hit.end,
        "match": hit.match,
        "before": hit.before,
        "after": hit.after,
        "replacement": hit.replacement,
        "issue": hit.issue,
        "title": hit.title,
        "line": hit.line,
    }


def hit_count(count: int) -> str:
    return f"{count} hit" if count == 1 else f"{count} hits"


def _replace(subparsers) -> None:
    parser = subparsers.add_parser("replace", help="replace text across the project, one step")
    add_project_argument(parser)
    parser.add_argument("find", metavar="FIND")
    parser.add_argument("replacement", metavar="REPLACEMENT")
    parser.add_argument("--regex", action="store_true")
    parser.add_argument("--dry-run", action="store_true", help="show the hits, change nothing")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_replace)


def run_replace(args) -> int:
    with opened_project(args, read_only=args.dry_run) as project:
        hits = project.search.replace_preview(args.find, args.replacement, regex=args.regex)
        if args.json:
            print_json([_hit_json(hit) for hit in hits], lines=True)
        elif args.dry_run:
            for hit in hits:
                print(
                    f"article {hit.article_id:>6} {hit.field:<8} …{hit.before}"
                    f"【{hit.match}→{hit.replacement}】{hit.after}…"
                )
        if args.dry_run or not hits:
            print(hit_count(len(hits)) + (" (dry run)" if args.dry_run else ""), file=sys.stderr)
            return 0
        result = project.search.apply_replace(hits, f"替换「{args.find}」→「{args.replacement}」")
    print(f"{result.label}: {result.value}")
    return 0


def _stats(subparsers) -> None:
    parser = subparsers.add_parser("stats", help="project statistics")
    add_project_argument(parser, editor=False)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_stats)


def run_stats(args) -> int:
    with opened_project(args, read_only=True) as project:
        stats = project.history.stats()
    if args.json:
        print_json(stats)
        return 0
    print_segment_counts(stats)
    print(f"fully reviewed documents {stats['documents_fully_reviewed']}")
    print("open suggestions:")
    for name, number in sorted(stats["open_suggestions_by_rule"].items()):
        print(f"  {name:<14} {number}")
    print("changes per editor per day:")
    for editor, days in stats["changes_per_editor_per_day"].items():
        for day, number in days.items():
            print(f"  {editor:<12} {day} {number}")
    return 0
