"""`python -m editor_app bench [--issues N] [--json]`: the performance benchmark."""

from __future__ import annotations

import sys

from editor_app.cli.common import print_json


def register(subparsers) -> None:
    parser = subparsers.add_parser("bench", help="measure import, editing, search, export")
    parser.add_argument(
        "--issues",
        type=int,
        default=3650,
        help="issues to generate (default 3650: ten years of a daily)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object")
    parser.add_argument("--work", metavar="DIR", help="keep the generated files here")
    parser.set_defaults(func=run_bench_command)


def run_bench_command(args) -> int:
    from editor_app.bench.run import format_table, run_bench

    def say(message: str) -> None:
        print(message, file=sys.stderr)

    result = run_bench(args.issues, work=args.work, say=say)
    if args.json:
        print_json(result)
    else:
        print(format_table(result))
    return 0
