"""The writer's lock: a second writer waits its turn; forked children never keep it."""

from __future__ import annotations

import os

import pytest

from editor_app.storage import locking
from editor_app.storage.locking import FileLock, LockTaken


def test_a_second_writer_is_refused_at_once_without_a_wait(tmp_path):
    first = FileLock(tmp_path / "p.qingyang")
    first.acquire()
    with pytest.raises(LockTaken):
        FileLock(tmp_path / "p.qingyang").acquire()
    first.release()


def test_a_second_writer_waits_for_the_first_to_let_go(tmp_path, monkeypatch):
    first = FileLock(tmp_path / "p.qingyang")
    first.acquire()
    pauses = []

    def first_finishes(seconds):
        pauses.append(seconds)
        if len(pauses) == 3:  # the first writer is done after the third try
            first.release()

    monkeypatch.setattr(locking, "pause", first_finishes)
    second = FileLock(tmp_path / "p.qingyang")
    second.acquire(wait_s=5)
    assert len(pauses) == 3
    with pytest.raises(LockTaken):  # and it really holds the lock now
        FileLock(tmp_path / "p.qingyang").acquire()
    second.release()


def test_a_writer_gives_up_when_the_other_keeps_the_project(tmp_path, monkeypatch):
    first = FileLock(tmp_path / "p.qingyang")
    first.acquire()
    pauses = []
    monkeypatch.setattr(locking, "pause", pauses.append)
    with pytest.raises(LockTaken):
        FileLock(tmp_path / "p.qingyang").acquire(wait_s=1)
    assert sum(pauses) == pytest.approx(1, abs=locking.RETRY_S)
    first.release()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_does_not_keep_the_lock(tmp_path):
    """The parent lets go while its child lives on: the lock must be free."""
    held = FileLock(tmp_path / "p.qingyang")
    held.acquire()
    ready_read, ready_write = os.pipe()
    done_read, done_write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.write(ready_write, b"x")
        os.read(done_read, 1)  # stay alive until the parent has checked
        os._exit(0)
    os.read(ready_read, 1)
    held.release()
    try:
        again = FileLock(tmp_path / "p.qingyang")
        again.acquire()
        again.release()
    finally:
        os.write(done_write, b"x")
        os.waitpid(child, 0)


def test_a_command_that_writes_waits_for_the_window_to_let_go(project_file, monkeypatch, capsys):
    """An edit from the command line while another writer holds the file: it takes its turn."""
    from editor_app.cli import main
    from editor_app.storage import Project

    window = FileLock(project_file)
    window.acquire()
    tries = []

    def window_finishes(seconds):
        tries.append(seconds)
        window.release()

    monkeypatch.setattr(locking, "pause", window_finishes)
    with Project.open(project_file, read_only=True) as project:
        first = project.articles.of_document(project.documents.ids()[0])[0].id
    assert main(["edit", str(project_file), "status", str(first), "reviewed"]) == 0
    assert tries, "the command did not wait"
    with Project.open(project_file, read_only=True) as project:
        assert project.articles.get(first).status == "reviewed"
