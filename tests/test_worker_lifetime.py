"""Worker processes die with the process that started them, and never hold the lock."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor_app.storage import Project
from tests.conftest import REPO, cli_env, run_cli
from tests.test_crash_import import write_archive

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

PATIENCE_S = 60  # how long to wait for something that should happen almost at once


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and brackets: the fields follow its last ")".
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return state[state.rindex(")") + 2] != "Z"


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + PATIENCE_S
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"still waiting after {PATIENCE_S} s: {what}")
        time.sleep(0.02)


def start_import(project: Path, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "editor_app", "import", str(project), str(folder)],
        env=cli_env(),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_a_killed_import_and_the_project_is_writable(tmp_path, signal_number):
    write_archive(tmp_path / "archive", random.Random(7))
    project = tmp_path / "p.qingyang"
    Project.create(project, editor="t").close()
    child = start_import(project, tmp_path / "archive")
    workers: set[int] = set()

    def workers_started() -> bool:
        workers.update(children_of(child.pid))
        return bool(workers) or child.poll() is not None

    wait_until(workers_started, "the import's worker processes to start")
    assert workers, "the import finished before it started workers"
    child.send_signal(signal_number)  # the main process only, not its group
    child.wait(timeout=PATIENCE_S)
    wait_until(lambda: not any(alive(pid) for pid in workers), "the workers to end")

    # The lock died with the writer: a new writer gets the project at once.
    edited = run_cli("import", project, tmp_path / "archive")
    assert edited.returncode == 0, edited.stderr
    assert run_cli("check", project).returncode == 0


def descendants_of(pid: int) -> set[int]:
    found, frontier = set(), {pid}
    while frontier:
        children = set().union(*(children_of(p) for p in frontier)) - found
        found |= children
        frontier = children
    return found


def test_clean_workers_and_their_forkserver_die_with_a_killed_export(tmp_path):
    """Workers started clean hold their forkserver open: they must watch the owner."""
    write_archive(tmp_path / "archive", random.Random(9))
    project = tmp_path / "p.qingyang"
    Project.create(project, editor="t").close()
    assert run_cli("import", project, tmp_path / "archive").returncode == 0
    child = subprocess.Popen(
        [sys.executable, "-m", "editor_app", "export", str(project), "--format", "jsonl"]
        + ["-o", str(tmp_path / "out.jsonl")],
        env=cli_env(),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    family: set[int] = set()

    def workers_started() -> bool:
        family.update(descendants_of(child.pid))
        return len(family) >= 3 or child.poll() is not None  # forkserver + 2 workers

    wait_until(workers_started, "the export's worker processes to start")
    assert child.poll() is None, "the export finished before its workers were seen"
    child.kill()
    child.wait(timeout=PATIENCE_S)
    wait_until(lambda: not any(alive(pid) for pid in family), "the workers to end")
