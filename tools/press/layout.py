"""A newspaper page composed from stories: running head, columns, headings, photos, footer.

Stories are placed one after another on a skyline of columns: each takes a span of adjacent
columns where the columns' fill is lowest, sets its headings across the span and flows its
paragraphs down the span's columns, balanced. A story that does not fit is cut where the page
ends; stories after the page is full are not printed. Every choice comes from one generator
seeded by the page's name, so a page is pressed the same way every time.
"""

from __future__ import annotations

import datetime
import math
import random
from dataclasses import dataclass, field

from tools.press.fonts import SANS, SERIF
from tools.press.source import CleanPage, Story
from tools.press.typeset import Glyph, SetLine, Style, set_paragraph

PAGE_WIDTH, PAGE_HEIGHT = 2400, 3500
MARGIN = 70
GUTTER = 30
HEAD, FOLIO, FOOT = -1, -2, -3  # owners of the characters outside the articles
OUTSIDE_KIND = {HEAD: "boilerplate", FOLIO: "noise", FOOT: "boilerplate"}
WEEKDAYS = "一二三四五六日"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂焦向柳邢岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强柴华车冉房边"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉玲建国宇浩凯健俊帆帅旭宁琳晨欣怡佳雪梅林峰波斌"
PHOTO_CAPTION_ENDS = ("摄", "摄）", "摄)", "摄影报道")


@dataclass(slots=True)
class Rect:
    """A drawn box: a photo (filled grey) or a rule (a thin line)."""

    x: float
    y: float
    width: float
    height: float
    kind: str  # "photo" or "rule"
    shade: int = 0


@dataclass(slots=True)
class Page:
    """Everything the press draws on one page, and what the page is made of."""

    name: str
    width: int
    height: int
    glyphs: list[Glyph] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)
    printed: dict[int, dict[str, str]] = field(default_factory=dict)  # headings as printed
    kinds: dict[int, str] = field(default_factory=dict)
    truncated: set[int] = field(default_factory=set)
    columns: int = 0


@dataclass(slots=True)
class Grid:
    """The page's columns and how far down each is filled."""

    left: float
    top: float
    bottom: float
    columns: int
    width: float
    fill: list[float] = field(default_factory=list)

    def x(self, column: int) -> float:
        return self.left + column * (self.width + GUTTER)

    def span_width(self, span: int) -> float:
        return span * self.width + (span - 1) * GUTTER


