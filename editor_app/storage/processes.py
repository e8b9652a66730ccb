"""Worker processes started clean, for callers (a GUI) whose threads must not be forked."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path


def clean_context():
    """A forkserver context, or fork when the main program cannot be loaded again.

    Started clean, a worker re-imports the caller's main module; a program read from
    standard input or typed at a prompt has none on disk, and only fork can serve it.
    """
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file is None or not Path(main_file).exists():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver")
