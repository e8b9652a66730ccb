"""The one diff renderer: words, not scattered characters; markup escaped; each view's look."""

from __future__ import annotations

from editor_app.model.alignment import readable_diff
from editor_app.model.diff_html import diff_html
from editor_app.qt.diff_view import raw_diff_html


def test_the_diff_reads_as_words():
    pieces = readable_diff("潮县镇召开会议", "漷县镇召开大会")
    assert (-1, "潮") in pieces and (1, "漷") in pieces
    assert (0, "县镇召开") in pieces


def test_markup_in_the_texts_is_shown_not_obeyed():
    html = diff_html("a<b", "a<c&d")
    assert "&lt;" in html and "&amp;" in html and "<b" not in html.replace("<br", "")


def test_insertions_are_underlined_and_deletions_struck_through():
    html = diff_html("第一版", "第二版")
    assert (
        'class="del" style="color:#b31d28; background-color:#ffebe9; text-decoration:line-through">一<'
        in html
    )
    assert (
        'class="ins" style="color:#1e7b34; background-color:#e6ffec; text-decoration:underline">二<'
        in html
    )
    assert html.startswith("第") and html.endswith("版")


def test_the_editor_view_marks_a_joined_line_and_keeps_its_own_colours():
    html = raw_diff_html("第一段，\n接着写。", "第一段，接着写。")
    assert "⏎<br/>" in html
    assert "color:#c0392b;text-decoration:line-through" in html
    kept = diff_html("甲\n乙", "甲\n丙")
    assert "⏎" not in kept and kept.startswith("甲<br/>")
