"""Worker processes that live and die with the process that started them.

However the owner ends (a crash, Ctrl-C, SIGKILL), its workers must not outlive it: a
worker left behind would keep the CPU busy for nothing and, forked, hold copies of the
owner's files. On Linux the kernel kills a forked worker when its parent goes
(PR_SET_PDEATHSIG), and every worker watches the process that made its pool (a pidfd where
there is one) and ends with it. Ctrl-C is the owner's to answer:
workers ignore SIGINT, so the terminal shows one message and no worker traceback.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import select
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_INTERVAL_S = 0.5


def clean_context():
    """A forkserver context, or fork when the main program cannot be loaded again.

    Started clean, a worker re-imports the caller's main module; a program read from
    standard input or typed at a prompt has none on disk, and only fork can serve it.
    """
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file is None or not Path(main_file).exists():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver")


def worker_pool(
    max_workers: int,
    initializer: Callable[..., None],
    initargs: tuple = (),
    *,
    clean: bool = True,
) -> ProcessPoolExecutor:
    """A process pool whose workers die with their parent and leave Ctrl-C to it.

    `clean`: start workers from a clean process (forkserver), not forked from the
    caller: a GUI's threads may hold locks a fork would copy.
    """
    return ProcessPoolExecutor(
        max_workers=max_workers,
        mp_context=clean_context() if clean else multiprocessing.get_context("fork"),
        initializer=start_worker,
        initargs=(os.getpid(), initializer, *initargs),
    )


def start_worker(owner: int, initializer: Callable[..., None], *initargs) -> None:
    """Bind this worker's life to its owner's, then run the pool's own initializer.

    `owner` is the process that made the pool: the parent of a forked worker, the
    forkserver's parent for a clean one. A clean worker keeps the forkserver alive (it
    holds the pipe whose end tells the forkserver its owner is gone), so its parent's
    death alone would never come: it watches the owner itself.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _watch_owner(owner)
    initializer(*initargs)


def _die_with_parent() -> bool:
    """Ask the kernel for SIGKILL when the parent ends; False where there is no such call."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_owner(owner: int) -> None:
    """End this process as soon as `owner` ends (at once if it has already)."""
    try:
        handle = os.pidfd_open(owner)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):  # no pidfd here: ask every WATCH_INTERVAL_S
        handle = None

    def watch() -> None:
        if handle is not None:
            select.select([handle], [], [])  # readable once the owner has ended
        else:
            while _alive(owner):
                threading.Event().wait(WATCH_INTERVAL_S)
        os._exit(1)

    threading.Thread(target=watch, name="owner-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's (cannot be ours, but not gone)
        return True
    return True
