"""Damaged project files through the command line.

A corpus of damaged files is made here from a real project on disk (the seed issues,
imported and edited): flipped bits, truncation, zeroed pages, dropped tables, indexes,
triggers and views, text that is not UTF-8, JSON that does not parse, ids that point
nowhere, and stale, foreign or garbage log (-wal) files beside it. The read commands,
an edit, an undo and an edit bound to fail run on each (through `main`, and a sample in
real subprocesses): no traceback, exit 0 or 1, a failure names the file, `check` fails
on every variant SQLite or the project's invariants can see as damaged, and neither a
failed command nor a read changes the file's bytes (nor its -wal).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import random
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.storage import Project, import_paths
from editor_app.storage.schema import schema_version
from tests.conftest import SEEDS, cli_env, run_cli

PAGE = 4096
SEARCHED = "孟景伟"  # in the first seed issue: three characters, so the trigram index answers


@dataclass(frozen=True, slots=True)
class Material:
    """What the variants are made from: files of real sessions, as bytes."""

    base: bytes  # a project closed cleanly after an import and a few edits
    crash_log: bytes  # the -wal of a later session on `base` that never closed
    later: bytes  # `base` after that session and one more closed cleanly
    foreign_log: bytes  # the -wal of a session on another project
    article: int  # an article of document 1


def _edit_a_little(project: Project) -> int:
    first, second, third = (a.id for a in project.articles.of_document(1)[:3])
    project.articles.set_status(first, "reviewed")
    project.articles.set_field(second, "title", "新的标题")
    project.articles.set_field(third, "note", "核对过")
    return first


def _log_of_open_session(path: Path, edit) -> bytes:
    """The -wal a session leaves when it dies after `edit` (nothing folded into the file)."""
    project = Project.open(path, editor="crash", backups=False)
    edit(project)
    log = Path(f"{path}-wal").read_bytes()
    project.close()
    return log


def make_material(folder: Path) -> Material:
    base = folder / "base.qingyang"
    with Project.create(base, editor="maker") as project:
        import_paths(project, [SEEDS], publication="通州时讯", workers=1)
        article = _edit_a_little(project)
    work = folder / "work.qingyang"
    shutil.copy(base, work)
    crash_log = _log_of_open_session(
        work, lambda p: p.articles.set_field(article, "title", "崩溃前")
    )
    with Project.open(work, editor="later", backups=False) as project:
        project.articles.set_field(article, "kicker", "后来")
        project.articles.set_status(article + 1, "approved")
    other = folder / "other.qingyang"
    with Project.create(other, editor="other") as project:
        import_paths(project, [SEEDS / "004_353c17634c82fe70.txt"], workers=1)
    foreign_log = _log_of_open_session(
        other, lambda p: p.articles.set_field(1, "title", "别的项目")
    )
    return Material(base.read_bytes(), crash_log, work.read_bytes(), foreign_log, article)


# -- the variants: each writes a damaged project (and maybe a log) at `path` ---------------


def _write(path: Path, data: bytes, log: bytes | None = None) -> None:
    path.write_bytes(data)
    if log is not None:
        Path(f"{path}-wal").write_bytes(log)


def _flip_bits(data: bytes, seed: int, count: int) -> bytes:
    rng = random.Random(seed)
    damaged = bytearray(data)
    for _ in range(count):
        offset = rng.randrange(len(damaged))
        damaged[offset] ^= 1 << rng.randrange(8)
    return bytes(damaged)


def _zero_page(data: bytes, number: int) -> bytes:
    start = (number - 1) * PAGE
    return data[:start] + bytes(PAGE) + data[start + PAGE :]


def _sql(path: Path, *statements: str) -> None:
    """Damage through SQL, the way another program could (no foreign-key enforcement)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


def _with_sql(*statements: str):
    def make(path: Path, material: Material) -> None:
        _write(path, material.base)
        _sql(path, *(s.format(article=material.article) for s in statements))

    return make


