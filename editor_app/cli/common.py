"""Helpers shared by the command modules: errors, output, progress."""

from __future__ import annotations

import json
import sys
from pathlib import Path


class CommandError(Exception):
    """A failure to report on stderr with exit code 1."""


def print_json(data, *, lines: bool = False) -> None:
    """Print one JSON document (or one per line when `lines`), UTF-8, no ASCII escapes."""
    if lines:
        for item in data:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


class Progress:
    """A one-line progress bar on a terminal's stderr; silent when stderr is not a TTY."""

    def __init__(self, total: int, label: str = "") -> None:
        self.total = max(total, 1)
        self.label = label
        self.enabled = sys.stderr.isatty()
        self.done = 0

    def advance(self, step: int = 1, note: str = "") -> None:
        self.done += step
        if not self.enabled:
            return
        width = 30
        filled = int(width * min(self.done, self.total) / self.total)
        bar = "█" * filled + "·" * (width - filled)
        sys.stderr.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {note[:30]:<30}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


def read_text_file(path: str) -> str:
    """Read a raw text file for the stateless commands (segment, cleanup), decoded like import."""
    from editor_app.storage.decoding import DecodeError, decode_bytes

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise CommandError(f"{path}: cannot read: {error.strerror}") from error
    try:
        return decode_bytes(data).text
    except DecodeError as error:
        raise CommandError(f"{path}: {error}") from error


def add_project_argument(parser, *, editor: bool = True) -> None:
    parser.add_argument("project", metavar="PROJECT", help="the .qingyang project file")
    if editor:
        parser.add_argument(
            "--editor", help="name recorded in the history (default: $QINGYANG_EDITOR or login)"
        )


class opened_project:
    """`with opened_project(args) as project:` — storage errors become CommandErrors."""

    def __init__(self, args, *, read_only: bool = False) -> None:
        self.args = args
        self.read_only = read_only
        self.project = None

    def __enter__(self):
        from editor_app.storage.project import Project

        try:
            self.project = Project.open(
                self.args.project,
                editor=getattr(self.args, "editor", None),
                read_only=self.read_only,
            )
        except Exception as error:
            raise _as_command_error(error) from error
        if self.project.notice and not self.read_only:
            print(f"qingyang: {self.args.project}: {self.project.notice}", file=sys.stderr)
        return self.project

    def __exit__(self, kind, error, traceback):
        if self.project is not None:
            self.project.close()
        if error is not None and not isinstance(error, CommandError):
            converted = _as_command_error(error)
            if converted is not error:
                raise converted from error
        return False


def _as_command_error(error: Exception) -> Exception:
    from editor_app.storage.errors import ProjectError

    if isinstance(error, ProjectError):
        return CommandError(str(error))
    return error


def report_per_file(files, label: str, analyse, as_json: bool, readable) -> int:
    """Run `analyse` on each file with a progress bar, then print JSON or a readable form.

    JSON is one object for one file and one object per line (JSON Lines) for several.
    """
    results = []
    progress = Progress(len(files), label)
    for path in files:
        results.append(analyse(path))
        progress.advance(note=Path(path).name)
    progress.close()
    if as_json:
        print_json(results, lines=True) if len(results) > 1 else print_json(results[0])
    else:
        for result in results:
            sys.stdout.write(readable(result))
    return 0
