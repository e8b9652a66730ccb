"""`import` given what a careless user, a damaged disk or a script gives it, in real processes.

Regular files only, read only up to a size limit; any file name the file system has;
text only; exit status 1 with each refusal named on stderr; an import that stores
nothing leaves the project file as it was; Ctrl-C ends it with what was kept.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from editor_app.ingest.analysis import MAX_FILE_BYTES
from editor_app.storage import Project, import_paths
from tests.conftest import REPO, SEEDS, cli_env, run_cli, sha256_of

PARAGRAPHS = [
    p for seed in sorted(SEEDS.glob("*.txt")) for p in seed.read_text("utf-8").split("\n\n") if p
]
NON_UTF8_NAME = b"caf\xe9-20200520-01.txt"


def page(number: int) -> str:
    return f"第{number}期\n\n" + "\n\n".join(PARAGRAPHS[number % len(PARAGRAPHS) :][:3])


def new_project(tmp_path) -> Path:
    path = tmp_path / "archive.qingyang"
    Project.create(path, editor="t").close()
    return path


def stored_documents(path) -> dict[str, str]:
    """file name -> raw text of every document in the project."""
    with Project.open(path, read_only=True) as project:
        return {
            document.file_name: document.text
            for document in map(project.documents.get, project.documents.ids())
        }


def history_kinds(path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [operation.kind for operation in project.undo.operations()]


def refusals(stderr: str) -> dict[str, str]:
    """file name -> reason, from the `qingyang: PATH: REASON` lines on stderr."""
    found = {}
    for line in stderr.splitlines():
        match = re.fullmatch(r"qingyang: (.+?): (.+)", line)
        assert match, f"not a refusal naming a file: {line!r}"
        found[Path(match.group(1)).name] = match.group(2)
    return found


@pytest.fixture
def hostile_folder(tmp_path) -> Path:
    """Good pages beside everything that is not one."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    for number in range(3):
        (folder / f"good-{number}.txt").write_text(page(number), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "urandom.txt").symlink_to("/dev/urandom")
    (folder / "broken.txt").symlink_to(folder / "nowhere")
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(folder / "socket.txt"))
    listening.close()
    (folder / "random.txt").write_bytes(random.Random(3).randbytes(3000))
    (folder / "blank.txt").write_bytes(b" \r\n\t\n\xe3\x80\x80\n")
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf")
    (folder / "empty.txt").write_bytes(b"")
    with open(folder / "huge.txt", "wb") as huge:  # sparse: no disk used, never read
        huge.truncate(MAX_FILE_BYTES + 1)
    return folder


EXPECTED_REFUSALS = {
    "pipe.txt": "not a regular file (a named pipe)",
    "zero.txt": "not a regular file (a device)",
    "urandom.txt": "not a regular file (a device)",
    "broken.txt": "not a regular file (a broken link)",
    "socket.txt": "not a regular file (a socket)",
    "random.txt": "no text encoding fits",
    "blank.txt": "the file is empty",
    "bom.txt": "the file is empty",
    "empty.txt": "the file is empty",
    "huge.txt": "too large",
}


def test_only_regular_text_files_are_imported_and_each_refusal_is_named(tmp_path, hostile_folder):
    project = new_project(tmp_path)
    done = run_cli("import", project, hostile_folder)
    assert done.returncode == 1
    assert done.stdout.startswith(f"imported 3, skipped {len(EXPECTED_REFUSALS)}\n")
    found = refusals(done.stderr)
    assert found.keys() == EXPECTED_REFUSALS.keys()
    for name, reason in EXPECTED_REFUSALS.items():
        assert found[name].startswith(reason), (name, found[name])
    assert sorted(stored_documents(project)) == ["good-0.txt", "good-1.txt", "good-2.txt"]
    assert run_cli("check", project).returncode == 0


def test_files_named_directly_are_checked_the_same_way(tmp_path, hostile_folder):
    project = new_project(tmp_path)
    named = [hostile_folder / name for name in ("pipe.txt", "zero.txt", "good-0.txt")]
    done = run_cli("import", project, *named)
    assert done.returncode == 1
    assert refusals(done.stderr).keys() == {"pipe.txt", "zero.txt"}
    assert list(stored_documents(project)) == ["good-0.txt"]


def test_folders_are_read_in_the_order_of_their_paths(tmp_path):
    folder = tmp_path / "issues"
    names = ["a/x.txt", "a-b.txt", "A.TXT", "b/c/d.txt", "b.text", "b/a.txt", ".txt", "c.md"]
    for number, name in enumerate(names):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(page(number), encoding="utf-8")
    (folder / "b" / "up.txt").symlink_to(folder, target_is_directory=True)  # not followed
    with Project.create(tmp_path / "p.qingyang", editor="t") as project:
        report = import_paths(project, [folder], workers=1)
    imported = [Path(path).relative_to(folder).as_posix() for path, _ in report.imported]
    assert imported == ["A.TXT", "a/x.txt", "a-b.txt", "b/a.txt", "b/c/d.txt", "b.text"]
    assert report.skipped == []


