"""Find in the main window: a docked panel opened by key, walked by key, never stale."""

from __future__ import annotations

import json

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from editor_app.qt.main_window import MainWindow
from editor_app.qt.review.search_dialog import CONTEXT, HIT_ROLE, ISSUE, LINE, TITLE
from tests.conftest import run_cli
from tests.qt.conftest import SEEDS, make_project, press, type_text
from tests.qt.keyboard import CTRL

FIRST = SEEDS / "000_0568ddfa57c73b20.txt"
SECOND = SEEDS / "004_353c17634c82fe70.txt"
ONE_HIT = "北京市"  # once in the seeds
MANY = "副中心"


def open_seeds(qtbot, window, tmp_path) -> None:
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    qtbot.waitUntil(lambda: not window.background.busy, timeout=30_000)
    window.raw_view.setFocus()


def find_by_keys(qtbot, window, query: str) -> list:
    """Ctrl+F, type the query, Enter: the hits the panel lists."""
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    panel = window.review.search_panel
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.query_edit)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Delete)
    type_text(qtbot, panel.query_edit, query)
    with qtbot.waitSignal(panel.searched, timeout=30_000) as found:
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    return found.args[0]


def listed(panel) -> list[tuple[str, str, str]]:
    """(issue, article title, line) of every row of the results."""
    rows = (panel.results.topLevelItem(i) for i in range(panel.results.topLevelItemCount()))
    return [(item.text(ISSUE), item.text(TITLE), item.text(LINE)) for item in rows]


def test_ctrl_f_opens_a_docked_panel_and_ctrl_h_adds_the_replace_row(qtbot, window, tmp_path):
    open_seeds(qtbot, window, tmp_path)
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    dock, panel = window.review.search_dock, window.review.search_panel
    assert dock.isVisible() and not dock.isFloating()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert QApplication.focusWidget() is panel.query_edit
    assert not panel.replace_edit.isVisible()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.raw_view  # back where the editor was
    press(qtbot, window, Qt.Key.Key_H, CTRL)
    assert panel.replace_edit.isVisible() and QApplication.focusWidget() is panel.query_edit


def test_hits_are_listed_with_issue_title_and_line(qtbot, window, tmp_path):
    open_seeds(qtbot, window, tmp_path)
    hits = find_by_keys(qtbot, window, MANY)
    project, panel = window.project, window.review.search_panel
    assert len(hits) == len(project.search.find(MANY)) > 20
    rows = listed(panel)
    for hit, (issue, title, line) in zip(hits, rows, strict=True):
        article = project.articles.get(hit.article_id)
        assert issue == project.documents.get(hit.document_id).file_name  # no publication
        assert title == article.title
        assert article.start_line <= int(line) <= article.end_line
        if hit.field == "text":  # nothing is edited yet: the text is the raw lines
            raw_line = project.documents.raw_text(hit.document_id).split("\n")[int(line) - 1]
            assert MANY in raw_line
    assert "【副中心】" in panel.results.topLevelItem(0).text(CONTEXT)


