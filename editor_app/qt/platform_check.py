"""Before the window starts on X11: are the system libraries Qt's xcb plugin needs there?

Without them Qt aborts with "Could not load the Qt platform plugin "xcb"", which names
no package. This check names the Debian/Ubuntu packages to install instead.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable

# The libraries Qt's xcb platform plugin (libqxcb.so, libQt6XcbQpa.so) links against that
# a bare system may lack, as `ctypes.util.find_library` names them, and the package of each.
XCB_LIBRARIES = {
    "xcb": "libxcb1",
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-randr": "libxcb-randr0",
    "xcb-render": "libxcb-render0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-shm": "libxcb-shm0",
    "xcb-sync": "libxcb-sync1",
    "xcb-util": "libxcb-util1",
    "xcb-xfixes": "libxcb-xfixes0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon": "libxkbcommon0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "X11": "libx11-6",
    "X11-xcb": "libx11-xcb1",
}

Finder = Callable[[str], str | None]
find_library: Finder = ctypes.util.find_library  # as the dynamic linker's cache knows them


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will start on X11 (xcb): on Linux, unless QT_QPA_PLATFORM or a Wayland
    session names another platform (offscreen for the tests, wayland, …)."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if asked:
        return asked == "xcb"
    return environ.get("XDG_SESSION_TYPE") != "wayland"


def missing_packages(find: Finder | None = None) -> list[str]:
    """The packages whose libraries `find` (else `find_library`) cannot find."""
    find = find or find_library
    return [package for library, package in XCB_LIBRARIES.items() if not find(library)]


def xcb_problem(find: Finder | None = None, environ=os.environ) -> str:
    """What to tell the user when the window cannot start on X11; "" when it can (or Qt
    does not use xcb here)."""
    if not uses_xcb(environ):
        return ""
    missing = missing_packages(find)
    if not missing:
        return ""
    return (
        "qingyang: the window cannot start: Qt's X11 (xcb) platform needs system libraries "
        "that are not installed.\n"
        f"Install them with:\n\n    sudo apt-get install {' '.join(missing)}\n\n"
        "(Other distributions: the packages of the same libraries. The command line, "
        "python -m editor_app, needs none of them.)"
    )
