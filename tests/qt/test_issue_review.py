"""Reviewing one issue at a time in the real window: Ctrl+R stops at the issue's end,
Ctrl+Shift+R marks the issue reviewed after a confirmation, the status bar says what is
pending and what each step did, and the margin marks uncertain boundaries."""

from __future__ import annotations

import json
import shutil

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from editor_app.qt.widgets.raw_view import MARK_WIDTH, UNCERTAIN_RULE_COLOUR
from editor_app.storage import Articles, Documents, History, Project
from tests.conftest import run_cli
from tests.qt.conftest import SEEDS, make_project, press
from tests.qt.keyboard import CTRL, SHIFT, KeyboardEditor

FIRST = SEEDS / "000_0568ddfa57c73b20.txt"
SECOND = SEEDS / "004_353c17634c82fe70.txt"
DOUBT = "上一行像正文结尾，把握不大"


def two_issues(tmp_path, *, doubtful: int | None = None, approved: int | None = None):
    """Both seed issues; optionally the n-th segment of the first made doubtful (confidence
    0.3 and a reason) or approved before the window opens the file."""
    path = make_project(tmp_path, FIRST, SECOND)
    with Project.open(path) as project:
        rows = project.articles.rows(project.documents.ids()[0])
        if doubtful is not None:
            project.db.execute(
                "UPDATE articles SET confidence = 0.3, reason = ? WHERE id = ?",
                [DOUBT, rows[doubtful]["id"]],
            )
        if approved is not None:
            project.db.execute(
                "UPDATE articles SET status = 'approved' WHERE id = ?", [rows[approved]["id"]]
            )
    return path


def statuses(project, document_id: int) -> dict[int, str]:
    return {row["id"]: row["status"] for row in project.articles.rows(document_id)}


def message(window) -> str:
    return window.statusBar().currentMessage()


def fields(window) -> tuple[str, str, str]:
    issue = window.issue_status
    return issue.reviewed.text(), issue.suggestions.text(), issue.uncertain.text()


def open_suggestions(project, document_id: int) -> int:
    return len(list(project.suggestions.find(document_id=document_id)))


