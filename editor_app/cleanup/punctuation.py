"""Half-width punctuation inside Chinese text -> full width (`,` `:` `;` `!` `?` `(` `)`).

Left alone: marks between digits (`1,000`, `10:30`), marks in Latin text, URLs and e-mail.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from editor_app.cleanup.chars import CJK_PUNCT, HAN, HAN_RE
from editor_app.cleanup.document import CleanupDocument
from editor_app.model import Suggestion

RULE = "punctuation"
FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
NAMES = {
    ",": "逗号",
    ":": "冒号",
    ";": "分号",
    "!": "感叹号",
    "?": "问号",
    "(": "括号",
    ")": "括号",
}
CJK = f"[{HAN}{CJK_PUNCT}]"
CJK_RE = re.compile(CJK)
# Every mark, in order. Group 1 catches the common case in the same pass: `,:;` with
# Chinese on both sides, `!?` right after Chinese. No URL, e-mail or Latin run can hold
# such a mark, so it needs none of the per-line checks. Each branch starts with the mark
# and looks back only then, so sre skips ahead to the next mark at C speed.
MARK_RE = re.compile(f"([,:;](?<={CJK}.)(?={CJK})|[!?](?<={CJK}.))|[,:;!?()]")
DIGIT_RE = re.compile(r"[0-9０-９]")
SKIP_RE = re.compile(
    r"(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"
    # An address is looked for only from the start of a run of its characters: from
    # every character of a long run, the search was quadratic.
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.ASCII,
)
ASCII_RUN_RE = re.compile(r"[!-~]+")
MARK_RUN_RE = re.compile(r"[!?]+")
LAYOUT_SPACES = "\u00a0\u3000"
PAIR = "()→（）"
PATTERNS = {mark: f"{mark}→{full}" for mark, full in FULL.items()}
ALL_PATTERNS = frozenset({*PATTERNS.values(), PAIR})
REASONS = {mark: f"中文语境中的半角{name}应为全角" for mark, name in NAMES.items()}


def find(doc: CleanupDocument) -> list[Suggestion]:
    """One scan of the whole page: a page holds hundreds of marks, most of them plain.

    The common case needs nothing but the match; the line of a mark is looked up from
    the sorted line starts, and the full checks are worked out once per line that needs
    them. The regex never matches across a line: a newline is not Chinese.
    """
    lines = doc.index
    found: list[Suggestion] = []
    number = 1
    slow_number, slow = 0, None
    for match in MARK_RE.finditer(doc.text):
        at = match.start()
        mark = match.group()
        number = lines.number_at(at, number)
        column = at - lines.starts[number - 1]
        if match.lastindex:
            pattern = PATTERNS[mark]
        else:
            if number != slow_number:
                slow_number, slow = number, _SlowChecks(lines.texts[number - 1])
            pattern = slow.pattern(column, mark)
            if pattern is None:
                continue
        found.append(
            Suggestion(
                RULE,
                number,
                column,
                at,
                at + 1,
                mark,
                FULL[mark],
                REASONS[mark],
                0.95,
                None,
                pattern,
            )
        )
    return found


class _SlowChecks:
    """The full checks for one line, worked out once and only when a mark needs them.

    What decides one mark holds for every mark of its run (`!!!`, `a,b,c`): it is kept
    per run, so a long run costs one look around it instead of one per mark.
    """

    __slots__ = ("text", "skipped", "brackets", "runs", "mark_runs", "decided")

    def __init__(self, text: str) -> None:
        self.text = text
        self.skipped = _skipped_positions(text)
        self.brackets = _bracket_changes(text, self.skipped)
        self.runs = [match.span() for match in ASCII_RUN_RE.finditer(text)]
        self.mark_runs = [match.start() for match in MARK_RUN_RE.finditer(text)]
        self.decided: dict[tuple[str, int], bool] = {}

    def pattern(self, at: int, mark: str) -> str | None:
        """The suggestion's pattern for the mark at `at`, or None when it stays."""
        if at in self.skipped:
            return None
        if mark in "()":
            return self.brackets.get(at)
        if self._wants_full_width(at, mark):
            return PATTERNS[mark]
        return None

    def _wants_full_width(self, at: int, mark: str) -> bool:
        text = self.text
        if mark in "!?":
            # `太漂亮了!`, `吗?!`: the run of marks follows Chinese.
            start = self.mark_runs[bisect_right(self.mark_runs, at) - 1]
            return self._decide("!?", start, lambda: _is_cjk(text, _outside(text, start - 1, -1)))
        if _is_digit(text, at - 1) and _is_digit(text, at + 1):
            return False  # 1,000 and 10:30
        run_start, run_end = self.runs[bisect_right(self.runs, (at, len(text))) - 1]
        return self._decide("run", run_start, lambda: _run_by_chinese(text, run_start, run_end))

    def _decide(self, kind: str, start: int, decide) -> bool:
        found = self.decided.get((kind, start))
        if found is None:
            found = self.decided[kind, start] = decide()
        return found


