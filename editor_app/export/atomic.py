"""Write an export under a temporary name beside its target, then rename it into place.

An interrupted export leaves no half-written file or folder under the final name: at
worst a hidden `.NAME.*.part` beside it.
"""

from __future__ import annotations

import os
import secrets
import shutil
from contextlib import contextmanager, suppress
from pathlib import Path

from editor_app.export.errors import ExportError

# A text export's folder holds this file; only such a folder (or an empty one) is replaced.
MANIFEST = "manifest.json"


def check_folder(folder: Path) -> Path:
    """The folder an export goes into must exist and be writable."""
    if not folder.exists():
        raise ExportError(folder, "the output folder does not exist")
    if not folder.is_dir():
        raise ExportError(folder, "the output folder is not a folder")
    if not os.access(folder, os.W_OK):
        raise ExportError(folder, "the output folder is read-only")
    return folder


def temporary_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.part")


@contextmanager
def atomic_file(target: Path, *, binary: bool = False, encoding: str = "utf-8", newline=None):
    """Yield a handle on a temporary file that replaces `target` when the block succeeds."""
    target = Path(target)
    folder = check_folder(target.parent.resolve())
    if target.is_dir():
        raise ExportError(target, "is a folder: give the name of the file to write")
    temp = temporary_path(target)
    try:
        # Closed below, before the rename.
        handle = (
            open(temp, "xb")  # noqa: SIM115
            if binary
            else open(temp, "x", encoding=encoding, newline=newline)  # noqa: SIM115
        )
    except OSError as error:
        raise ExportError(folder, f"cannot write in the output folder: {error.strerror}") from error
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as error:
        _remove(temp)
        raise ExportError(target, f"cannot write: {error.strerror or error}") from error
    except BaseException:
        _remove(temp)
        raise


@contextmanager
def atomic_folder(target: Path):
    """Yield a temporary folder that takes the place of `target` when the block succeeds.

    An existing `target` is replaced only when it is empty or an earlier text export.
    """
    target = Path(target)
    folder = check_folder(target.parent.resolve())
    _check_replaceable(target)
    temp = temporary_path(target)
    try:
        os.mkdir(temp)
    except OSError as error:
        raise ExportError(folder, f"cannot write in the output folder: {error.strerror}") from error
    try:
        yield temp
        _swap_in(temp, target)
    except OSError as error:
        shutil.rmtree(temp, ignore_errors=True)
        raise ExportError(target, f"cannot write: {error.strerror or error}") from error
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def _check_replaceable(target: Path) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise ExportError(target, "a file of that name exists: give a folder name")
    if any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise ExportError(
            target, "the folder is not empty and holds no earlier export: choose another"
        )


def _swap_in(temp: Path, target: Path) -> None:
    if not target.exists():
        os.rename(temp, target)
        return
    # A folder cannot be renamed over a non-empty one: move the old one aside first.
    old = temporary_path(target).with_suffix(".old")
    os.rename(target, old)
    os.rename(temp, target)
    shutil.rmtree(old, ignore_errors=True)


def _remove(path: Path) -> None:
    with suppress(OSError):
        os.unlink(path)
