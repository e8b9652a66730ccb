"""Rejoin body paragraphs that a column or page break cut in two (`…等特色活` / `动。…`).

Never across an article boundary, never after a title, kicker or byline (`join_cuts`). The
decision is the shipped join model's (`join_model`, trained on the gold pages' paragraph
joins) with the rule below as one of its features; a page read from an OCR file with its
layout is decided by the layout model, which reads the print too (`join_layout_features`);
without the model file the rule decides alone. A line the proposal calls a subhead or subtitle is joined by the rule only when it
plainly stops mid-sentence: a true subhead never ends on a comma or in the middle of a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor_app.cleanup.chars import DATELINE_RE, HAN, SPACES
from editor_app.cleanup.document import CleanupDocument
from editor_app.cleanup.join_cuts import Cut, cuts
from editor_app.cleanup.join_features import PageShape, cut_features, ends_sentence, page_shape
from editor_app.cleanup.join_layout_features import PagePrint, page_print
from editor_app.cleanup.join_model import JoinModel, shipped_join_model
from editor_app.model import Suggestion, lexicon

RULE = "join"
PATTERN = "join"

SENTENCE_END = set("。！？!?…；;：:")
CLOSERS = set("”’」』）)】》〕>\"'")
COMMA_LIKE = set("，,、")
OPENERS = set("“‘「『（(【《〔")
# A paragraph never starts with these: what follows them belongs to the line before.
CONTINUING_PUNCT = set("，,。.、；;：:）)”’」』】》！？!?%…—")
CONTINUING_CHARS = set("的了地得着过等们和与及或是之而并")
FUNCTION_ENDS = set(
    "的和与及或在对把将被为向从以于由让使给跟同比往朝之其并而且但也都就才又还再更很最已正不没每各该这那此某第相有是到"
)
_FUNCTION_WORDS = (
    "不仅 不但 以及 并且 而且 但是 因为 由于 通过 根据 按照 作为 对于 关于 包括 随着 除了 "
    "此前 如果 虽然 尽管 即使 还是 或者 以便 为了 对此 还有 已经 正在 将要 能够 可以 应该 "
    "需要 必须 进一步 一些 一个 这些 那些 这个 那个 这种 其中 所有 没有 拥有 具有 "
    "不是 都是 就是 也是 还是 而是 正是 只是 便是 更是 又是 才是 总是 却是 仍是 均是 即是"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
# Searched for at a line's end only: `search` with `$` tries every start, and over a
# long run of digits each try runs to the end (quadratic). The last two characters
# decide an ordinal; a quantity is matched on the line read backwards.
ORDINAL_END_RE = re.compile(r"(?:第|[0-9０-９])?[一二三四五六七八九十百千0-9０-９]+[届次期批]$")
ORDINAL_END_CHARS = 2
QUANTITY_END_REVERSED_RE = re.compile(r"[\u4e00-\u9fff][万亿千百]?[0-9０-９.．]*[0-9０-９]")
ONE_CHAR_CLAUSE_RE = re.compile(f"[{HAN}][，,、；;]")
MIN_WORD_FREQ = 10
# Summaries printed under a commentary title stay shorter than this.
LEAD_MAX = 100
# A proposal may take the first half of a cut paragraph for a subhead; a join then needs
# a cue that the sentence plainly goes on (a comma, a word cut in two, an open quote ...).
STRONG_CUE = 0.85
CLAUSED_MIN = 40
CLAUSE_RE = re.compile(r"[，,、；;]")
MIN_SPLIT_FREQ = 3
HEADING_MARK_RE = re.compile(r"^(?:[■●◆▲★□◇◎▶◀※☆]|第\S{1,3}[章节编部分]|图[①-⑳\d])")
NUMBERED_RE = re.compile(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]")
INNER_SPACE_RE = re.compile(f"[{HAN}\\w)）][{SPACES}]+[{HAN}\\w(（]")
SENTENCE_PUNCT_RE = re.compile(r"[，,。；;：:！？!?]")
INNER_END_RE = re.compile(r"[。！？!?]")
DIGIT_RE = re.compile(r"[0-9０-９A-Za-z.．]")
UNIT_RE = re.compile(r"[0-9０-９A-Za-z.．%年月日时分秒名人个万亿千百元家件起次岁项所座条余多]")
OPENS_PARAGRAPH_RE = re.compile(
    r"(?:[“‘「《【(（\"]|(?:自|从|在|到)?[0-9０-９一二三四五六七八九十]+[年月日]|"
    r"(?:近日|日前|前不久|不久前|最近|近年来|近期|如今|当前|目前|今年|去年|明年|此前|随着|据|"
    r"时值|当天|当晚|同时|此外|另外|然而|但是|因此|所以|总之|可见|记者|笔者|我们|他们))"
)


def find(doc: CleanupDocument) -> Iterator[Suggestion]:
    """One suggestion per cut paragraph: the break between its two lines, removed. A page
    with geometry is decided by the shipped layout model (the text model without it)."""
    if doc.layout is None:
        return joins(doc, shipped_join_model())
    return joins(doc, shipped_join_model(with_layout=True))


def joins(doc: CleanupDocument, model: JoinModel | None) -> Iterator[Suggestion]:
    """The joins `model` decides on (the rule alone when it is None); the model reads the
    print as well when the document has a layout."""
    decide = rule_verdict if model is None else _model_decider(doc, model)
    for cut in cuts(doc):
        verdict = decide(cut)
        if verdict is None:
            continue
        reason, confidence = verdict
        first, second = cut.first, cut.second
        start = first.start + len(first.text.rstrip(SPACES))
        end = second.start + (len(second.text) - len(second.text.lstrip(SPACES)))
        yield doc.suggestion(RULE, start, end, "", reason, confidence, PATTERN, second.number)


def _model_decider(doc: CleanupDocument, model: JoinModel):
    """The model's verdict on a cut; the page's shape (and print) is measured once, when
    first needed."""
    shapes: list[tuple[PageShape, PagePrint | None]] = []

    def decide(cut: Cut) -> tuple[str, float] | None:
        if ends_sentence(cut.a):
            return None
        if not shapes:
            shapes.append((page_shape(doc), page_print(doc.layout)))
        shape, printed = shapes[0]
        verdict = rule_verdict(cut)
        return model.decide(cut_features(cut, shape, verdict, printed), verdict)

    return decide


def rule_verdict(cut: Cut) -> tuple[str, float] | None:
    """The rule's (reason, confidence) for a cut, or None when it sees no cut paragraph."""
    cue = join_cue(cut.a, cut.b, lead=cut.lead)
    if cue is None or (cut.role_a != "body" and cue[1] < STRONG_CUE):
        return None
    return cue


