"""The segmenter on small hand-written pages, one newspaper pattern per test."""

from editor_app.segmentation import segment

LONG_BODY = (
    "全市各区围绕群众关心的实际问题，持续推进老旧小区改造，加装电梯、整治管线、增设停车位，"
    "居民的获得感不断增强。"
)
MORE_BODY = "下一步，有关部门将加强统筹协调，确保各项任务按期完成，让改造成果惠及更多家庭。"


def page(*lines: str) -> str:
    """Blocks separated by blank lines, as the raw files have them: line n is at 2n-1."""
    return "\n\n".join(lines) + "\n"


def starts(text: str) -> list[int]:
    return [s.start for s in segment(text).segments]


def test_empty_text_gives_empty_proposal():
    assert segment("").segments == []
    assert segment("\n\n  \n").roles == {}


def test_dateline_story_and_reporters():
    text = page(
        "旧厂房变身文化街区",
        "本报讯（记者 林晓 通讯员 周末）近日，城东一处旧厂房改造完成，成为市民休闲新去处。",
        LONG_BODY,
        "新能源公交线路开通",
        "本报杭州3月2日电（记者 赵一鸣、孙可）3月1日，本市首条新能源公交线路正式开通运营。",
        MORE_BODY,
    )
    proposal = segment(text)
    first, second = proposal.articles
    assert (first.start, first.end, second.start, second.end) == (1, 5, 7, 11)
    assert first.dateline == "本报讯"
    assert first.reporters == ["林晓"] and first.correspondents == ["周末"]
    assert second.dateline == "本报杭州3月2日电"
    assert second.reporters == ["赵一鸣", "孙可"]
    assert proposal.roles[1] == "title" and proposal.roles[3] == "body"


def test_a_heading_stack_above_a_byline_opens_one_article():
    """Three short heading lines over a byline: one article from the first of them.

    Which of the three is the title follows the paper's own convention (the 人民日报 pages
    give the column label the title); the seeds' kicker/title/subtitle stacks are checked
    against their gold in test_segmentation_corpus.
    """
    text = page(
        "喜迎新春 共享团圆",
        "老街坊的年夜饭",
        "社区食堂里的温暖故事",
        "本报记者 林晓 实习记者 赵一鸣",
        LONG_BODY,
        MORE_BODY,
    )
    (article,) = segment(text).articles
    assert article.start == 1
    assert article.reporters == ["林晓"] and article.interns == ["赵一鸣"]
    assert article.roles[1] == "title"


def test_kicker_and_title_on_one_line():
    text = page("林晓在全市工作会议上强调 守住底线 办好实事", "本报讯(记者 周末)昨天，" + LONG_BODY)
    (article,) = segment(text).articles
    assert article.kicker == "林晓在全市工作会议上强调"
    assert article.title == "守住底线 办好实事"
    assert article.roles == {1: "title"}


def test_title_printed_after_its_lead_paragraph():
    text = page(
        "旧厂房变身文化街区",
        "本报讯(记者 林晓)近日，" + LONG_BODY,
        MORE_BODY,
        "本报讯(记者 周末)昨天，全市春季植树活动启动，数千名市民参加义务植树。",
        "全市春季义务植树活动启动",
        LONG_BODY,
    )
    proposal = segment(text)
    assert starts(text) == [1, 7]
    second = proposal.articles[1]
    assert second.title == "全市春季义务植树活动启动"
    assert second.roles == {9: "title"}
    assert second.reporters == ["周末"]


def test_subheads_inside_a_feature_are_no_boundaries():
    text = page(
        "小巷里的大变化",
        "本报记者 林晓",
        LONG_BODY,
        "拆掉违建腾空间",
        MORE_BODY,
        LONG_BODY,
        "种上花草添绿意",
        MORE_BODY,
    )
    (article,) = segment(text).articles
    assert article.roles[7] == "subhead" and article.roles[13] == "subhead"


def test_paragraph_cut_at_column_break_is_no_boundary():
    text = page(
        "旧厂房变身文化街区",
        "本报讯(记者 林晓)近日，城东一处旧厂房改造完成，街区内设有展览、阅读和手工等特色活",
        "动。" + MORE_BODY,
        LONG_BODY,
    )
    assert starts(text) == [1]


def test_footer_boilerplate_and_noise():
    text = page(
        "旧厂房变身文化街区",
        "本报讯(记者 林晓)近日，" + LONG_BODY,
        "责编:周末",
        "2021",
    )
    proposal = segment(text)
    kinds = [(s.kind, s.start, s.end) for s in proposal.segments]
    assert kinds == [("news", 1, 3), ("boilerplate", 5, 5), ("noise", 7, 7)]
    assert proposal.roles[5] == "boilerplate" and proposal.roles[7] == "noise"


def test_slogan_box_is_boilerplate():
    text = page("旧厂房变身文化街区", "本报讯(记者 林晓)近日，" + LONG_BODY, "文明城市共建共享")
    text += "\n人人参与 人人尽力 人人享有\n家家整洁 户户文明 处处和谐\n"
    proposal = segment(text)
    assert [s.kind for s in proposal.segments] == ["news", "boilerplate"]
    assert proposal.segments[1].start == 5


def test_story_breaking_off_mid_sentence_is_truncated():
    text = page(
        "旧厂房变身文化街区",
        "本报讯(记者 林晓)近日，" + LONG_BODY,
        "新能源公交线路开通",
        "本报讯(记者 周末)昨天，本市首条新能源公交线路正式开通运营，沿途经过医院、学校和",
    )
    first, last = segment(text).articles
    assert not first.truncated
    assert last.truncated


def test_title_with_column_tag_after_finished_story():
    text = page(
        "让老旧小区焕发新活力（评论员观察）",
        LONG_BODY,
        MORE_BODY,
        "(作者为某某大学教授)",
        "办好群众家门口的小事（人民时评）",
        LONG_BODY,
    )
    assert starts(text) == [1, 9]
    assert segment(text).articles[1].title == "办好群众家门口的小事（人民时评）"


def test_picture_story_with_photo_credit():
    text = page(
        "让老旧小区焕发新活力（评论员观察）",
        LONG_BODY,
        "春耕正忙",
        "3月2日，农民在田间驾驶农机翻耕土地。",
        "林晓摄(视觉中国)",
        "新能源公交线路开通",
        "本报讯(记者 周末)昨天，本市首条新能源公交线路正式开通运营。",
    )
    assert starts(text) == [1, 5, 11]


def test_indented_subheads_on_an_indented_page():
    body = "\u3000\u3000" + LONG_BODY
    text = page(
        "小巷里的大变化",
        body,
        "\u3000\u3000拆掉违建腾空间",
        "\u3000\u3000" + MORE_BODY,
        "\u3000\u3000种上花草添绿意",
        body,
    )
    assert starts(text) == [1]


def test_every_non_empty_line_gets_a_role_and_every_segment_a_reason():
    text = page("旧厂房变身文化街区", "本报讯(记者 林晓)近日，" + LONG_BODY, "责编:周末")
    proposal = segment(text)
    assert set(proposal.roles) == {1, 3, 5}
    for item in proposal.segments:
        assert 0.0 < item.confidence <= 1.0
        assert item.reason
