"""Project commands: new, import, info, articles, check, undo, redo, edit, backups, restore."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from editor_app.cli.common import (
    CommandError,
    Progress,
    add_project_argument,
    opened_project,
    print_json,
    print_segment_counts,
)


def register(subparsers) -> None:
    _new(subparsers)
    _import(subparsers)
    _info(subparsers)
    _articles(subparsers)
    _check(subparsers)
    _undo_redo(subparsers)
    _edit(subparsers)
    _backups(subparsers)


def _new(subparsers) -> None:
    parser = subparsers.add_parser("new", help="create an empty project file")
    add_project_argument(parser)
    parser.set_defaults(func=run_new)


def run_new(args) -> int:
    from editor_app.storage import Project, ProjectError

    try:
        Project.create(args.project, editor=args.editor).close()
    except ProjectError as error:
        raise CommandError(str(error)) from error
    print(f"created {args.project}")
    return 0


def _import(subparsers) -> None:
    parser = subparsers.add_parser("import", help="import .txt files and folders")
    add_project_argument(parser)
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--publication", default="", help="the paper, for every imported file")
    parser.add_argument("--json", action="store_true", help="report as JSON")
    parser.add_argument(
        "--format", choices=("txt", "jsonl"), default="txt", help="jsonl: a corpus export"
    )
    parser.set_defaults(func=run_import)


INTERRUPTED = 130  # the exit status of a command stopped by Ctrl-C (128 + SIGINT)


def run_import(args) -> int:
    from editor_app.ingest.sources import printable_path
    from editor_app.storage import ImportInterrupted, import_paths

    # A broken link is there to be named in the report, not a path that does not exist.
    missing = [p for p in args.paths if not os.path.lexists(p)]
    if missing:
        raise CommandError(f"{printable_path(missing[0])}: no such file or folder")
    if args.format == "jsonl":
        return _print_import_report(args, _import_jsonl(args))
    with opened_project(args) as project:
        bar = Progress(0, "import")
        try:
            report = import_paths(
                project,
                args.paths,
                publication=args.publication,
                progress=lambda done, total, path: _advance(bar, total, path),
            )
        except ImportInterrupted as stop:
            bar.close()
            _print_refusals(stop.report)
            print(f"qingyang: {args.project}: {stop.report.interruption()}", file=sys.stderr)
            return INTERRUPTED
        bar.close()
    return _print_import_report(args, report)


def _advance(bar: Progress, total: int, path: str) -> None:
    bar.total = max(total, 1)
    bar.advance(note=Path(path).name)


def _import_jsonl(args):
    """Every file is validated before the project is opened; then all go in, or none."""
    from editor_app.ingest.jsonl_read import read_export
    from editor_app.storage import ProjectError, import_exports

    try:
        exports = [read_export(path) for path in args.paths]
    except ProjectError as error:
        raise CommandError(str(error)) from error
    with opened_project(args) as project:
        return import_exports(project, exports)


def _print_import_report(args, report) -> int:
    """The summary on stdout; each refused file on stderr, and then exit status 1."""
    from editor_app.storage import DUPLICATE

    if args.json:
        print_json(
            {
                "imported": [{"path": p, "document": d} for p, d in report.imported],
                "skipped": [{"path": p, "reason": r} for p, r in report.skipped],
                "escaped_names": report.escaped_names,
            }
        )
    else:
        print(report.summary())
        for path, reason in report.skipped:
            if reason == DUPLICATE:  # the others go to stderr
                print(f"  skipped {path}: {reason}")
        for path in report.escaped_names:
            print(f"  {path}: the file name is not valid UTF-8; recorded as written here")
    return 1 if _print_refusals(report) else 0


def _print_refusals(report) -> int:
    """Each refused file and why, on stderr; how many there were."""
    refused = report.refused()
    for path, reason in refused:
        print(f"qingyang: {path}: {reason}", file=sys.stderr)
    return len(refused)


def _info(subparsers) -> None:
    parser = subparsers.add_parser("info", help="what the project holds")
    add_project_argument(parser, editor=False)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_info)


def run_info(args) -> int:
    with opened_project(args, read_only=True) as project:
        counts = project.documents.counts()
    if args.json:
        print_json(counts)
        return 0
    print_segment_counts(counts)
    print(f"open suggestions {counts['open_suggestions']}")
    print(f"changes          {counts['changes']}")
    print(f"schema version   {counts['schema_version']}")
    return 0


def _articles(subparsers) -> None:
    parser = subparsers.add_parser("articles", help="list articles")
    add_project_argument(parser, editor=False)
    parser.add_argument("--document", type=int, help="only this document id")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_articles)


def run_articles(args) -> int:
    with opened_project(args, read_only=True) as project:
        ids = [args.document] if args.document else project.documents.ids()
        rows = []
        for doc_id in ids:
            rows += [_article_json(a) for a in project.articles.of_document(doc_id)]
    if args.json:
        print_json(rows, lines=True)
    else:
        for row in rows:
            print(
                f"{row['id']:>6} doc {row['document_id']:>4} {row['start_line']:>4}–"
                f"{row['end_line']:<4} {row['kind']:<11} {row['status']:<9} {row['title']}"
            )
    return 0


def _article_json(article) -> dict:
    from dataclasses import asdict

    return asdict(article)


def _check(subparsers) -> None:
    parser = subparsers.add_parser("check", help="integrity check and invariants")
    add_project_argument(parser, editor=False)
    parser.set_defaults(func=run_check)


def run_check(args) -> int:
    with opened_project(args, read_only=True) as project:
        problems = project.checks.problems()
    if problems:
        for problem in problems:
            print(f"{args.project}: {problem}", file=sys.stderr)
        return 1
    print(f"{args.project}: ok")
    return 0


def _undo_redo(subparsers) -> None:
    for name in ("undo", "redo"):
        parser = subparsers.add_parser(name, help=f"{name} the last step")
        add_project_argument(parser)
        parser.set_defaults(func=run_undo_redo, which=name)


def run_undo_redo(args) -> int:
    with opened_project(args) as project:
        result = project.undo.undo() if args.which == "undo" else project.undo.redo()
    if result is None:
        raise CommandError(f"{args.project}: nothing to {args.which}")
    print(f"{args.which}: {result.label}")
    return 0


EDIT_ACTIONS = {
    "split": ("ARTICLE LINE", "split", (int, int)),
    "merge": ("ARTICLE", "merge_with_next", (int,)),
    "move": ("ARTICLE NEW_START_LINE", "move_boundary", (int, int)),
    "role": ("DOCUMENT LINE ROLE", "set_role", (int, int, str)),
    "set": ("ARTICLE FIELD VALUE", "set_field", (int, str, str)),
    "status": ("ARTICLE STATUS", "set_status", (int, str)),
    "text": ("ARTICLE FILE (- for stdin)", "replace_text", (int, str)),
    "non-article": ("DOCUMENT START END KIND", "mark_non_article", (int, int, int, str)),
    "title": ("ARTICLE TITLE_LINE", "move_title_to_head", (int, int)),
}


def _edit(subparsers) -> None:
    parser = subparsers.add_parser("edit", help="one editing operation")
    add_project_argument(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    for name, (usage, _method, types) in EDIT_ACTIONS.items():
        sub = actions.add_parser(name, help=usage)
        sub.add_argument("values", nargs=len(types), metavar="VALUE", help=usage)
    parser.set_defaults(func=run_edit)


def run_edit(args) -> int:
    usage, method, types = EDIT_ACTIONS[args.action]
    try:
        values = [kind(value) for kind, value in zip(types, args.values, strict=True)]
    except ValueError:
        print(f"qingyang edit {args.action}: expected {usage}", file=sys.stderr)
        return 2
    if args.action == "text":
        values[1] = _read_text_argument(values[1])
    with opened_project(args) as project:
        result = getattr(project.articles, method)(*values)
    print(f"{result.label}: ok" if result.operation_id else "nothing changed")
    return 0


def _read_text_argument(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{source}: cannot read the text: {error}") from error


def _backups(subparsers) -> None:
    parser = subparsers.add_parser("backups", help="list the project's backups")
    add_project_argument(parser, editor=False)
    parser.set_defaults(func=run_backups)
    parser = subparsers.add_parser("restore", help="bring a backup back")
    add_project_argument(parser, editor=False)
    parser.add_argument("backup", metavar="BACKUP")
    parser.set_defaults(func=run_restore)


def run_backups(args) -> int:
    from editor_app.storage import list_backups

    if not Path(args.project).is_file():
        raise CommandError(f"{args.project}: no such project file")
    for backup in list_backups(Path(args.project)):
        print(f"{backup.taken:%Y-%m-%d %H:%M:%S}  {backup.path}")
    return 0


def run_restore(args) -> int:
    from editor_app.storage import ProjectError, restore

    try:
        kept = restore(Path(args.project), Path(args.backup))
    except ProjectError as error:
        raise CommandError(str(error)) from error
    print(f"restored {args.backup}" + (f"; the previous state is kept as {kept}" if kept else ""))
    return 0
