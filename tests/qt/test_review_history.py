"""The history pane over a real project file: listing, filters, paging, diff, revert."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from editor_app.qt.labels import operation_name
from editor_app.qt.review.history_model import HistoryModel
from editor_app.qt.review.history_pane import ConflictDialog, HistoryPane
from editor_app.storage import Project, import_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def project(tmp_path):
    """The seed issues, then edits by alice and bob; alice's first edit dated 2020."""
    opened = Project.create(tmp_path / "review.qingyang", editor="alice")
    import_paths(opened, [SEEDS], workers=1)
    first, second, third = (row["id"] for row in opened.history.filtered_article_rows()[:3])
    opened.articles.set_field(first, "title", "旧的标题")
    opened.db.execute(
        "UPDATE operations SET time = '2020-03-01T08:00:00.000+00:00' WHERE id = "
        "(SELECT max(id) FROM operations)"
    )
    opened.articles.set_field(second, "note", "第一稿")
    opened.editor = "bob"
    opened.articles.set_status(third, "reviewed")
    opened.articles.set_field(second, "note", "第二稿")
    opened.editor = "alice"
    yield opened
    opened.close()


@pytest.fixture
def pane(qtbot, project):
    widget = HistoryPane(project)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def column(pane, number: int) -> list[str]:
    model = pane.model
    return [model.index(row, number).data() for row in range(model.rowCount())]


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def select_row_of(qtbot, pane, operation_id: int) -> None:
    row = pane.model.row_of(operation_id)
    assert row >= 0
    pane.table.scrollTo(pane.model.index(row, 0))
    rect = pane.table.visualRect(pane.model.index(row, 0))
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.selected_operation().id == operation_id


def test_lists_every_change_newest_first(pane, project):
    logged = project.history.entries(limit=1000)
    assert pane.model.rowCount() == len(logged)
    assert column(pane, 0) == [op.editor for op in logged]
    assert column(pane, 2)[0] == operation_name(logged[0].label, logged[0].action)
    assert column(pane, 2)[0] == "change field"  # the English UI names the core's 修改字段
    assert "第二稿" not in column(pane, 3)[0]  # the target names the article, not the value
    assert project.articles.get(logged[0].article_id).title in column(pane, 3)[0]
    assert column(pane, 4)[0] == "note: 第一稿 → 第二稿"


def test_filters_by_editor(pane, project):
    choose(pane.editor_combo, "bob")
    assert set(column(pane, 0)) == {"bob"}
    assert pane.model.rowCount() == len(project.history.entries(editor="bob"))
    choose(pane.editor_combo, None)
    assert set(column(pane, 0)) == {"alice", "bob"}


def test_filters_by_operation(pane, project):
    choose(pane.action_combo, "set_status")
    assert pane.model.rowCount() == 1
    assert pane.model.operation(0).action == "set_status"
    assert pane.action_combo.currentText() == "set status"  # 设置状态, named in English


def test_filters_by_time_range(qtbot, pane, project):
    total = pane.model.rowCount()
    pane.since_edit.setDate(QDate(2021, 1, 1))
    qtbot.mouseClick(pane.since_check, Qt.MouseButton.LeftButton)
    assert pane.model.rowCount() == total - 1
    assert not any(pane.model.operation(r).time.startswith("2020") for r in range(total - 1))
    pane.since_check.setChecked(False)
    pane.until_edit.setDate(QDate(2020, 12, 31))
    qtbot.mouseClick(pane.until_check, Qt.MouseButton.LeftButton)
    assert pane.model.rowCount() == 1
    assert pane.model.operation(0).time.startswith("2020")
    assert pane.model.index(0, 1).data().startswith("2020-0")  # shown in local time
    pane.until_check.setChecked(False)
    pane.since_edit.setDate(QDate.currentDate().addDays(1))
    pane.since_check.setChecked(True)
    assert pane.model.rowCount() == 0


