"""Review commands: history of changes."""

from __future__ import annotations

from editor_app.cli.common import add_project_argument, opened_project, print_json


def register(subparsers) -> None:
    parser = subparsers.add_parser("history", help="who changed what, newest first")
    add_project_argument(parser, editor=False)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_history)


def run_history(args) -> int:
    with opened_project(args, read_only=True) as project:
        operations = project.operations(limit=args.limit, with_changes=args.json)
    if args.json:
        print_json([_operation_json(op) for op in operations], lines=True)
        return 0
    for op in operations:
        mark = " (已撤销)" if op.undone else ""
        prefix = {"undo": "撤销 ", "redo": "重做 "}.get(op.kind, "")
        print(f"{op.id:>6} {op.time[:19]} {op.editor:<12} {prefix}{op.label}{mark}")
    return 0


def _operation_json(op) -> dict:
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
        "changes": [
            {"table": c.table, "key": c.key, "before": c.before, "after": c.after}
            for c in op.changes
        ],
    }
