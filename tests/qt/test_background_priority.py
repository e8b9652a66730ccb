"""Work the window sends to the background runs behind the window: when the cores are all
busy, the GUI thread is served first and the window keeps answering."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from editor_app.qt import importing
from editor_app.qt.priority import BACKGROUND_NICE
from tests.qt.conftest import SEEDS, make_project

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="a per-thread nice value is Linux's"
)


def this_threads_nice() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_a_background_call_runs_behind_the_window_and_the_window_keeps_its_priority(qtbot, window):
    window_nice = this_threads_nice()
    results: list[int] = []
    # The slot is connected before the call starts: a result emitted before a wait began
    # would otherwise be missed (the call can finish as soon as the pool runs it).
    window.background.start(
        lambda _progress, _cancelled: this_threads_nice(), finished=results.append
    )
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results == [max(BACKGROUND_NICE, window_nice)]
    assert this_threads_nice() == window_nice


def test_an_import_runs_behind_the_window(qtbot, window, tmp_path, monkeypatch):
    window_nice = this_threads_nice()
    window.open_project(make_project(tmp_path))
    real_import = importing.import_paths
    seen: list[int] = []

    def import_noting_the_priority(*args, **kwargs):
        seen.append(this_threads_nice())
        return real_import(*args, **kwargs)

    monkeypatch.setattr(importing, "import_paths", import_noting_the_priority)
    source = sorted(SEEDS.glob("*.txt"))[0]
    with qtbot.waitSignal(window.import_finished, timeout=60_000):
        window.start_import([str(source)])
    assert seen == [max(BACKGROUND_NICE, window_nice)]
    assert this_threads_nice() == window_nice
    assert window.documents.loaded_count == 1