SOUND = {
    "sound": lambda path, m: _write(path, m.base),
    "sound with the log of a crashed session": lambda path, m: _write(path, m.base, m.crash_log),
    "sound with half the log of a crashed session": lambda path, m: _write(
        path, m.base, m.crash_log[: len(m.crash_log) // 2]
    ),
    "sound with a garbage log": lambda path, m: _write(
        path, m.base, random.Random(9000).randbytes(9000)
    ),
}


def _flipped(seed: int, count: int):
    def make(path: Path, material: Material) -> None:
        _write(path, _flip_bits(material.base, seed, count))

    return make


FLIPS = {
    **{f"bit flip {seed}": _flipped(seed, 1) for seed in range(16)},
    **{f"32 bit flips {seed}": _flipped(seed, 32) for seed in (100, 101)},
}

DAMAGED = {
    "header flip: page size": lambda path, m: _write(path, m.base[:16] + b"\x02" + m.base[17:]),
    "header flip: schema version lowered": lambda path, m: _write(
        path, m.base[:63] + bytes([m.base[63] ^ 0x02]) + m.base[64:]
    ),
    "truncated to 100 bytes": lambda path, m: _write(path, m.base[:100]),
    "truncated to one page": lambda path, m: _write(path, m.base[:PAGE]),
    "truncated to half": lambda path, m: _write(path, m.base[: len(m.base) // 2 // PAGE * PAGE]),
    "last page cut off": lambda path, m: _write(path, m.base[:-PAGE]),
    "first page zeroed": lambda path, m: _write(path, _zero_page(m.base, 1)),
    "second page zeroed": lambda path, m: _write(path, _zero_page(m.base, 2)),
    "middle page zeroed": lambda path, m: _write(
        path, _zero_page(m.base, len(m.base) // PAGE // 2)
    ),
    "last page zeroed": lambda path, m: _write(path, _zero_page(m.base, len(m.base) // PAGE)),
    "line_roles dropped": _with_sql("DROP TABLE line_roles"),
    "dictionary dropped": _with_sql("DROP TABLE dictionary"),
    "an index dropped": _with_sql("DROP INDEX articles_by_document"),
    "a trigger dropped": _with_sql("DROP TRIGGER article_search_update"),
    "a view dropped": _with_sql("DROP VIEW packed_suggestions"),
    "a title that is not UTF-8": _with_sql(
        "UPDATE articles SET title = CAST(x'e6b0ff' AS TEXT) WHERE id = {article}"
    ),
    "raw text that is not UTF-8": _with_sql(
        "UPDATE documents SET raw_text = raw_text || CAST(x'c3' AS TEXT) WHERE id = 1"
    ),
    "a logged change that is not UTF-8": _with_sql(
        "UPDATE changes SET after = CAST(x'7bff7d' AS TEXT) WHERE id = (SELECT max(id) FROM changes)"
    ),
    "an article of a missing document": _with_sql(
        "UPDATE articles SET document_id = 999 WHERE id = {article}"
    ),
    "an article beyond its document": _with_sql(
        "UPDATE articles SET end_line = 99999 WHERE id = {article}"
    ),
    "changes of a missing operation": _with_sql(
        "DELETE FROM operations WHERE id = (SELECT max(operation_id) FROM changes)"
    ),
    "reporters that are not JSON": _with_sql(
        "UPDATE articles SET reporters = '[\"赵紫' WHERE id = {article}"
    ),
    "the article id counter behind": _with_sql(
        "UPDATE sqlite_sequence SET seq = 1 WHERE name = 'articles'"
    ),
    "a stale log": lambda path, m: _write(path, m.later, m.crash_log),
    "a foreign log": lambda path, m: _write(path, m.base, m.foreign_log),
}

VARIANTS = {**SOUND, **FLIPS, **DAMAGED}


# -- running the commands -------------------------------------------------------------------


def read_commands(path: Path, out: Path) -> dict[str, list[str]]:
    return {
        "check": ["check", str(path)],
        "info": ["info", str(path)],
        "articles": ["articles", str(path), "--json"],
        "export": ["export", str(path), "--format", "jsonl", "-o", str(out)],
        "search": ["search", str(path), SEARCHED],
        "history": ["history", str(path)],
    }


def write_commands(path: Path, article: int) -> dict[str, list[str]]:
    return {
        "edit a missing article": ["edit", str(path), "status", "99999", "edited"],  # fails
        "edit": ["edit", str(path), "status", str(article), "edited"],
        "undo": ["undo", str(path)],
    }


READS = ("check", "info", "articles", "export", "search", "history")
MUST_FAIL = ("edit a missing article",)


@dataclass(slots=True)
class Outcome:
    code: int | None  # None: an exception escaped
    stderr: str
    changed: bool


def digest(path: Path) -> str:
    """The project file and its log (an empty log is as good as none), as they are on disk."""
    hasher = hashlib.sha256()
    for part in (path, Path(f"{path}-wal")):
        hasher.update(part.read_bytes() if part.exists() else b"")
        hasher.update(b"|")
    return hasher.hexdigest()


def run_in_process(argv: list[str], path: Path) -> Outcome:
    before = digest(path)
    stderr = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = exit_.code
        except Exception as error:  # what the user would see as a traceback
            code, stderr = None, io.StringIO(f"Traceback: {error!r}")
    return Outcome(code, stderr.getvalue(), digest(path) != before)


def run_in_subprocess(argv: list[str], path: Path, env: dict) -> Outcome:
    before = digest(path)
    done = run_cli(*argv, env=env)
    return Outcome(done.returncode, done.stderr, digest(path) != before)


def run_all(path: Path, out: Path, article: int, run) -> dict[str, Outcome]:
    """`check` first, then the other reads, then the writes, all on the same file."""
    commands = {**read_commands(path, out), **write_commands(path, article)}
    return {name: run(argv, path) for name, argv in commands.items()}


def broken_promises(path: Path, outcomes: dict[str, Outcome]) -> list[str]:
    """What went wrong, as readable lines; empty when every command behaved."""
    broken = []
    for name, outcome in outcomes.items():
        broken += [f"{name}: {fault}" for fault in _faults(path, name, outcome)]
    check = outcomes["check"]
    if check.code == 0:
        failed = [n for n, o in outcomes.items() if o.code != 0 and n not in MUST_FAIL]
        if failed:
            broken.append(f"check said ok, but {failed} failed")
    elif outcomes.get("edit", check).code == 0 and not _only_search_index(check.stderr):
        broken.append(f"an edit was accepted on a file that failed check: {check.stderr}")
    return broken


def _faults(path: Path, name: str, outcome: Outcome) -> list[str]:
    faults = []
    if outcome.code is None or "Traceback" in outcome.stderr:
        faults.append(f"traceback {outcome.stderr[-300:]}")
    elif outcome.code not in (0, 1) or (name in MUST_FAIL and outcome.code != 1):
        faults.append(f"exit {outcome.code}")
    elif outcome.code == 1 and str(path) not in outcome.stderr:
        faults.append(f"the message does not name the file: {outcome.stderr!r}")
    if outcome.changed and (outcome.code != 0 or name in READS):
        faults.append(f"changed the file's bytes (exit {outcome.code})")
    return faults


def _only_search_index(check_output: str) -> bool:
    """Damage only the comparison of the search index with the text finds.

    A flipped bit can turn raw text into other valid text; only re-reading the whole
    index against it shows that, too slow for every opening, so `check` alone does it.
    """
    lines = [line for line in check_output.splitlines() if line.strip()]
    return bool(lines) and all("search index" in line for line in lines)


# -- the tests ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def material(tmp_path_factory) -> Material:
    folder = tmp_path_factory.mktemp("material")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
        return make_material(folder)


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("QINGYANG_EDITOR", "tester")


def make_variant(name: str, folder: Path, material: Material) -> Path:
    path = folder / "damaged.qingyang"
    VARIANTS[name](path, material)
    return path


@pytest.mark.parametrize("name", VARIANTS)
def test_every_command_answers_and_nothing_failed_changes_the_file(tmp_path, material, name):
    path = make_variant(name, tmp_path, material)
    outcomes = run_all(path, tmp_path / "out.jsonl", material.article, run_in_process)
    assert broken_promises(path, outcomes) == []
    if name in DAMAGED:
        assert outcomes["check"].code == 1, outcomes["check"].stderr
    if name in SOUND:
        assert all(o.code == 0 for n, o in outcomes.items() if n not in MUST_FAIL), outcomes


CHECK_SAYS = {
    "line_roles dropped": "the table line_roles is missing",
    "an index dropped": "the index articles_by_document is missing",
    "a trigger dropped": "the trigger article_search_update is missing",
    "a view dropped": "the view packed_suggestions is missing",
    # The flip changes bit 1 of the version this build writes.
    "header flip: schema version lowered": f"says schema version {schema_version() ^ 0x02}",
    "a title that is not UTF-8": "in articles.title are not readable text",
    "raw text that is not UTF-8": "in documents.raw_text are not readable text",
    "reporters that are not JSON": "in articles.reporters are not valid JSON",
    "an article of a missing document": "point at missing documents",
    "changes of a missing operation": "logged changes belong to no operation",
    "the article id counter behind": "the id counter of articles stands below",
    "a foreign log": "the log file damaged.qingyang-wal beside it does not fit",
}


@pytest.mark.parametrize("name", CHECK_SAYS)
def test_check_says_what_is_wrong(tmp_path, material, name):
    path = make_variant(name, tmp_path, material)
    outcome = run_in_process(["check", str(path)], path)
    assert outcome.code == 1 and CHECK_SAYS[name] in outcome.stderr, outcome.stderr


DAMAGE_NAMED_TO_WRITERS = ("line_roles dropped", "a title that is not UTF-8", "a stale log")


@pytest.mark.parametrize("name", DAMAGE_NAMED_TO_WRITERS)
def test_a_write_on_a_damaged_file_says_what_to_do(tmp_path, material, name):
    path = make_variant(name, tmp_path, material)
    outcome = run_in_process(write_commands(path, material.article)["edit"], path)
    assert outcome.code == 1 and not outcome.changed
    assert str(path) in outcome.stderr
    assert "check" in outcome.stderr and "restore" in outcome.stderr


def test_a_read_of_a_damaged_file_says_it_is_read_only(tmp_path, material):
    path = make_variant("line_roles dropped", tmp_path, material)
    stderr = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
        assert main(["info", str(path)]) == 0
    assert str(path) in stderr.getvalue() and "read-only" in stderr.getvalue()


SUBPROCESS_SAMPLE = (
    "sound with the log of a crashed session",
    "bit flip 3",
    "truncated to half",
    "middle page zeroed",
    "line_roles dropped",
    "a title that is not UTF-8",
    "an article of a missing document",
    "a stale log",
    "a foreign log",
)


@pytest.mark.parametrize("name", SUBPROCESS_SAMPLE)
def test_the_real_command_line_never_shows_a_traceback(tmp_path, material, name):
    path = make_variant(name, tmp_path, material)
    env = cli_env(XDG_CACHE_HOME=str(tmp_path / "cache"), QINGYANG_EDITOR="tester")
    commands = {
        **read_commands(path, tmp_path / "out.jsonl"),
        **write_commands(path, material.article),
    }
    outcomes = {
        command: run_in_subprocess(commands[command], path, env)
        for command in ("check", "articles", "edit a missing article", "edit")
    }
    assert broken_promises(path, outcomes) == []
