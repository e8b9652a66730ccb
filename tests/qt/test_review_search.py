"""The search and replace dialog over a real project file."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from editor_app.qt.background import Background
from editor_app.qt.review.search_dialog import CONTEXT, SearchPanel, hit_context
from editor_app.storage import SEARCHED_FIELDS, Project, import_paths, searched_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{12,}")


@pytest.fixture
def project(tmp_path):
    opened = Project.create(tmp_path / "search.qingyang", editor="alice")
    import_paths(opened, [SEEDS], workers=1)
    opened.articles.set_field(
        opened.history.filtered_article_rows()[0]["id"], "note", "校对备注：潮县镇"
    )
    opened.editor = "bob"
    yield opened
    opened.close()


@pytest.fixture
def dialog(qtbot, project):
    widget = SearchPanel(project)
    qtbot.addWidget(widget)
    widget.show_replace(True)
    widget.resize(900, 520)
    widget.show()
    return widget


def field_texts(project) -> list[tuple[int, str, str]]:
    """(article id, field, text) of every searched field of every segment."""
    out = []
    for document_id in project.documents.ids():
        for article in project.articles.of_document(document_id):
            for field in SEARCHED_FIELDS:
                out.append((article.id, field, searched_text(field, getattr(article, field))))
    return out


def brute_force_count(project, query: str) -> int:
    return sum(text.count(query) for _, _, text in field_texts(project))


def queries_from(project) -> list[str]:
    """1-, 2-, 3- and 5-character queries cut from the project's own text, plus common ones."""
    texts = "\n".join(text for _, _, text in field_texts(project))
    run = CJK_RUN.findall(texts)[3]
    return [run[0], run[1:3], run[3:6], run[6:11], "的", "记者", "本报讯", "通州区委员"]


def type_text(widget, text: str) -> None:
    """Key presses carrying the characters, as an input method delivers Chinese text.

    (QTest.keyClicks only knows Latin-1 keys.)
    """
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def type_query(qtbot, dialog, text: str, *, regex: bool = False) -> None:
    dialog.query_edit.clear()
    dialog.regex_check.setChecked(regex)
    type_text(dialog.query_edit, text)
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)


def test_queries_of_every_length_find_what_brute_force_counts(qtbot, dialog, project):
    queries = queries_from(project)
    assert [len(q) for q in queries[:4]] == [1, 2, 3, 5]
    for query in queries:
        type_query(qtbot, dialog, query)
        expected = brute_force_count(project, query)
        assert expected < 1000
        assert dialog.results.topLevelItemCount() == expected, query
        assert all(hit.match == query for hit in dialog.hits)
        assert str(expected) in dialog.message_label.text()
    assert all(brute_force_count(project, q) > 0 for q in queries[:4])


def test_results_show_context_and_jump_on_double_click_and_enter(qtbot, dialog, project):
    type_query(qtbot, dialog, "记者")
    item = dialog.results.topLevelItem(1)
    hit = item.data(0, Qt.ItemDataRole.UserRole)
    assert item.text(CONTEXT) == hit_context(hit) and "【记者】" in item.text(CONTEXT)
    rect = dialog.results.visualItemRect(item)
    viewport = dialog.results.viewport()
    with qtbot.waitSignal(dialog.jump_to_article) as signal:
        # A real double click is a click then a double-click event on the same item.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [hit.article_id, hit.field, hit.start]
    dialog.results.setFocus()
    dialog.results.setCurrentItem(dialog.results.topLevelItem(2))
    third = dialog.results.topLevelItem(2).data(0, Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(dialog.jump_to_article) as signal:
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert signal.args == [third.article_id, third.field, third.start]
    assert dialog.isVisible()  # Enter jumps; it does not close or apply


def test_invalid_regex_is_a_message_not_a_crash(qtbot, dialog, messages):
    type_query(qtbot, dialog, "记者([", regex=True)
    assert "regular expression" in dialog.message_label.text()
    assert dialog.results.topLevelItemCount() == 0
    assert messages == []
    type_query(qtbot, dialog, "记者(者)?", regex=True)
    assert dialog.results.topLevelItemCount() > 0


def test_regex_replacement_with_a_bad_group_is_a_message(qtbot, dialog):
    type_query(qtbot, dialog, "记者", regex=True)
    type_text(dialog.replace_edit, r"\9")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "replacement" in dialog.message_label.text()
    assert not dialog.apply_button.isEnabled()


def test_preview_with_one_hit_skipped_applies_the_rest_as_one_undo_step(qtbot, dialog, project):
    query = "记者"
    before = {(a, f): t for a, f, t in field_texts(project)}
    total = brute_force_count(project, query)
    assert total >= 3
    type_query(qtbot, dialog, query)
    type_text(dialog.replace_edit, "记者同志")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.results.topLevelItemCount() == total
    assert "→记者同志】" in dialog.results.topLevelItem(0).text(CONTEXT)
    skipped = dialog.results.topLevelItem(1)
    skipped.setCheckState(0, Qt.CheckState.Unchecked)
    assert len(dialog.kept_hits()) == total - 1
    steps = len(project.history.entries(limit=1000))
    with qtbot.waitSignal(dialog.changed) as signal:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].value == total - 1
    assert len(project.history.entries(limit=1000)) == steps + 1
    assert brute_force_count(project, "记者同志") == total - 1
    assert project.history.entries(limit=1)[0].action == "replace"
    project.undo.undo()
    assert {(a, f): t for a, f, t in field_texts(project)} == before
    assert brute_force_count(project, "记者同志") == 0


