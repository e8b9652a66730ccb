"""Suggestions stored in a project: list, accept, reject; and the project dictionary."""

from __future__ import annotations

from editor_app.cli.common import CommandError, add_project_argument, opened_project, print_json


def register(subparsers) -> None:
    parser = subparsers.add_parser("suggestions", help="list open cleanup suggestions")
    add_project_argument(parser, editor=False)
    parser.add_argument("--rule", help="only this rule")
    parser.add_argument("--document", type=int, help="only this document id")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_suggestions)
    for verb in ("accept", "reject"):
        parser = subparsers.add_parser(verb, help=f"{verb} suggestions as one step")
        add_project_argument(parser)
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--id", type=int, nargs="+", dest="ids", metavar="N")
        which.add_argument("--rule")
        which.add_argument("--pattern", metavar="TEXT")
        parser.add_argument("--document", type=int, help="only in this document")
        parser.add_argument(
            "--dry-run", action="store_true", help=f"say how many would be {verb}ed, change nothing"
        )
        parser.set_defaults(func=run_decide, verb=verb)
    _dictionary(subparsers)


def run_suggestions(args) -> int:
    with opened_project(args, read_only=True) as project:
        found = project.suggestions.find(document_id=args.document, rule=args.rule)
    if args.json:
        print_json(
            [{"id": s.id, "document": s.document_id, **s.as_json()} for s in found], lines=True
        )
        return 0
    for s in found:
        print(
            f"{s.id:>7} doc {s.document_id:>4} line {s.line:>4} {s.rule:<12} "
            f"{s.before!r} → {s.after!r}  {s.reason}"
        )
    return 0


def run_decide(args) -> int:
    if args.dry_run:
        with opened_project(args, read_only=True) as project:
            count = _matching(project, args)
        print(f"would {args.verb} {count} suggestions")
        return 0
    with opened_project(args) as project:
        method = project.suggestions.accept if args.verb == "accept" else project.suggestions.reject
        result = method(args.ids, rule=args.rule, pattern=args.pattern, document_id=args.document)
    if not result.operation_id:
        raise CommandError(f"{args.project}: no open suggestion matches")
    print(f"{result.label}: {result.value}")
    return 0


def _matching(project, args) -> int:
    """How many open suggestions the chosen ids, rule or pattern name."""
    if args.rule:
        return project.suggestions.count_open(rule=args.rule, document_id=args.document)
    return len(
        project.suggestions.find(document_id=args.document, pattern=args.pattern, ids=args.ids)
    )


def _dictionary(subparsers) -> None:
    parser = subparsers.add_parser("dict", help="the project dictionary of known misreads")
    add_project_argument(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", help="WRONG RIGHT: suggest RIGHT wherever WRONG occurs")
    add.add_argument("wrong")
    add.add_argument("right")
    add.add_argument("--note", default="")
    remove = actions.add_parser("remove", help="WRONG: drop the entry and its open suggestions")
    remove.add_argument("wrong")
    actions.add_parser("list", help="the entries")
    parser.set_defaults(func=run_dictionary)


def run_dictionary(args) -> int:
    with opened_project(args, read_only=args.action == "list") as project:
        if args.action == "list":
            for entry in project.suggestions.dictionary():
                print(f"{entry['wrong']} → {entry['right']}  {entry['note']}")
            return 0
        if args.action == "add":
            result = project.suggestions.add_dictionary_entry(args.wrong, args.right, args.note)
            print(f"{result.label}: {result.value} suggestions")
        else:
            result = project.suggestions.remove_dictionary_entry(args.wrong)
            print(result.label)
    return 0