def test_a_name_that_is_not_utf8_is_recorded_escaped_and_the_rest_imports(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    for number in range(100):
        (folder / f"page-{number:03d}.txt").write_text(page(number), encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), NON_UTF8_NAME), "wb") as odd:
        odd.write("法国咖啡馆的报道。".encode())
    project = new_project(tmp_path)
    done = run_cli("import", project, folder, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert len(report["imported"]) == 101 and report["skipped"] == []
    escaped = str(folder / "caf\\xe9-20200520-01.txt")
    assert report["escaped_names"] == [escaped]
    assert stored_documents(project)["caf\\xe9-20200520-01.txt"] == "法国咖啡馆的报道。"
    with Project.open(project, read_only=True) as opened:
        (odd,) = [
            d for d in map(opened.documents.get, opened.documents.ids()) if "\\x" in d.file_name
        ]
        assert (odd.date, odd.page) == ("2020-05-20", "1")
    (tmp_path / "again").mkdir()
    told = run_cli("import", new_project(tmp_path / "again"), folder).stdout
    assert f"{escaped}: the file name is not valid UTF-8" in told


def _drop_root_powers() -> None:
    """In the child: root without the power to read any folder whatever its permissions."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def test_a_folder_that_cannot_be_read_is_a_reason_not_an_empty_import(tmp_path):
    folder = tmp_path / "archive"
    (folder / "locked").mkdir(parents=True)
    (folder / "open.txt").write_text(page(1), encoding="utf-8")
    (folder / "locked" / "inside.txt").write_text(page(2), encoding="utf-8")
    (folder / "locked").chmod(0)
    project = new_project(tmp_path)
    command = [sys.executable, "-m", "editor_app", "import", str(project), str(folder)]
    options = {"capture_output": True, "text": True, "env": cli_env(), "cwd": REPO}
    if os.geteuid() == 0:
        if not sys.platform.startswith("linux"):
            pytest.skip("root reads every folder, and only Linux lets it give that up here")
        options["preexec_fn"] = _drop_root_powers
    try:
        done = subprocess.run(command, timeout=120, **options)
    finally:
        (folder / "locked").chmod(0o755)
    assert done.returncode == 1
    assert refusals(done.stderr) == {"locked": "cannot read the folder: Permission denied"}
    assert done.stdout.startswith("imported 1, skipped 1")
    assert list(stored_documents(project)) == ["open.txt"]


def test_an_import_that_stores_nothing_leaves_the_file_as_it_was(tmp_path, hostile_folder):
    project = new_project(tmp_path)
    run_cli("import", project, hostile_folder / "good-0.txt")
    digest, history = sha256_of(project), history_kinds(project)
    bad = [hostile_folder / name for name in ("random.txt", "blank.txt", "pipe.txt")]
    done = run_cli("import", project, *bad, hostile_folder / "good-0.txt")
    assert done.returncode == 1 and done.stdout.startswith("imported 0, skipped 4")
    assert sha256_of(project) == digest
    assert history_kinds(project) == history == ["import"]


def test_duplicates_alone_are_no_failure(tmp_path, hostile_folder):
    project = new_project(tmp_path)
    run_cli("import", project, hostile_folder / "good-0.txt")
    digest = sha256_of(project)
    done = run_cli("import", project, hostile_folder / "good-0.txt")
    assert (done.returncode, done.stderr) == (0, "")
    assert "already in the project" in done.stdout
    assert sha256_of(project) == digest


# -- Ctrl-C ---------------------------------------------------------------------------------

PAGES = 300


# The import as `python -m editor_app import` runs it, except that once its first batch is
# committed it says so in a file and waits for the interrupt: Ctrl-C then lands between
# batches however fast or loaded the machine is, instead of racing the import to its end.
# A terminal's Ctrl-C reaches a program whose SIGINT is as Python sets it; a child started
# from a background job inherits SIGINT ignored, and Python then leaves it so: the child
# takes Python's own handler back, as an interactive run has it.
PAUSING_IMPORT = """
import signal, sys, time
from pathlib import Path
from editor_app.storage import importer

marker = Path(sys.argv.pop(1))
interrupted = []

def on_interrupt(number, frame):
    interrupted.append(number)
    signal.default_int_handler(number, frame)

signal.signal(signal.SIGINT, on_interrupt)
report = importer._Writer._report_stored

def report_then_wait(self, batch):
    report(self, batch)
    if not marker.exists():
        marker.write_text("stored", encoding="utf-8")
        for _ in range(2400):
            if interrupted:
                break
            time.sleep(0.05)

importer._Writer._report_stored = report_then_wait
from editor_app.launcher import main
sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_stops_between_batches_and_says_what_was_kept(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    texts = {f"page-{n:03d}.txt": page(n) + f"\n\n第{n}页完。" for n in range(PAGES)}
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    project = new_project(tmp_path)
    marker = tmp_path / "first-batch-stored"
    child = subprocess.Popen(
        [sys.executable, "-c", PAUSING_IMPORT, str(marker), "import", str(project), str(folder)],
        env=cli_env(),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a group of its own, as a terminal's job
    )
    while child.poll() is None and not marker.exists():
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=0.005)
    assert child.poll() is None, child.communicate()
    os.killpg(child.pid, signal.SIGINT)  # what Ctrl-C does: the whole group gets it
    _, stderr = child.communicate(timeout=120)

    assert child.returncode == 130, stderr
    kept = len(stored_documents(project))
    assert stderr == (
        f"qingyang: {project}: interrupted: imported {kept} of {PAGES} documents; "
        f"not imported: {PAGES - kept}\n"
    )
    assert 0 < kept < PAGES
    assert all(texts[name] == text for name, text in stored_documents(project).items())
    with pytest.raises(ProcessLookupError):
        os.killpg(child.pid, 0)  # no worker outlived it
    assert run_cli("check", project).returncode == 0
    assert history_kinds(project) == ["import"]
