"""The project commands through real subprocesses: output, exit codes, messages."""

from __future__ import annotations

import json
import sqlite3

import pytest

from editor_app.storage import Project
from editor_app.storage.schema import schema_version
from tests.conftest import cli_env, run_cli, sha256_of


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def ok(*args, **options):
    """Run a command that must succeed; returns its stdout."""
    done = run_cli(*args, **options)
    assert done.returncode == 0, done.stderr
    return done.stdout


def fails(*args, code: int = 1, **options) -> str:
    """Run a command that must fail with `code`; returns its stderr."""
    done = run_cli(*args, **options)
    assert done.returncode == code, (done.stdout, done.stderr)
    assert done.stderr.strip()
    return done.stderr


def history(path) -> list[dict]:
    return json_lines(ok("history", path, "--json"))


def snapshot(path) -> tuple[list[dict], dict]:
    """Articles as `articles --json` prints them, and the line roles of document 1."""
    with Project.open(path, read_only=True) as project:
        roles = project.documents.line_roles(1)
    return json_lines(ok("articles", path, "--json")), roles


# -- new, import, info, articles, check -----------------------------------------------------


def test_new_import_info_articles_check(tmp_path, seed_dir):
    path = tmp_path / "cli.qingyang"
    assert "created" in ok("new", path)
    (seed_dir / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    done = run_cli("import", path, seed_dir, "--publication", "通州时讯", "--json")
    assert done.returncode == 1  # a file was refused: named on stderr, the rest imported
    assert "broken.txt: the file looks binary" in done.stderr
    report = json.loads(done.stdout)
    assert len(report["imported"]) == 2
    assert [s["path"].rsplit("/", 1)[-1] for s in report["skipped"]] == ["broken.txt"]
    assert "binary" in report["skipped"][0]["reason"]

    info = json.loads(ok("info", path, "--json"))
    assert info["documents"] == 2 and info["schema_version"] == schema_version()
    articles = json_lines(ok("articles", path, "--json"))
    assert {a["document_id"] for a in articles} == {1, 2}
    assert all(a["text"] for a in articles)
    assert "ok" in ok("check", path)


def test_import_twice_reports_the_duplicates(tmp_path, seed_dir):
    path = tmp_path / "cli.qingyang"
    ok("new", path)
    ok("import", path, seed_dir)
    again = ok("import", path, seed_dir)
    assert "imported 0, skipped 2" in again and "already in the project" in again


def test_new_refuses_an_existing_file(project_file):
    digest = sha256_of(project_file)
    assert str(project_file) in fails("new", project_file)
    assert sha256_of(project_file) == digest


def test_import_of_a_missing_path_fails(project_file, tmp_path):
    missing = tmp_path / "nowhere"
    assert str(missing) in fails("import", project_file, missing)


@pytest.mark.parametrize("command", ["info", "articles", "check", "history", "undo", "import"])
def test_a_file_that_is_not_a_project_is_named(tmp_path, command):
    path = tmp_path / "notes.qingyang"
    path.write_text("随手记\n", encoding="utf-8")
    extra = [tmp_path] if command == "import" else []
    stderr = fails(command, path, *extra)
    assert str(path) in stderr and "not" in stderr
    assert path.read_text(encoding="utf-8") == "随手记\n"


def test_a_newer_project_names_both_versions(project_file):
    with sqlite3.connect(project_file) as conn:
        conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    conn.close()
    stderr = fails("info", project_file)
    assert f"schema version {schema_version() + 1}" in stderr
    assert f"schema version {schema_version()}" in stderr


def test_a_project_open_elsewhere_cannot_be_edited(held_open):
    digest = sha256_of(held_open)
    stderr = fails("edit", held_open, "status", "1", "reviewed")
    assert str(held_open) in stderr and "another running" in stderr
    assert sha256_of(held_open) == digest
    assert json.loads(ok("info", held_open, "--json"))["documents"] == 2


def test_check_reports_broken_invariants(project_file):
    with sqlite3.connect(project_file) as conn:
        conn.execute("UPDATE articles SET start_line = 1, end_line = 100000 WHERE id = 1")
    conn.close()
    assert "article 1" in fails("check", project_file)


# -- edits, history, undo, redo -------------------------------------------------------------

# Seed document 1 under the stable segmenter: articles 3–9, 11–17, 19–25, ...
EDITS = [
    (["split", "1", "7"], "拆分文章"),
    (["merge", "1"], "合并文章"),
    (["move", "2", "15"], "移动边界"),
    (["role", "1", "5", "byline"], "设置行角色"),
    (["set", "1", "reporters", "赵紫楠、季芳"], "修改字段"),
    (["set", "1", "truncated", "1"], "修改字段"),
    (["status", "1", "reviewed"], "设置状态"),
    (["non-article", "1", "5", "7", "boilerplate"], "标记非文章"),
    (["title", "2", "11"], "标题移至文首"),
]


@pytest.mark.parametrize(("edit", "label"), EDITS, ids=[e[0][0] for e in EDITS])
def test_edit_history_undo_redo(project_file, edit, label):
    before = snapshot(project_file)
    assert f"{label}: ok" in ok("edit", project_file, *edit)
    after = snapshot(project_file)
    assert after != before
    newest = history(project_file)[0]
    assert (newest["kind"], newest["label"], newest["state"]) == ("do", label, "done")
    assert newest["changes"]

    assert label in ok("undo", project_file)
    assert snapshot(project_file) == before
    assert history(project_file)[1]["state"] == "undone"
    assert label in ok("redo", project_file)
    assert snapshot(project_file) == after
    ok("check", project_file)


def test_edit_text_from_stdin(project_file):
    ok("edit", project_file, "text", "1", "-", stdin="新的正文")
    (article,) = [a for a in json_lines(ok("articles", project_file, "--json")) if a["id"] == 1]
    assert article["text"] == "新的正文" and article["status"] == "edited"


@pytest.mark.parametrize("step", ["undo", "redo"])
def test_nothing_to_undo_or_redo(project_file, step):
    assert f"nothing to {step}" in fails(step, project_file)


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (["split", "1", "4"], "blank"),
        (["split", "99999", "4"], "no article"),
        (["status", "1", "finished"], "unknown status"),
        (["set", "1", "colour", "red"], "not an editable field"),
        (["role", "1", "3", "headline"], "unknown line role"),
        (["role", "999", "3", "title"], "no document 999"),
        (["non-article", "999", "1", "3", "noise"], "no document 999"),
        (["set", "1", "kind", "bogus"], "unknown kind"),
        (["title", "1", "150"], "not in article lines"),
    ],
)
def test_a_refused_edit_exits_1_and_changes_nothing(project_file, edit, words):
    before = json_lines(ok("articles", project_file, "--json"))
    stderr = fails("edit", project_file, *edit)
    assert str(project_file) in stderr and words in stderr
    assert json_lines(ok("articles", project_file, "--json")) == before
    assert history(project_file)[0]["kind"] == "import"


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["info"],
        ["edit", "{p}"],
        ["edit", "{p}", "split", "one", "7"],
        ["edit", "{p}", "split", "1"],
        ["edit", "{p}", "paint", "1"],
        ["accept", "{p}"],
        ["history", "{p}", "--limit", "many"],
    ],
    ids=lambda a: " ".join(a) or "nothing",
)
def test_bad_usage_exits_2(project_file, args):
    digest = sha256_of(project_file)
    fails(*[a.format(p=project_file) for a in args], code=2)
    assert sha256_of(project_file) == digest


