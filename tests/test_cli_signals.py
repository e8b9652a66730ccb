"""A polite command line: a closed pipe ends quietly, Ctrl-C says what was kept."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from editor_app.cli import EXIT_CLOSED_PIPE, EXIT_INTERRUPTED
from tests.conftest import REPO, SEEDS, cli_env, run_cli, sha256_of
from tests.test_crash_import import documents_in, write_archive

SEED_FILES = sorted(SEEDS.glob("*.txt"))

# Every command that prints a listing or JSON, as `qingyang … | head -1` would run it.
LISTINGS = [
    ("articles", "{project}", "--json"),
    ("articles", "{project}"),
    ("search", "{project}", "副中心"),
    ("search", "{project}", "副中心", "--json"),
    ("suggestions", "{project}", "--json"),
    ("suggestions", "{project}"),
    ("stats", "{project}", "--json"),
    ("stats", "{project}"),
    ("history", "{project}", "--json"),
    ("info", "{project}", "--json"),
    ("replace", "{project}", "副中心", "城市副中心", "--dry-run"),
    ("segment", *map(str, SEED_FILES), "--json"),
    ("segment", *map(str, SEED_FILES)),
    ("cleanup", *map(str, SEED_FILES), "--json"),
    ("cleanup", *map(str, SEED_FILES)),
]


def run_into_closed_pipe(*args) -> subprocess.CompletedProcess:
    """Run with stdout a pipe whose reading end is already closed: every write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "editor_app", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
            cwd=REPO,
            timeout=300,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize("command", LISTINGS, ids=[f"{c[0]}-{n}" for n, c in enumerate(LISTINGS)])
def test_a_closed_pipe_ends_the_command_quietly(project_file, command):
    before = sha256_of(project_file)
    args = [part.format(project=project_file) for part in command]
    done = run_into_closed_pipe(*args)
    assert done.stderr == ""
    assert done.returncode == EXIT_CLOSED_PIPE
    assert sha256_of(project_file) == before


def interrupt_when(child: subprocess.Popen, started) -> None:
    """SIGINT to the whole process group, as a terminal's Ctrl-C sends it."""
    deadline = time.monotonic() + 120
    while child.poll() is None and not started() and time.monotonic() < deadline:
        time.sleep(0.005)
    if child.poll() is None:
        os.killpg(child.pid, signal.SIGINT)


def start(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "editor_app", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
        cwd=REPO,
        start_new_session=True,  # its own process group, like a job in a terminal
    )


@pytest.mark.parametrize("seed", [3, 4])
def test_ctrl_c_during_an_import_leaves_no_traceback_in_any_process(tmp_path, seed):
    write_archive(tmp_path / "archive", random.Random(seed))
    project = tmp_path / "p.qingyang"
    assert run_cli("new", project).returncode == 0
    child = start("import", project, tmp_path / "archive")
    interrupt_when(child, lambda: documents_in(project) >= random.Random(seed).randint(1, 100))
    _out, err = child.communicate(timeout=120)
    assert "Traceback" not in err, err
    assert child.returncode in (0, EXIT_INTERRUPTED), err
    if child.returncode == EXIT_INTERRUPTED:
        assert str(project) in err and "interrupted" in err
    assert run_cli("check", project).returncode == 0


def test_ctrl_c_during_an_export_keeps_the_old_file(tmp_path):
    write_archive(tmp_path / "archive", random.Random(5))
    project = tmp_path / "p.qingyang"
    assert run_cli("new", project).returncode == 0
    assert run_cli("import", project, tmp_path / "archive").returncode == 0
    out = tmp_path / "corpus.txt"
    out.write_text("the previous export\n", encoding="utf-8")

    def writing() -> bool:
        return any(name.name.startswith(".corpus") for name in tmp_path.iterdir())

    child = start("export", project, "--format", "jsonl", "-o", out)
    interrupt_when(child, writing)
    _out, err = child.communicate(timeout=120)
    assert "Traceback" not in err, err
    if child.returncode == EXIT_INTERRUPTED:
        assert str(project) in err and "nothing was exported" in err and str(out) in err
        assert out.read_text(encoding="utf-8") == "the previous export\n"
    else:
        assert child.returncode == 0, err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".corpus")]
