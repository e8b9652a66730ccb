"""Command line: `python -m editor_app COMMAND ...` (also installed as `qingyang`).

Exit codes: 0 done, 1 failed with a message on stderr, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys

from editor_app.cli import (
    bench_command,
    cleanup_commands,
    export_commands,
    project_commands,
    review_commands,
    suggestion_commands,
    text_commands,
)
from editor_app.cli.common import CommandError

COMMAND_MODULES = (
    text_commands,
    cleanup_commands,
    project_commands,
    suggestion_commands,
    review_commands,
    export_commands,
    bench_command,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qingyang", description="Qingyang 清样: correction desk for newspaper OCR text."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CommandError as error:
        print(f"qingyang: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("qingyang: interrupted", file=sys.stderr)
        return 1
