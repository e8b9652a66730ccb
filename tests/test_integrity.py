"""Opening checks the whole file only when it may have changed behind Qingyang's back."""

from __future__ import annotations

import os
import shutil

import pytest

from editor_app.storage import CorruptProjectError, Project
from editor_app.storage.integrity import needs_check


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def closed_project(tmp_path):
    path = tmp_path / "p.qingyang"
    with Project.create(path, editor="t") as project:
        project.db.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")
    return path


def test_a_cleanly_closed_project_needs_no_full_check(tmp_path):
    assert not needs_check(closed_project(tmp_path))


def test_a_file_changed_by_someone_else_is_checked_then_trusted(tmp_path):
    path = closed_project(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data)  # same bytes, but not written by a Qingyang session
    os.utime(path, ns=(1, 1))
    assert needs_check(path)
    Project.open(path, read_only=True).close()  # the check passes and is remembered
    assert not needs_check(path)


def test_a_copy_elsewhere_is_checked(tmp_path):
    path = closed_project(tmp_path)
    copy = tmp_path / "copy.qingyang"
    shutil.copy(path, copy)
    assert needs_check(copy)


def test_a_leftover_log_means_the_last_session_did_not_close(tmp_path):
    path = closed_project(tmp_path)
    (tmp_path / "p.qingyang-wal").write_bytes(b"\0" * 32)
    assert needs_check(path)


def test_damage_after_a_clean_close_is_found(tmp_path):
    path = closed_project(tmp_path)
    with Project.open(path, editor="t", backups=False) as project:
        project.db["documents"].insert_all(
            {"file_name": f"{n}.txt", "sha256": str(n), "raw_text": "正文" * 500}
            for n in range(100)
        )
    data = bytearray(path.read_bytes())
    for start in range(2 * 4096, len(data), 3 * 4096):
        data[start + 8 : start + 400] = b"\xa5" * 392
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptProjectError, match="damaged"):
        Project.open(path, editor="t")