def start_focus(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.raw_view.setFocus()


# -- Ctrl+R stays inside the issue ----------------------------------------------------------


def test_ctrl_r_stops_at_the_end_of_the_issue_and_says_so(qtbot, window, tmp_path, monkeypatch):
    assert window.open_project(two_issues(tmp_path))
    project = window.project
    first, second = project.documents.ids()
    articles = len(statuses(project, first))  # the seed's first issue has no non-article
    start_focus(qtbot, window)
    assert fields(window)[0] == f"Reviewed 0/{articles}"
    read_whole = []
    for name, owner in (("rows", Articles), ("counts", Documents), ("stats", History)):
        real = getattr(owner, name)
        monkeypatch.setattr(
            owner, name, lambda *a, _r=real, _n=name, **k: read_whole.append(_n) or _r(*a, **k)
        )

    for step in range(articles):
        press(qtbot, window, Qt.Key.Key_R, CTRL)
        assert fields(window)[0] == f"Reviewed {step + 1}/{articles}"
    assert read_whole == []  # the fields follow the typed change, nothing is read whole
    assert message(window) == (
        "End of this issue: all articles reviewed (next issue: Ctrl+Shift+PgDown)"
    )
    press(qtbot, window, Qt.Key.Key_R, CTRL)  # once more at the end: still this issue
    assert window.document_id == first
    monkeypatch.undo()
    assert set(statuses(project, first).values()) == {"reviewed"}
    assert set(statuses(project, second).values()) == {"proposed"}  # never read, never marked

    press(qtbot, window, Qt.Key.Key_PageDown, CTRL | SHIFT)  # the next issue, on purpose
    assert window.document_id == second
    waiting = sum(1 for row in project.articles.rows(second) if row["kind"] == "news")
    assert fields(window)[0] == f"Reviewed 0/{waiting}"
    assert fields(window)[1] == f"Open suggestions {open_suggestions(project, second)}"


def test_ctrl_r_goes_back_to_an_article_skipped_earlier_in_the_issue(qtbot, window, tmp_path):
    assert window.open_project(two_issues(tmp_path))
    rows = window.project.articles.rows(window.document_id)
    window.review.go_to_article(rows[-1]["id"])  # the last article first
    start_focus(qtbot, window)
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    assert window.article_id == rows[0]["id"]
    assert window.document_id == rows[0]["document_id"]


# -- mark the issue reviewed ----------------------------------------------------------------


def test_mark_issue_reviewed_confirms_with_the_open_counts(qtbot, window, tmp_path, messages):
    path = two_issues(tmp_path, doubtful=2, approved=4)
    copy = tmp_path / "copy.qingyang"
    shutil.copy(path, copy)
    assert window.open_project(path)
    project = window.project
    first, second = project.documents.ids()
    rows = project.articles.rows(first)
    suggestions = open_suggestions(project, first)
    start_focus(qtbot, window)
    assert fields(window) == (
        f"Reviewed 1/{len(rows)}",
        f"Open suggestions {suggestions}",
        "Uncertain boundaries 1",
    )

    press(qtbot, window, Qt.Key.Key_R, CTRL | SHIFT)
    kind, title, text = messages[-1]
    assert (kind, title) == ("question", "Mark whole issue reviewed")
    assert text.startswith(f"Mark {len(rows) - 1} unreviewed articles of this issue reviewed?")
    assert f"{suggestions} suggestions, 1 uncertain boundaries" in text
    after = statuses(project, first)
    assert after[rows[4]["id"]] == "approved"  # approved stays approved
    assert {s for a, s in after.items() if a != rows[4]["id"]} == {"reviewed"}
    assert set(statuses(project, second).values()) == {"proposed"}
    assert message(window) == f"Issue marked reviewed: {len(rows) - 1} articles"
    assert fields(window)[0] == f"Reviewed {len(rows)}/{len(rows)}"
    assert fields(window)[2] == "Uncertain boundaries 0"

    done = run_cli("review", copy, "--document", first, "--json", "--editor", "cli")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "document": first,
        "articles": len(rows),
        "reviewed": 1,
        "open_suggestions": suggestions,
        "uncertain": 1,
        "marked": len(rows) - 1,
    }
    with Project.open(copy, read_only=True) as other:
        assert statuses(other, first) == after
        assert statuses(other, second) == statuses(project, second)

    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # one step
    assert message(window) == "Undone: mark issue reviewed"
    assert fields(window)[0] == f"Reviewed 1/{len(rows)}"
    assert set(statuses(project, first).values()) == {"proposed", "approved"}
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert message(window) == "Redone: mark issue reviewed"
    assert statuses(project, first) == after


def test_cancelling_the_confirmation_marks_nothing(qtbot, window, tmp_path, monkeypatch):
    asked = []

    def cancel(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(cancel))
    assert window.open_project(two_issues(tmp_path))
    start_focus(qtbot, window)
    press(qtbot, window, Qt.Key.Key_R, CTRL | SHIFT)
    assert len(asked) == 1
    assert set(statuses(window.project, window.document_id).values()) == {"proposed"}
    assert window.actions["undo"].text() == "Undo"


def test_mark_issue_reviewed_is_in_the_article_menu_and_on_the_sheet(qtbot, window, tmp_path):
    assert window.open_project(two_issues(tmp_path))
    action = window.actions["mark_issue_reviewed"]
    assert action in window.menus["article"].actions()
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    press(qtbot, window, Qt.Key.Key_F1)
    sheet = window.editing.cheat_sheet
    qtbot.waitUntil(sheet.isVisible)
    assert "Mark whole issue reviewed" in sheet.browser.toPlainText()