def join_cue(a: str, b: str, lead: bool = False) -> tuple[str, float] | None:
    """Why paragraph `a` goes on in `b` (reason, confidence), or None when it does not.

    `lead`: `a` is the first body line under a heading, where commentaries print a
    summary without a full stop; there only a positive cue counts.
    """
    if not a or not b:
        return None
    if DATELINE_RE.match(a) and _is_bare_dateline(a) and not DATELINE_RE.match(b):
        return "电头与导语被断行分开", 0.95
    if _ends_paragraph(a) or _stands_alone(a, b):
        return None
    if a[-1] in COMMA_LIKE or a[-1] in OPENERS:
        return "上段以逗号或前引号结尾，句子未完", 0.97
    if b[0] in CONTINUING_PUNCT:
        return "下段以标点开头，是上段的接续", 0.97
    if DIGIT_RE.match(a[-1]) and UNIT_RE.match(b[0]):
        return "数字或字母被断行拆开", 0.93
    word = split_word(a, b)
    if word:
        return f"词语“{word}”被断行拆开", 0.93
    if _unclosed(a):
        return "上段的引号或括号未闭合", 0.9
    ordinal = ORDINAL_END_RE.search(a[-ORDINAL_END_CHARS:])
    if ordinal or _ends_with_function_word(a) or _starts_with_particle(b):
        return "断行处句子成分不完整", 0.88
    if ONE_CHAR_CLAUSE_RE.match(b):
        return "下段以单字短句开头，是上段的接续", 0.85
    if _verb_then_object(a, b):
        return "断行把动词和宾语分开", 0.8
    if lead and len(a) < LEAD_MAX and not DATELINE_RE.match(a):
        return None
    if INNER_END_RE.search(a, 0, len(a) - 1) and not OPENS_PARAGRAPH_RE.match(b):
        return "上段未以句末标点结束，下段接续", 0.75
    if len(a) >= CLAUSED_MIN and CLAUSE_RE.search(a) and not OPENS_PARAGRAPH_RE.match(b):
        # A long line built of clauses that stops without a full stop is cut, not ended.
        return "上段由分句组成却未以句末标点结束", 0.7
    return None


