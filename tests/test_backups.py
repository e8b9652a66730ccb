"""Daily backups beside the project: when they are made, which are kept, and restore."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from editor_app.storage import Project, ProjectError, backup_if_due, list_backups, restore
from editor_app.storage.backups import STAMP, Backup, backup_folder, backups_to_keep, prune


def titles(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT title FROM articles ORDER BY id").fetchall()
    conn.close()
    return [row[0] for row in rows]


def age_backups(project_file, days: float) -> None:
    """Pretend every backup was taken `days` earlier, by renaming its stamp."""
    for backup in list_backups(project_file):
        older = (backup.taken - timedelta(days=days)).strftime(STAMP)
        rest = backup.name[len(project_file.stem) + 1 + len(older) :]
        backup.path.rename(backup.path.with_name(f"{project_file.stem}-{older}{rest}"))


def test_opening_makes_the_first_backup(project_file):
    assert list_backups(project_file) == []
    Project.open(project_file, editor="t").close()
    (made,) = list_backups(project_file)
    assert made.path.parent == backup_folder(project_file)
    assert made.path.parent.name == "seeds.backups"
    assert titles(made.path) == titles(project_file)


def test_no_second_backup_within_a_day(project_file):
    Project.open(project_file, editor="t").close()
    age_backups(project_file, days=0.5)
    Project.open(project_file, editor="t").close()
    assert len(list_backups(project_file)) == 1


def test_a_backup_older_than_a_day_makes_a_new_one(project_file):
    Project.open(project_file, editor="t").close()
    age_backups(project_file, days=1.5)
    with Project.open(project_file, editor="t") as project:
        project.articles.set_field(project.articles.rows(1)[0]["id"], "title", "改")
    assert len(list_backups(project_file)) == 2


@pytest.mark.parametrize(("hours", "due"), [(1, False), (23, False), (25, True), (24 * 9, True)])
def test_backup_if_due_by_the_clock(project, hours, due):
    assert backup_if_due(project.path, project.db.conn) is not None
    later = datetime.now() + timedelta(hours=hours)
    made = backup_if_due(project.path, project.db.conn, now=later)
    assert (made is not None) is due
    assert len(list_backups(project.path)) == 1 + due


def fake_backups(folder, stem: str, times: list[datetime]) -> list[Backup]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for when in times:
        path = folder / f"{stem}-{when.strftime(STAMP)}.qingyang"
        path.write_bytes(b"copy")
        made.append(Backup(path, when))
    return sorted(made, key=lambda b: b.taken, reverse=True)


def test_pruning_keeps_seven_daily_and_four_weekly(tmp_path):
    project = tmp_path / "p.qingyang"
    start = datetime(2024, 1, 1, 9, 0, 0)  # a Monday
    times = [start + timedelta(days=d, hours=h) for d in range(70) for h in (0, 5)]
    backups = fake_backups(backup_folder(project), "p", times)
    removed = prune(project)
    kept = list_backups(project)
    assert len(kept) == 11 and len(removed) == len(backups) - 11
    daily, weekly = kept[:7], kept[7:]
    newest_day = times[-1].date()
    assert [b.taken.date() for b in daily] == [newest_day - timedelta(days=d) for d in range(7)]
    assert all(b.taken.hour == 14 for b in daily), "the newest copy of each day is kept"
    weeks = [b.taken.isocalendar()[:2] for b in weekly]
    assert len(set(weeks)) == 4
    assert all(b.taken < daily[-1].taken for b in weekly)
    for backup in weekly:  # each weekly copy is the newest left of its week
        same_week = [t for t in times if t.isocalendar()[:2] == backup.taken.isocalendar()[:2]]
        assert backup.taken == max(t for t in same_week if t < daily[-1].taken)


@pytest.mark.parametrize("count", [0, 1, 7])
def test_few_backups_are_all_kept(tmp_path, count):
    now = datetime(2024, 3, 1, 12)
    backups = fake_backups(tmp_path / "b", "p", [now - timedelta(days=d) for d in range(count)])
    assert backups_to_keep(backups) == {b.path for b in backups}


def test_backups_with_foreign_names_are_ignored(project_file):
    folder = backup_folder(project_file)
    folder.mkdir()
    (folder / "notes.txt").write_text("x")
    (folder / "seeds-yesterday.qingyang").write_text("x")
    assert list_backups(project_file) == []
    assert prune(project_file) == []
    assert (folder / "notes.txt").exists()


def test_restore_brings_a_backup_back_and_keeps_the_current_state(project_file):
    Project.open(project_file, editor="t").close()
    (old,) = list_backups(project_file)
    with Project.open(project_file, editor="t") as project:
        project.articles.set_field(project.articles.rows(1)[0]["id"], "title", "改过的标题")
    edited = titles(project_file)
    assert "改过的标题" in edited

    kept = restore(project_file, old.path)
    assert titles(project_file) == titles(old.path)
    assert "before-restore" in kept.name
    assert titles(kept) == edited
    with Project.open(project_file, editor="t", backups=False) as project:
        assert project.articles.get(project.articles.rows(1)[0]["id"]).title != "改过的标题"


def test_restore_of_a_missing_backup_changes_nothing(project_file, tmp_path):
    before = titles(project_file)
    with pytest.raises(ProjectError, match="no such backup"):
        restore(project_file, tmp_path / "nope.qingyang")
    assert titles(project_file) == before


@pytest.mark.parametrize(
    "content", [b"", "随手记".encode(), b"SQLite format 3\x00" + b"\x00" * 200]
)
def test_restore_refuses_a_file_that_is_no_project(project_file, tmp_path, content):
    before = titles(project_file)
    impostor = tmp_path / "impostor.qingyang"
    impostor.write_bytes(content)
    with pytest.raises(ProjectError) as raised:
        restore(project_file, impostor)
    assert str(impostor) in str(raised.value)
    assert titles(project_file) == before
    assert list_backups(project_file) == []


def test_a_backup_that_cannot_be_made_is_a_notice_not_a_refusal(project_file):
    backup_folder(project_file).write_text("a file where the folder should be")
    with Project.open(project_file, editor="t") as project:
        assert "no backup" in project.notice
        project.articles.set_field(project.articles.rows(1)[0]["id"], "title", "照常工作")
    assert titles(project_file)[0] == "照常工作"


def test_backup_through_its_own_connection_while_the_project_is_open(tmp_path):
    from editor_app.storage import Project, backup_if_due_separately, list_backups

    path = tmp_path / "busy.qingyang"
    with Project.create(path, editor="甲") as project:
        project.db.execute("INSERT INTO meta (key, value) VALUES ('marker', 'still here')")
        made = backup_if_due_separately(path)
        assert made is not None and list_backups(path)[0].path == made
        assert backup_if_due_separately(path) is None  # not due again within the day
        project.db.execute("UPDATE meta SET value = 'after' WHERE key = 'marker'")
    copy = Project.open(made, read_only=True)
    try:
        value = copy.db.execute("SELECT value FROM meta WHERE key = 'marker'").fetchone()[0]
    finally:
        copy.close()
    assert value == "still here"


def test_restore_over_a_damaged_project_keeps_the_damaged_file(tmp_path):
    from editor_app.storage import Project, backup_now, list_backups, restore

    path = tmp_path / "hurt.qingyang"
    with Project.create(path, editor="甲") as project:
        project.db.execute("INSERT INTO meta (key, value) VALUES ('marker', 'sound')")
        good = backup_now(path, project.db.conn)
    damaged = b"SQLite format 3\x00" + b"\xa5" * 8000
    path.write_bytes(damaged)
    kept = restore(path, good)
    assert kept.read_bytes() == damaged
    assert not list(kept.parent.glob("*.partial"))
    with Project.open(path, read_only=True) as project:
        assert project.db.execute("SELECT value FROM meta WHERE key = 'marker'").fetchone() == (
            "sound",
        )
    assert {b.path for b in list_backups(path)} == {good, kept}
