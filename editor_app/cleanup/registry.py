"""The rules by name, in priority order: when two suggestions overlap the earlier rule wins."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from operator import attrgetter

from editor_app.cleanup import (
    dictionary,
    join,
    lookalike,
    noise,
    punctuation,
    traditional,
    whitespace,
)
from editor_app.cleanup.document import CleanupDocument
from editor_app.model import Suggestion

Finder = Callable[[CleanupDocument], Iterable[Suggestion]]

RULES: dict[str, Finder] = {
    dictionary.RULE: dictionary.find,
    join.RULE: join.find,
    noise.RULE: noise.find,
    whitespace.RULE: whitespace.find,
    punctuation.RULE: punctuation.find,
    traditional.RULE: traditional.find,
    lookalike.RULE: lookalike.find,
}
DEFAULT_RULES: tuple[str, ...] = tuple(RULES)
BY_OFFSET = attrgetter("start", "end")


def rule_names(rules: Iterable[str] | None) -> tuple[str, ...]:
    """Validate requested rule names (None means all), keeping registry order."""
    if rules is None:
        return DEFAULT_RULES
    wanted = set(rules)
    unknown = wanted - set(RULES)
    if unknown:
        raise ValueError(f"unknown cleanup rule(s): {', '.join(sorted(unknown))}")
    return tuple(name for name in RULES if name in wanted)


def run(doc: CleanupDocument, names: Iterable[str]) -> list[Suggestion]:
    """Every rule's suggestions, overlaps resolved by rule priority, sorted by offset."""
    taken: list[tuple[int, int]] = []
    kept: list[Suggestion] = []
    for name in names:
        fresh = _drop_self_overlaps(_clear_of(taken, RULES[name](doc)))
        if fresh:
            kept.extend(fresh)
            taken.extend(map(BY_OFFSET, fresh))
            taken.sort()
    kept.sort(key=BY_OFFSET)
    return kept


def _clear_of(taken: list[tuple[int, int]], found: Iterable[Suggestion]) -> list[Suggestion]:
    """The suggestions that overlap no span in `taken` (sorted, non-overlapping)."""
    found = list(found)
    if not taken or not found:
        return found
    # One loop over plain lists: a rule can find hundreds of suggestions per page.
    starts = [start for start, _ in taken]
    ends = [end for _, end in taken]
    clear = []
    for suggestion in found:
        index = bisect_right(starts, suggestion.start)
        if index > 0 and ends[index - 1] > suggestion.start:
            continue
        if index < len(starts) and starts[index] < suggestion.end:
            continue
        clear.append(suggestion)
    return clear


def _drop_self_overlaps(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Within one rule the first of two overlapping suggestions (by offset) stays."""
    result: list[Suggestion] = []
    end = -1
    for suggestion in sorted(suggestions, key=BY_OFFSET):
        if suggestion.start >= end:
            result.append(suggestion)
            end = suggestion.end
    return result
