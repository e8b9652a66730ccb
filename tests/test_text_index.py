"""The line index: a page split into lines once, offsets both ways, blank-line look-ups."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor_app.model import LineIndex

PAGE = "人民日报\n\n  社论\n第一段。\n\u3000\n\n末行"
pages = st.text(alphabet=st.sampled_from("甲乙 \u3000\n。a"), max_size=60)


def test_lines_are_numbered_from_one_with_offsets_without_the_newline():
    lines = LineIndex(PAGE)
    assert len(lines) == 7
    assert [line.text for line in lines] == PAGE.split("\n")
    third = lines.line(3)
    assert (third.number, third.start, third.end, third.text) == (3, 6, 10, "  社论")
    assert PAGE[lines.start(4) : lines.end(4)] == "第一段。"
    assert lines[0] is lines.line(1)


def test_an_offset_finds_its_line_and_a_newline_belongs_to_the_line_it_ends():
    lines = LineIndex(PAGE)
    assert lines.number_at(0) == 1
    assert lines.number_at(4) == 1  # the newline after 人民日报
    assert lines.number_at(5) == 2  # the empty second line
    assert lines.line_at(len(PAGE)).number == 7
    assert lines.number_at(len(PAGE), first=5) == 7


def test_blank_lines_are_skipped_both_ways():
    lines = LineIndex(PAGE)
    assert lines.is_blank(2) and lines.is_blank(5) and not lines.is_blank(3)
    assert lines.next_nonblank(4) == 7
    assert lines.previous_nonblank(7) == 4
    assert lines.previous_nonblank(3) == 1
    assert lines.previous_nonblank(1) is None
    assert lines.next_nonblank(7) is None
    assert lines.nonblank_numbers() == [1, 3, 4, 7]
    assert lines.nonblank_numbers(2, 5) == [3, 4]


def test_an_index_is_used_as_it_is_and_a_text_gets_one():
    lines = LineIndex(PAGE)
    assert LineIndex.of(lines) is lines
    assert LineIndex.of(PAGE).texts == lines.texts


@given(pages)
def test_offsets_round_trip(text):
    lines = LineIndex(text)
    assert "\n".join(lines.texts) == text
    for line in lines:
        assert text[line.start : line.end] == line.text
        assert lines.number_at(line.start) == line.number
        assert lines.number_at(line.end) == line.number  # its newline, or the end of the text
    for offset in range(len(text) + 1):
        number = lines.number_at(offset)
        assert lines.start(number) <= offset <= lines.end(number)


@given(pages, st.integers(min_value=1, max_value=70))
def test_neighbours_are_the_nearest_nonblank_lines(text, number):
    lines = LineIndex(text)
    number = min(number, len(lines))
    nonblank = [line.number for line in lines if line.text.strip()]
    assert lines.next_nonblank(number) == next((n for n in nonblank if n > number), None)
    assert lines.previous_nonblank(number) == next(
        (n for n in reversed(nonblank) if n < number), None
    )
