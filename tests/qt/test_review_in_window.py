"""The review widgets inside the real main window, driven by keys and clicks."""

from __future__ import annotations

import json
import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from editor_app.qt import background, window_files
from editor_app.qt.review.search_dialog import FIELD, SearchPanel
from editor_app.qt.widgets.export_dialog import ExportDialog
from editor_app.storage import list_backups
from tests.qt.conftest import SEEDS, make_project, press, type_text
from tests.qt.keyboard import CTRL, SHIFT

FIRST = SEEDS / "000_0568ddfa57c73b20.txt"
SECOND = SEEDS / "004_353c17634c82fe70.txt"


def wait_idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.background.busy, timeout=30_000)


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.raw_view.setFocus()


def test_history_opens_by_key_and_shows_the_last_change(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    wait_idle(qtbot, window)
    first = window.article_id
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)  # mark approved
    assert window.project.articles.get(first).status == "approved"
    press(qtbot, window, Qt.Key.Key_H, CTRL | SHIFT)
    assert window.history_dock.isVisible()
    assert window.actions["history"].isChecked()
    pane = window.history_pane
    assert pane.model.rowCount() >= 1
    latest = pane.model.operation(0)
    assert latest.action == "set_status" and latest.article_id == first
    assert pane.model.index(0, 2).data() == "set status"
    assert pane.current_filters()["article_id"] == first  # the scope follows the article
    window.history_whole_project.setChecked(True)
    assert "article_id" not in pane.current_filters()
    assert pane.current_filters()["document_id"] is None
    press(qtbot, window, Qt.Key.Key_H, CTRL | SHIFT)
    assert not window.history_dock.isVisible()


def test_a_revert_in_the_history_is_one_undo_step(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    wait_idle(qtbot, window)
    article = window.article_id
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    press(qtbot, window, Qt.Key.Key_H, CTRL | SHIFT)
    pane = window.history_pane
    pane.table.selectRow(0)
    qtbot.mouseClick(pane.revert_button, Qt.MouseButton.LeftButton)
    assert window.project.articles.get(article).status == "proposed"
    assert window.actions["undo"].text() == "Undo revert: set status"
    assert pane.model.operation(0).action == "revert"  # the pane shows the revert at once


def test_find_and_replace_by_key_with_one_hit_skipped_is_one_undo_step(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    wait_idle(qtbot, window)
    project = window.project
    before = {
        a.id: a.text for d in project.documents.ids() for a in project.articles.of_document(d)
    }
    steps = len(project.history.entries(limit=1000))
    press(qtbot, window, Qt.Key.Key_H, CTRL)
    dialog = window.review.search_panel
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.query_edit)
    type_text(qtbot, dialog.query_edit, "北京")
    with qtbot.waitSignal(dialog.searched, timeout=30_000) as found:
        qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    assert len(found.args[0]) == 4
    qtbot.mouseClick(dialog.replace_edit, Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.replace_edit, "首都")
    with qtbot.waitSignal(dialog.searched, timeout=30_000):
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert len(dialog.kept_hits()) == 4
    dialog.results.setFocus()
    qtbot.keyClick(dialog.results, Qt.Key.Key_Down)
    skipped = dialog.results.currentItem().data(0, Qt.ItemDataRole.UserRole)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Space)
    assert len(dialog.kept_hits()) == 3
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert len(project.history.entries(limit=1000)) == steps + 1
    assert window.actions["undo"].text() == "Undo replace 3 occurrences"
    after = project.articles.get(skipped.article_id)
    field = after.text if skipped.field == "text" else getattr(after, skipped.field)
    assert field[skipped.start : skipped.end] == "北京"  # the skipped hit is as it was
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    activate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    restored = {
        a.id: a.text for d in project.documents.ids() for a in project.articles.of_document(d)
    }
    assert restored == before


