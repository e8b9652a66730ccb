"""Command line: `python -m editor_app COMMAND ...` (also installed as `qingyang`).

Exit codes: 0 done, 1 failed with a message on stderr, 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys

from editor_app.cli import (
    cleanup_commands,
    export_commands,
    image_command,
    learn_commands,
    project_commands,
    review_commands,
    roles_command,
    suggestion_commands,
    text_commands,
    train_command,
)
from editor_app.cli.common import CommandError

COMMAND_MODULES = (
    text_commands,
    cleanup_commands,
    project_commands,
    suggestion_commands,
    review_commands,
    roles_command,
    image_command,
    export_commands,
    train_command,
    learn_commands,
)


def build_parser(modules=COMMAND_MODULES) -> argparse.ArgumentParser:
    """The parser of every command in `modules` (each has `register(subparsers)`)."""
    parser = argparse.ArgumentParser(
        prog="qingyang", description="Qingyang 清样: correction desk for newspaper OCR text."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for module in modules:
        module.register(subparsers)
    return parser


# What a shell reports for a program ended by SIGINT or SIGPIPE: 128 + the signal's number.
EXIT_INTERRUPTED = 130
EXIT_CLOSED_PIPE = 141


def main(argv: list[str] | None = None, modules=COMMAND_MODULES) -> int:
    """Run one command of `modules`; editor_app.launcher adds those from above this layer."""
    parser = build_parser(modules)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CommandError as error:
        print(f"qingyang: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"qingyang: {interrupted_message(args)}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`| head`): nothing more to say to anyone.
        silence_stdout()
        return EXIT_CLOSED_PIPE


def interrupted_message(args) -> str:
    """What Ctrl-C left behind, in the words of the command that was running."""
    kept = getattr(args, "interrupted", None)
    project = getattr(args, "project", None)
    if kept is None and project is not None:
        kept = "every change that had finished is saved, none is left half-done"
    where = f"{project}: " if project is not None else ""
    return f"{where}interrupted" + (f"; {kept.format(**vars(args))}" if kept else "")


def silence_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit meets no closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout: nothing will be flushed there
        pass
