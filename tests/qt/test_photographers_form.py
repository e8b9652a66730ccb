"""The article form shows the photographers a page credits, and saves the editor's names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.qt.conftest import make_project, type_text
from tests.test_photographers import CREDITED, PAGE


def test_the_form_shows_and_edits_the_photographers(qtbot, window, tmp_path):
    page = tmp_path / "rmrb-20190226-06.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert window.open_project(make_project(tmp_path, page))
    article = window.article_id
    edit = window.form.edits["photographers"]
    assert window.form.row_labels["photographers"].text() == "Photographers"
    assert edit.text() == " ".join(CREDITED)

    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is edit
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, edit, "刘振清、欧阳晓光")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.project.articles.get(article).photographers == ["刘振清", "欧阳晓光"]

    window.switch_language("zh_CN")  # the form hears of it through a posted event
    try:
        qtbot.waitUntil(lambda: window.form.row_labels["photographers"].text() == "摄影")
        assert window.form.row_labels["reporters"].text() == "记者"
    finally:
        window.switch_language("en")  # the language outlives the window: later tests read English
    qtbot.waitUntil(lambda: window.form.row_labels["photographers"].text() == "Photographers")
    window.actions["undo"].trigger()
    assert window.project.articles.get(article).photographers == CREDITED
    assert edit.text() == " ".join(CREDITED)
