"""Issues imported in the window are stored and listed as the command line stores them;
the import asks for their publication first and remembers it."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from editor_app.qt.models.document_list import COLUMNS
from editor_app.qt.settings import Preferences
from tests.qt.conftest import press, type_text
from tests.qt.keyboard import CTRL, SHIFT
from tests.test_import_names import (
    PUBLICATION,
    cli_import,
    expected_names,
    issue_files,
    stored_names,
)


def open_publication_dialog(qtbot, window, folder, monkeypatch):
    """Ctrl+Shift+I on a chosen folder: the publication dialog, its field focused."""
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.activateWindow()  # back from the last import's dialogs
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.files.publication_dialog is not None)
    dialog = window.files.publication_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.publication)
    return dialog


def listed(window) -> list[tuple[str, str, str, str]]:
    """(file name, publication, date, page) as the document list shows each row."""
    model = window.documents
    shown = []
    for row in range(model.rowCount()):
        cell = {name: model.index(row, c).data() for c, name in enumerate(COLUMNS)}
        shown.append((cell["file_name"], cell["publication"], cell["date"], cell["page"]))
    return sorted(shown)


def test_the_window_stores_and_lists_issues_as_the_command_line_does(
    qtbot, window, tmp_path, monkeypatch
):
    folder = issue_files(tmp_path / "issues")
    assert window.create_project(tmp_path / "gui.qingyang")
    dialog = open_publication_dialog(qtbot, window, folder, monkeypatch)
    assert window.files.import_job is None  # nothing starts before the publication is given
    type_text(qtbot, dialog.publication, PUBLICATION)
    with qtbot.waitSignal(window.import_finished, timeout=120_000) as finished:
        qtbot.keyClick(dialog.publication, Qt.Key.Key_Return)
    assert len(finished.args[0].imported) == len(expected_names())

    cli = cli_import(tmp_path / "cli.qingyang", folder)
    assert stored_names(window.project.path) == stored_names(cli) == expected_names()
    assert listed(window) == expected_names()

    view, file_column = window.document_view, COLUMNS.index("file_name")
    assert view.columnWidth(file_column) >= view.fontMetrics().horizontalAdvance("20190211_09.txt")


def test_the_publication_is_remembered_and_escape_cancels_the_import(
    qtbot, window, preferences, tmp_path, monkeypatch
):
    folder = issue_files(tmp_path / "issues")
    assert window.create_project(tmp_path / "gui.qingyang")
    dialog = open_publication_dialog(qtbot, window, folder, monkeypatch)
    assert dialog.publication.text() == ""
    type_text(qtbot, dialog.publication, "北京城市副中心报")
    with qtbot.waitSignal(window.import_finished, timeout=120_000):
        qtbot.keyClick(dialog.publication, Qt.Key.Key_Return)
    preferences.qsettings.sync()
    again = Preferences(QSettings(preferences.qsettings.fileName(), QSettings.Format.IniFormat))
    assert again.last_publication == "北京城市副中心报"  # kept for the next start too

    more = issue_files(tmp_path / "more")
    (more / "rmrb_2019年02月13日_第4版.txt").write_text("\n另一版\n\n本报讯 正文。\n", "utf-8")
    dialog = open_publication_dialog(qtbot, window, more, monkeypatch)
    assert dialog.publication.text() == "北京城市副中心报"  # offered again
    qtbot.keyClick(dialog.publication, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.files.publication_dialog is None)
    assert window.files.import_job is None
    assert window.project.documents.count() == len(expected_names())  # nothing imported
    assert window.actions["split"].isEnabled()

    dialog = open_publication_dialog(qtbot, window, more, monkeypatch)
    type_text(qtbot, dialog.publication, "人民")  # replaces the offered name
    with qtbot.waitSignal(window.import_finished, timeout=120_000) as finished:
        qtbot.keyClick(dialog.publication, Qt.Key.Key_Return)
    assert [path.rsplit("/", 1)[-1] for path, _ in finished.args[0].imported] == [
        "rmrb_2019年02月13日_第4版.txt"
    ]
    assert window.preferences.last_publication == "人民"
    assert ("rmrb_2019年02月13日_第4版.txt", "人民", "2019-02-13", "4") in listed(window)
