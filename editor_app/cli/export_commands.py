"""export: write the project's corpus as JSONL, plain text, CSV or TEI."""

from __future__ import annotations

from pathlib import Path

from editor_app.cli.common import CommandError, Progress, add_project_argument, opened_project
from editor_app.export.options import FORMATS, SCRIPTS
from editor_app.model import STATUSES


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export", help="write the corrected corpus (jsonl, txt, csv, tei)"
    )
    add_project_argument(parser, editor=False)
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="file to write (a folder for txt)"
    )
    parser.add_argument(
        "--status", nargs="+", choices=STATUSES, metavar="S", help="only these statuses"
    )
    parser.add_argument(
        "--script",
        default="keep",
        choices=SCRIPTS,
        help="keep, s (to simplified), t (traditional), tw (Taiwan), hk (Hong Kong)",
    )
    parser.add_argument(
        "--include-non-articles", action="store_true", help="also boilerplate and noise"
    )
    parser.add_argument("--document", nargs="+", type=int, metavar="ID", help="only these")
    parser.set_defaults(
        func=run_export,
        interrupted="nothing was exported; {output} is as it was before",
    )


def run_export(args) -> int:
    from editor_app.export import ExportError, ExportOptions, export_project

    options = ExportOptions(
        statuses=frozenset(args.status) if args.status else None,
        script=args.script,
        include_non_articles=args.include_non_articles,
        document_ids=tuple(args.document) if args.document else None,
    )
    with opened_project(args, read_only=True) as project:
        total = len(options.document_ids or ()) or project.documents.count()
        bar = Progress(total, "export")
        try:
            report = export_project(
                project,
                Path(args.output),
                args.format,
                options,
                progress=lambda _done, _total, name: bar.advance(note=name),
            )
        except ExportError as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
    print(report.summary())
    return 0
