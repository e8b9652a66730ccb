"""Opening a project file: what is refused, with which message, and that nothing is touched."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest
from sqlite_utils import Database

from editor_app.storage import (
    CorruptProjectError,
    NewerVersionError,
    NotAProjectError,
    Project,
    ProjectError,
    ProjectLockedError,
    ReadOnlyProjectError,
    is_project_file,
)
from editor_app.storage.schema import APPLICATION_ID, MIGRATION_NAMES, migrations, schema_version
from tests.conftest import sha256_of, state_of

# -- files that are not (sound, current) projects -------------------------------------------


def make_text_file(path):
    path.write_text("这不是数据库\n", encoding="utf-8")


def make_foreign_sqlite(path):
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('hello')")
    conn.close()


def make_newer_project(path):
    Project.create(path, editor="t").close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema_version() + 3}")
    conn.close()


def make_corrupt_project(path):
    with Project.create(path, editor="t") as project:
        project.db["documents"].insert_all(
            {"file_name": f"{n}.txt", "sha256": str(n), "raw_text": "正文" * 500}
            for n in range(200)
        )
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), 3 * page):
        data[start + 8 : start + 400] = b"\xa5" * 392  # wreck page headers and cell pointers
    path.write_bytes(bytes(data))


BAD_FILES = {
    "text file": (make_text_file, NotAProjectError, "not an SQLite database"),
    "foreign SQLite": (make_foreign_sqlite, NotAProjectError, "not a Qingyang project"),
    "newer version": (make_newer_project, NewerVersionError, f"version {schema_version() + 3}"),
    "corrupt": (make_corrupt_project, CorruptProjectError, "damaged"),
}


@pytest.mark.parametrize("name", BAD_FILES)
@pytest.mark.parametrize("read_only", [False, True])
def test_bad_file_is_refused_and_left_untouched(tmp_path, name, read_only):
    make, error, words = BAD_FILES[name]
    path = tmp_path / "bad.qingyang"
    make(path)
    digest = sha256_of(path)
    with pytest.raises(error) as raised:
        Project.open(path, editor="t", read_only=read_only)
    message = str(raised.value)
    assert str(path) in message and words in message
    assert sha256_of(path) == digest
    assert not (tmp_path / "bad.backups").exists()


def test_newer_version_message_names_both_versions(tmp_path):
    path = tmp_path / "newer.qingyang"
    make_newer_project(path)
    with pytest.raises(NewerVersionError) as raised:
        Project.open(path)
    assert f"schema version {schema_version() + 3}" in str(raised.value)
    assert f"schema version {schema_version()}" in str(raised.value)


@pytest.mark.parametrize("name", ["missing.qingyang", "folder"])
def test_missing_file_or_folder_is_no_project(tmp_path, name):
    (tmp_path / "folder").mkdir()
    with pytest.raises(NotAProjectError):
        Project.open(tmp_path / name)
    assert not (tmp_path / "missing.qingyang").exists()


def test_create_refuses_an_existing_file(tmp_path):
    path = tmp_path / "notes.qingyang"
    make_text_file(path)
    digest = sha256_of(path)
    with pytest.raises(ProjectError):
        Project.create(path)
    assert sha256_of(path) == digest


@pytest.mark.parametrize(
    ("make", "expected"), [(make_text_file, False), (make_foreign_sqlite, False)]
)
def test_is_project_file(tmp_path, make, expected):
    path = tmp_path / "x.qingyang"
    make(path)
    assert is_project_file(path) is expected
    Project.create(tmp_path / "ok.qingyang").close()
    assert is_project_file(tmp_path / "ok.qingyang")


# -- another running instance ---------------------------------------------------------------


def test_a_project_open_elsewhere_is_refused(held_open):
    digest = sha256_of(held_open)
    with pytest.raises(ProjectLockedError) as raised:
        Project.open(held_open, editor="t")
    assert str(held_open) in str(raised.value)
    assert "another running Qingyang" in str(raised.value)
    assert sha256_of(held_open) == digest


def test_a_project_open_elsewhere_can_be_read(held_open):
    with Project.open(held_open, read_only=True) as project:
        assert project.documents.count() == 2


def test_the_lock_goes_with_the_project(project_file):
    first = Project.open(project_file, editor="t", backups=False)
    with pytest.raises(ProjectLockedError):
        Project.open(project_file, editor="t", backups=False)
    first.close()
    Project.open(project_file, editor="t", backups=False).close()


# -- read-only files ------------------------------------------------------------------------


@pytest.fixture
def unwritable(project_file):
    """The seed project made unwritable: by permissions, or for root by the immutable flag."""
    if os.geteuid() != 0:
        project_file.chmod(0o444)
        yield project_file
        project_file.chmod(0o644)
        return
    flagged = subprocess.run(["chattr", "+i", str(project_file)], capture_output=True)
    if flagged.returncode != 0 or os.access(project_file, os.W_OK):
        pytest.skip("cannot make a file unwritable for root here")
    yield project_file
    subprocess.run(["chattr", "-i", str(project_file)], check=True)


def try_writes(project):
    first = project.articles.rows(1)[0]["id"]
    return {
        "set_field": lambda: project.articles.set_field(first, "title", "x"),
        "split": lambda: project.articles.split(first, 7),
        "undo": project.undo.undo,
        "accept": lambda: project.suggestions.accept(rule="join"),
        "dictionary": lambda: project.suggestions.add_dictionary_entry("通州", "通州区"),
    }


def test_unwritable_file_opens_read_only_and_refuses_writes(unwritable):
    digest = sha256_of(unwritable)
    with Project.open(unwritable, editor="t") as project:
        assert project.read_only
        assert "read-only" in project.notice
        before = state_of(project)
        for name, write in try_writes(project).items():
            with pytest.raises(ReadOnlyProjectError):
                write()
            assert state_of(project) == before, name
    assert sha256_of(unwritable) == digest


def test_asked_read_only_refuses_writes_and_leaves_the_bytes(project_file):
    digest = sha256_of(project_file)
    with Project.open(project_file, read_only=True) as project:
        for write in try_writes(project).values():
            with pytest.raises(ReadOnlyProjectError) as raised:
                write()
            assert str(project_file) in str(raised.value)
    assert sha256_of(project_file) == digest


# -- migration from an older schema ---------------------------------------------------------


def make_version_1(path):
    """A project as the first release wrote it: only the core tables, user_version 1."""
    db = Database(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db, stop_before=MIGRATION_NAMES[1])
    db.execute("PRAGMA user_version = 1")
    db["documents"].insert(
        {"id": 1, "file_name": "old.txt", "sha256": "abc", "raw_text": "标题\n\n正文。"}
    )
    db["articles"].insert(
        {
            "id": 1,
            "document_id": 1,
            "start_line": 1,
            "end_line": 3,
            "start_offset": 0,
            "end_offset": 6,
            "title": "标题",
        }
    )
    db.close()


def test_older_schema_is_migrated_after_a_backup(tmp_path):
    path = tmp_path / "old.qingyang"
    make_version_1(path)
    assert not Database(path)["suggestions"].exists()
    with Project.open(path, editor="t") as project:
        assert project.schema_version == schema_version()
        assert project.documents.get(1).text == "标题\n\n正文。"
        assert project.articles.get(1).title == "标题"
        assert project.db["suggestions"].exists() and project.db["dictionary"].exists()
        project.articles.set_field(1, "title", "新标题")
    backups = list((tmp_path / "old.backups").glob("*.qingyang"))
    assert any("before-upgrade-v1" in b.name for b in backups)
    kept = Database(next(b for b in backups if "before-upgrade" in b.name))
    assert kept.execute("PRAGMA user_version").fetchone()[0] == 1
    assert kept["articles"].get(1)["title"] == "标题"


def test_older_read_only_file_is_refused(tmp_path):
    path = tmp_path / "old.qingyang"
    make_version_1(path)
    digest = sha256_of(path)
    with pytest.raises(ProjectError, match="older"):
        Project.open(path, read_only=True)
    assert sha256_of(path) == digest
