"""The one alignment of corrected text with its raw span: export provenance, splits and
suggestion placement all read where a character came from through the same runs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor_app.model.alignment import RunMap, corrected_position, diff_runs, edits_between
from editor_app.model.text_edits import apply_edits

ALPHABET = st.sampled_from("甲乙丙丁，。 \n")


def traced(text: str, raw: str) -> str:
    """The characters of `text` that trace back to a raw character."""
    runs = diff_runs(text, raw)
    return "".join(text[a : a + n] for a, _b, n in runs)


def test_an_insertion_and_a_deletion_on_one_line_keep_the_characters_between_them():
    # Same length, two edits: compared position by position, 主要负 would lose its origin
    # while a suggestion placed on 要 still found it. Both now read the character diff.
    raw = "各街道乡镇主要负责同志分别在主会场"
    text = "各街道乡镇插主要负同志分别在主会场"
    assert traced(text, raw) == text.replace("插", "")
    at = raw.index("要")
    assert text[corrected_position(raw, text, at)] == "要"


def test_a_split_and_the_export_agree_on_which_newline_survived():
    # The editor removed a blank line and two characters. A diff of the whole article
    # said the kept newline was the raw's second; the export's runs say its first. Both
    # now say the first, so a split cuts where the exported provenance points.
    raw = "在主会场和分会场参加。\n\n郑皓到张家湾镇调研"
    text = "在主会场和场参加。\n郑皓到张家湾镇调研"
    kept = text.index("\n")
    mapping = RunMap(diff_runs(text, raw))
    assert mapping.source_start(kept) == raw.index("\n")
    assert corrected_position(raw, text, raw.index("\n")) == kept
    assert corrected_position(raw, text, raw.index("\n") + 1) == kept + 1  # deleted: after it
    cut = raw.index("郑")
    assert text[corrected_position(raw, text, cut) :] == "郑皓到张家湾镇调研"


def test_an_insertion_goes_with_the_raw_text_before_it():
    raw = "第一段。\n\n第二段。"
    text = "第一段。补\n\n第二段。完"
    assert corrected_position(raw, text, raw.index("\n")) == text.index("\n")
    assert corrected_position(raw, text, len(raw)) == len(text)
    assert corrected_position(raw, text, raw.index("第二")) == text.index("第二")


def test_a_replacement_goes_with_the_raw_text_it_replaced():
    raw = "潮县镇召开会议"
    text = "漷县镇召开会议"
    assert corrected_position(raw, text, 0) == 0
    assert corrected_position(raw, text, 1) == 1


@st.composite
def edited(draw):
    """A raw text and an editor's version of it: a few insertions, deletions, swaps."""
    raw = draw(st.text(ALPHABET, max_size=60))
    chars = list(raw)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(chars)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        if action == "insert":
            chars.insert(at, draw(ALPHABET))
        elif at < len(chars):
            if action == "delete":
                del chars[at]
            else:
                chars[at] = draw(ALPHABET)
    return raw, "".join(chars)


@given(
    st.one_of(edited(), st.tuples(st.text(ALPHABET, max_size=40), st.text(ALPHABET, max_size=40)))
)
def test_every_corrected_character_maps_inside_the_span_and_runs_keep_their_order(pair):
    raw, text = pair
    runs = diff_runs(text, raw)
    for a, b, n in runs:
        assert n > 0 and text[a : a + n] == raw[b : b + n]
    for (a1, b1, n1), (a2, b2, _n2) in zip(runs, runs[1:], strict=False):
        assert a1 + n1 <= a2 and b1 + n1 <= b2  # in order in both texts
    mapping = RunMap(runs)
    sources = [mapping.source_start(pos) for pos in range(len(text))]
    assert all(0 <= source <= len(raw) for source in sources)
    assert sources == sorted(sources)
    for a, b, n in runs:  # unchanged characters map exactly, both ways
        for i in range(n):
            assert sources[a + i] == b + i
            assert corrected_position(raw, text, b + i) == a + i


@given(edited())
def test_a_cut_at_a_raw_position_puts_each_traced_character_on_its_raw_side(pair):
    raw, text = pair
    positions = [corrected_position(raw, text, pos) for pos in range(len(raw) + 1)]
    assert positions == sorted(positions)
    assert positions[-1] == len(text)
    kept = [(a + i, b + i) for a, b, n in diff_runs(text, raw) for i in range(n)]
    for cut, at in enumerate(positions):
        assert all((corrected < at) == (source < cut) for corrected, source in kept)


@given(
    st.text(alphabet="甲乙丙\n 。ab", max_size=30), st.text(alphabet="甲乙丙\n 。ab", max_size=30)
)
def test_the_edits_between_two_texts_make_the_one_the_other(before, after):
    edits = edits_between(before, after)
    assert apply_edits(before, edits) == after
    assert all(0 <= start <= end <= len(before) for start, end, _ in edits)
    assert [start for start, _, _ in edits] == sorted(start for start, _, _ in edits)