def test_filters_by_document_and_scope(pane, project):
    article_id = project.history.entries(action="set_status")[0].article_id
    document_id = project.articles.get(article_id).document_id
    choose(pane.document_combo, document_id)
    assert pane.model.rowCount() == len(project.history.entries(document_id=document_id))
    pane.set_scope(article_id=article_id)
    ops = [pane.model.operation(r) for r in range(pane.model.rowCount())]
    assert ops and all(op.article_id == article_id for op in ops)
    pane.set_scope()
    assert pane.model.rowCount() == len(project.history.entries())


def test_model_fetches_pages_lazily(qtbot, project):
    for number in range(12):
        project.articles.set_field(
            project.history.filtered_article_rows()[0]["id"], "note", f"稿{number}"
        )
    model = HistoryModel(page_size=5)
    model.set_project(project)
    assert model.rowCount() == 5
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 10
    total = len(project.history.entries(limit=1000))
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    ids = [model.operation(r).id for r in range(total)]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == total


def test_undone_changes_are_marked(pane, project):
    project.undo.undo()
    pane.refresh()
    undone = [r for r in range(pane.model.rowCount()) if pane.model.operation(r).undone]
    assert len(undone) == 1
    assert pane.model.index(undone[0], 2).data() == "change field (undone)"
    assert pane.model.index(0, 2).data().startswith("Undo: ")


def test_diff_shows_inserted_and_deleted_text(qtbot, pane, project):
    op = project.history.entries(action="set_field", editor="bob")[0]
    select_row_of(qtbot, pane, op.id)
    html = pane.diff_view.toHtml()
    assert "line-through" in html and "underline" in html
    formats = fragments(pane.diff_view.document())
    assert ("一", "deleted") in formats
    assert ("二", "inserted") in formats
    assert "第" in pane.diff_view.toPlainText()


def test_diff_escapes_markup(qtbot, pane, project):
    article_id = project.history.filtered_article_rows()[0]["id"]
    project.articles.set_field(article_id, "note", "<b>甲&乙</b>")
    pane.refresh()
    select_row_of(qtbot, pane, project.history.entries(limit=1)[0].id)
    assert "<b>甲&乙</b>" in pane.diff_view.toPlainText()
    assert not any(f.charFormat().fontWeight() > 400 for f in iter_fragments(pane, "甲"))


def test_revert_without_conflict(qtbot, pane, project):
    op = project.history.entries(action="set_field", editor="alice", limit=5)[-1]
    article_id = op.article_id
    original = op_changes_before(project, op.id)["title"]
    count = len(project.history.entries(limit=1000))
    select_row_of(qtbot, pane, op.id)
    assert pane.revert_button.isEnabled()
    with qtbot.waitSignal(pane.changed) as signal:
        qtbot.mouseClick(pane.revert_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].operation_id is not None
    assert project.articles.get(article_id).title == original
    assert len(project.history.entries(limit=1000)) == count + 1
    assert project.history.entries(limit=1)[0].action == "revert"
    assert pane.selected_operation().action == "revert"


@pytest.mark.parametrize("choice", ["keep", "overwrite", "cancel"])
def test_revert_with_conflict_offers_a_choice(qtbot, pane, project, monkeypatch, choice):
    alice_edits = project.history.entries(action="set_field", editor="alice")
    op = next(o for o in alice_edits if "note" in op_changes_after(project, o.id))
    article_id = op.article_id
    seen = {}

    def answer(dialog):
        seen["rows"] = [
            [dialog.table.item(r, c).text() for c in range(4)]
            for r in range(dialog.table.rowCount())
        ]
        button = {
            "keep": dialog.keep_button,
            "overwrite": dialog.overwrite_button,
            "cancel": dialog.cancel_button,
        }[choice]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ConflictDialog, "exec", answer)
    count = len(project.history.entries(limit=1000))
    select_row_of(qtbot, pane, op.id)
    if choice == "cancel":
        with qtbot.assertNotEmitted(pane.changed):
            qtbot.mouseClick(pane.revert_button, Qt.MouseButton.LeftButton)
    else:
        with qtbot.waitSignal(pane.changed):
            qtbot.mouseClick(pane.revert_button, Qt.MouseButton.LeftButton)
    assert [row[1:] for row in seen["rows"] if row[1] == "note"] == [["note", "第二稿", ""]]
    article = project.articles.get(article_id)
    if choice == "cancel":
        assert len(project.history.entries(limit=1000)) == count
        assert article.note == "第二稿"
        return
    assert len(project.history.entries(limit=1000)) == count + 1
    assert (article.note or "") == ("第二稿" if choice == "keep" else "")
    assert article.status == "proposed"  # no later change set it: reverted either way


