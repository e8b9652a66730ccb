"""Each cleanup rule on small raw snippets: what it proposes and what it leaves alone."""

from __future__ import annotations

import importlib.util

import pytest

from editor_app.cleanup import apply_suggestions, suggest
from editor_app.model import LineIndex, Proposal, Segment

# The word list comes from jieba's dictionary; until jieba is a declared dependency a
# machine without it skips the tests that need words.
needs_words = pytest.mark.skipif(
    importlib.util.find_spec("jieba") is None, reason="jieba not installed"
)


def proposal(
    text: str, roles: dict[int, str] | None = None, breaks: tuple[int, ...] = ()
) -> Proposal:
    """Articles over the non-blank lines, a new article at each line in `breaks`."""
    numbers = [line.number for line in LineIndex(text) if not line.is_blank]
    segments, current = [], []
    for number in numbers:
        if number in breaks and current:
            segments.append(Segment("news", current[0], current[-1]))
            current = []
        current.append(number)
    if current:
        segments.append(Segment("news", current[0], current[-1]))
    all_roles = {n: "body" for n in numbers}
    all_roles.update(roles or {})
    return Proposal(segments=segments, roles=all_roles)


def run(text: str, rule: str, **kwargs) -> list:
    return suggest(
        text,
        proposal(text, **{k: v for k, v in kwargs.items() if k != "script"}),
        rules=[rule],
        **({"script": kwargs["script"]} if "script" in kwargs else {}),
    )


# --- join -------------------------------------------------------------------------------

CUT = "会议强调,要做好新时代的民族工作,面向各族群众开展特色活\n\n　　动。深化民族团结进步创建工作。"


@needs_words
def test_join_covers_the_whole_break_and_removes_it():
    (join,) = run(CUT, "join")
    assert (join.line, join.next_line) == (1, 3)
    assert join.before == "\n\n　　" and join.after == ""
    assert CUT[join.start : join.end] == join.before
    assert apply_suggestions(CUT, [join]) == CUT.replace("\n\n　　", "")


@needs_words
@pytest.mark.parametrize(
    "first, second",
    [
        ("今年以来,全区上下扎实推进各项工作,", "取得了明显成效。"),  # ends with a comma
        ("连续几场大雪使得巡逻路积了20多厘米厚的雪", ",低洼不平的雪地使马队减慢了行进速度。"),
        ("2016年4月19日,在网络安全和信息化工", "作座谈会上,总书记作了重要讲话。"),  # 工|作
        ("他说:“中国取得的发展成就,让我们", "十分敬佩。”"),
    ],
)
def test_join_finds_cut_paragraphs(first, second):
    text = f"{first}\n\n{second}"
    assert [s.rule for s in run(text, "join")] == ["join"]


@needs_words
def test_join_finds_a_long_line_of_clauses_cut_before_its_end():
    text = (
        "座谈会在市委礼堂举行。\n\n"
        "专家在座谈中指出，过去十年，这座城市完成了产业结构的深刻转型，三十多万名职工和他们的家人"
        "\n\n顺利转岗，这是城市发展史上的一件大事。"
    )
    (join,) = run(text, "join")
    assert (join.line, join.next_line) == (3, 5)


@pytest.mark.parametrize(
    "first, second",
    [
        ("会议以视频形式召开。", "区委常委会召开扩大会议。"),  # full stop
        ("他说:“今天真高兴!”", "会议随后结束。"),  # closing quote after an exclamation
        ("大棚蔬菜鲜 春节订单多", "本报记者 朱佩娴"),  # heading and byline marked body
        ("城镇新增就业完成全年目标的123.7%", "96.98%"),  # number box
        ("一年来，各地共打掉涉黑组织1292个", "本报北京2月10日电　记者从公安部获悉。"),
        # a subhead with clauses is short; the paragraph under it starts afresh
        ("稳字当头，进字为先，改革开放迈出新步伐", "春节刚过，各地项目纷纷开工。"),
    ],
)
def test_join_leaves_finished_paragraphs_alone(first, second):
    assert run(f"{first}\n\n{second}", "join") == []


def test_join_never_crosses_an_article_boundary():
    text = "全区上下扎实推进各项工作,\n\n取得了明显成效。"
    assert run(text, "join", breaks=(3,)) == []


LONG_CUT = "今年以来，全区上下认真贯彻落实各项决策部署，扎实推进重点工作，\n\n取得了明显成效。"


