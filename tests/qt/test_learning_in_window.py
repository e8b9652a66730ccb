"""Learning from the reviewed documents in the real main window, driven by keys.

The project is a real file of generated newspaper pages imported with a fixed, poor
proposal (every four lines an article). The editor fixes documents by keys and marks
them reviewed; the window learns in a real worker process beside a small training corpus
(the shipped one takes half a minute to fit) and offers to propose the documents nobody
touched again. The tests wait on the window's own signals, never on a clock.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor_app.storage import Project
from tests.conftest import chunk_segmenter
from tests.qt.conftest import make_project
from tests.qt.keyboard import CTRL, SHIFT, KeyboardEditor
from tests.test_learn_repropose import starts, state, write_pages
from tests.test_learned_segmenter import write_corpus

PAGES = 8
LEARN_EVERY = 5  # the preference's default
FIT_TIMEOUT_MS = 120_000  # a bound for a stuck worker, not a measurement


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """(project path, gold by document id): pages imported with the poor proposal."""
    golds = write_pages(tmp_path / "pages", range(PAGES))
    monkeypatch.setattr("editor_app.ingest.analysis.segment", chunk_segmenter)
    files = sorted((tmp_path / "pages").glob("*.txt"))
    path = make_project(tmp_path, *files)
    with Project.open(path, backups=False, read_only=True) as project:
        by_doc = {d: golds[project.documents.get(d).file_name] for d in project.documents.ids()}
    return path, by_doc


@pytest.fixture
def learning_window(window, desk, tmp_path):
    """The window on the desk project, learning beside a small corpus."""
    base = write_corpus(tmp_path / "base" / "train", range(6))
    window.preferences.learning_base = [str(base)]
    assert window.preferences.learn_every == LEARN_EVERY
    assert window.open_project(desk[0])
    window.activateWindow()
    window.raw_view.setFocus()
    return window


def review(editor: KeyboardEditor, doc: int, gold: dict) -> None:
    """Fix the document to its gold answer by keys, Ctrl+R through its articles, then go
    on to the next issue: review itself stops at the end of this one."""
    window = editor.window
    assert window.document_id == doc  # the editor went on to this issue
    for row in reversed(window.segments[1:]):
        editor.merge_with_previous(row["start_line"])
    for start in starts(gold)[1:]:
        editor.split_at(start)
    for span in gold["non_articles"]:
        editor.mark(span["start"], span["end"], span["kind"])
    outside = {line for s in gold["non_articles"] for line in range(s["start"], s["end"] + 1)}
    titles = {s["start"] for s in gold["articles"]}
    for line in editor.project.documents.lines(doc):
        if line.is_blank or line.number in outside:
            continue
        want = "title" if line.number in titles else "body"
        if editor.project.documents.line_roles(doc).get(line.number) != want:
            editor.set_role(line.number, want)
    editor.go_to(1)
    for _ in gold["articles"]:
        editor.key(Qt.Key.Key_R, CTRL)  # mark reviewed, go to the next unreviewed
    assert window.statusBar().currentMessage().startswith("End of this issue")
    assert window.document_id == doc
    editor.key(Qt.Key.Key_PageDown, CTRL | SHIFT)  # the next issue


def every_state(project) -> dict:
    return {doc: state(project, doc) for doc in project.documents.ids()}


def test_five_reviewed_documents_teach_the_model_and_the_offer_reproposes_the_rest(
    qtbot, learning_window, desk
):
    window, (_path, golds) = learning_window, desk
    editor = KeyboardEditor(qtbot, window)
    ids = window.project.documents.ids()
    reviewed, approved, untouched = ids[:LEARN_EVERY], ids[LEARN_EVERY], ids[LEARN_EVERY + 1 :]
    for doc in reviewed[:-1]:
        review(editor, doc, golds[doc])
    assert window.learning.running == ""  # four are not enough
    with qtbot.waitSignal(window.learning.planned, timeout=FIT_TIMEOUT_MS) as planned:
        review(editor, reviewed[-1], golds[reviewed[-1]])
        assert window.learning.running == "learn"  # the fifth starts it, in the background
        assert window.learning_status.isVisible() and window.actions["stop_learning"].isEnabled()
        assert window.document_id == approved  # the editor goes on meanwhile
        editor.key(Qt.Key.Key_A, CTRL | SHIFT)  # mark approved: the document is the editor's
    project = window.project
    assert project.models.current().documents == reviewed
    offered = planned.args[0]
    core = project.repropose.plan()  # what the core proposes with the model the window stored
    assert offered.documents == core.documents and offered.boundaries == core.boundaries > 0
    assert [d.document_id for d in offered.documents] == untouched
    bar = window.offer_bar
    assert bar.isVisible() and not window.learning_status.isVisible()
    assert f"{len(untouched)} untouched documents" in bar.message.text()
    assert f"{core.boundaries} boundaries" in bar.message.text()

    before = every_state(project)
    editor.key(Qt.Key.Key_P, CTRL | SHIFT)  # re-propose: the offer is taken
    after = every_state(project)
    assert not bar.isVisible()
    for doc in [*reviewed, approved]:
        assert after[doc] == before[doc]  # the editors' work, row for row
    for doc in untouched:
        assert after[doc] != before[doc]
        assert starts(project.learning.document_gold(doc)) == starts(golds[doc])
    undo = f"Undo re-propose: {len(untouched)} documents, {core.boundaries} boundaries"
    assert window.actions["undo"].text() == undo

    editor.undo()
    assert every_state(project) == before
    assert window.actions["redo"].text().startswith("Redo re-propose")


def test_learning_by_hand_declining_the_offer_and_reproposing_later(qtbot, learning_window, desk):
    window, (_path, golds) = learning_window, desk
    window.preferences.learn_every = 0  # only when asked
    editor = KeyboardEditor(qtbot, window)
    first, *others = window.project.documents.ids()
    review(editor, first, golds[first])
    assert window.learning.running == ""
    with qtbot.waitSignal(window.learning.planned, timeout=FIT_TIMEOUT_MS):
        editor.key(Qt.Key.Key_L, CTRL)  # Tools → Learn from reviewed documents
    project = window.project
    assert project.models.current().documents == [first]
    bar = window.offer_bar
    assert f"{len(others)} untouched documents" in bar.message.text()
    assert window.document_id == others[0]
    editor.key(Qt.Key.Key_A, CTRL | SHIFT)  # an edit while the offer waits: it leaves the offer
    assert f"{len(others) - 1} untouched documents" in bar.message.text()
    steps = len(project.history.entries(limit=1000))
    before = every_state(project)
    qtbot.mouseClick(bar.decline_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert every_state(project) == before and len(project.history.entries(limit=1000)) == steps

    with qtbot.waitSignal(window.learning.planned, timeout=FIT_TIMEOUT_MS) as planned:
        editor.key(Qt.Key.Key_P, CTRL | SHIFT)  # asked for: worked out, then applied at once
    plan = planned.args[0]
    assert [d.document_id for d in plan.documents] == others[1:] and not bar.isVisible()
    assert len(project.history.entries(limit=1000)) == steps + 1
    after = every_state(project)
    assert after[first] == before[first] and after[others[0]] == before[others[0]]
    editor.undo()
    assert every_state(project) == before


def test_closing_the_project_while_learning_ends_the_worker_and_stores_nothing(
    qtbot, learning_window, desk
):
    window, (path, golds) = learning_window, desk
    window.preferences.learning_base = []  # the shipped pages: long enough to be stopped
    editor = KeyboardEditor(qtbot, window)
    first = window.project.documents.ids()[0]
    review(editor, first, golds[first])
    with qtbot.waitSignal(window.learning.worker_started, timeout=FIT_TIMEOUT_MS) as started:
        editor.key(Qt.Key.Key_L, CTRL)
    worker = Path(f"/proc/{started.args[0]}")
    assert window.learning.running == "learn"
    window.close_project()
    assert not worker.exists()  # killed and gone, not left behind
    assert window.learning.running == "" and not window.learning_status.isVisible()
    with Project.open(path, read_only=True) as project:
        assert project.models.current() is None


def test_learning_with_nothing_reviewed_says_what_to_do(qtbot, learning_window, messages):
    window = learning_window
    KeyboardEditor(qtbot, window).key(Qt.Key.Key_L, CTRL)
    assert window.learning.running == ""
    (kind, _title, text) = messages[-1]
    assert kind == "critical" and "No document is reviewed yet" in text


def test_the_tools_menu_and_the_offer_speak_chinese(qtbot, learning_window):
    window = learning_window
    window.switch_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.menus["tools"].title() == "工具(&T)")
        assert window.actions["learn_now"].text() == "从已审文档学习"
        assert window.offer_bar.accept_button.text() == "重新提议(&P)"
    finally:
        window.switch_language("en")
