"""Helpers shared by the command modules: errors, output, progress."""

from __future__ import annotations

import json
import sys


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