def _skipped_positions(text: str) -> set[int]:
    """Offsets inside URLs and e-mail addresses (a URL's closing punctuation stays outside)."""
    positions: set[int] = set()
    for match in SKIP_RE.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in ".,;:!?":
            end -= 1
        positions.update(range(match.start(), end))
    return positions


def _is_cjk(text: str, at: int) -> bool:
    return 0 <= at < len(text) and CJK_RE.match(text[at]) is not None


def _is_digit(text: str, at: int) -> bool:
    return 0 <= at < len(text) and DIGIT_RE.match(text[at]) is not None


def _outside(text: str, at: int, step: int) -> int:
    """The next offset from `at` in direction `step` that is not layout white space."""
    while 0 <= at < len(text) and text[at] in LAYOUT_SPACES:
        at += step
    return at


def _chinese_or_edge(text: str, at: int) -> bool:
    """Chinese, layout white space (NBSP, ideographic space) or the edge of the line."""
    return not 0 <= at < len(text) or text[at] in LAYOUT_SPACES or _is_cjk(text, at)


def _run_by_chinese(text: str, run_start: int, run_end: int) -> bool:
    """A run of ASCII marks and letters with Chinese (or the line's edge) on both sides."""
    left, right = run_start - 1, run_end
    chinese = _is_cjk(text, _outside(text, left, -1)) or _is_cjk(text, _outside(text, right, 1))
    return chinese and _chinese_or_edge(text, left) and _chinese_or_edge(text, right)


def _bracket_changes(text: str, skipped: set[int]) -> dict[int, str]:
    """Offsets of `(`/`)` to convert: a pair next to Chinese together, a lone one by itself."""
    changes: dict[int, str] = {}
    stack: list[int] = []
    # Where the latest stretch between two brackets that holds Chinese has some: each
    # stretch is searched once, not once for every pair around it.
    last_han, previous = -1, 0
    for match in re.finditer(r"[()]", text):
        at = match.start()
        found = HAN_RE.search(text, previous, at)
        if found is not None:
            last_han = found.start()
        previous = at + 1
        if at in skipped:
            continue
        if match.group() == "(":
            stack.append(at)
        elif stack:
            opening = stack.pop()
            if last_han > opening or _pair_by_chinese(text, opening, at):
                changes[opening] = changes[at] = PAIR
        elif _is_cjk(text, at - 1) or _is_cjk(text, at + 1):
            changes[at] = ")→）"
    for opening in stack:
        if _is_cjk(text, opening - 1) or _is_cjk(text, opening + 1):
            changes[opening] = "(→（"
    return changes


def _pair_by_chinese(text: str, opening: int, closing: int) -> bool:
    """Chinese just outside a pair of brackets that holds none."""
    return _is_cjk(text, _outside(text, opening - 1, -1)) or _is_cjk(
        text, _outside(text, closing + 1, 1)
    )
