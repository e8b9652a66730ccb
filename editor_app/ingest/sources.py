"""Which files an import reads: folders walked, regular files only, names made printable.

Anything but a regular file (a named pipe, a device, a socket, a broken link) is refused
before it is opened: reading one could block forever or never end. A regular file is
read only up to a size limit, checked before reading.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field

TEXT_SUFFIXES = (".txt", ".text")
# What OCR engines write (ALTO, PAGE XML, hOCR); which format a file holds, its content says.
OCR_SUFFIXES = (".xml", ".hocr", ".html", ".htm")
READ_SUFFIXES = TEXT_SUFFIXES + OCR_SUFFIXES
NOT_REGULAR = "not a regular file"
_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class SourceError(OSError):
    """A file that is not read, and why (the message names no path: the caller does)."""


@dataclass(slots=True)
class Sources:
    """The regular files to read, in import order, and what was refused on the way."""

    files: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def printable_path(path: str) -> str:
    """The path as valid text: bytes that are not UTF-8 are written as `\\xe9`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def find_sources(paths: Iterable) -> Sources:
    """Files named directly, and the text and OCR files inside folders (sorted, recursive)."""
    found = Sources()
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            _walk(path, found)
            continue
        problem = regular_file_problem(path)
        if problem:
            found.refused.append((path, problem))
        else:
            found.files.append(path)
    return found


def _walk(top: str, found: Sources) -> None:
    """Depth first, names sorted: the order of the paths' parts, as `sorted(rglob)` gives.

    Links to folders are not followed (a link back up would never end); the folders
    being read are kept in a list, not in the call stack, however deep they go.
    """
    reading = [iter(_entries(top, found))]
    while reading:
        entry = next(reading[-1], None)
        if entry is None:
            reading.pop()
        elif _is_real_folder(entry):
            reading.append(iter(_entries(entry.path, found)))
        elif os.path.splitext(entry.name)[1].lower() in READ_SUFFIXES and not _is_folder(entry):
            problem = regular_file_problem(entry.path)
            if problem:
                found.refused.append((entry.path, problem))
            else:
                found.files.append(entry.path)


def _entries(folder: str, found: Sources) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as scan:
            return sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        found.refused.append((folder, f"cannot read the folder: {_why(error)}"))
        return []


def _is_real_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def regular_file_problem(path: str) -> str:
    """Why `path` cannot be read as a regular file, or "" when it can be."""
    try:
        info = os.stat(path)
    except OSError as error:
        if os.path.lexists(path) and os.path.islink(path):
            return f"{NOT_REGULAR} (a broken link)"
        return f"cannot read: {_why(error)}"
    return _kind_problem(info.st_mode)


def _kind_problem(mode: int) -> str:
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return f"{NOT_REGULAR} (a folder)"
    kind = next((name for test, name in _KINDS if test(mode)), "")
    return f"{NOT_REGULAR} ({kind})" if kind else NOT_REGULAR


def read_regular_file(path: str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or SourceError saying why not.

    The file is checked before it is opened and again once open (it could have been
    swapped in between); opening never waits, reading stops past the limit.
    """
    problem = regular_file_problem(path)
    if problem:
        raise SourceError(problem)
    try:
        return _read_checked(path, limit)
    except SourceError:
        raise
    except OSError as error:
        raise SourceError(f"cannot read: {_why(error)}") from error


def _read_checked(path: str, limit: int) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    with open(os.open(path, flags), "rb") as handle:
        info = os.fstat(handle.fileno())
        problem = _kind_problem(info.st_mode) or _size_problem(info.st_size, limit)
        if problem:
            raise SourceError(problem)
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew while being read
        raise SourceError(_size_problem(len(data), limit))
    return data


def _size_problem(size: int, limit: int) -> str:
    if size <= limit:
        return ""
    megabyte = 1024 * 1024
    return (
        f"too large: {size / megabyte:.0f} MB, more than the {limit // megabyte} MB a file may have"
    )


def _why(error: OSError) -> str:
    return error.strerror or str(error)