def test_revert_keeping_every_later_value_says_nothing_was_reverted(
    qtbot, pane, project, monkeypatch, messages
):
    article_id = project.history.entries(action="set_field", editor="bob")[0].article_id
    project.articles.set_field(article_id, "note", "第三稿")
    op = project.history.entries(limit=1)[0]
    project.editor = "bob"
    project.articles.set_field(article_id, "note", "第四稿")
    pane.refresh()
    monkeypatch.setattr(ConflictDialog, "exec", lambda dialog: ConflictDialog.KEEP)
    count = len(project.history.entries(limit=1000))
    select_row_of(qtbot, pane, op.id)
    with qtbot.assertNotEmitted(pane.changed):
        qtbot.mouseClick(pane.revert_button, Qt.MouseButton.LeftButton)
    assert [m[0] for m in messages] == ["information"]
    assert len(project.history.entries(limit=1000)) == count
    assert project.articles.get(article_id).note == "第四稿"


# -- helpers ------------------------------------------------------------------------------------


def op_changes_before(project, operation_id: int) -> dict:
    """The values before the operation, of every row it wrote (a title edit may write the
    title's line in the text too)."""
    found: dict = {}
    for change in project.history.changes(operation_id):
        found = (change.before or {}) | found  # the first write holds the value before
    return found


def op_changes_after(project, operation_id: int) -> dict:
    found: dict = {}
    for change in project.history.changes(operation_id):
        found |= change.after or {}
    return found


def iter_fragments(pane, text: str):
    block = pane.diff_view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if text in fragment.text():
                yield fragment
            it += 1
        block = block.next()


def fragments(document) -> list[tuple[str, str]]:
    """(text, "inserted"/"deleted"/"same") for every run of the rendered diff."""
    out = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            style = fragment.charFormat()
            kind = "same"
            if style.fontStrikeOut():
                kind = "deleted"
            elif style.fontUnderline():
                kind = "inserted"
            out.append((fragment.text(), kind))
            it += 1
        block = block.next()
    return out


def test_a_batch_step_shows_its_first_fields_only(qtbot, pane, project, monkeypatch):
    monkeypatch.setattr("editor_app.qt.review.history_pane.MAX_SHOWN_FIELDS", 3)
    result = project.suggestions.reject(rule="join")
    assert result.value > 3
    pane.refresh()
    select_row_of(qtbot, pane, result.operation_id)
    text = pane.diff_view.toPlainText()
    assert f"Only the first 3 of {result.value} items are shown." in text
    assert text.count("· join paragraphs") == 3  # each under its article's title
    assert text.startswith(f"reject {result.value} join paragraphs suggestions")


def test_refresh_keeps_the_selection_and_select_can_page(qtbot, pane, project):
    oldest_edit = project.history.entries(action="set_field", limit=10)[-1]
    select_row_of(qtbot, pane, oldest_edit.id)
    for number in range(40):  # more than the view shows: the oldest is a page away
        project.articles.set_field(oldest_edit.article_id, "note", f"又改{number}")
    pane.refresh()
    assert pane.selected_operation().id == oldest_edit.id
    pane.model.page_size = 1
    pane.model.reload()
    assert not pane.select_operation(oldest_edit.id)
    assert pane.select_operation(oldest_edit.id, fetch=True)
    assert pane.selected_operation().id == oldest_edit.id
