"""Open suggestions as tracked changes: marked in both texts, walked from the cursor, decided
one by one or a whole kind at once."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from editor_app.qt.labels import rule_colour
from editor_app.qt.widgets.raw_view import RawTextView
from editor_app.qt.widgets.suggestion_marks import mark_span, outline_rects
from editor_app.storage import Project
from tests.conftest import run_cli
from tests.qt.conftest import SEEDS, make_project, press
from tests.qt.keyboard import CTRL, SHIFT

FIRST = SEEDS / "000_0568ddfa57c73b20.txt"
SECOND = SEEDS / "004_353c17634c82fe70.txt"


@pytest.fixture
def desk(window, tmp_path):
    """The window on both seed issues, the first one shown, the raw text focused."""
    assert window.open_project(make_project(tmp_path, FIRST, SECOND))
    window.panes.show_document(first_document(window))
    window.raw_view.setFocus()
    return window


def first_document(window) -> int:
    rows = window.project.db.execute("SELECT id FROM documents WHERE file_name = ?", [FIRST.name])
    return rows.fetchone()[0]


def open_suggestions(window, **filters) -> list:
    return window.project.suggestions.find(**filters)


def marked(view) -> dict[tuple[int, int], str]:
    """The colours of the underlined extra selections of a text view, by the characters
    they cover."""
    return {
        (s.cursor.selectionStart(), s.cursor.selectionEnd()): s.format.underlineColor().name()
        for s in view.extraSelections()
        if s.format.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    }


def marked_in_view(view, suggestion) -> str | None:
    """The colour a suggestion is marked in once the raw text is scrolled to it."""
    view.go_to_offset(suggestion.start)
    return marked(view).get(mark_span(suggestion, suggestion.start, suggestion.end))


def colour(rule: str) -> str:
    return rule_colour(rule).name()


def click_before(qtbot, view, offset: int) -> None:
    """Click the raw text just left of the character at `offset`: the cursor stands on it."""
    view.go_to_offset(offset)  # scrolled into view; the click puts the cursor there
    qtbot.keyClick(view, Qt.Key.Key_Home)
    cursor = QTextCursor(view.document())
    cursor.setPosition(offset)
    at = view.cursorRect(cursor)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at.center())
    assert view.textCursor().position() == offset


def selected(window):
    return window.suggestion_panel.current()


def test_each_suggestion_is_marked_in_its_kinds_colour_in_both_texts(desk):
    raw = desk.raw_view
    text = raw.toPlainText()
    marks = marked(raw)
    lookalike = open_suggestions(desk, document_id=desk.document_id, rule="lookalike")[0]
    comma = open_suggestions(desk, document_id=desk.document_id, pattern=",→，")[0]
    for suggestion in (lookalike, comma):
        span = (suggestion.start, suggestion.end)
        assert text[slice(*span)] == suggestion.before
        assert marks[span] == colour(suggestion.rule)
    assert rule_colour("lookalike") != rule_colour("punctuation")

    raw.go_to_offset(lookalike.start)  # its article is shown, its text marked too
    editor = desk.text_pane.editor
    in_article = [span for span, shade in marked(editor).items() if shade == colour("lookalike")]
    assert in_article
    assert all(editor.toPlainText()[slice(*span)] == "入" for span in in_article)


def test_every_suggestion_is_marked_once_it_is_in_view(desk):
    """The marks follow the view down a long page: each of several hundred suggestions is
    marked when the text is scrolled to it (marks are built for what is in view)."""
    raw = desk.raw_view
    suggestions = open_suggestions(desk, document_id=desk.document_id)
    assert len(suggestions) > 300
    for suggestion in reversed(suggestions):  # from the end of the page back to its top
        assert marked_in_view(raw, suggestion) == colour(suggestion.rule), suggestion


def test_the_selected_suggestion_is_boxed_and_its_reason_shown(qtbot, desk):
    lookalike = open_suggestions(desk, document_id=desk.document_id, rule="lookalike")[0]
    desk.raw_view.go_to_offset(lookalike.start)
    desk.suggestion_panel.select(lookalike.id)
    raw = desk.raw_view
    assert raw.selected_mark.suggestion.id == lookalike.id
    box = outline_rects(raw, raw.selected_mark)[0]
    qtbot.waitUntil(lambda: raw.viewport().grab().toImage().width() > 0)
    image = raw.viewport().grab().toImage()
    edge = image.pixelColor(box.left() - 1, box.center().y())
    assert edge.name() == rule_colour("lookalike").name()  # the box's left side
    note = raw.note.text()
    assert lookalike.reason in note and lookalike.after in note
    assert desk.text_pane.editor.selected_mark.suggestion.id == lookalike.id


def test_f8_from_a_cursor_on_a_suggestion_selects_that_one(qtbot, desk):
    raw = desk.raw_view
    lookalike = open_suggestions(desk, document_id=desk.document_id, rule="lookalike")[0]
    click_before(qtbot, raw, lookalike.start)
    press(qtbot, desk, Qt.Key.Key_F8)
    assert selected(desk).id == lookalike.id
    assert raw.textCursor().position() == lookalike.start

    ordered = open_suggestions(desk, document_id=desk.document_id)
    following = ordered[[s.id for s in ordered].index(lookalike.id) + 1]
    press(qtbot, desk, Qt.Key.Key_F8)  # once there, F8 goes on
    assert selected(desk).id == following.id
    press(qtbot, desk, Qt.Key.Key_F8, SHIFT)
    assert selected(desk).id == lookalike.id


def test_the_first_suggestion_of_an_article_is_not_skipped(qtbot, desk):
    raw = desk.raw_view
    first = open_suggestions(desk, document_id=desk.document_id)[0]
    click_before(qtbot, raw, first.start)
    assert selected(desk).id == first.id  # the list shows it current already
    press(qtbot, desk, Qt.Key.Key_F8)
    assert selected(desk).id == first.id


@pytest.mark.parametrize("status", ["accepted", "rejected"])
def test_deciding_one_goes_on_from_its_place(qtbot, desk, status):
    modifiers = SHIFT if status == "rejected" else Qt.KeyboardModifier.NoModifier  # F9, Shift+F9
    raw = desk.raw_view
    ordered = open_suggestions(desk, document_id=desk.document_id)
    middle = ordered[len(ordered) // 2]
    click_before(qtbot, raw, middle.start)
    press(qtbot, desk, Qt.Key.Key_F8)
    assert selected(desk).id == middle.id

    press(qtbot, desk, Qt.Key.Key_F9, modifiers)
    assert open_suggestions(desk, ids=[middle.id], status=status)
    following = ordered[ordered.index(middle) + 1]
    assert selected(desk).id == following.id  # not the list's first row
    assert raw.textCursor().position() == following.start
    assert raw.selected_mark.suggestion.id == following.id


def test_the_keys_in_the_list_keep_the_place_too(qtbot, desk):
    ordered = open_suggestions(desk, document_id=desk.document_id)
    middle = ordered[len(ordered) // 2]
    desk.raw_view.go_to_offset(middle.start)
    panel = desk.suggestion_panel
    panel.list.setFocus()
    panel.select(middle.id)
    press(qtbot, desk, Qt.Key.Key_F9, SHIFT)
    assert selected(desk).id == ordered[ordered.index(middle) + 1].id


def test_accepting_a_kind_in_the_issue_leaves_other_issues_and_undoes_in_one_step(
    qtbot, desk, messages
):
    here, elsewhere = desk.document_id, 3 - desk.document_id
    joins_here = open_suggestions(desk, document_id=here, rule="join")
    joins_elsewhere = open_suggestions(desk, document_id=elsewhere, rule="join")
    assert joins_here and joins_elsewhere
    desk.raw_view.go_to_offset(joins_here[1].start)
    desk.suggestion_panel.select(joins_here[1].id)

    press(qtbot, desk, Qt.Key.Key_F9, CTRL)
    asked = messages[-1]
    assert asked[0] == "question" and f"all {len(joins_here)} open" in asked[2]
    assert open_suggestions(desk, document_id=here, rule="join") == []
    assert open_suggestions(desk, document_id=elsewhere, rule="join") == joins_elsewhere
    assert "Accepted" in desk.statusBar().currentMessage()
    assert colour("join") not in marked(desk.raw_view).values()

    press(qtbot, desk, Qt.Key.Key_Z, CTRL)  # one undo step gives every one back
    assert open_suggestions(desk, document_id=here, rule="join") == joins_here
    assert all(marked_in_view(desk.raw_view, join) == colour("join") for join in joins_here)


def test_rejecting_a_kind_in_the_project_asks_with_the_count(qtbot, desk, messages):
    joins = open_suggestions(desk, rule="join")
    desk.raw_view.go_to_offset(joins[0].start)
    desk.suggestion_panel.select(joins[0].id)
    desk.actions["reject_rule_project"].trigger()
    assert f"all {len(joins)} open" in messages[-1][2]
    assert open_suggestions(desk, rule="join") == []
    assert len(open_suggestions(desk, rule="join", status="rejected")) == len(joins)
    desk.actions["undo"].trigger()
    assert open_suggestions(desk, rule="join") == joins


def decided(path) -> tuple[list, list]:
    """Every article's texts and every suggestion's status, as a project file holds them."""
    with Project.open(path, read_only=True) as project:
        read = project.db.execute
        texts = read("SELECT id, corrected_text, title FROM articles ORDER BY id").fetchall()
        statuses = read("SELECT id, status FROM suggestions ORDER BY id").fetchall()
        packed = sorted(s.id for s in project.suggestions.find())
    return texts, statuses + packed


def test_the_command_line_accepts_a_kind_in_an_issue_as_the_window_does(qtbot, window, tmp_path):
    path = make_project(tmp_path, FIRST, SECOND)
    copy = tmp_path / "copy.qingyang"
    shutil.copyfile(path, copy)
    assert window.open_project(path)
    document_id = first_document(window)
    window.panes.show_document(document_id)
    join = open_suggestions(window, document_id=document_id, rule="join")[0]
    window.raw_view.go_to_offset(join.start)
    window.suggestion_panel.select(join.id)
    window.actions["accept_rule"].trigger()
    window.close_project()

    document = str(document_id)
    asked = run_cli("accept", copy, "--rule", "join", "--document", document, "--dry-run")
    assert asked.stdout.strip() == "would accept 9 suggestions"
    done = run_cli("accept", copy, "--rule", "join", "--document", document)
    assert done.returncode == 0, done.stderr
    texts, statuses = decided(path)
    assert any(corrected for _, corrected, _ in texts)  # the window joined paragraphs
    assert decided(copy) == (texts, statuses)


def test_a_right_click_on_a_mark_offers_to_decide_on_its_suggestion(desk):
    shown: list[list] = []

    def read_and_close_menu(tries: int = 300) -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            if tries:  # the menu opens once the event is handled
                QTimer.singleShot(10, lambda: read_and_close_menu(tries - 1))
            return
        shown.append(menu.actions())
        menu.close()

    raw = desk.raw_view
    lookalike = open_suggestions(desk, document_id=desk.document_id, rule="lookalike")[0]
    raw.go_to_offset(lookalike.start)
    cursor = QTextCursor(raw.document())
    cursor.setPosition(lookalike.start)
    at = raw.cursorRect(cursor).center() + QPoint(2, 0)  # on the character
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, raw.viewport().mapToGlobal(at))
    QTimer.singleShot(0, read_and_close_menu)
    QApplication.sendEvent(raw.viewport(), event)
    assert selected(desk).id == lookalike.id
    assert desk.actions["accept_rule"] in shown[-1] and desk.actions["split"] in shown[-1]


def click_in_text(qtbot, editor, position: int) -> None:
    """Click the article text just left of the character at `position`."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()  # scrolled into view; the click puts the cursor there
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
    editor.ensureCursorVisible()
    at = editor.cursorRect(cursor)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=at.center())
    assert editor.textCursor().position() == position


