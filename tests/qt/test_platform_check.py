"""On X11 without the libraries Qt's xcb plugin needs, the app names the packages and
stops, instead of Qt's abort that names none."""

from __future__ import annotations

import pytest

from editor_app.qt import app, platform_check
from editor_app.qt.platform_check import XCB_LIBRARIES, missing_packages, uses_xcb, xcb_problem
from tests.qt.conftest import SEEDS, make_project

BARE_DEBIAN = {"xcb", "X11", "X11-xcb", "xcb-render", "xcb-shm", "xkbcommon"}  # what it has


def bare_debian(name: str) -> str | None:
    """A library finder as on a bare Debian machine: the core X libraries only."""
    return f"lib{name}.so" if name in BARE_DEBIAN else None


def test_main_names_the_missing_packages_and_opens_no_window(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt")
    opened = []
    monkeypatch.setattr(app, "start", lambda *args, **kwargs: opened.append(args))
    monkeypatch.setattr(platform_check, "find_library", bare_debian)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")

    assert app.main([str(project)]) == 1
    assert opened == []
    message = capsys.readouterr().err
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-image0" in message
    assert "libxkbcommon-x11-0" in message and "libxcb-render-util0" in message
    assert "libxcb1 " not in message and "libx11-6" not in message  # those are there


def test_nothing_missing_is_no_problem():
    assert missing_packages(lambda name: f"lib{name}.so") == []
    assert xcb_problem(lambda name: f"lib{name}.so", {"QT_QPA_PLATFORM": "xcb"}) == ""


def test_every_library_is_looked_up():
    asked = []
    missing_packages(lambda name: asked.append(name) or None)
    assert asked == list(XCB_LIBRARIES)
    assert {"xcb-cursor", "xkbcommon-x11", "xcb-icccm", "xcb-keysyms"} <= set(asked)


def never_asked(name):
    raise AssertionError(f"looked up {name} where xcb is not used")


@pytest.mark.parametrize(
    "environ",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "wayland"},
        {"XDG_SESSION_TYPE": "wayland"},
    ],
)
def test_no_check_where_qt_does_not_use_xcb(environ):
    assert xcb_problem(never_asked, environ) == ""


def test_which_platform_qt_uses():
    assert uses_xcb({}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb:dpi=96", "XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux")
    assert not uses_xcb({}, "darwin")
    assert not uses_xcb({}, "win32")
