"""Background work yields the processor to the GUI thread when the two compete.

On a machine with fewer cores than busy threads, a GUI thread that wakes for a timer, a
keystroke or a paint waits in the scheduler's queue behind whatever holds the cores: the
window's own import, export or search among them. Measured at archive scale, most of a
long stall was that wait, not work on the GUI thread. A thread that runs background work
therefore lowers its own scheduling priority before it starts; it still takes every core
nobody else wants, so an idle machine imports and exports as fast as before.

On Linux the nice value belongs to a thread, and a process or thread started from it
inherits it: the worker processes an import or an export starts (through the forkserver
that such a thread starts, or forked from it) run at the same lower priority. Elsewhere
the call does nothing: there the value belongs to the whole process, the GUI thread too.
"""

from __future__ import annotations

import os
import sys
import threading

BACKGROUND_NICE = 10  # of 19: well behind the GUI, still ahead of batch jobs at 19


def lower_this_thread() -> bool:
    """Run the calling thread at BACKGROUND_NICE (never raise it); False where it cannot.

    Only ever called on a thread that runs background work: a thread cannot raise its
    priority again without privileges, so a GUI thread must never call it.
    """
    if (
        not sys.platform.startswith("linux")
        or threading.current_thread() is threading.main_thread()
    ):
        return False
    thread = threading.get_native_id()
    try:
        if os.getpriority(os.PRIO_PROCESS, thread) < BACKGROUND_NICE:
            os.setpriority(os.PRIO_PROCESS, thread, BACKGROUND_NICE)
    except OSError:  # a sandbox may refuse: the work runs all the same
        return False
    return True
