"""The benchmark's GUI probe runs on a real project and prints its figures as JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from editor_app.storage import Project
from tests.qt.conftest import ROOT, SEEDS, make_project


def test_the_probe_prints_the_window_figures(tmp_path):
    path = make_project(tmp_path, *sorted(SEEDS.glob("*.txt")))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env["QINGYANG_LAUNCH_TIME"] = repr(time.time())
    completed = subprocess.run(
        [sys.executable, "-m", "editor_app.qt.bench_probe", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    assert 0 < figures["window_s"] < 60
    for name in ("switch_article_ms", "switch_document_ms", "longest_stall_ms"):
        assert figures[name] > 0, name
    assert set(figures["stalls_ms"]) >= {"import", "export", "search 镇", "search 副中心"}
    # Each phase's longest gap is split into the GUI thread's work and its waits.
    assert set(figures["stall_causes_ms"]) == set(figures["stalls_ms"])
    for causes in figures["stall_causes_ms"].values():
        assert set(causes) == {"own", "cpu_wait", "other"}
    with Project.open(path, read_only=True) as project:
        assert project.documents.count() == 2  # the import ran on a copy, not on this file
