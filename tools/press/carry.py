"""The gold carried from the drawn page to the OCR text.

Every drawn character goes to the OCR word whose box holds its centre (the nearest such word
when boxes overlap). A raw line (an OCR paragraph) belongs to the article, or the head or foot
of the page, of most of its characters; its role is a heading role when heading characters are
at least half of it (kicker and title together make a title), else body. A raw line with no
drawn character under it (a photo or a speck read as text) goes with the segment around it,
or is noise between two segments. A raw line whose paragraph goes on at the next raw line of
body (past lines of a caption or of nothing) makes a paragraph join. A page where the lines of
two articles are read into each other cannot be written as segments and is left out (the
head and foot of the page may be read in several places: each place is a segment).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from editor_app.ingest.ocr_model import OcrPage, OcrWord
from editor_app.ingest.ocr_read import read_ocr
from editor_app.ingest.ocr_text import derive_text

HEADINGS = ("kicker", "title", "subtitle")
OUTSIDE_KIND = {-1: "boilerplate", -2: "noise", -3: "boilerplate"}
NOISE = None  # owner of a raw line with nothing drawn under it, between segments
BAND = 64  # pixels: words are looked up by horizontal bands of the page


class Interleaved(Exception):
    """Two segments read into each other: the page cannot be written as gold."""


@dataclass(frozen=True, slots=True)
class Drawn:
    """A drawn character as the glyph record gives it."""

    char: str
    x: float
    y: float
    width: float
    height: float
    owner: int
    role: str
    paragraph: int
    offset: int

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)


@dataclass(slots=True)
class RawLine:
    text: str
    drawn: list[Drawn] = field(default_factory=list)  # in the line's reading order
    owner: int | None = NOISE
    role: str = "body"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """An OCR paragraph: its raw line, as the app derives it, and its words with boxes."""

    text: str
    words: list[OcrWord]


def drawn_from_record(record: dict) -> list[Drawn]:
    return [Drawn(*row) for row in record["glyphs"]]


def read_paragraphs(data: bytes, name: str) -> list[Paragraph]:
    """The OCR file's paragraphs in reading order, read and derived as the app imports it."""
    return paragraphs_of(read_ocr(data, name))


def paragraphs_of(page: OcrPage) -> list[Paragraph]:
    derived = derive_text(page)
    texts = [""] * len(page.paragraphs)
    for start, end, index, _, _ in derived.spans:
        texts[index] += derived.text[start:end]
    return [
        Paragraph(text, [word for line in paragraph.lines for word in line.words])
        for text, paragraph in zip(texts, page.paragraphs, strict=True)
    ]