def test_a_hit_selects_its_document_article_and_text(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    wait_idle(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F, CTRL | SHIFT)  # the second key of Find and replace
    dialog = window.review.search_panel
    dialog.set_query("北京")
    with qtbot.waitSignal(dialog.searched, timeout=30_000) as found:
        dialog.search()
    last = found.args[0][-1]
    assert last.field == "text"
    item = dialog.results.topLevelItem(dialog.results.topLevelItemCount() - 1)
    dialog.results.setCurrentItem(item)
    dialog.results.setFocus()
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert window.article_id == last.article_id
    assert window.document_id == last.document_id
    assert window.documents.document_id(window.document_view.currentIndex().row()) == (
        last.document_id
    )
    assert window.text_pane.editor.textCursor().selectedText() == "北京"


def test_reviewed_and_next_moves_to_the_next_unreviewed_article(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    wait_idle(qtbot, window)
    project = window.project
    rows = project.history.filtered_article_rows(limit=-1)
    first, second, third = rows[0]["id"], rows[1]["id"], rows[2]["id"]
    window.review.go_to_article(second)
    activate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)  # done already: the shortcut skips it
    window.review.go_to_article(first)
    activate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    assert project.articles.get(first).status == "reviewed"
    assert window.article_id == third
    assert window.actions["undo"].text() == "Undo set status"


def test_the_filter_bar_narrows_the_article_list(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    wait_idle(qtbot, window)
    every = window.articles.rowCount()
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    window.filter_bar.set_mode("not_reviewed")
    shown = [window.articles.article_id(r) for r in range(window.articles.rowCount())]
    assert len(shown) < every
    assert all(window.project.articles.get(a).status == "proposed" for a in shown)
    window.filter_bar.set_mode("all")
    assert window.articles.rowCount() == every


def test_statistics_open_by_key(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    wait_idle(qtbot, window)
    press(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    dialog = window.review.stats_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.documents_label.text() == "2", timeout=30_000)
    assert dialog.stats["articles"] == window.project.history.stats()["articles"]


def test_the_daily_backup_is_made_off_the_gui_thread(qtbot, window, tmp_path, monkeypatch):
    path = make_project(tmp_path, FIRST)
    assert not list_backups(path)
    threads = []
    real_backup_work = window_files.backup_work

    def recorded_backup_work(*args):
        work = real_backup_work(*args)

        def recorded(progress, cancelled):
            threads.append(threading.current_thread())
            return work(progress, cancelled)

        return recorded

    monkeypatch.setattr(window_files, "backup_work", recorded_backup_work)
    with qtbot.waitSignal(window.backup_finished, timeout=30_000) as done:
        assert window.open_project(path)
        assert window.project is not None  # the window is usable before the copy exists
    made, error = done.args
    assert error == ""
    qtbot.waitUntil(lambda: len(list_backups(path)) == 1, timeout=30_000)
    assert list_backups(path)[0].path == made
    assert (tmp_path / "test.backups").is_dir()
    assert "backup" in window.statusBar().currentMessage()
    assert len(threads) == 1 and threads[0] is not threading.main_thread()


def test_a_failed_backup_is_a_notice_that_does_not_stop_work(qtbot, window, tmp_path):
    path = make_project(tmp_path, FIRST)
    (tmp_path / "blocked").write_text("a file where the folder would go", encoding="utf-8")
    window.preferences.backup_folder = str(tmp_path / "blocked")
    with qtbot.waitSignal(window.backup_finished, timeout=30_000) as done:
        assert window.open_project(path)
    assert done.args[0] is None and done.args[1]
    notice = window.files.backup_notice
    assert notice is not None and notice.isVisible() and not notice.isModal()
    assert window.actions["split"].isEnabled()
    notice.close()


def test_export_from_the_file_menu_runs_in_the_background(qtbot, window, tmp_path, monkeypatch):
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    wait_idle(qtbot, window)
    out = tmp_path / "corpus.jsonl"

    def accept(dialog):
        dialog.target.setText(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept)
    with qtbot.waitSignal(window.export_finished, timeout=60_000) as finished:
        press(qtbot, window, Qt.Key.Key_E, CTRL)
        assert window.files.export_call is not None  # the export is under way
        article = window.article_id
        window.raw_view.setFocus()
        press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)  # editing goes on meanwhile
        assert window.project.articles.get(article).status == "approved"
    report = finished.args[0]
    assert not report.cancelled and report.documents == 2
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == report.articles > 0
    assert window.files.export_progress is None


def test_a_cancelled_export_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    wait_idle(qtbot, window)
    out = tmp_path / "corpus.jsonl"
    real_export = background.export_project

    def held_export(project, target, format, options, *, progress, cancelled):
        def hold(*args):
            progress(*args)
            qtbot_wait_for(cancelled)  # the worker waits until Cancel is pressed

        return real_export(project, target, format, options, progress=hold, cancelled=cancelled)

    monkeypatch.setattr(background, "export_project", held_export)
    with qtbot.waitSignal(window.export_finished, timeout=60_000) as finished:
        window.files.start_export(out, "jsonl")
        dialog = window.files.export_progress
        qtbot.waitUntil(lambda: dialog.value() >= 1, timeout=30_000)
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert finished.args[0].cancelled
    assert not out.exists()
    assert "cancelled" in window.statusBar().currentMessage()


def qtbot_wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_the_cheat_sheet_lists_both_find_keys(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    text = window.editing.cheat_sheet.browser.toPlainText()
    assert "Find and replace" in text and "Ctrl+H" in text and "Ctrl+Shift+F" in text
    assert "History of changes" in text and "Mark approved" in text


def test_the_review_widgets_speak_chinese(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    wait_idle(qtbot, window)
    window.switch_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.actions["find_replace"].text() == "查找和替换…")
        assert window.history_dock.windowTitle() == "修改历史"
        hits = window.project.search.replace_preview("北京", "首都")
        window.runner.run(window.project.search.apply_replace, hits[:2])
        assert window.actions["undo"].text() == "撤销 替换 2 处"
        window.history_whole_project.setChecked(True)  # the replace spans two articles
        press(qtbot, window, Qt.Key.Key_H, CTRL | SHIFT)
        assert window.history_pane.model.index(0, 2).data() == "替换 2 处"
        assert window.history_pane.editor_combo.itemText(0) == "全部编辑"
    finally:
        window.switch_language("en")
    qtbot.waitUntil(lambda: window.actions["undo"].text() == "Undo replace 2 occurrences")


def test_history_and_search_name_fields_in_the_ui_language(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    wait_idle(qtbot, window)
    article = window.article_id
    text = window.project.articles.get(article).text
    window.runner.run(window.project.articles.replace_text, article, text + "补")
    press(qtbot, window, Qt.Key.Key_H, CTRL | SHIFT)
    pane = window.history_pane
    pane.table.selectRow(0)
    assert "· corrected text" in pane.diff_view.toPlainText()
    dialog = SearchPanel(window.project, window)
    qtbot.addWidget(dialog)
    dialog.set_query("北京")
    dialog.search()
    fields = {
        dialog.results.topLevelItem(i).text(FIELD)
        for i in range(dialog.results.topLevelItemCount())
    }
    assert "corrected text" in fields and "text" not in fields
    window.switch_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: "· 正文" in pane.diff_view.toPlainText())
    finally:
        window.switch_language("en")
