"""A project on read-only media opens read-only with a notice, and every read works.

Root writes through permission bits, so the real cases run the command line where the
bits or the medium hold for everyone: in a user namespace as an ordinary user (a 0444
file in a 0555 folder), and in a mount namespace with the folder bind-mounted read-only.
Where the system allows neither, those tests skip; the in-process test, which makes the
file system answer "not writable" the way it answers an ordinary user, always runs.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.storage import Project, connection
from tests.conftest import REPO, cli_env, sha256_of

READS = {
    "info": [],
    "articles": ["--json"],
    "check": [],
    "history": [],
    "search": ["孟景伟"],
    "stats": [],
}


@pytest.fixture
def shelf(tmp_path, project_file):
    """A folder holding a closed project, made read-only after the test's setup."""
    folder = tmp_path / "shelf"
    folder.mkdir()
    path = folder / "archive.qingyang"
    shutil.copy(project_file, path)
    path.chmod(0o444)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)


def sandboxed(sandbox: str, folder, command: str) -> list[str]:
    """`command` run where `folder` cannot be written, whoever runs it."""
    if sandbox == "read-only bind mount":
        place = shlex.quote(str(folder))
        mount = f"mount --bind {place} {place} && mount -o remount,bind,ro {place}"
        return [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            f"{mount} && {command}",
        ]
    if os.geteuid() != 0:
        return ["sh", "-c", command]
    return ["unshare", "--user", "--map-user=1000", "--map-group=1000", "sh", "-c", command]


def require(sandbox: str, folder) -> None:
    probe = f"! touch {shlex.quote(str(folder))}/.probe 2>/dev/null"
    try:
        done = subprocess.run(sandboxed(sandbox, folder, probe), capture_output=True, timeout=60)
    except OSError as error:
        pytest.skip(f"{sandbox}: {error}")
    if done.returncode != 0:
        pytest.skip(f"{sandbox} cannot be set up here: {done.stderr.decode()[:200]}")


def run_in(sandbox: str, path, *argv: str, cache) -> subprocess.CompletedProcess:
    command = shlex.join([sys.executable, "-m", "editor_app", *argv])
    return subprocess.run(
        sandboxed(sandbox, path.parent, command),
        capture_output=True,
        text=True,
        env=cli_env(XDG_CACHE_HOME=str(cache), QINGYANG_EDITOR="tester"),
        cwd=REPO,
        timeout=120,
    )


@pytest.mark.parametrize("sandbox", ["a 0444 file in a 0555 folder", "read-only bind mount"])
def test_reads_work_and_writes_refuse_on_read_only_media(shelf, tmp_path, sandbox):
    require(sandbox, shelf.parent)
    digest = sha256_of(shelf)
    cache = tmp_path / "cache"
    for command, extra in READS.items():
        done = run_in(sandbox, shelf, command, str(shelf), *extra, cache=cache)
        assert done.returncode == 0, (command, done.stderr)
        assert "damaged" not in done.stderr and "Traceback" not in done.stderr
    out = tmp_path / "corpus.jsonl"
    done = run_in(
        sandbox, shelf, "export", str(shelf), "--format", "jsonl", "-o", str(out), cache=cache
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").count("\n") > 0

    edit = run_in(sandbox, shelf, "edit", str(shelf), "status", "1", "edited", cache=cache)
    assert edit.returncode == 1 and "Traceback" not in edit.stderr
    assert str(shelf) in edit.stderr and "read-only" in edit.stderr
    assert sha256_of(shelf) == digest
    assert sorted(p.name for p in shelf.parent.iterdir()) == [shelf.name]


def test_a_log_left_beside_it_on_read_only_media_is_named(tmp_path, project_file):
    folder = tmp_path / "shelf"
    folder.mkdir()
    path = folder / "archive.qingyang"
    shutil.copy(project_file, path)
    project = Project.open(path, editor="crashed", backups=False)
    project.articles.set_field(project.articles.rows(1)[0]["id"], "title", "只在日志里")
    log = Path(f"{path}-wal").read_bytes()
    project.close()
    shutil.copy(project_file, path)  # the file as the crashed session left it, and its log
    Path(f"{path}-wal").write_bytes(log)
    Path(f"{path}-shm").unlink(missing_ok=True)  # its index is rebuilt by whoever may write
    require("read-only bind mount", folder)
    done = run_in("read-only bind mount", path, "info", str(path), cache=tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert str(path) in done.stderr and "-wal" in done.stderr and "not shown" in done.stderr


def test_a_file_nobody_may_write_opens_read_only_in_process(project_file, monkeypatch, tmp_path):
    """What an ordinary user's file system says of a 0444 file in a 0555 folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(connection.os, "access", lambda *_args, **_kw: False)
    digest = sha256_of(project_file)
    for command, extra in READS.items():
        code, _out, err = run_main(command, str(project_file), *extra)
        assert code == 0, (command, err)
        assert "damaged" not in err
    code, _out, err = run_main("edit", str(project_file), "status", "1", "edited")
    assert code == 1
    assert str(project_file) in err and "read-only" in err and "cannot be written" in err
    assert sha256_of(project_file) == digest


def run_main(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()