def _is_bare_dateline(a: str) -> bool:
    """`本报北京2月27日电 （记者 X）` alone on its line, the lead cut off after it."""
    rest = DATELINE_RE.sub("", a, count=1).strip(SPACES)
    return not rest or (rest[0] in "(（" and rest[-1] in ")）" and len(rest) <= 30)


def _ends_paragraph(a: str) -> bool:
    last = a[-1]
    if last in SENTENCE_END:
        return True
    if last in CLOSERS:
        return True
    return a.endswith("——") and not _unclosed(a)


def _stands_alone(a: str, b: str) -> bool:
    """Headings, bylines, captions and number boxes that gold marks body but never continue."""
    if b[0] in CONTINUING_PUNCT:
        return len(a) <= 4
    if DATELINE_RE.match(b):
        return True
    if len(b) <= 10 and not SENTENCE_PUNCT_RE.search(b):
        return True
    if len(a) <= 15 or HEADING_MARK_RE.match(a):
        return True
    short = len(a) < 30
    if short and NUMBERED_RE.match(a):
        return True
    if short and INNER_SPACE_RE.search(a):
        return True
    if short and a.endswith("摄"):
        return True
    return short and not SENTENCE_PUNCT_RE.search(a) and not _starts_with_particle(b)


def split_word(a: str, b: str) -> str | None:
    """A dictionary word that the break cuts in two.

    Three or more characters count on their own; a two-character word must beat the
    words that end `a` and start `b`, or the break could just as well fall between words.
    """
    table = lexicon.words()
    tail, head = a[-3:], b[:3]
    best, best_freq = None, 0
    for i in range(1, len(tail) + 1):
        for j in range(1, len(head) + 1):
            if not 2 <= i + j <= 4:
                continue
            word = tail[-i:] + head[:j]
            freq = table.get(word, 0)
            if freq < MIN_SPLIT_FREQ or not _all_han(word):
                continue
            if len(word) >= 3:
                return word
            if freq > best_freq:
                best, best_freq = word, freq
    if best is None or QUANTITY_END_REVERSED_RE.match(a[::-1]):
        return None
    left = max((table.get(a[-k:], 0) for k in range(2, 5)), default=0)
    right = max((table.get(b[:k], 0) for k in range(2, 5)), default=0)
    return best if best_freq > max(left, right) else None


def _all_han(word: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" for ch in word)


def _unclosed(a: str) -> bool:
    return a.count("“") > a.count("”") or a.count("（") + a.count("(") > a.count("）") + a.count(
        ")"
    )


def _ends_with_function_word(a: str) -> bool:
    table = lexicon.words()
    for size in (4, 3, 2):
        tail = a[-size:]
        if len(tail) == size and table.get(tail, 0) >= MIN_WORD_FREQ:
            return tail in FUNCTION_WORDS
    return a[-1] in FUNCTION_ENDS


def _verb_then_object(a: str, b: str) -> bool:
    """`…加大` / `教育扶贫力度…`: a transitive verb at the cut and a noun or pronoun after it."""
    if not SENTENCE_PUNCT_RE.search(a):
        return False
    verbs, nominals = lexicon.verbs(), lexicon.nominals()
    if a[-1] in "了着":
        a = a[:-1]
    last = next((a[-k:] for k in (3, 2) if a[-k:] in verbs), None)
    if last is None:
        return False
    table = lexicon.words()
    first = next((b[:k] for k in (4, 3, 2) if table.get(b[:k], 0) >= MIN_WORD_FREQ), b[:1])
    return first in nominals


def _starts_with_particle(b: str) -> bool:
    if b[0] not in CONTINUING_CHARS:
        return False
    table = lexicon.words()
    return not any(table.get(b[:size], 0) >= MIN_WORD_FREQ for size in (2, 3, 4) if len(b) >= size)
