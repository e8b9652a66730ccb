"""An import killed at a random moment leaves every document whole or absent."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys

import pytest

from editor_app.storage import Project, import_paths
from tests.conftest import REPO, SEEDS, assert_segments_cover, cli_env, run_cli

FILES = 300


def paragraphs() -> list[str]:
    found = []
    for seed in sorted(SEEDS.glob("*.txt")):
        found += [p for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return found


def write_archive(folder, rng: random.Random) -> dict[str, str]:
    """FILES generated pages (UTF-8 and GB18030, some CRLF); returns name -> text."""
    folder.mkdir()
    pool = paragraphs()
    texts = {}
    for number in range(FILES):
        text = f"第{number}期 测试版面\n\n" + "\n\n".join(rng.sample(pool, rng.randint(3, 12)))
        name = f"tzsx-2023{number % 12 + 1:02d}{number % 28 + 1:02d}-{number:03d}.txt"
        encoding = "gb18030" if number % 3 == 0 else "utf-8"
        newline = "\r\n" if number % 5 == 0 else "\n"
        data = text.replace("\n", newline).encode(encoding, errors="replace")
        (folder / name).write_bytes(data)
        texts[name] = data.decode(encoding).replace("\r\n", "\n")
    return texts


def documents_in(path) -> int:
    """Count documents through a plain read-only connection (the writer is elsewhere)."""
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def import_and_kill(project, folder, kill_after: int) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "editor_app", "import", str(project), str(folder)],
        env=cli_env(),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its worker processes die with it
    )
    while child.poll() is None and documents_in(project) < kill_after:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=0.005)
    if child.poll() is None:
        os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=60)


@pytest.mark.parametrize("seed", [11, 2024])
def test_import_killed_midway_leaves_whole_documents(tmp_path, seed):
    rng = random.Random(seed)
    texts = write_archive(tmp_path / "archive", rng)
    project = tmp_path / "crash.qingyang"
    Project.create(project, editor="t").close()
    kill_after = rng.randint(1, FILES * 2 // 3)

    import_and_kill(project, tmp_path / "archive", kill_after)

    checked = run_cli("check", project)
    assert checked.returncode == 0, checked.stderr
    with Project.open(project, read_only=True) as opened:
        assert 0 < opened.documents.count() < FILES, f"seed {seed}: not killed midway"
        for doc_id in opened.documents.ids():
            document = opened.documents.get(doc_id)
            assert document.text == texts[document.file_name]
            assert opened.articles.of_document(doc_id), document.file_name
            assert_segments_cover(opened, doc_id)

    with Project.open(project, editor="t") as reopened:
        report = import_paths(reopened, [tmp_path / "archive"], workers=1)
        assert reopened.documents.count() == FILES
        assert len(report.imported) + len(report.skipped) == FILES
