"""Editing in the main window by keys: typing is kept, keys act where the editor is."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from editor_app.storage import Articles, History, Project, ProjectError
from tests.qt.conftest import SEEDS, make_project, press, type_text
from tests.qt.keyboard import ALT, CTRL, SHIFT

FIRST = SEEDS / "000_0568ddfa57c73b20.txt"
SECOND = SEEDS / "004_353c17634c82fe70.txt"


def open_seeds(window, tmp_path, *sources) -> None:
    assert window.open_project(make_project(tmp_path, *(sources or (FIRST, SECOND))))
    window.activateWindow()
    window.raw_view.setFocus()


def click_into(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is widget


def document_progress(window, document_id: int) -> str:
    row = window.documents.row_of(document_id)
    return window.documents.index(row, 3).data()


def test_a_typed_title_is_saved_when_the_next_article_key_is_pressed(qtbot, window, tmp_path):
    open_seeds(window, tmp_path)
    article = window.article_id
    edit = window.form.edits["title"]
    click_into(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    type_text(qtbot, edit, "新的标题")
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)  # no Return, focus still in the field
    assert window.article_id != article
    assert window.project.articles.get(article).title == "新的标题"
    assert window.actions["undo"].text() == "Undo change field"


def test_a_typed_field_is_saved_before_another_operation_runs(qtbot, window, tmp_path):
    open_seeds(window, tmp_path)
    article = window.article_id
    edit = window.form.edits["note"]
    click_into(qtbot, edit)
    type_text(qtbot, edit, "待查")
    window.actions["mark_approved"].trigger()
    assert window.project.articles.get(article).note == "待查"
    assert window.project.articles.get(article).status == "approved"


def test_a_failed_text_save_keeps_the_typing_and_retries(
    qtbot, window, messages, tmp_path, monkeypatch
):
    open_seeds(window, tmp_path)
    article = window.article_id
    stored = window.project.articles.get(article).text

    def refused(*_args, **_kwargs):
        raise ProjectError("test.qingyang", "the text cannot be stored")

    monkeypatch.setattr(Articles, "replace_text", refused)
    editor = window.text_pane.editor
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    type_text(qtbot, editor, "补记")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # commits: the save fails
    assert [m[0] for m in messages] == ["critical"]
    assert editor.toPlainText() == stored + "补记"
    assert window.project.articles.get(article).text == stored
    monkeypatch.undo()
    window.text_pane.commit()  # the next commit tries again
    assert window.project.articles.get(article).text == stored + "补记"


def test_the_reviewed_count_of_the_document_follows_review_and_undo(qtbot, window, tmp_path):
    open_seeds(window, tmp_path)
    document = window.document_id
    total = window.project.documents.rows(offset=0, limit=1)[0]["articles"]
    assert document_progress(window, document) == f"0/{total}"
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    window.raw_view.setFocus()
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    assert document_progress(window, document) == f"2/{total}"
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert document_progress(window, document) == f"1/{total}"
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert document_progress(window, document) == f"2/{total}"


def test_the_differences_box_and_ctrl_d_stay_in_step(qtbot, window, tmp_path):
    open_seeds(window, tmp_path)
    pane, action = window.text_pane, window.actions["show_diff"]
    box = pane.diff_toggle
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.rect().center().y()))
    assert pane.diff_toggle.isChecked() and action.isChecked()
    assert pane.stack.currentWidget() is pane.diff
    window.raw_view.setFocus()
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    assert not pane.diff_toggle.isChecked() and not action.isChecked()
    assert pane.stack.currentWidget() is pane.editor
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    assert pane.diff_toggle.isChecked() and action.isChecked()


def article_rows(window) -> list[dict]:
    return window.project.articles.rows(window.document_id)


def test_ctrl_return_in_the_corrected_text_does_not_split(qtbot, window, tmp_path):
    open_seeds(window, tmp_path, SECOND)
    before = article_rows(window)
    window.raw_view.go_to_lines(before[0]["end_line"])
    editor = window.text_pane.editor
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is editor
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert article_rows(window) == before


def test_line_keys_in_a_form_field_do_not_act_on_the_raw_line(qtbot, window, tmp_path):
    open_seeds(window, tmp_path, SECOND)
    before = article_rows(window)
    window.raw_view.go_to_lines(before[1]["start_line"])
    edit = window.form.edits["title"]
    click_into(qtbot, edit)
    for key, modifiers in (
        (Qt.Key.Key_Return, CTRL),
        (Qt.Key.Key_Up, ALT),
        (Qt.Key.Key_Down, ALT),
        (Qt.Key.Key_T, CTRL),
        (Qt.Key.Key_B, CTRL | SHIFT),
        (Qt.Key.Key_N, CTRL | SHIFT),
    ):
        qtbot.keyClick(edit, key, modifiers)
    assert article_rows(window) == before
    assert window.project.undo.undo_label() is None


def test_ctrl_return_in_the_raw_text_still_splits(qtbot, window, tmp_path):
    open_seeds(window, tmp_path, SECOND)
    before = article_rows(window)
    window.raw_view.go_to_lines(before[0]["end_line"])
    window.raw_view.setFocus()
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert len(article_rows(window)) == len(before) + 1


def test_a_dictionary_entry_from_the_search_dialog_keeps_the_current_document(
    qtbot, window, tmp_path
):
    open_seeds(window, tmp_path)
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL | SHIFT)  # the second document
    second = window.document_id
    assert second != window.documents.document_id(0)
    article = window.article_id
    press(qtbot, window, Qt.Key.Key_H, CTRL)
    dialog = window.review.search_panel
    type_text(qtbot, dialog.query_edit, "潮县镇")  # only in the first document
    type_text(qtbot, dialog.replace_edit, "漷县镇")
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.dictionary_button, Qt.MouseButton.LeftButton)
    assert window.project.suggestions.dictionary()
    assert window.document_id == second and window.article_id == article


def test_undo_of_a_change_elsewhere_goes_to_its_document(qtbot, window, tmp_path):
    open_seeds(window, tmp_path)
    first = window.document_id
    press(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)  # approve in the first document
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL | SHIFT)
    assert window.document_id != first
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.document_id == first


def test_reviewed_and_next_asks_the_project_for_one_article_only(
    qtbot, window, tmp_path, monkeypatch
):
    open_seeds(window, tmp_path)
    rows = window.project.articles.rows(window.document_id)
    listed = []
    real = History.filtered_article_rows

    def recording(project, **arguments):
        listed.append(arguments)
        return real(project, **arguments)

    monkeypatch.setattr(History, "filtered_article_rows", recording)
    press(qtbot, window, Qt.Key.Key_R, CTRL)
    assert window.article_id == rows[1]["id"]
    assert listed == []  # no list of every unreviewed article is read on the GUI thread


def test_ctrl_u_visits_exactly_the_articles_the_list_flags(qtbot, window, tmp_path):
    path = make_project(tmp_path, FIRST)
    with Project.open(path) as project:
        doubtful = project.articles.rows(1)[2]["id"]
        project.db.execute("UPDATE articles SET confidence = 0.3 WHERE id = ?", [doubtful])
    assert window.open_project(path)
    window.raw_view.setFocus()
    flagged = [
        window.articles.article_id(row)
        for row in range(window.articles.rowCount())
        if window.articles.index(row, 0).data() == "⚠"
    ]
    assert flagged == [doubtful]
    press(qtbot, window, Qt.Key.Key_U, CTRL)
    assert window.article_id == doubtful
    press(qtbot, window, Qt.Key.Key_U, CTRL)
    assert window.article_id == doubtful  # no other article is uncertain
    window.filter_bar.set_mode("uncertain")
    assert window.filter_bar.article_ids() == [doubtful]
