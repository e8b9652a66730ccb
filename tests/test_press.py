"""The page press: a short page set and drawn, and the gold carried over to the OCR text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.press import carry
from tools.press.layout import FOLIO, HEAD, compose
from tools.press.pipeline import press_page
from tools.press.read import tesseract
from tools.press.render import glyph_record, paint
from tools.press.source import read_clean_page

CLEAN_TEXT = """\
新春走基层

山村用上了自来水

——重访甘肃定西元古堆村

　　轻转水龙头，就可以喝上甘甜的自来水，老人马岗终于用上了自来水。

　　“以前挑水吃，遇到雨雪天气，常常摔跤。”为了水，村民吃尽了苦头。

图书馆里过新年

　　春节期间，市图书馆照常开放，不少市民带着孩子来看书。
"""

CLEAN_GOLD = {
    "articles": [
        {
            "kind": "news",
            "start": 1,
            "end": 9,
            "roles": {"1": "kicker", "3": "title", "5": "subtitle"},
        },
        {"kind": "news", "start": 11, "end": 13, "roles": {"11": "title"}},
    ],
    "non_articles": [],
    "paragraph_joins": [],
}


@pytest.fixture
def clean_page(tmp_path):
    text = tmp_path / "train-20190201-03.txt"
    text.write_text(CLEAN_TEXT, encoding="utf-8")
    (tmp_path / "train-20190201-03.gold.json").write_text(json.dumps(CLEAN_GOLD))
    return text


def test_a_clean_page_is_read_as_stories_with_their_headings_and_paragraphs(clean_page):
    page = read_clean_page(clean_page)
    assert (page.date, page.page) == ("2019-02-01", 3)
    first, second = page.stories
    assert first.headings == {
        "kicker": "新春走基层",
        "title": "山村用上了自来水",
        "subtitle": "——重访甘肃定西元古堆村",
    }
    assert len(first.paragraphs) == 2 and first.paragraphs[0].startswith("轻转水龙头")
    assert second.headings["title"] == "图书馆里过新年"


def test_every_printed_character_is_drawn_once_with_its_article_and_role(clean_page):
    page = compose(read_clean_page(clean_page))
    by_role = {}
    for glyph in page.glyphs:
        by_role.setdefault((glyph.owner, glyph.role), []).append(glyph.char)
    assert "".join(by_role[(0, "title")]) == "山村用上了自来水"
    assert "".join(by_role[(0, "kicker")]) == "新春走基层"
    assert "".join(by_role[(1, "title")]) == "图书馆里过新年"
    body = "".join(by_role[(0, "body")])
    assert body.startswith("轻转水龙头") and body.endswith("村民吃尽了苦头。")
    assert "".join(by_role[(FOLIO, "noise")]) == "第3版"
    assert "星期五" in "".join(by_role[(HEAD, "boilerplate")])
    assert all(g.x >= 0 and g.x + g.width <= page.width for g in page.glyphs)


def test_the_same_page_is_pressed_the_same_way_every_time(clean_page):
    first = compose(read_clean_page(clean_page))
    second = compose(read_clean_page(clean_page))
    assert glyph_record(first) == glyph_record(second)
    image = paint(first)
    assert (image.width(), image.height()) == (first.width, first.height)
    assert image == paint(second)


# --- the gold carried over, on a hand-made hOCR ---------------------------------------------


def _hocr(paragraphs: list[list[tuple[str, tuple[int, int, int, int]]]]) -> str:
    """An hOCR page with one line per paragraph and the given words and boxes."""
    body = []
    for p_index, words in enumerate(paragraphs):
        spans = "".join(
            f"<span class='ocrx_word' title='bbox {a} {b} {c} {d}; x_wconf 90'>{text}</span>"
            for text, (a, b, c, d) in words
        )
        body.append(
            f"<p class='ocr_par' id='par_{p_index}' title='bbox 0 0 10 10'>"
            f"<span class='ocr_line' title='bbox 0 0 10 10'>{spans}</span></p>"
        )
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<html xmlns='http://www.w3.org/1999/xhtml'><body>"
        "<div class='ocr_page' title='bbox 0 0 600 600'>" + "".join(body) + "</div></body></html>"
    )


def _glyph(char, x, y, owner, role, paragraph, offset):
    return [char, x, y, 20, 20, owner, role, paragraph, offset]


# Title 大标题 at y=0 (article 0), body 甲乙丙丁 of one paragraph over two columns (y=40,
# the column break after 乙), and article 1's title 新闻 at y=100, its body 戊己 at y=140.
RECORD = {
    "name": "t",
    "columns": 2,
    "kinds": {"0": "news", "1": "news"},
    "printed": {"0": {"title": "大标题"}, "1": {"title": "新闻"}},
    "truncated": [1],
    "glyphs": [
        _glyph("大", 0, 0, 0, "title", 1, 0),
        _glyph("标", 20, 0, 0, "title", 1, 1),
        _glyph("题", 40, 0, 0, "title", 1, 2),
        _glyph("甲", 0, 40, 0, "body", 2, 0),
        _glyph("乙", 20, 40, 0, "body", 2, 1),
        _glyph("丙", 200, 40, 0, "body", 2, 2),
        _glyph("丁", 220, 40, 0, "body", 2, 3),
        _glyph("新", 0, 100, 1, "title", 3, 0),
        _glyph("闻", 20, 100, 1, "title", 3, 1),
        _glyph("戊", 0, 140, 1, "body", 4, 0),
        _glyph("己", 20, 140, 1, "body", 4, 1),
        _glyph("第", 0, 300, FOLIO, "noise", 5, 0),
    ],
}


def _carry(paragraphs):
    parsed = carry.read_paragraphs(_hocr(paragraphs).encode(), "t.hocr")
    lines = carry.label_lines(parsed, carry.drawn_from_record(RECORD))
    return lines, carry.gold(lines, RECORD, "t.txt", "2019-02-01", 3)


def test_raw_lines_take_the_article_and_role_of_most_of_their_characters():
    lines, gold = _carry(
        [
            [("大标", (0, 0, 40, 20)), ("题", (40, 0, 60, 20))],
            [("甲", (0, 40, 20, 60)), ("乙", (20, 40, 40, 60))],
            [("丙", (200, 40, 220, 60)), ("丁", (220, 40, 240, 60))],
            # the title of article 1 read together with one character of article 0
            [("新", (0, 100, 20, 120)), ("闻", (20, 100, 40, 120)), ("戊", (0, 140, 20, 160))],
            [("己", (20, 140, 40, 160))],
            [("第", (0, 300, 20, 320))],
        ]
    )
    assert carry.raw_text(lines) == "大标题\n\n甲乙\n\n丙丁\n\n新闻戊\n\n己\n\n第\n"
    first, second = gold["articles"]
    assert (first["start"], first["end"], first["roles"]) == (1, 5, {"1": "title"})
    assert first["title"] == "大标题" and first["truncated"] is False
    assert (second["start"], second["end"], second["roles"]) == (7, 9, {"7": "title"})
    assert second["title"] == "新闻戊" and second["printed"]["title"] == "新闻"
    assert second["truncated"] is True
    assert gold["non_articles"] == [{"kind": "noise", "start": 11, "end": 11}]
    # 甲乙 goes on at 丙丁 (the column break); 新闻戊 is a title line, never joined.
    assert gold["paragraph_joins"] == [[3, 5]]


def test_a_line_read_from_nothing_drawn_stays_in_the_article_around_it():
    lines, gold = _carry(
        [
            [("大标题", (0, 0, 60, 20))],
            [("甲", (0, 40, 20, 60)), ("乙", (20, 40, 40, 60))],
            [("@@", (500, 500, 520, 520))],  # a speck read as text
            [("丙", (200, 40, 220, 60)), ("丁", (220, 40, 240, 60))],
            [("新", (0, 100, 20, 120)), ("闻", (20, 100, 40, 120))],
            [("戊", (0, 140, 20, 160)), ("己", (20, 140, 40, 160))],
        ]
    )
    assert [a["end"] for a in gold["articles"]] == [7, 11]
    assert [3, 7] in gold["paragraph_joins"]  # past the speck


def test_a_page_whose_articles_are_read_into_each_other_is_left_out():
    with pytest.raises(carry.Interleaved):
        _carry(
            [
                [("大标题", (0, 0, 60, 20))],
                [("新", (0, 100, 20, 120)), ("闻", (20, 100, 40, 120))],
                [("甲", (0, 40, 20, 60)), ("乙", (20, 40, 40, 60))],
            ]
        )


def test_white_space_goes_only_between_chinese_characters():
    said = ["2019 年 2 月 1 日 ” 星期五", "党 ( 工 ) 委 ， 意见 ; 从"]
    words = [[(word, (0, 0, 10, 10)) for word in line.split()] for line in said]
    parsed = carry.read_paragraphs(_hocr(words).encode(), "t.hocr")
    assert [p.text for p in parsed] == ["2019 年 2 月 1 日”星期五", "党 ( 工 ) 委，意见 ; 从"]


@pytest.mark.skipif(tesseract() is None, reason="tesseract is not installed")
def test_a_short_page_pressed_and_read_back_has_gold_for_every_raw_line(clean_page, tmp_path):
    out = tmp_path / "press"
    outcome = press_page(clean_page, out)
    assert outcome.written, outcome.note
    gold = json.loads((out / "press-20190201-03.gold.json").read_text(encoding="utf-8"))
    text = (out / "press-20190201-03.txt").read_text(encoding="utf-8")
    printed = sorted(a["printed"]["title"] for a in gold["articles"])  # any reading order
    assert printed and set(printed) <= {"山村用上了自来水", "图书馆里过新年"}
    covered = {
        n
        for segment in gold["articles"] + gold["non_articles"]
        for n in range(segment["start"], segment["end"] + 1)
    }
    numbered = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    assert set(numbered) <= covered
    assert "图书馆" in text and "星期五" in text
    assert (out / "press-20190201-03.hocr").is_file()


def test_the_press_runs_on_a_machine_without_a_display():
    """A press started without QT_QPA_PLATFORM draws offscreen instead of aborting in Qt."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "from tools.press.fonts import ensure_application;"
            "print(ensure_application().platformName())",
        ],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == "offscreen"
