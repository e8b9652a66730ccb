"""`roles PROJECT --document ID --lines A-B --role ROLE`: one role over a range of lines."""

from __future__ import annotations

import argparse

from editor_app.cli.common import add_project_argument, opened_project
from editor_app.desk.navigation import parse_line_range
from editor_app.model import ROLES


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "roles", help="set the role of every non-blank line of a range, as one step"
    )
    add_project_argument(parser)
    parser.add_argument("--document", type=int, required=True, metavar="ID")
    parser.add_argument(
        "--lines", type=_line_range, required=True, metavar="A-B", help="12 or 83-87"
    )
    parser.add_argument("--role", choices=ROLES, required=True)
    parser.set_defaults(func=run_roles)


def _line_range(text: str) -> tuple[int, int]:
    lines = parse_line_range(text)
    if lines is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a line or a range like 83-87")
    return lines


def run_roles(args) -> int:
    first, last = args.lines
    with opened_project(args) as project:
        result = project.articles.set_roles(args.document, first, last, args.role)
    changed = len(result.change.line_roles)
    print(f"{result.label}: {changed} lines" if result.operation_id else "nothing changed")
    return 0