class Composer:
    """Lays one clean page out; `compose()` returns the drawn `Page`."""

    def __init__(self, clean: CleanPage, seed: str = "press"):
        self.clean = clean
        self.rng = random.Random(f"{seed}:{clean.name}")
        self.page = Page(clean.name, PAGE_WIDTH, PAGE_HEIGHT)
        self.body = Style(SERIF, self.rng.choice((21, 22, 23, 24, 25)))
        self.row = round(self.body.pixels * self.rng.uniform(1.4, 1.55))
        # Ragged lines and a one-em indent blur tesseract's idea of where paragraphs begin
        # and end, as on the real OCR'd pages (more paragraphs cut, more read as one).
        self.justified = self.rng.random() < 0.5
        self.indent = self.rng.choice((1, 2)) * self.body.advance("中")
        self.paragraph = 0

    def compose(self) -> Page:
        top = self._running_head()
        bottom = self._footer()
        columns = self.rng.choice((4, 5, 5, 6, 6))
        width = (PAGE_WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) / columns
        grid = Grid(MARGIN, top, bottom, columns, width, [top] * columns)
        self.page.columns = columns
        for story in self.clean.stories:
            if not self._place(story, grid):
                break
        return self.page

    # --- head and foot ----------------------------------------------------------------------

    def _running_head(self) -> float:
        date = datetime.date.fromisoformat(self.clean.date)
        style = Style(SANS, round(self.body.pixels * 1.15))
        y = MARGIN
        weekday = WEEKDAYS[date.weekday()]
        line = f"{date.year}年{date.month}月{date.day}日　星期{weekday}　　人民日报"
        self._draw_line(line, style, MARGIN, y, HEAD, "boilerplate")
        folio = f"第{self.clean.page}版"
        folio_width = sum(style.advance(c) for c in folio)
        self._draw_line(folio, style, PAGE_WIDTH - MARGIN - folio_width, y, FOLIO, "noise")
        rule = y + style.pixels * 1.6
        self.page.rects.append(Rect(MARGIN, rule, PAGE_WIDTH - 2 * MARGIN, 3, "rule"))
        self.page.rects.append(Rect(MARGIN, rule + 7, PAGE_WIDTH - 2 * MARGIN, 1, "rule"))
        return rule + style.pixels * 1.4

    def _footer(self) -> float:
        style = Style(SERIF, round(self.body.pixels * 0.9))
        y = PAGE_HEIGHT - MARGIN - style.pixels * 1.3
        editors = "　".join(self._name() for _ in range(self.rng.choice((1, 1, 2))))
        label = self.rng.choice(("责任编辑：", "本版责编："))
        line = f"{label}{editors}　版式设计：{self._name()}"
        self._draw_line(line, style, MARGIN, y, FOOT, "boilerplate")
        self.page.rects.append(Rect(MARGIN, y - 14, PAGE_WIDTH - 2 * MARGIN, 2, "rule"))
        return y - 40

    def _name(self) -> str:
        given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
        return self.rng.choice(SURNAMES) + given

    def _draw_line(self, text: str, style: Style, x: float, y: float, owner: int, role: str):
        self.paragraph += 1
        for offset, char in enumerate(text):
            width = style.advance(char)
            if not char.isspace() and char != "　":
                self.page.glyphs.append(
                    Glyph(
                        char, x, y, width, style.pixels, style, owner, role, self.paragraph, offset
                    )
                )
            x += width

    # --- stories ----------------------------------------------------------------------------

    def _place(self, story: Story, grid: Grid) -> bool:
        """Set one story on the grid; False when the page has no room left for it."""
        body_rows = self._count_rows(story, grid.width)
        target = self.rng.randint(14, 40)
        span = max(1, min(grid.columns, math.ceil(body_rows / target)))
        if story.index == 0 and self.rng.random() < 0.6:
            span = max(span, grid.columns - self.rng.choice((0, 1)))
        for tried in range(span, 0, -1):
            column, top = _lowest_window(grid, tried)
            heads = self._set_headings(story, grid.span_width(tried))
            heads_height = sum(h for _, _, h in heads)
            if top + heads_height + 4 * self.row <= grid.bottom:
                self._print(story, grid, column, tried, top, heads)
                return True
        return False

    def _count_rows(self, story: Story, measure: float) -> int:
        return sum(
            len(set_paragraph(p, self.body, measure, self.indent, self.justified))
            for p in story.paragraphs
        )

    def _set_headings(self, story: Story, measure: float) -> list[tuple[str, list, float]]:
        """(role, lines with their style, height) for kicker, title, subtitle as printed."""
        out = []
        size = self.body.pixels
        for role in ("kicker", "title", "subtitle"):
            text = story.headings.get(role, "")
            if not text:
                continue
            if role == "title":
                family = self.rng.choice((SERIF, SANS))
                pixels = _title_size(text, measure, size, self.rng)
                style = Style(family, pixels, bold=True)
            else:
                style = Style(self.rng.choice((SERIF, SANS)), round(size * 1.3))
            lines = set_paragraph(text, style, measure, 0.0)
            height = len(lines) * style.pixels * 1.35 + size * 0.5
            out.append((role, [(line, style) for line in lines], height))
        return out

    def _print(self, story, grid: Grid, column: int, span: int, top: float, heads) -> None:
        page = self.page
        page.kinds[story.index] = story.kind
        page.printed[story.index] = dict(story.headings)
        measure = grid.span_width(span)
        left = grid.x(column)
        y = top
        for role, lines, height in heads:
            self.paragraph += 1
            centred = self.rng.random() < 0.7
            for line, style in lines:
                x = left + ((measure - line.width) / 2 if centred else 0.0)
                self._draw_set_line(line, style, x, y, story.index, role, self.paragraph)
                y += style.pixels * 1.35
            y += height - len(lines) * lines[0][1].pixels * 1.35
        y += self.body.pixels * 0.4
        paragraphs, caption = _split_caption(story.paragraphs)
        tops = [y] * span
        if span >= 2 and self.rng.random() < 0.35:
            tops = self._photo(grid, column, span, y, caption, story.index)
        elif caption:
            paragraphs = paragraphs + [caption]
        bottom = self._flow(paragraphs, grid, column, tops, story.index)
        if bottom is None:
            page.truncated.add(story.index)
            bottom = grid.bottom
        for offset in range(span):
            grid.fill[column + offset] = bottom + self.row * 1.2
        if bottom < grid.bottom - self.row:
            page.rects.append(Rect(left, bottom + self.row * 0.6, measure, 2, "rule"))

    def _photo(self, grid: Grid, column: int, span: int, y: float, caption, owner) -> list[float]:
        """A grey box over some of the story's columns, its caption below; the columns' tops."""
        wide = self.rng.randint(1, span - 1) if span > 2 else 1
        first = self.rng.randint(0, span - wide)
        height = self.row * self.rng.randint(6, 14)
        x = grid.x(column + first)
        width = grid.span_width(wide)
        shade = self.rng.randint(90, 190)
        self.page.rects.append(Rect(x, y, width, height, "photo", shade))
        below = y + height + self.row * 0.4
        if caption:
            style = Style(SANS, round(self.body.pixels * 0.85))
            self.paragraph += 1
            for line in set_paragraph(caption, style, width, 0.0):
                self._draw_set_line(line, style, x, below, owner, "caption", self.paragraph)
                below += style.pixels * 1.4
        below += self.row * 0.6
        return [below if first <= i < first + wide else y for i in range(span)]

    def _flow(self, paragraphs, grid: Grid, column: int, tops: list[float], owner: int):
        """Body paragraphs down the columns, balanced; the bottom, or None when cut short."""
        items = []
        for text in paragraphs:
            self.paragraph += 1
            style = self.body
            if _is_subhead(text):
                style = Style(self.body.family, self.body.pixels, bold=True)
            for line in set_paragraph(text, style, grid.width, self.indent, self.justified):
                items.append((line, style, self.paragraph))
        bottom = _balanced_bottom(len(items), tops, self.row, grid.bottom)
        rows = iter(items)
        placed = 0
        for offset, top in enumerate(tops):
            y = top
            while y + self.row <= bottom + 0.5:
                item = next(rows, None)
                if item is None:
                    break
                line, style, number = item
                x = grid.x(column + offset)
                self._draw_set_line(line, style, x, y, owner, "body", number)
                placed += 1
                y += self.row
        if placed < len(items):
            return None
        return bottom

    def _draw_set_line(self, line: SetLine, style: Style, x: float, y: float, owner, role, number):
        for position, (char, dx, width) in enumerate(line.chars):
            if char.isspace() or char == "　":
                continue
            self.page.glyphs.append(
                Glyph(
                    char,
                    x + dx,
                    y,
                    width,
                    style.pixels,
                    style,
                    owner,
                    role,
                    number,
                    line.offset + position,
                )
            )