@pytest.mark.parametrize("role", ["title", "byline", "kicker"])
def test_join_never_follows_a_heading_or_byline(role):
    assert [s.rule for s in run(LONG_CUT, "join")] == ["join"]  # as body it would join
    assert run(LONG_CUT, "join", roles={1: role}) == []


@needs_words
@pytest.mark.parametrize("role", ["subhead", "subtitle"])
def test_a_supposed_subhead_that_stops_mid_sentence_is_joined(role):
    """A true subhead never ends on a comma; a proposal's "subhead" that does is a cut."""
    assert [s.rule for s in run(LONG_CUT, "join", roles={1: role})] == ["join"]
    whole = "今年以来全区上下扎实推进重点工作\n\n各项工作取得了明显成效。"
    assert run(whole, "join", roles={1: role}) == []


# --- punctuation --------------------------------------------------------------------------


def test_punctuation_converts_marks_between_chinese():
    text = "本报讯(记者 赵紫楠)昨天下午,区委召开会议:传达精神;大家说好!对吗?"
    found = run(text, "punctuation")
    assert [(s.before, s.after) for s in found] == [
        ("(", "（"),
        (")", "）"),
        (",", "，"),
        (":", "："),
        (";", "；"),
        ("!", "！"),
        ("?", "？"),
    ]
    assert {s.pattern for s in found if s.before in "()"} == {"()→（）"}
    assert (
        apply_suggestions(text, found)
        == "本报讯（记者 赵紫楠）昨天下午，区委召开会议：传达精神；大家说好！对吗？"
    )


@pytest.mark.parametrize(
    "text",
    [
        "聚焦“3+1”主导功能",
        "比例为1.97倍",
        "上午10:30开幕",
        "日期2023-06-01起",
        "详见http://bm.scs.gov.cn/kl2020,a=1进行",
        "He said: Hello, world! OK? (yes)",
        "共计1,000人",
    ],
)
def test_punctuation_leaves_numbers_urls_and_latin_alone(text):
    assert run(text, "punctuation") == []


# --- traditional -------------------------------------------------------------------------


def test_mark_after_an_address_before_chinese_is_converted():
    found = run("邮箱news@example.com,来信请注明", "punctuation")
    assert [(s.before, s.column) for s in found] == [(",", 18)]


def test_traditional_characters_in_simplified_text():
    found = run("我們今天後面去了", "traditional")
    assert [(s.before, s.after, s.pattern) for s in found] == [
        ("們", "们", "們→们"),
        ("後", "后", "後→后"),
    ]


@pytest.mark.parametrize("text", ["乾隆皇帝", "他瞭望远方", "覆盖全国", "慰藉心灵", "颠覆"])
def test_ambiguous_traditional_characters_alone_are_left(text):
    assert run(text, "traditional") == []


@needs_words
@pytest.mark.parametrize(
    "text, after", [("街道乾净整洁", "干"), ("一目瞭然", "了"), ("关於这个问题", "于")]
)
def test_ambiguous_traditional_characters_with_phrase_context(text, after):
    (found,) = run(text, "traditional")
    assert found.after == after


def test_simplified_characters_in_a_traditional_project():
    found = run("我們今天这樣做", "traditional", script="traditional")
    assert [(s.before, s.after) for s in found] == [("这", "這")]


def test_script_must_be_known():
    with pytest.raises(ValueError):
        suggest("文字", proposal("文字"), script="klingon")


# --- lookalike and dictionary -------------------------------------------------------------


@needs_words
@pytest.mark.parametrize(
    "text, before, after",
    [
        ("日前,潮县镇产业部门组成考察团", "潮", "漷"),
        ("违纪入员受到处分", "入", "人"),
        ("激励干部在重太项目中担当", "太", "大"),
        ("节曰气氛浓厚", "曰", "日"),
        ("10曰18时", "曰", "日"),
    ],
)
def test_lookalike_swaps_that_make_a_word(text, before, after):
    (found,) = run(text, "lookalike")
    assert (found.before, found.after) == (before, after)


@needs_words
@pytest.mark.parametrize(
    "text", ["变化太大了", "我太清楚了", "人员进入会场", "自己已经到了", "思潮涌动", "一千多人"]
)
def test_lookalike_leaves_real_words_alone(text):
    assert run(text, "lookalike") == []


@needs_words
def test_lookalike_pattern_groups_the_same_word():
    found = run("潮县镇的企业\n\n潮县镇的园区", "lookalike")
    assert len(found) == 2 and {s.pattern for s in found} == {"潮县→漷县"}


