"""What the join model reads across a cut: the characters on both sides and the lines' shapes
(and, on a page with geometry, the print's: `join_layout_features`).

The characters near the cut are read on an edge view that forgives OCR: blanks dropped,
half-width marks read as full-width, a stray `.` after a Chinese character read as a full
stop. Only a window at each end of a line is viewed, so a long line costs little more than a
short one. The raw text is never changed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from editor_app.cleanup.chars import DATELINE_RE, SPACES
from editor_app.cleanup.document import CleanupDocument
from editor_app.cleanup.join_cuts import Cut
from editor_app.cleanup.join_layout_features import PagePrint, cut_geometry
from editor_app.model import lexicon

OCR_PREFIX = "ocr|"  # features that weigh apart on pages read by OCR
# On OCR'd pages these shapes weigh differently: lines are cut by the engine too.
OCR_SHAPES = (
    "aec=", "bsc=", "la=", "fill=", "rule=", "aec|bsc=", "tail=", "head=", "pe=",
)  # fmt: skip
EDGE = 4  # characters either side of the cut that the word features read
WINDOW = 24  # characters at each end of a line that the edge view reads
FULL_WIDTH = dict(zip(",:;!?()", "，：；！？（）", strict=True))
# What the edge view changes, in one pass: blanks, half-width marks, a dot after a character
# that is no digit or letter.
_VIEW_CHANGES = re.compile(f"[{SPACES}]+|[,:;!?()]|(?<=[^0-9０-９A-Za-z])\\.")
# A blank between a digit and a Chinese character; the pattern opens on the blank, which
# lets the scan skip quickly over pages without any.
_SPACED_DIGITS = re.compile(" (?:(?<=[0-9] )[\u4e00-\u9fff]|(?<=[\u4e00-\u9fff] )[0-9])")
CHAR_CLASSES = (
    ("end", set("。！？…")),
    ("semi", set("；")),
    ("colon", set("：")),
    ("comma", set("，、")),
    ("close", set("”’」』）】》〕")),
    ("open", set("“‘「『（【《〔")),
    ("dash", set("—-－")),
)
CLASS_OF = {ch: name for name, members in CHAR_CLASSES for ch in members}
OPENS_PARAGRAPH = re.compile(
    r"(?:近日|日前|前不久|不久前|最近|近年来|近期|如今|当前|目前|今年|去年|明年|此前|随着|据|"
    r"同时|此外|另外|然而|但是|因此|所以|总之|可见|记者|笔者|我们|他们|一是|二是|三是|首先|其次)"
)
NUMBERED = re.compile(
    r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|^第[一二三四五六七八九十\d]{1,3}[章节部个条]"
)
_CLAUSE_MARK = re.compile("[，。；：！？、“”（）]")
CLAUSE_BINS = (0, 1, 2, 3, 6, 10, 20)
STOPS = frozenset("。！？…")
CLOSERS = frozenset("”’」』）】》〕")
_INNER_END = re.compile("[。！？!?]")
_PUNCT = re.compile("[，。；：！？,;:!?]")
LENGTH_BINS = (2, 5, 10, 15, 20, 30, 45, 60, 80, 120, 200)
RATIO_BINS = (0.25, 0.5, 0.75, 0.9, 1.1, 1.5, 2.0, 3.0)


@dataclass(frozen=True, slots=True)
class PageShape:
    """The page a cut is on: its typical body line, read by OCR or not, indented or not."""

    typical: float
    ocr: bool
    indented: bool  # most lines open with blanks: a line that does not may go on


def page_shape(doc: CleanupDocument) -> PageShape:
    """Median length of the page's body lines; OCR'd when digits stand apart from characters."""
    body = doc.body_lines()
    lengths = sorted(len(line.text.strip(SPACES)) for line in body)
    typical = float(lengths[len(lengths) // 2]) if lengths else 40.0
    spaced = len(_SPACED_DIGITS.findall(doc.text))
    indented = sum(1 for line in body if line.text[:1] in SPACES)
    return PageShape(max(typical, 1.0), spaced >= 2, indented * 2 > len(body))


def edge_view(text: str) -> str:
    """The text as the features read it: no blanks, full-width marks, stray dots as stops."""
    return _VIEW_CHANGES.sub(_viewed, text)


def _viewed(match: re.Match) -> str:
    found = match.group()
    if found == ".":
        return "。"
    return FULL_WIDTH.get(found, "")


def ends_sentence(a: str) -> bool:
    """The line stops on a full stop (or a quote or bracket closed after one).

    Such a line almost never goes on (fewer than 2 cuts in 1,000 on the gold pages): the
    model is neither trained on these cuts nor asked about them, which keeps the step fast.
    """
    tail = edge_view(a[-4:])
    return tail[-1:] in STOPS or (tail[-1:] in CLOSERS and tail[-2:-1] in STOPS)


def visible_length(text: str) -> int:
    """Characters other than blanks."""
    return (
        len(text) - text.count(" ") - text.count("\u3000") - text.count("\t") - text.count("\xa0")
    )


def char_class(ch: str) -> str:
    """The class of a character that the features name: a kind of mark, han, digit, latin."""
    if not ch:
        return "none"
    name = CLASS_OF.get(ch)
    if name is not None:
        return name
    if "\u3400" <= ch <= "\u9fff":
        return "han"
    if ch.isdigit():
        return "digit"
    return "latin" if ch.isascii() and ch.isalpha() else "other"


def cut_features(
    cut: Cut,
    shape: PageShape,
    verdict: tuple[str, float] | None,
    printed: PagePrint | None = None,
) -> list[str]:
    """The names of the (binary) features of one cut; `verdict` is the rule's own; with the
    page's `printed` yardsticks (a page with geometry) the print's features too."""
    tail, head = edge_view(cut.a[-WINDOW:]), edge_view(cut.b[:WINDOW])
    size_a = visible_length(cut.a)
    names = [
        "bias",
        f"rule={verdict[1]:.2f}" if verdict else "rule=none",
        f"lead={cut.lead}",
        f"la={_bin(size_a, LENGTH_BINS)}",
        f"lb={_bin(visible_length(cut.b), LENGTH_BINS)}",
        f"fill={_bin(size_a / shape.typical, RATIO_BINS)}",
        f"pe={char_class(edge_view(cut.before[-2:])[-1:])}",
    ]
    _add_edges(names, tail, head)
    _add_line_shapes(names, cut.a, cut.b, head)
    _add_words(names, tail[-EDGE:], head[:EDGE])
    _add_brackets(names, cut.a, head)
    _add_clauses(names, tail, head)
    if shape.indented:
        names.append(f"indent={_indent(cut.first.text)}{_indent(cut.second.text)}")
    if shape.ocr:
        names += [OCR_PREFIX + name for name in names if name.startswith(OCR_SHAPES)]
    if printed is not None:
        names += cut_geometry(cut, printed)
    return names


def _indent(text: str) -> int:
    return int(text[:1] in SPACES)


def _add_edges(names: list[str], tail: str, head: str) -> None:
    """The characters either side of the cut and how their classes meet."""
    last, first = tail[-1:], head[:1]
    last_class, first_class = char_class(last), char_class(first)
    names += (
        f"ae={last}",
        f"aec={last_class}",
        f"ae2={char_class(tail[-2:-1])}{last_class}",
        f"bs={first}",
        f"bsc={first_class}",
        f"aec|bsc={last_class}|{first_class}",
    )


def _add_line_shapes(names: list[str], a: str, b: str, head: str) -> None:
    """Whole-line shapes: sentences inside the first line, headings, a new paragraph below."""
    if _INNER_END.search(a, 0, len(a) - 1):
        names.append("a_inner_end")
    if "，" in a or "," in a:
        names.append("a_clause")
    if not _PUNCT.search(a):
        names.append("a_no_punct")
    if NUMBERED.match(a):
        names.append("a_numbered")
    if len(a) >= 2 and b.startswith(a[:2]):
        names.append("same_start")  # items of a list: 书名：… / 书名：…
    if DATELINE_RE.match(head):
        names.append("b_dateline")
    if OPENS_PARAGRAPH.match(head):
        names.append("b_opener")
    if not _PUNCT.search(head):
        names.append("b_no_punct")


def _add_words(names: list[str], tail: str, head: str) -> None:
    """Does the cut fall inside a word? The best word across it against those beside it."""
    best, size, beside = lexicon.word_across(tail, head)
    # frequency bins by decade: the number of digits
    names.append(f"xw={size}|{min(6, len(str(best))) if best else 0}")
    if best > beside:
        names.append("x_beats_sides")


def _add_brackets(names: list[str], a: str, head: str) -> None:
    """Quotes and brackets the first line leaves open, or the second closes first."""
    if a.count("“") > a.count("”"):
        names.append("a_open_quote")
    if a.count("（") + a.count("(") > a.count("）") + a.count(")"):
        names.append("a_open_paren")
    if a.count("《") > a.count("》"):
        names.append("a_open_title")
    if _closes_first(head, "“", "”") or _closes_first(head, "（", "）"):
        names.append("b_closes_first")


def _closes_first(text: str, opener: str, closer: str) -> bool:
    at = text.find(closer)
    return at >= 0 and not 0 <= text.find(opener) < at


def _add_clauses(names: list[str], tail: str, head: str) -> None:
    """How long the clause the cut ends and the one it starts are (within the window)."""
    mark = _CLAUSE_MARK.search(tail[::-1])
    last = mark.start() if mark else len(tail)
    mark = _CLAUSE_MARK.search(head)
    first = mark.start() if mark else len(head)
    names += (f"tail={_bin(last, CLAUSE_BINS)}", f"head={_bin(first, CLAUSE_BINS)}")


def _bin(value: float, edges: tuple) -> int:
    """The index of the first edge at or above `value` (len(edges) above them all)."""
    return bisect_left(edges, value)
