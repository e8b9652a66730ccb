"""Work around a PySide6 6.12 defect on CPython 3.11.

shiboken6 6.12.0 returns None from every void C++ method (and True/False from bool ones)
without taking a reference to it. From CPython 3.12 on None is immortal and this costs nothing; on 3.11 each call takes
one reference from the singleton, and after a few thousand calls the interpreter aborts with
"none_dealloc: deallocating None". Giving None a very large reference count up front keeps
it alive for the life of the process, which is what 3.12 does by design.
"""

from __future__ import annotations

import ctypes
import sys

_GENEROUS_REFERENCES = 1 << 40


def keep_none_alive() -> None:
    """None, True and False: the singletons shiboken6 returns without a reference."""
    if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += _GENEROUS_REFERENCES
