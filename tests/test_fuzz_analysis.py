"""What an import runs on a file's bytes, fed random and pathological input.

Decoding, segmentation and the cleanup rules never fail on any input, keep their
invariants, and do work in proportion to the input however long one line is (counted in
Python steps, never timed; the shapes whose work hides in a regular expression are timed
by `python -m editor_app bench` instead). Examples are derandomized and few, so the suite
stays fast and cannot flake.
"""

from __future__ import annotations

import contextlib
import random
import sys
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.cleanup import suggest
from editor_app.ingest.decoding import DecodeError, decode_bytes
from editor_app.segmentation import segment

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# What newspaper OCR text is made of, and what breaks naive rules: marks, brackets,
# quotes, spaces of every width, blank lines, datelines, bylines, addresses, numbers.
TOKENS = (
    "中", "文", "的", "乾", "於", "潮", "入", "曰", "𠀀", "。", "，", ",", ":", ";", "!", "?",
    "(", ")", "（", "）", "“", "”", "《", "》", "【", "】", "■", "——", "、", "…", " ", "\u3000",
    "\u00a0", "\t", "\n", "\n\n", "\n \n", "a", "Z", "1", "9", "@", ".", "_", "-", "+", "'",
    "www.", "http://", "本报讯", "本报北京10月14日电", "（记者 张三）", "记者", "通讯员", "12",
    "第1版", "2023", "责编：", "摄", "一、",
)  # fmt: skip
token_runs = st.lists(st.sampled_from(TOKENS), max_size=4).map("".join)
units = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3).map("".join)


@dataclass(frozen=True)
class Shape:
    """A text made by repeating short units: head + unit × k + gap + second × k + tail."""

    head: str
    unit: str
    gap: str
    second: str
    tail: str

    def __call__(self, k: int) -> str:
        return self.head + self.unit * k + self.gap + self.second * k + self.tail


pathological_shapes = st.builds(Shape, token_runs, units, token_runs, units, token_runs)


page_text = st.lists(
    st.one_of(
        st.sampled_from(TOKENS),
        st.characters(codec="utf-8"),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    ),
    max_size=300,
).map("".join)


def analyse(text: str):
    """What an import computes for normalised text: a proposal and its suggestions."""
    proposal = segment(text)
    return proposal, suggest(text, proposal, (("潮县镇", "漷县镇"),))


def assert_consistent(text: str) -> None:
    proposal, suggestions = analyse(text)
    line_count = text.count("\n") + 1
    for seg in proposal.segments:
        assert 1 <= seg.start <= seg.end <= line_count
    assert all(1 <= number <= line_count for number in proposal.roles)
    end = 0
    for suggestion in suggestions:  # sorted, apart, and on the text they name
        assert end <= suggestion.start <= suggestion.end <= len(text)
        assert text[suggestion.start : suggestion.end] == suggestion.before
        end = suggestion.end


# -- never an exception ---------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=3000))
def test_decoding_any_bytes_gives_text_or_says_why(data):
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        assert str(error)
        return
    assert decoded.text.strip() and "\x00" not in decoded.text and "\r" not in decoded.text


# Random bytes as damaged files hold them: any byte, high bytes only (no ASCII to give
# them away), no NUL, and lead and trail bytes of the Chinese double-byte code pages.
RANDOM_STYLES = (
    bytes(range(256)),
    bytes(range(0x80, 0x100)),
    bytes(range(1, 256)),
    bytes((0x40, 0x7E, 0x81, 0xFE, *range(0xA1, 0xFF))),
)


def test_random_bytes_are_never_taken_for_text():
    rng = random.Random(13)
    taken = []
    for number in range(240):
        alphabet = RANDOM_STYLES[number % len(RANDOM_STYLES)]
        data = bytes(rng.choices(alphabet, k=rng.randint(16, 256)))
        with contextlib.suppress(DecodeError):
            taken.append(decode_bytes(data).text[:20])
    assert taken == []


@FUZZ
@given(page_text)
def test_segmentation_and_cleanup_take_any_text(text):
    assert_consistent(text)


@FUZZ
@given(pathological_shapes, st.integers(1, 200))
def test_segmentation_and_cleanup_take_pathological_lines(shape, repeats):
    assert_consistent(shape(repeats))


# -- linear in the input --------------------------------------------------------------------

# str methods that read their whole string: each call counts its length as work.
SCANNING = frozenset(
    {"count", "find", "rfind", "index", "rindex", "split", "rsplit", "splitlines"}
    | {"replace", "translate", "lower", "upper", "encode", "partition", "rpartition"}
)


def work_of(text: str) -> int:
    """A deterministic measure of the work of `analyse`: Python lines run, plus calls,
    plus the length of every string a scanning str method reads."""
    work = 0

    def trace(frame, event, arg):
        nonlocal work
        work += 1
        return trace

    def profile(frame, event, arg):
        nonlocal work
        if event == "c_call":
            owner = getattr(arg, "__self__", None)
            scans = isinstance(owner, str) and arg.__name__ in SCANNING
            work += 1 + (len(owner) if scans else 0)

    analyse(text[:50])  # tables and caches load outside the count
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        analyse(text)
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return work


GROWTH = 8
# Linear work grows GROWTH times (less with fixed costs); quadratic work about 64 times.
MAX_RATIO = 12


@settings(FUZZ, max_examples=25)
@given(pathological_shapes)
def test_work_grows_linearly_with_repeated_units(shape):
    small = work_of(shape(100))
    large = work_of(shape(100 * GROWTH))
    assert large <= MAX_RATIO * small
