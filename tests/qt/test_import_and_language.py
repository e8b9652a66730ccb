"""Import off the GUI thread with cancel; the language switch; the cheat sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from editor_app.qt.importing import ImportWorker
from tests.qt.conftest import SEEDS, make_project


def issue_files(folder, count: int):
    """Distinct raw files (different content, so none is skipped as a duplicate)."""
    folder.mkdir()
    text = (SEEDS / "004_353c17634c82fe70.txt").read_text(encoding="utf-8")
    for number in range(count):
        (folder / f"issue_{number:02d}.txt").write_text(
            f"{text}\n\n第{number}版\n", encoding="utf-8"
        )
    (folder / "zz_broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    return folder


def give_publication(qtbot, window) -> None:
    """Enter in the dialog that asks for the publication before an import starts."""
    qtbot.waitUntil(lambda: window.files.publication_dialog is not None)
    dialog = window.files.publication_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.publication, Qt.Key.Key_Return)


def test_import_runs_in_the_background_and_reports_skipped_files(
    qtbot, window, messages, tmp_path, monkeypatch
):
    assert window.create_project(tmp_path / "new.qingyang")
    folder = issue_files(tmp_path / "in", 2)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as finished:
        window.actions["import_folder"].trigger()
        give_publication(qtbot, window)
        assert not window.actions["split"].isEnabled()  # editing waits for the import
    report = finished.args[0]
    assert len(report.imported) == 2 and len(report.skipped) == 1
    summary = [m for m in messages if m[0] == "information"][-1][2]
    assert "zz_broken.txt" in summary
    assert window.documents.rowCount() == 2
    assert window.actions["split"].isEnabled()


def test_a_cancelled_import_keeps_whole_documents(qtbot, window, messages, tmp_path, monkeypatch):
    assert window.create_project(tmp_path / "new.qingyang")
    folder = issue_files(tmp_path / "in", 5)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    original = ImportWorker.report_progress

    def wait_for_cancel(worker, done, total, path):
        original(worker, done, total, path)
        worker.cancel_requested.wait(30)  # hold the worker until the editor has pressed Cancel

    monkeypatch.setattr(ImportWorker, "report_progress", wait_for_cancel)
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as finished:
        window.actions["import_folder"].trigger()
        give_publication(qtbot, window)
        dialog = window.files.import_progress
        qtbot.waitUntil(lambda: dialog.value() >= 1, timeout=30_000)
        assert not window.actions["split"].isEnabled()  # editing waits for the import
        cancel = dialog.findChild(QPushButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert report.cancelled
    assert 1 <= len(report.imported) < 5
    project = window.project
    assert project.documents.count() == len(report.imported)
    for document_id in project.documents.ids():
        assert project.articles.rows(document_id)  # every stored document is whole
    summary = [m for m in messages if m[0] == "information"][-1][2]
    assert "cancelled" in summary
    assert window.actions["split"].isEnabled()


def test_switching_language_changes_the_menus(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt"))
    file_menu = window.menus["file"]
    assert file_menu.title() == "&File"
    window.menus["view"].menuAction().trigger()
    window.findChild(type(window.actions["undo"]), "language_zh_CN").trigger()
    qtbot.waitUntil(lambda: file_menu.title() == "文件(&F)")  # on the LanguageChange event
    assert window.actions["split"].text() == "在光标行拆分文章"
    assert "已保存" in window.windowTitle()
    window.raw_view.go_to_lines(15)
    window.actions["split"].trigger()
    assert window.actions["undo"].text() == "撤销 拆分文章"
    assert window.preferences.language == "zh_CN"
    assert window.filter_bar.mode_combo.itemText(0) == "全部文章"
    window.findChild(type(window.actions["undo"]), "language_en").trigger()
    qtbot.waitUntil(lambda: file_menu.title() == "&File")
    assert window.filter_bar.mode_combo.itemText(0) == "All articles"
    assert window.actions["undo"].text() == "Undo split article"


def test_the_cheat_sheet_lists_the_keys(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.editing.cheat_sheet
    assert sheet is not None and sheet.isVisible()
    text = sheet.browser.toPlainText()
    assert "Split article at cursor line" in text and "Ctrl+Return" in text


def test_open_review_dialogs_follow_a_language_switch(qtbot, window, tmp_path):
    assert window.open_project(make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt"))
    window.actions["statistics"].trigger()
    window.actions["find_replace"].trigger()
    stats, search = window.review.stats_dialog, window.review.search_panel
    qtbot.waitUntil(lambda: bool(stats.stats), timeout=30_000)
    window.switch_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: stats.windowTitle() == "项目统计")
        assert search.windowTitle() == "查找和替换"
        assert stats.refresh_button.text() != "Refresh"
        assert window.history_pane.revert_button.text() != "Revert"
    finally:
        window.switch_language("en")
    qtbot.waitUntil(lambda: stats.windowTitle() == "Project statistics")
    assert search.windowTitle() == "Search and replace"
    assert window.history_pane.revert_button.text() == "Revert"