# -- a word after every step ----------------------------------------------------------------


def test_every_step_leaves_a_word_in_the_status_bar(qtbot, window, tmp_path):
    assert window.open_project(two_issues(tmp_path))
    editor = KeyboardEditor(qtbot, window)
    project = window.project
    document = window.document_id
    second_start = project.articles.rows(document)[1]["start_line"]
    editor.merge_with_previous(second_start)
    assert message(window) == "merge articles"
    editor.undo()
    assert message(window) == "Undone: merge articles"
    editor.redo()
    assert message(window) == "Redone: merge articles"

    suggestions = open_suggestions(project, document)
    suggestion = window.suggestion_panel.model.items[0]
    editor.accept_suggestion(suggestion.id)
    assert message(window) == "Suggestion accepted"
    left = open_suggestions(project, document)  # fewer: overlapping ones close with it
    assert left < suggestions
    assert fields(window)[1] == f"Open suggestions {left}"
    rejected = window.suggestion_panel.model.items[0]
    window.suggestion_panel.select(rejected.id)
    press(qtbot, window, Qt.Key.Key_F9, SHIFT)
    assert message(window) == "Suggestion rejected"
    assert fields(window)[1] == f"Open suggestions {left - 1}"

    window.switch_language("zh_CN")
    editor.undo()
    assert message(window) == "已撤销：拒绝建议（1 条）"
    assert fields(window)[1] == f"未处理建议 {left}"


# -- uncertain boundaries in the margin -----------------------------------------------------


def mark_pixels(window, line: int) -> int:
    """How many pixels of the uncertain colour the gutter draws beside a line's first row."""
    view = window.raw_view
    block = view.document().findBlockByNumber(line - 1)
    box = view.blockBoundingGeometry(block).translated(view.contentOffset())
    image = view.gutter.grab().toImage()
    # the mark sits beside the line's first row: a long line wraps below it
    middle_of_first_row = box.top() + view.fontMetrics().height() / 2
    y = round(middle_of_first_row * image.devicePixelRatio())
    left = round((view.gutter.width() - MARK_WIDTH) * image.devicePixelRatio())
    wanted = UNCERTAIN_RULE_COLOUR.rgb()
    return sum(1 for x in range(left, image.width()) if QColor(image.pixel(x, y)).rgb() == wanted)


def gutter_tooltip(qtbot, window, line: int) -> str:
    view = window.raw_view
    block = view.document().findBlockByNumber(line - 1)
    y = round(view.blockBoundingGeometry(block).translated(view.contentOffset()).center().y())
    spot = QPoint(4, y)
    event = QHelpEvent(QEvent.Type.ToolTip, spot, view.gutter.mapToGlobal(spot))
    QApplication.sendEvent(view.gutter, event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_the_margin_marks_an_uncertain_start_line(qtbot, window, tmp_path):
    assert window.open_project(two_issues(tmp_path, doubtful=2))
    rows = window.project.articles.rows(window.document_id)
    doubtful, sure = rows[2]["start_line"], rows[3]["start_line"]
    editor = KeyboardEditor(qtbot, window)
    editor.go_to(sure)
    assert "Uncertain boundary" not in message(window)
    assert mark_pixels(window, sure) == 0
    assert gutter_tooltip(qtbot, window, sure).startswith("Boundary confidence 1.00")

    editor.go_to(doubtful)
    assert window.raw_view.marked_lines == {doubtful}
    assert mark_pixels(window, doubtful) > 0
    assert gutter_tooltip(qtbot, window, doubtful) == f"Boundary confidence 0.30: {DOUBT}"
    assert message(window) == f"Uncertain boundary — Boundary confidence 0.30: {DOUBT}"

    press(qtbot, window, Qt.Key.Key_R, CTRL | SHIFT)  # reviewed: no longer pending work
    assert fields(window)[2] == "Uncertain boundaries 0"
