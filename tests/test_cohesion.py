"""Lexical cohesion: the text either side of a line that opens another story shares little."""

from editor_app.segmentation.learned import cohesion
from editor_app.segmentation.learned.features import page_features

FARM = [
    "村里的合作社今年扩大了小麦种植面积，合作社理事长说，小麦长势喜人，农民盼着丰收。",
    "为了种好小麦，合作社请来农技专家，教农民科学施肥，小麦亩产比去年提高了一成。",
    "合作社还建起了烘干房，农民收下的小麦当天就能烘干入库，再也不怕连阴雨。",
]
SPACE = [
    "卫星发射中心昨天成功发射一颗气象卫星，火箭飞行正常，卫星顺利进入预定轨道。",
    "这颗卫星将为天气预报提供数据，发射中心的科研人员说，火箭和卫星都由我国自主研制。",
    "发射中心本月还将组织多次卫星发射任务，火箭总装工作正在进行。",
]


def test_a_line_between_two_stories_has_less_in_common_either_side_than_a_subhead():
    page = [*FARM[:2], "烘干房里话丰收", FARM[2], "卫星飞向太空", *SPACE]
    found = cohesion.overlaps(page)
    subhead, title = found[2], found[4]
    assert subhead is not None and title is not None
    assert title < subhead
    assert title == 0.0


def test_the_first_and_last_lines_have_no_overlap_and_an_empty_page_none_at_all():
    found = cohesion.overlaps([FARM[0], "烘干房", FARM[1]])
    assert found[0] is None and found[2] is None and found[1] is not None
    assert cohesion.overlaps([]) == []


def test_pairs_are_chinese_characters_side_by_side_across_a_mark_but_not_latin_or_digits():
    assert cohesion.pairs_of("小麦，丰收") == cohesion.pairs_of("小麦丰收")
    assert len(cohesion.pairs_of("小麦丰收")) == 3  # 小麦 麦丰 丰收
    assert cohesion.pairs_of("ABC 2019 年") == set()
    assert cohesion.pairs_of("麦 A 收") == cohesion.pairs_of("麦收")


def test_each_side_takes_whole_lines_up_to_the_window():
    window = cohesion.WINDOW
    lengths = [window, window // 2, window // 2, 10, window * 2, 10]
    sides = cohesion.sides(lengths)
    assert sides[0] == (0, 3)  # nothing above; two half-window lines below fill the window
    assert sides[3] == (1, 5)  # above: two half lines; below: the long line alone
    assert sides[5] == (4, 6)  # above: the long line; nothing below


def test_a_page_s_lines_carry_their_cohesion_and_the_next_lines_see_it():
    text = "\n\n".join([*FARM, "卫星飞向太空", *SPACE])
    attributes = page_features(text).attributes
    title = attributes[3]
    assert "coh<0.01" in title
    assert "-1:coh<0.01" in attributes[4]
    assert not any(name.startswith("coh") for name in attributes[0])


def test_a_title_s_words_come_back_in_the_story_below_it_and_not_above():
    page = [*FARM, "卫星发射成功", *SPACE]
    title = cohesion.cohesion_attributes(page)[3]
    # 卫星 星发 发射 射成 成功: three of the five come back below, none above.
    assert title[1:] == ["echo=down", "eu=0", "ed=hi"]
    # A subhead's words are the story's on both sides.
    subhead = cohesion.cohesion_attributes([*FARM[:2], "小麦丰收", FARM[2], *SPACE])[2]
    assert subhead[2] != "eu=0" and subhead[3] != "ed=0"


FARM_MORE = [
    "合作社的小麦今年第一次卖到了城里的面粉厂，面粉厂看中的是小麦的品质，农民算了一笔账，每亩小麦多收了两百多元。",
    "理事长说，明年合作社还要流转更多土地，带着农民一起种好小麦，让合作社的小麦卖出好价钱，让农民的日子越过越红火。",
]
SPACE_MORE = [
    "卫星发射中心昨天成功发射一颗气象卫星，火箭飞行正常，卫星顺利进入预定轨道，这是发射中心执行的第五次发射任务。",
    "这颗卫星将为天气预报提供更精确的数据，发射中心的科研人员说，火箭和卫星都由我国自主研制，关键部件全部实现国产。",
    "发射中心本月还将组织多次卫星发射任务，火箭总装和测试工作正在紧张进行，科研人员放弃休假，坚守在发射场。",
]
FARM_AGAIN = [
    "合作社的社员们说，种小麦离不开合作社，合作社统一买种子、统一收小麦，农民省心又省钱，小麦的收成一年比一年好。",
    "农技专家还在合作社办起了夜校，农民白天下地种小麦，晚上到合作社听课，学的都是小麦种植的新技术。",
    "合作社今年还打算试种一片新品种小麦，专家说，新品种小麦抗倒伏，产量高，适合在这一带推广，农民都很期待。",
]


def test_the_shipped_model_reads_a_change_of_subject_under_a_heading_as_a_new_story():
    """The same heading line between two paragraphs: more likely a start when the text
    below it tells of something else than when the story goes on."""
    from editor_app.segmentation.learned.model import LearnedSegmenter

    model = LearnedSegmenter()

    def start_probability_under(story: list[str]) -> float:
        text = "\n\n".join([*FARM, *FARM_MORE, "卫星飞向太空", *story]) + "\n"
        features = page_features(text)
        model.tag(features.attributes)
        return model.start_probability(len(FARM) + len(FARM_MORE))

    assert start_probability_under(SPACE_MORE) > start_probability_under(FARM_AGAIN) + 0.05


def test_a_side_takes_only_the_end_of_a_long_line_nearest_to_the_line():
    """One huge line among short ones is not counted in full for each of them."""
    near = cohesion.overlaps(["小麦合作社农民" + "宇" * 10, "标题", FARM[1]])[1]
    far = cohesion.overlaps(["小麦合作社农民" + "宇" * cohesion.LONG, "标题", FARM[1]])[1]
    assert near > 0
    assert far == 0.0
