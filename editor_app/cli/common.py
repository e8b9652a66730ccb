"""Helpers shared by the command modules: errors, output, progress."""

from __future__ import annotations

import json
import sys
from pathlib import Path

# A command that writes waits this long for another writer (a second command, the window)
# to finish, before it gives up: two commands started at once both get their turn.
WRITER_WAIT_S = 5.0


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


def print_segment_counts(figures: dict) -> None:
    """Documents, then articles and non-article segments apart, each with its parts:
    the same lines for `info` and `stats`, which read the same counts."""
    print(f"documents        {figures['documents']}")
    print(f"segments         {figures['segments']}")
    print(f"articles         {figures['articles']}")
    for title, key in (("by status", "articles_by_status"), ("by kind", "articles_by_kind")):
        print(f"  {title}:")
        for name, number in sorted(figures[key].items()):
            print(f"    {name:<12} {number}")
    print(f"non-articles     {figures['non_articles']}")
    print("  by kind:")
    for name, number in sorted(figures["non_articles_by_kind"].items()):
        print(f"    {name:<12} {number}")


def read_text_file(path: str) -> str:
    """Read a raw text file for the stateless commands (segment, cleanup), decoded like import."""
    from editor_app.ingest.analysis import MAX_FILE_BYTES
    from editor_app.ingest.decoding import DecodeError, decode_bytes
    from editor_app.ingest.sources import SourceError, printable_path, read_regular_file

    try:
        return decode_bytes(read_regular_file(path, MAX_FILE_BYTES)).text
    except (SourceError, DecodeError) as error:
        raise CommandError(f"{printable_path(path)}: {error}") from error


def add_project_argument(parser, *, editor: bool = True) -> None:
    parser.add_argument("project", metavar="PROJECT", help="the .qingyang project file")
    if editor:
        parser.add_argument(
            "--editor", help="name recorded in the history (default: $QINGYANG_EDITOR or login)"
        )


class opened_project:
    """`with opened_project(args) as project:` — storage errors become CommandErrors.

    A read opens a damaged file read-only with a notice; a write refuses it. A command
    that fails leaves the file's bytes as they were (its log is not folded in).
    """

    def __init__(self, args, *, read_only: bool = False) -> None:
        self.args = args
        self.read_only = read_only
        self.project = None

    def __enter__(self):
        from editor_app.storage import Project

        try:
            self.project = Project.open(
                self.args.project,
                editor=getattr(self.args, "editor", None),
                read_only=self.read_only,
                allow_damaged=self.read_only,
                wait_s=WRITER_WAIT_S,
            )
        except Exception as error:
            raise _as_command_error(error, self.args.project) from error
        if self.project.notice:  # read-only for a reason nobody asked for, or no backup
            print(f"qingyang: {self.args.project}: {self.project.notice}", file=sys.stderr)
        return self.project

    def __exit__(self, kind, error, traceback):
        project, self.project = self.project, None
        converted = error
        if error is not None and not isinstance(error, CommandError):
            converted = _as_command_error(error, self.args.project, project=project)
        self._close(project, failed=error is not None)
        if converted is not error:
            raise converted from error
        return False

    def _close(self, project, *, failed: bool) -> None:
        if project is None:
            return
        try:
            project.close(fold_log=not failed)
        except Exception as close_error:
            if not failed:  # after a failure, the failure is what to report
                raise _as_command_error(close_error, self.args.project) from close_error


def _as_command_error(error: BaseException, path, *, project=None) -> BaseException:
    """The message for a failure reading or writing the project at `path`.

    Anything else reading an open project raises (a stored value that does not parse)
    is reported as damage when the file's checks find damage; a closed pipe or Ctrl-C
    is not ours to reword, and neither is a fault of the program on a sound file.
    """
    from editor_app.storage import storage_error

    known = storage_error(error, path)
    if known is not None:
        return CommandError(str(known))
    if project is not None and isinstance(error, Exception) and not isinstance(error, OSError):
        try:
            found = project.damage_found()
        except Exception:  # the file cannot even be checked: report the failure itself
            found = None
        if found is not None:
            return CommandError(str(found))
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