# -- suggestions and dictionary -------------------------------------------------------------


def test_dictionary_accept_reject_through_the_cli(project_file):
    assert "suggestions" in ok("dict", project_file, "add", "孟景伟", "孟景伟同志")
    assert "孟景伟 → 孟景伟同志" in ok("dict", project_file, "list")
    found = [
        s
        for s in json_lines(ok("suggestions", project_file, "--json"))
        if s["rule"] == "dictionary"
    ]
    assert {s["document"] for s in found} == {1, 2}

    first, *rest = found
    ok("accept", project_file, "--id", first["id"])
    ok("reject", project_file, "--pattern", "孟景伟→孟景伟同志")
    left = json_lines(ok("suggestions", project_file, "--json", "--rule", "dictionary"))
    assert left == []
    texts = "".join(a["text"] for a in json_lines(ok("articles", project_file, "--json")))
    assert texts.count("孟景伟同志") == 1

    ok("undo", project_file)
    assert len(
        json_lines(ok("suggestions", project_file, "--json", "--rule", "dictionary"))
    ) == len(rest)
    assert "no open suggestion" in fails("accept", project_file, "--rule", "no-such-rule")
    assert "already" in fails("dict", project_file, "add", "孟景伟", "别的")
    ok("dict", project_file, "remove", "孟景伟")
    assert ok("dict", project_file, "list").strip() == ""


# -- who is recorded ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "variable", "login", "expected"),
    [
        (["--editor", "王编辑"], "李编辑", "zhang", "王编辑"),
        ([], "李编辑", "zhang", "李编辑"),
        ([], None, "zhang", "zhang"),
    ],
    ids=["flag", "environment", "login"],
)
def test_the_editor_name_in_the_history(project_file, flag, variable, login, expected):
    env = cli_env(LOGNAME=login, USER=login, LNAME=login, USERNAME=login)
    if variable:
        env["QINGYANG_EDITOR"] = variable
    ok("edit", project_file, *flag, "status", "1", "reviewed", env=env)
    ok("undo", project_file, *flag, env=env)
    newest = history(project_file)[:2]
    assert [op["editor"] for op in newest] == [expected, expected]
    assert [op["kind"] for op in newest] == ["undo", "do"]


# -- backups --------------------------------------------------------------------------------


def test_backups_and_restore(project_file):
    ok("edit", project_file, "set", "1", "title", "备份前的标题")  # opening makes today's copy
    (line,) = ok("backups", project_file).splitlines()
    backup = line.split("  ", 1)[1]
    ok("edit", project_file, "set", "1", "title", "备份后的标题")

    restored = ok("restore", project_file, backup)
    assert "before-restore" in restored
    with Project.open(project_file, read_only=True) as project:
        assert project.articles.get(1).title != "备份后的标题"
    assert len(ok("backups", project_file).splitlines()) == 2


def test_restore_refuses_while_open_elsewhere(held_open, tmp_path):
    digest = sha256_of(held_open)
    stderr = fails("restore", held_open, tmp_path / "whatever.qingyang")
    assert str(held_open) in stderr
    assert sha256_of(held_open) == digest


@pytest.mark.parametrize("command", ["new", "backups", "info"])
def test_a_missing_folder_or_file_is_named(tmp_path, command):
    path = tmp_path / "no-such-folder" / "p.qingyang"
    stderr = fails(command, path)
    assert str(path) in stderr and "Traceback" not in stderr
    assert not path.parent.exists()
