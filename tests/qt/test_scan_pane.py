"""The page scan beside the raw text: shown for an OCR page, its article's lines outlined,
a click on a printed line selects the raw line, a missing or changed image reported and
pointed to again as one undoable step."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from editor_app.qt.scan_image import read_scan, ready_to_paint
from editor_app.qt.widgets.scan_view import ARTICLE, LINE, WORD
from editor_app.storage import Project, import_paths
from tests.ocr.pages import IMAGE, TESSERACT
from tests.qt.conftest import SEEDS, press
from tests.qt.keyboard import CTRL, SHIFT

TEXT_PAGE = SEEDS / "004_353c17634c82fe70.txt"
LEFT_COLUMN = 3  # the raw line of the left column's paragraph; the title is line 1


def ocr_project(tmp_path: Path, *, with_image: bool = True, also: tuple = ()) -> Path:
    """A project of the ALTO page, its PNG beside it (or not), and any other files."""
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(TESSERACT["alto"], folder)
    if with_image:
        shutil.copy(IMAGE, folder)
    path = tmp_path / "ocr.qingyang"
    with Project.create(path, editor="tester") as project:
        import_paths(project, [folder, *map(str, also)], workers=1)
    return path


def geometry(window):
    return window.project.documents.geometry(window.document_id)


def box_tuples(boxes) -> list[tuple[int, int, int, int]]:
    return [tuple(box) for box in boxes]


def boxes_of_lines(window, first: int, last: int) -> list[tuple[int, int, int, int]]:
    line_boxes = geometry(window).line_boxes
    return [tuple(b) for n in range(first, last + 1) for b in line_boxes[n - 1]]


def click_on_page(qtbot, view, x: float, y: float) -> None:
    """A click where the page point (x, y) is drawn."""
    view.centerOn(QPointF(x, y))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(QPointF(x, y))
    )


def show_ocr_page(window) -> None:
    ocr = next(d for d, name in window.project.documents.names().items() if name.endswith(".xml"))
    window.panes.show_document(ocr)


@pytest.fixture
def locate(monkeypatch):
    """The file dialog answers with the path set in `answer`; what it was asked is kept."""
    asked = {"answer": "", "titles": []}

    def get_open_file_name(_parent, title, _folder="", _filter="", *_args, **_kwargs):
        asked["titles"].append(title)
        return asked["answer"], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    return asked


def test_the_scan_is_shown_beside_an_ocr_page_and_not_a_text_one(qtbot, window, tmp_path):
    assert window.open_project(ocr_project(tmp_path, also=(TEXT_PAGE,)))
    show_ocr_page(window)
    pane, view = window.scan_pane, window.scan_pane.view
    assert pane.isVisible() and pane.currentWidget() is view and view.has_page()
    assert view.sceneRect().getRect() == (0, 0, 1400, 700)  # the ALTO page's size
    qtbot.waitUntil(lambda: view.viewport().width() > 200)  # laid out in the splitter
    assert view.zoom == pytest.approx((view.viewport().width() - 2) / 1400)  # its whole width
    text = next(d for d, name in window.project.documents.names().items() if name.endswith("txt"))
    window.panes.show_document(text)
    assert not pane.isVisible()
    show_ocr_page(window)
    assert pane.isVisible()

    press(qtbot, window, Qt.Key.Key_M, CTRL | SHIFT)  # hidden, and remembered
    assert not pane.isVisible() and not window.preferences.show_scan
    press(qtbot, window, Qt.Key.Key_M, CTRL | SHIFT)
    assert pane.isVisible() and window.preferences.show_scan and view.has_page()


def test_the_selected_article_s_lines_are_outlined(qtbot, window, tmp_path):
    assert window.open_project(ocr_project(tmp_path))
    window.raw_view.go_to_lines(LEFT_COLUMN + 2)  # the right column's paragraph
    window.actions["split"].trigger()
    first, second = window.segments
    assert second["start_line"] > LEFT_COLUMN
    view = window.scan_pane.view

    window.article_view.setCurrentIndex(window.articles.index(0, 1))
    assert window.article_id == first["id"]
    assert view.boxes(ARTICLE) == boxes_of_lines(window, 1, first["end_line"])
    assert len(view.boxes(ARTICLE)) == 1 + 5  # the title and the left column's five lines
    window.article_view.setCurrentIndex(window.articles.index(1, 1))
    assert window.article_id == second["id"]
    assert view.boxes(ARTICLE) == boxes_of_lines(window, second["start_line"], 5)
    assert all(box[0] > 700 for box in view.boxes(ARTICLE))  # the right column


def test_a_click_on_a_printed_line_selects_its_raw_line_and_back(qtbot, window, tmp_path):
    assert window.open_project(ocr_project(tmp_path))
    window.raw_view.go_to_lines(LEFT_COLUMN + 2)
    window.actions["split"].trigger()
    view = window.scan_pane.view
    window.raw_view.go_to_lines(1)
    assert window.article_id == window.segments[0]["id"]

    x0, y0, x1, y1 = geometry(window).line_boxes[LEFT_COLUMN + 1][2]  # a right-column line
    click_on_page(qtbot, view, (x0 + x1) / 2, (y0 + y1) / 2)
    assert window.raw_view.current_line() == LEFT_COLUMN + 2
    assert window.article_id == window.segments[1]["id"]  # the article follows
    assert view.boxes(LINE) == boxes_of_lines(window, LEFT_COLUMN + 2, LEFT_COLUMN + 2)

    click_on_page(qtbot, view, 700, 600)  # between the columns, below the text: no line
    assert window.raw_view.current_line() == LEFT_COLUMN + 2

    window.raw_view.go_to_lines(LEFT_COLUMN)  # the cursor in the text: the image follows
    assert view.boxes(LINE) == boxes_of_lines(window, LEFT_COLUMN, LEFT_COLUMN)


def test_the_current_suggestion_s_word_is_boxed(qtbot, window, tmp_path):
    path = ocr_project(tmp_path)
    with Project.open(path) as project:
        project.suggestions.add_dictionary_entry("国槐", "槐树")
    assert window.open_project(path)
    suggestion = window.suggestion_panel.current()
    assert suggestion is not None and suggestion.before == "国槐"
    char_boxes = geometry(window).char_boxes
    words = {tuple(char_boxes[o][2]) for o in range(suggestion.start, suggestion.end)}
    assert set(window.scan_pane.view.boxes(WORD)) == words
    assert all(box[0] < 700 for box in words)  # in the left column


def test_a_missing_image_is_reported_and_pointed_to_again(
    qtbot, window, tmp_path, locate, messages
):
    path = ocr_project(tmp_path, with_image=False)
    assert window.open_project(path)
    pane = window.scan_pane
    expected = str(tmp_path / "pages" / "two-columns.png")
    assert pane.isVisible() and pane.currentWidget() is pane.notice_page
    assert "not found" in pane.notice.text() and expected in pane.notice.text()
    assert pane.locate.isVisible()
    qtbot.waitUntil(lambda: pane.locate.width() > 20)  # laid out: a click lands on it

    not_an_image = tmp_path / "notes.png"
    not_an_image.write_text("这不是图像", encoding="utf-8")
    locate["answer"] = str(not_an_image)
    qtbot.mouseClick(pane.locate, Qt.MouseButton.LeftButton)
    assert messages and "not a PNG, JPEG or TIFF" in messages[-1][2]
    assert pane.currentWidget() is pane.notice_page

    moved = tmp_path / "scans" / "page-1.png"
    moved.parent.mkdir()
    shutil.copy(IMAGE, moved)
    locate["answer"] = str(moved)
    qtbot.mouseClick(pane.locate, Qt.MouseButton.LeftButton)
    assert pane.currentWidget() is pane.view and pane.view.has_page()
    assert pane.view.boxes(ARTICLE)  # the article's lines outlined on the image found

    window.close_project()
    assert window.open_project(path)  # kept in the project
    assert window.scan_pane.currentWidget() is pane.view and pane.view.has_page()

    window.actions["undo"].trigger()
    assert pane.currentWidget() is pane.notice_page and expected in pane.notice.text()
    window.actions["redo"].trigger()
    assert pane.currentWidget() is pane.view


def test_a_changed_image_is_reported_with_its_path(qtbot, window, tmp_path):
    path = ocr_project(tmp_path)
    image = tmp_path / "pages" / "two-columns.png"
    image.write_bytes(IMAGE.read_bytes() + b"\0")  # another file under the same name
    assert window.open_project(path)
    pane = window.scan_pane
    assert pane.currentWidget() is pane.notice_page
    assert "content has changed" in pane.notice.text() and str(image) in pane.notice.text()


def test_the_scan_zooms_by_its_own_keys_not_the_text_s(qtbot, window, tmp_path):
    assert window.open_project(ocr_project(tmp_path))
    view = window.scan_pane.view
    qtbot.waitUntil(lambda: view.viewport().width() > 200)
    text_size = window.preferences.text_size
    fitted = view.zoom
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    press(qtbot, window, Qt.Key.Key_Equal, CTRL)
    assert view.zoom == pytest.approx(fitted * 1.25)
    press(qtbot, window, Qt.Key.Key_Minus, CTRL)
    press(qtbot, window, Qt.Key.Key_Minus, CTRL)
    assert view.zoom == pytest.approx(fitted / 1.25)
    press(qtbot, window, Qt.Key.Key_0, CTRL)
    assert view.zoom == pytest.approx(fitted)
    assert window.preferences.text_size == text_size  # the text's zoom keys were not used


def test_a_large_image_is_read_off_the_gui_thread(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr("editor_app.qt.scan_image.READ_AT_ONCE_BYTES", 1000)  # the PNG: 54 KB
    assert window.open_project(ocr_project(tmp_path))
    pane = window.scan_pane
    assert pane.currentWidget() is pane.notice_page and "Reading" in pane.notice.text()
    assert not pane.locate.isVisible()
    qtbot.waitUntil(pane.view.has_page)
    assert pane.currentWidget() is pane.view
    assert pane.view.boxes(ARTICLE) == boxes_of_lines(window, 1, 5)


def record_drawing(monkeypatch, view) -> list[tuple[str, int]]:
    """What the view is told from now on, in order: ("page", shown) for each image shown
    or cleared, (overlay, number of boxes) for each outline drawn."""
    drawn: list[tuple[str, int]] = []
    show_page, outline = view.show_page, view.outline

    def recorded_page(image, *args, **kwargs) -> None:
        drawn.append(("page", image is not None))
        show_page(image, *args, **kwargs)

    def recorded_outline(name, boxes) -> None:
        drawn.append((name, len(boxes)))
        outline(name, boxes)

    monkeypatch.setattr(view, "show_page", recorded_page)
    monkeypatch.setattr(view, "outline", recorded_outline)
    return drawn


def test_a_document_switch_clears_the_outlines_before_the_new_image_is_shown(
    qtbot, window, tmp_path, monkeypatch
):
    monkeypatch.setattr("editor_app.qt.scan_image.READ_AT_ONCE_BYTES", 1000)  # read off-thread
    more = tmp_path / "more"
    more.mkdir()
    alto = TESSERACT["alto"].read_text(encoding="utf-8").replace('CONTENT="城市"', 'CONTENT="城乡"')
    (more / "second.alto.xml").write_text(alto, encoding="utf-8")  # another page, same image
    shutil.copy(IMAGE, more)
    assert window.open_project(ocr_project(tmp_path, also=(more,)))
    view = window.scan_pane.view
    qtbot.waitUntil(view.has_page)
    assert view.boxes(ARTICLE)
    second = next(d for d, n in window.project.documents.names().items() if n.startswith("second"))
    drawn = record_drawing(monkeypatch, view)

    window.panes.show_document(second)
    assert all(view.boxes(name) == [] for name in (ARTICLE, LINE, WORD))
    qtbot.waitUntil(view.has_page)
    shown = drawn.index(("page", True))
    assert not [step for step in drawn[:shown] if step[1]]  # no outline on the old page
    assert view.boxes(ARTICLE) == boxes_of_lines(window, 1, 5)


def test_a_zoom_past_the_preview_reads_the_full_image(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr("editor_app.qt.window_scan.MIN_PREVIEW_WIDTH", 100)
    monkeypatch.setattr("editor_app.qt.window_scan.PREVIEW_VIEWS", 1)  # as wide as the view
    assert window.open_project(ocr_project(tmp_path))
    view = window.scan_pane.view
    qtbot.waitUntil(lambda: view.viewport().width() > 200)
    window.scan.read_image()  # the preview of the view as laid out
    assert view.has_page() and view.page.preview.width() < 1400  # the PNG is 1400 px wide
    assert view.page.full is None
    boxes = view.boxes(ARTICLE)

    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    press(qtbot, window, Qt.Key.Key_Equal, CTRL)
    qtbot.waitUntil(lambda: view.page.full is not None)
    assert (view.page.full.width(), view.page.full.height()) == (1400, 700)
    assert view.boxes(ARTICLE) == boxes  # the outlines stay


def test_a_preview_is_read_scaled_and_the_full_image_on_request(tmp_path):
    looked = (str(IMAGE),)
    preview = read_scan(looked, None, (1400, 700), preview_width=350)
    assert (preview.image.width(), preview.image.height()) == (350, 175)
    assert preview.full_width == 1400 and not preview.is_full
    full = read_scan(looked, None, (1400, 700))
    assert full.image.width() == 1400 and full.is_full
    grey = QImage(str(IMAGE))
    indexed = grey.convertToFormat(QImage.Format.Format_Indexed8)
    painted = ready_to_paint(indexed)  # converted a strip at a time, every row of it
    assert painted.format() == QImage.Format.Format_RGB32
    for x, y in ((10, 10), (700, 350), (1399, 699)):
        assert painted.pixelColor(x, y) == grey.pixelColor(x, y)