def mark_of(editor, suggestion):
    return next(m for m in editor.marks if m.suggestion.id == suggestion.id)


def test_f8_in_the_article_text_starts_from_its_cursor(qtbot, desk):
    raw, pane = desk.raw_view, desk.text_pane
    editor = pane.editor
    first = open_suggestions(desk, document_id=desk.document_id)[0]
    raw.go_to_offset(first.start)
    listed = [s for s in open_suggestions(desk, document_id=desk.document_id) if s.line <= 23]
    earlier, target, later = listed[3], listed[4], listed[5]
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
    qtbot.keyClicks(editor, "XYZ")  # an earlier edit: the text's offsets are no longer raw's
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.toPlainText().startswith("XYZ")
    raw.go_to_offset(first.start)
    assert mark_of(editor, target).first != target.start - pane.span_start

    click_in_text(qtbot, editor, mark_of(editor, target).first)
    press(qtbot, desk, Qt.Key.Key_F8)  # from the raw cursor it would be the first one
    assert selected(desk).id == target.id
    assert raw.selected_mark.suggestion.id == target.id
    assert editor.selected_mark.suggestion.id == target.id
    assert QApplication.focusWidget() is editor

    press(qtbot, desk, Qt.Key.Key_F8, SHIFT)
    assert selected(desk).id == earlier.id
    assert editor.textCursor().position() == mark_of(editor, earlier).first

    press(qtbot, desk, Qt.Key.Key_F9)
    assert open_suggestions(desk, ids=[earlier.id], status="accepted")
    assert selected(desk).id == target.id
    assert QApplication.focusWidget() is editor
    assert editor.textCursor().position() == mark_of(editor, target).first
    assert editor.toPlainText().startswith("XYZ")

    press(qtbot, desk, Qt.Key.Key_F8)  # walked there: F8 goes on
    assert selected(desk).id == later.id


def test_a_taller_view_marks_what_it_now_shows(qtbot, desk):
    suggestions = open_suggestions(desk, document_id=desk.document_id)
    raw = RawTextView()  # a view of its own, sized at will
    qtbot.addWidget(raw)
    raw.resize(340, 120)  # the text shows a few lines
    raw.show()
    text = desk.raw_view.toPlainText()
    raw.show_document(desk.document_id, text, [], {}, suggestions)
    raw.resize(340, 1600)  # and then many screens more
    QApplication.processEvents()
    assert raw.viewport().height() > 1000
    corner = raw.cursorForPosition(raw.viewport().rect().bottomRight()).position()
    shown = [s for s in suggestions if s.end <= corner and s.before.strip()]
    assert len(shown) > 30
    marks = marked(raw)
    assert all(marks.get(mark_span(s, s.start, s.end)) == colour(s.rule) for s in shown)