def test_dictionary_entries_match_every_occurrence():
    text = "张家湾镇和张家弯镇,张家弯镇"
    found = suggest(text, proposal(text), dictionary=[("张家弯", "张家湾")], rules=["dictionary"])
    assert [(s.rule, s.column, s.after, s.pattern) for s in found] == [
        ("dictionary", 5, "张家湾", "张家弯→张家湾"),
        ("dictionary", 10, "张家湾", "张家弯→张家湾"),
    ]


# --- whitespace and noise -----------------------------------------------------------------


def test_space_between_chinese_in_body_text():
    text = "通过5年左右的努力,建\u00a0立产教融合型企业制度。"
    (found,) = run(text, "whitespace")
    assert found.before == "\u00a0" and found.after == ""


@pytest.mark.parametrize(
    "text, roles",
    [
        ("小楼门 大天地\n\n正文第一句。", {1: "title"}),  # kicker and title on one line
        ("本报记者 贺 勇\n\n正文第一句。", {1: "byline"}),
        ("本报讯(记者 赵紫楠)昨天下午,会议召开。", None),  # inside the dateline's brackets
        ("紧扣“奋进新征程 筑梦副中心”主题,开展活动。", None),  # a slogan in quotes
        ("新华社北京2月5日电\u00a0在欢歌笑语中,春晚落下帷幕。", None),
        ("第一条\u00a0为了进一步落实食品安全责任,制定本规定。", None),
    ],
)
def test_spaces_that_belong_are_kept(text, roles):
    assert run(text, "whitespace", roles=roles) == []


def test_doubled_blank_lines_keep_one():
    text = "第一段。\n\n\n\n第二段。"
    (found,) = run(text, "whitespace")
    assert apply_suggestions(text, [found]) == "第一段。\n\n第二段。"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\n\n\n第一段。", "\n\n\n第一段。"),  # before any text: not between paragraphs
        ("第一段。\n\n\n", "第一段。\n\n\n"),  # after the last text
        ("第一段。\n　\n \n\n第二段。", "第一段。\n　\n第二段。"),  # blank with spaces
        ("第一段。\n\n\n第二段。\n\n\n第三段。", "第一段。\n\n第二段。\n\n第三段。"),
    ],
)
def test_blank_line_runs_only_between_text(text, expected):
    found = run(text, "whitespace")
    assert apply_suggestions(text, found) == expected


def test_indentation_is_not_a_suggestion():
    assert run("　　第一段。\n\n　　第二段。", "whitespace") == []


def test_lone_year_inside_an_article_is_noise():
    text = "第一段。\n\n2023\n\n第二段。"
    (found,) = run(text, "noise")
    assert found.line == 3 and apply_suggestions(text, [found]) == "第一段。\n\n第二段。"


def test_noise_outside_articles_is_left_to_the_segmenter():
    text = "第一段。\n\n2023"
    prop = Proposal(
        segments=[Segment("news", 1, 1), Segment("noise", 3, 3)], roles={1: "body", 3: "noise"}
    )
    assert suggest(text, prop, rules=["noise"]) == []


# --- all rules together -------------------------------------------------------------------


@needs_words
def test_suggestions_are_sorted_and_never_overlap():
    text = "本报讯(记者 赵紫楠)昨天下午,区委常委会召开会议,我們要做好工作,\n\n\n\n　　传达学习精神。\n\n2023\n\n会议指出,要夯实基础。"
    found = suggest(text, proposal(text), dictionary=[("常委会", "常委会议")])
    starts = [(s.start, s.end) for s in found]
    assert starts == sorted(starts)
    assert all(a[1] <= b[0] for a, b in zip(starts, starts[1:], strict=False))
    assert {s.rule for s in found} >= {"join", "punctuation", "traditional", "dictionary", "noise"}
    for s in found:
        assert text[s.start : s.end] == s.before
        line = LineIndex(text)[s.line - 1]
        assert line.start + s.column == s.start
    apply_suggestions(text, found)


def test_unknown_rule_is_an_error():
    with pytest.raises(ValueError):
        suggest("文字", proposal("文字"), rules=["nope"])


def test_traditional_characters_beyond_the_bmp_are_found_in_order():
    found = run("我們看𡞵見後面的𡢃字", "traditional")
    assert [(s.column, s.before, s.after) for s in found] == [
        (1, "們", "们"),
        (3, "𡞵", "㛟"),
        (4, "見", "见"),
        (5, "後", "后"),
        (8, "𡢃", "㛠"),
    ]