def assign(paragraphs: list[Paragraph], drawn: list[Drawn]) -> list[list[Drawn]]:
    """For each paragraph, the drawn characters under its words, in the words' order."""
    words: list[tuple[int, int, OcrWord]] = []
    bands: dict[int, list[int]] = defaultdict(list)
    for p_index, paragraph in enumerate(paragraphs):
        for word in paragraph.words:
            index = len(words)
            words.append((p_index, index, word))
            _, top, _, bottom = word.box
            for band in range(top // BAND, bottom // BAND + 1):
                bands[band].append(index)
    under: dict[int, list[Drawn]] = defaultdict(list)
    for glyph in drawn:
        found = _word_under(glyph, words, bands)
        if found is not None:
            under[found].append(glyph)
    out: list[list[Drawn]] = [[] for _ in paragraphs]
    for index, (p_index, _, _) in enumerate(words):
        out[p_index].extend(sorted(under.get(index, ()), key=lambda g: (g.x, g.y)))
    return out


def _word_under(glyph: Drawn, words, bands) -> int | None:
    cx, cy = glyph.centre
    best, best_distance = None, None
    for index in bands.get(int(cy) // BAND, ()):
        left, top, right, bottom = words[index][2].box
        if left <= cx <= right and top <= cy <= bottom:
            distance = abs((left + right) / 2 - cx) + abs((top + bottom) / 2 - cy)
            if best_distance is None or distance < best_distance:
                best, best_distance = index, distance
    return best


def label_lines(paragraphs: list[Paragraph], drawn: list[Drawn]) -> list[RawLine]:
    """Raw lines (paragraphs with text) with their owner and role."""
    lines = []
    for paragraph, glyphs in zip(paragraphs, assign(paragraphs, drawn), strict=True):
        text = paragraph.text
        if not text:
            continue
        line = RawLine(text, glyphs)
        if glyphs:
            line.owner = Counter(g.owner for g in glyphs).most_common(1)[0][0]
            line.role = _role(g.role for g in glyphs if g.owner == line.owner)
        lines.append(line)
    _fill_gaps(lines)
    return lines


def _role(roles) -> str:
    counts = Counter("body" if r == "caption" else r for r in roles)
    heading = sum(counts[r] for r in HEADINGS)
    if heading * 2 < sum(counts.values()):
        return "body" if counts["body"] or not counts else counts.most_common(1)[0][0]
    if counts["title"]:
        return "title"
    return max(("kicker", "subtitle"), key=lambda r: counts[r])


def _fill_gaps(lines: list[RawLine]) -> None:
    """A line with nothing drawn under it joins the segment it sits in."""
    for index, line in enumerate(lines):
        if line.drawn:
            continue
        before = next((x.owner for x in reversed(lines[:index]) if x.drawn), NOISE)
        after = next((x.owner for x in lines[index + 1 :] if x.drawn), NOISE)
        if before == after and before is not NOISE and before >= 0:
            line.owner = before


def runs(lines: list[RawLine]) -> list[tuple[int | None, int, int]]:
    """(owner, first index, last index) of consecutive lines of one owner."""
    out: list[tuple[int | None, int, int]] = []
    for index, line in enumerate(lines):
        if out and out[-1][0] == line.owner:
            out[-1] = (line.owner, out[-1][1], index)
        else:
            out.append((line.owner, index, index))
    seen = Counter(owner for owner, _, _ in out if owner is not NOISE and owner >= 0)
    split = sorted(owner for owner, count in seen.items() if count > 1)
    if split:
        raise Interleaved(f"segments read into each other: {split}")
    return out


def joins(lines: list[RawLine]) -> list[list[int]]:
    """[a, b] (raw line numbers): the body paragraph of line a goes on at line b."""
    out = []
    for index, line in enumerate(lines):
        if line.role != "body" or line.owner is NOISE or line.owner < 0:
            continue
        last = _last_body(line)
        if last is None:
            continue
        following = _next_body_line(lines, index)
        if following is None:
            continue
        first = _first_body(lines[following], line.owner)
        if first is not None and first.paragraph == last.paragraph and first.offset > last.offset:
            out.append([_number(index), _number(following)])
    return out


def _last_body(line: RawLine) -> Drawn | None:
    body = [g for g in line.drawn if g.owner == line.owner and g.role == "body"]
    return body[-1] if body else None


def _first_body(line: RawLine, owner: int) -> Drawn | None:
    body = [g for g in line.drawn if g.owner == owner and g.role == "body"]
    return body[0] if body else None


def _next_body_line(lines: list[RawLine], index: int) -> int | None:
    """The next raw line of the same segment holding body, past captions and empty reads."""
    owner = lines[index].owner
    for following in range(index + 1, min(index + 4, len(lines))):
        line = lines[following]
        if line.owner != owner:
            return None
        if line.role == "body" and any(g.role == "body" for g in line.drawn):
            return following
        if line.drawn and any(g.role != "caption" for g in line.drawn):
            return None
    return None


def _number(index: int) -> int:
    """Raw line number of the index-th non-empty line (a blank line between two)."""
    return 2 * index + 1


def raw_text(lines: list[RawLine]) -> str:
    return "\n\n".join(line.text for line in lines) + "\n"


def gold(lines: list[RawLine], record: dict, source: str, date: str, page: int) -> dict:
    """The gold answer of the raw text, in the format of the OCR'd training pages."""
    articles, non_articles = [], []
    for owner, first, last in runs(lines):
        if owner is NOISE or owner < 0:
            kind = "noise" if owner is NOISE else OUTSIDE_KIND[owner]
            non_articles.append({"kind": kind, "start": _number(first), "end": _number(last)})
            continue
        articles.append(_article(lines, owner, first, last, record))
    return {
        "source": source,
        "date": date,
        "page": page,
        "articles": articles,
        "non_articles": non_articles,
        "paragraph_joins": joins(lines),
        "char_fixes": [],
        "interleaved": 0,
        "ocr": {"engine": "tesseract 5.3.0 chi_sim", "psm": 3, "dpi": 200},
    }


def _article(lines: list[RawLine], owner: int, first: int, last: int, record: dict) -> dict:
    roles = {}
    headings = {role: "" for role in HEADINGS}
    for index in range(first, last + 1):
        role = lines[index].role
        if role != "body":
            roles[str(_number(index))] = role
            headings[role] += lines[index].text
    printed = record["printed"].get(str(owner), {})
    return {
        "kind": record["kinds"].get(str(owner), "news"),
        "start": _number(first),
        "end": _number(last),
        "title": headings["title"],
        "kicker": headings["kicker"],
        "subtitle": headings["subtitle"],
        "dateline": "",
        "reporters": None,
        "correspondents": None,
        "interns": None,
        "truncated": owner in record["truncated"],
        "roles": roles,
        "printed": {role: printed.get(role, "") for role in HEADINGS},
    }