def _lowest_window(grid: Grid, span: int) -> tuple[int, float]:
    """The leftmost span of adjacent columns whose deepest fill is the least."""
    best = min(range(grid.columns - span + 1), key=lambda c: (max(grid.fill[c : c + span]), c))
    return best, max(grid.fill[best : best + span])


def _balanced_bottom(rows: int, tops: list[float], row: float, limit: float) -> float:
    """The highest bottom at which the columns below `tops` hold `rows` lines (at most `limit`)."""
    low = min(tops)
    for step in range(int((limit - low) / row) + 2):
        bottom = min(low + step * row, limit)
        if sum(max(0, int((bottom - t) / row + 0.01)) for t in tops) >= rows:
            return bottom
    return limit


def _title_size(text: str, measure: float, body: int, rng: random.Random) -> int:
    """Large enough to be a title, small enough to stay on one or two lines."""
    biggest = round(body * rng.uniform(1.8, 2.8))
    fits = int(measure / max(1, len(text)) * 0.97)
    pixels = min(biggest, fits)
    if pixels < round(body * 1.6):
        pixels = min(biggest, int(measure / max(1, math.ceil(len(text) / 2)) * 0.97))
    return max(round(body * 1.5), pixels)


def _split_caption(paragraphs: list[str]) -> tuple[list[str], str]:
    """A photo credit or a 图为 paragraph, when the story has one, goes under its photo."""
    for index, text in enumerate(paragraphs):
        if len(text) < 160 and (
            text.startswith("图为") or text.rstrip().endswith(PHOTO_CAPTION_ENDS)
        ):
            return paragraphs[:index] + paragraphs[index + 1 :], text
    return paragraphs, ""


def _is_subhead(text: str) -> bool:
    """A short paragraph without an end mark reads as a subhead: set in bold."""
    return len(text) <= 18 and text[-1:] not in "。！？”…；，："


def compose(clean: CleanPage, seed: str = "press") -> Page:
    return Composer(clean, seed).compose()
