"""Datelines, bylines, furniture and heading stacks, on small hand-written lines."""

import pytest

from editor_app.segmentation.bylines import (
    is_speaker_line,
    parse_byline_line,
    parse_credit,
    split_names,
)
from editor_app.segmentation.datelines import find_dateline
from editor_app.segmentation.furniture import (
    is_credit,
    is_end_note,
    is_noise,
    is_photo_credit,
    is_staff_line,
)
from editor_app.segmentation.headings import (
    has_column_tag,
    headline_from_stack,
    split_combined,
)


@pytest.mark.parametrize(
    ("line", "dateline", "reporters", "correspondents"),
    [
        ("本报讯(记者 林晓)昨天上午，", "本报讯", ["林晓"], []),
        ("本报讯（记者 林晓 赵一鸣 通讯员 周末）近日，", "本报讯", ["林晓", "赵一鸣"], ["周末"]),
        ("本报讯（记者林晓）近日，", "本报讯", ["林晓"], []),
        (
            "本报杭州3月2日电（记者 林晓、赵一鸣）3月1日，",
            "本报杭州3月2日电",
            ["林晓", "赵一鸣"],
            [],
        ),
        ("本报杭州3月2日电  (记者林晓)3月1日，", "本报杭州3月2日电", ["林晓"], []),
        ("新华社南京5月6日电（记者 周末）当天，", "新华社南京5月6日电", ["周末"], []),
        ("新华社南京5月6日电 当天上午，", "新华社南京5月6日电", [], []),
        ("本报讯 (记者 王 林) 当天，", "本报讯", ["王林"], []),
    ],
)
def test_dateline_forms(line, dateline, reporters, correspondents):
    found = find_dateline(line)
    assert found is not None
    assert found.text == dateline
    assert found.byline.reporters == reporters
    assert found.byline.correspondents == correspondents


@pytest.mark.parametrize(
    "line", ["本报告显示，全市电力供应充足。", "合作社发展光伏发电", "记者了解到"]
)
def test_prose_is_no_dateline(line):
    assert find_dateline(line) is None


def test_byline_line_fields():
    byline = parse_byline_line("本报记者 林晓 实习记者 赵一鸣 通讯员 周末")
    assert byline.reporters == ["林晓"]
    assert byline.interns == ["赵一鸣"]
    assert byline.correspondents == ["周末"]


def test_spaced_two_character_names_are_one_name():
    assert split_names("王 林") == ["王林"]
    assert split_names("欧阳明 王 林 赵 一") == ["欧阳明", "王林", "赵一"]
    assert parse_byline_line("本报记者 王 林").reporters == ["王林"]


def test_credit_without_label_counts_as_reporters():
    assert parse_credit("林晓、赵一鸣").reporters == ["林晓", "赵一鸣"]


def test_each_caller_gets_its_own_names():
    """A line's dateline and names are worked out once; what one article does to its copy
    never reaches the next article that asks about the same line."""
    line = "本报讯（记者 林晓）当天，"
    find_dateline(line).byline.reporters.append("赵一鸣")
    assert find_dateline(line).byline.reporters == ["林晓"]
    parse_credit("林晓、赵一鸣").reporters.clear()
    assert parse_credit("林晓、赵一鸣").reporters == ["林晓", "赵一鸣"]


def test_byline_line_rejects_prose():
    assert parse_byline_line("记者从市交通委获悉，新线路将开通。") is None


def test_speaker_line():
    assert is_speaker_line("某某大学经济学院教授 林晓")
    assert not is_speaker_line("春风 入 户")


@pytest.mark.parametrize("line", ["2021", "第5版", "12"])
def test_noise(line):
    assert is_noise(line)


def test_staff_and_credit_lines():
    assert is_staff_line("责编:林晓")
    assert is_staff_line("本版责编：林晓  周末")
    assert is_staff_line("版式设计:周末")
    assert is_credit("制图:周末")
    assert is_photo_credit("林晓摄(视觉中国)")
    assert is_photo_credit("本报记者 周末摄")
    assert is_credit("来信请寄：reader@example.com")
    assert not is_photo_credit("漫谈山水图")


@pytest.mark.parametrize(
    "line", ["欢迎登录网站https://news.example.cn参与讨论", "更多内容请访问www.example.cn查看"]
)
def test_a_line_giving_a_web_address_is_a_credit(line):
    assert is_credit(line)


def test_a_plain_sentence_is_no_credit():
    assert not is_credit("会议在区政府召开，各部门负责人参加了会议。")


@pytest.mark.parametrize("blank", [" ", "\u3000", "\t", "\u00a0", "\u3000 "])
def test_any_blank_separates_a_post_from_a_name(blank):
    assert is_speaker_line(f"北京大学政府管理学院常务副院长{blank}燕继荣")
    assert not is_speaker_line("北京大学政府管理学院常务副院长燕继荣")


def test_end_notes():
    assert is_end_note("(作者为某某大学教授)")
    assert is_end_note("（本报上海3月2日电）")
    assert not is_end_note("（下转第二版）开头")


def test_column_tag():
    assert has_column_tag("让城市更有温度（评论员观察）")
    assert has_column_tag("让城市更有温度(人民时评)")
    assert not has_column_tag("（本报电）")


def test_combined_line_kicker_ends_in_emphasis():
    headline = split_combined("林晓在全市工作会议上强调 守住底线 办好实事")
    assert headline.kicker == "林晓在全市工作会议上强调"
    assert headline.title == "守住底线 办好实事"


def test_combined_line_kicker_ends_in_dash():
    headline = split_combined("春运返程高峰来临—— 铁路部门加开列车")
    assert headline.kicker == "春运返程高峰来临——"
    assert headline.title == "铁路部门加开列车"


def test_short_couplet_stays_one_title():
    assert split_combined("春风入户 暖意满城").kicker == ""
    assert split_combined("春风入户 暖意满城").title == "春风入户 暖意满城"


def test_statement_and_long_continuation_stay_one_title():
    headline = split_combined("市政府召开常务会议 研究部署春季植树造林和城市绿化美化工作")
    assert headline.kicker == ""


def test_three_line_stack():
    headline, roles = headline_from_stack(
        ["喜迎新春 共享团圆", "老街坊的年夜饭", "社区食堂里的温暖故事"]
    )
    assert roles == ["kicker", "title", "subtitle"]
    assert headline.title == "老街坊的年夜饭"


def test_two_line_stack_short_second_line_reports_attendance():
    headline, roles = headline_from_stack(["全市生态环境保护大会召开", "林晓出席"])
    assert roles == ["title", "subtitle"]
    assert headline.subtitle == "林晓出席"


def test_two_line_stack_kicker_ends_in_emphasis():
    headline, roles = headline_from_stack(["林晓在调研时强调", "把好事办好把实事办实"])
    assert roles == ["kicker", "title"]


def test_dash_subtitle():
    _, roles = headline_from_stack(["老街坊的年夜饭", "——社区食堂见闻"])
    assert roles == ["title", "subtitle"]
