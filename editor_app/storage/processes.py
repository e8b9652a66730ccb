"""Worker processes that live and die with the process that started them.

However the owner ends (a crash, Ctrl-C, SIGKILL), its workers must not outlive it: a
worker left behind would keep the CPU busy for nothing and, forked, hold copies of the
owner's files. On Linux the kernel kills a worker when its parent goes (PR_SET_PDEATHSIG);
elsewhere a watchdog thread notices the parent is gone. Ctrl-C is the owner's to answer:
workers ignore SIGINT, so the terminal shows one message and no worker traceback.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
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
    """Bind this worker's life to its parent's, then run the pool's own initializer.

    `owner` is the process that made the pool: the parent, or the forkserver's parent.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _die_with_parent():
        _watch_parent(os.getppid())
    if not _alive(owner):  # it went before the binding took hold
        os._exit(1)
    initializer(*initargs)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's (cannot be ours, but not gone)
        return True
    return True


def _die_with_parent() -> bool:
    """Ask the kernel for SIGKILL when the parent ends; False where there is no such call."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(WATCH_INTERVAL_S)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