def test_editing_the_replacement_invalidates_the_preview(qtbot, dialog):
    type_query(qtbot, dialog, "记者")
    type_text(dialog.replace_edit, "记")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.apply_button.isEnabled()
    type_text(dialog.replace_edit, "员")
    assert not dialog.apply_button.isEnabled()
    assert dialog.kept_hits() == []


def test_save_as_dictionary_entry(qtbot, dialog, project):
    type_query(qtbot, dialog, "潮县镇")
    type_text(dialog.replace_edit, "漷县镇")
    assert dialog.dictionary_button.isEnabled()
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.dictionary_button, Qt.MouseButton.LeftButton)
    entries = [(e["wrong"], e["right"]) for e in project.suggestions.dictionary()]
    assert entries == [("潮县镇", "漷县镇")]
    assert project.history.entries(limit=1)[0].action == "dict_add"
    dialog.regex_check.setChecked(True)
    assert not dialog.dictionary_button.isEnabled()


def test_a_refused_dictionary_entry_is_reported(qtbot, dialog, project, messages):
    project.suggestions.add_dictionary_entry("潮县镇", "漷县镇")
    type_query(qtbot, dialog, "潮县镇")
    type_text(dialog.replace_edit, "漷县镇")
    with qtbot.assertNotEmitted(dialog.changed):
        qtbot.mouseClick(dialog.dictionary_button, Qt.MouseButton.LeftButton)
    assert [m[0] for m in messages] == ["warning"]


class HeldSearch:
    """The project's search, holding every search after its first page until `go` is set;
    a search that finds itself cancelled then is noted in `cancelled`."""

    def __init__(self, search) -> None:
        self.search = search
        self.go = threading.Event()
        self.cancelled: list[str] = []

    def pages(self, query, *, regex=False, page=50, cancelled=None):
        pages = self.search.pages(query, regex=regex, page=page)

        def held():
            yield next(pages)
            self.go.wait(30)
            if cancelled():
                self.cancelled.append(query)
                return
            yield from pages

        return held()


@pytest.fixture
def streaming(qtbot, dialog, project):
    """The panel searching on a pool thread, as in the window, through a held search."""
    held = HeldSearch(project.search)
    reader = SimpleNamespace(read=lambda call: call(SimpleNamespace(search=held)))
    background = Background()
    dialog.use_background(background, reader)
    yield held
    held.go.set()
    background.wait()


def listed_matches(dialog) -> set[str]:
    rows = range(dialog.results.topLevelItemCount())
    return {
        dialog.results.topLevelItem(row).data(0, Qt.ItemDataRole.UserRole).match for row in rows
    }


def test_the_first_page_is_listed_at_once_then_the_rest_and_the_count_follows(
    qtbot, dialog, project, streaming
):
    total = len(project.search.find("区", limit=10**6))
    assert 100 < total < 1000
    dialog.set_query("区")
    with qtbot.assertNotEmitted(dialog.searched, wait=0):
        dialog.search()
        qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() == 50)
        qtbot.waitUntil(lambda: dialog.message_label.text() == "50 hits found, still searching…")
    assert dialog.results.currentItem() is dialog.results.topLevelItem(0)
    with qtbot.waitSignal(dialog.searched, timeout=30_000) as found:
        streaming.go.set()
    assert len(found.args[0]) == total == dialog.results.topLevelItemCount()
    assert dialog.message_label.text() == f"{total} hits"
    assert found.args[0] == project.search.find("区", limit=10**6)


def test_a_new_query_replaces_the_one_still_running(qtbot, dialog, project, streaming):
    dialog.set_query("区")
    dialog.search()
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() == 50)
    dialog.set_query("的")
    dialog.search()
    qtbot.waitUntil(lambda: dialog.message_label.text() == "50 hits found, still searching…")
    assert listed_matches(dialog) == {"的"}
    with qtbot.waitSignal(dialog.searched, timeout=30_000) as found:
        streaming.go.set()
    qtbot.waitUntil(lambda: streaming.cancelled == ["区"])
    assert len(found.args[0]) == len(project.search.find("的", limit=10**6))
    assert listed_matches(dialog) == {"的"}
    assert dialog.results.topLevelItemCount() == len(found.args[0])


def test_closing_the_panel_stops_its_search(qtbot, dialog, streaming):
    dialog.set_query("区")
    dialog.search()
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() == 50)
    with qtbot.assertNotEmitted(dialog.searched, wait=100):
        dialog.hide()
        streaming.go.set()
        qtbot.waitUntil(lambda: streaming.cancelled == ["区"])
    assert dialog.results.topLevelItemCount() == 50
    assert dialog.message_label.text() == "Search stopped; 50 hits listed."