def test_enter_jumps_to_a_hit_selected_and_visible_beside_the_panel(qtbot, window, tmp_path):
    open_seeds(qtbot, window, tmp_path)
    hits = find_by_keys(qtbot, window, MANY)
    panel, editor = window.review.search_panel, window.text_pane.editor
    far = max((h for h in hits if h.field == "text"), key=lambda h: h.start)
    row = hits.index(far)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)  # into the results
    assert QApplication.focusWidget() is panel.results
    for _ in range(row):
        press(qtbot, window, Qt.Key.Key_Down)
    assert panel.results.currentItem().data(0, HIT_ROLE) == far
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.article_id == far.article_id
    assert editor.textCursor().selectedText() == MANY
    assert editor.textCursor().selectionStart() == far.start
    cursor = editor.cursorRect()
    assert editor.viewport().rect().contains(cursor)
    on_window = QRect(editor.viewport().mapTo(window, cursor.topLeft()), cursor.size())
    assert not on_window.intersects(window.review.search_dock.geometry())
    assert QApplication.focusWidget() is panel.results  # the walk goes on from here
    press(qtbot, window, Qt.Key.Key_Up)
    press(qtbot, window, Qt.Key.Key_Return)
    before = hits[row - 1]
    assert window.article_id == before.article_id
    press(qtbot, window, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is editor  # the text the hit is selected in


def test_reopening_lists_the_hits_of_the_project_as_it_is_now(qtbot, window, tmp_path):
    open_seeds(qtbot, window, tmp_path)
    project, panel, dock = window.project, window.review.search_panel, window.review.search_dock
    assert len(find_by_keys(qtbot, window, "北京")) == 4
    dock.close()
    hits = project.search.replace_preview("北京", "首都")
    window.runner.run(project.search.apply_replace, hits[:3])  # a change made elsewhere
    assert [(h.article_id, h.start) for h in panel.hits] != []  # what was shown before
    window.raw_view.setFocus()
    with qtbot.waitSignal(panel.searched, timeout=30_000) as found:
        press(qtbot, window, Qt.Key.Key_F, CTRL)
    assert len(found.args[0]) == 1 == panel.results.topLevelItemCount()
    assert panel.query_edit.selectedText() == "北京"  # typing replaces the last query
    assert panel.message_label.text() == "1 hit"
    with qtbot.waitSignal(panel.searched, timeout=30_000) as found:  # while it shows
        window.runner.run(project.search.apply_replace, project.search.replace_preview("北京", "x"))
    assert found.args[0] == [] and panel.results.topLevelItemCount() == 0
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Delete)
    dock.close()
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    assert panel.results.topLevelItemCount() == 0 and panel.message_label.text() == ""


def test_the_count_says_hit_and_hits_and_处(qtbot, window, tmp_path):
    open_seeds(qtbot, window, tmp_path)
    panel = window.review.search_panel
    assert len(find_by_keys(qtbot, window, ONE_HIT)) == 1
    assert panel.message_label.text() == "1 hit"
    assert len(find_by_keys(qtbot, window, "北京")) == 4
    assert panel.message_label.text() == "4 hits"
    window.switch_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: panel.message_label.text() == "4 处")
        assert window.review.search_dock.windowTitle() == "查找和替换"
        assert len(find_by_keys(qtbot, window, ONE_HIT)) == 1
        assert panel.message_label.text() == "1 处"
    finally:
        window.switch_language("en")


def test_the_panel_keeps_its_place_with_the_window_layout(qtbot, window, tmp_path, preferences):
    open_seeds(qtbot, window, tmp_path)
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    dock = window.review.search_dock
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)  # the editor moved it
    window.save_layout()
    again = MainWindow(preferences)
    qtbot.addWidget(again)
    assert again.dockWidgetArea(again.review.search_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not again.review.search_dock.isHidden()


def test_the_shortcut_sheet_lists_find_and_the_dictionary(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    text = window.editing.cheat_sheet.browser.toPlainText()
    assert "Ctrl+F  \nFind\n" in text
    assert "Ctrl+Shift+D  \nProject dictionary\n" in text


def test_the_search_command_names_the_same_issue_title_and_line(qtbot, window, tmp_path):
    open_seeds(qtbot, window, tmp_path)
    find_by_keys(qtbot, window, MANY)
    shown = listed(window.review.search_panel)
    path = window.project.path
    window.close_project()
    as_json = run_cli("search", path, MANY, "--json")
    assert as_json.returncode == 0, as_json.stderr
    records = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert [(r["issue"], r["title"], str(r["line"])) for r in records] == shown
    as_text = run_cli("search", path, ONE_HIT)
    issue, title, line, _field, context = as_text.stdout.rstrip("\n").split("\t")
    assert f"【{ONE_HIT}】" in context and as_text.stderr.strip() == "1 hit"
    assert line.isdigit() and issue.endswith(".txt") and title
