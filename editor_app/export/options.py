"""What to export: documents, statuses, non-articles, script."""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.model import STATUSES

FORMATS = ("jsonl", "txt", "csv", "tei")
# --script value -> OpenCC conversion (None keeps the text as it is).
SCRIPTS = {"keep": None, "s": "t2s", "t": "s2t", "tw": "s2tw", "hk": "s2hk"}
# The language tag of the exported text, by script.
LANGUAGE_TAGS = {
    "keep": "zh",
    "s": "zh-Hans",
    "t": "zh-Hant",
    "tw": "zh-Hant-TW",
    "hk": "zh-Hant-HK",
}


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """`statuses` and `document_ids` of None mean all of them."""

    statuses: frozenset[str] | None = None
    script: str = "keep"
    include_non_articles: bool = False
    document_ids: tuple[int, ...] | None = None

    def problems(self) -> list[str]:
        """What is wrong with these options, as messages; empty when they are fine."""
        found = []
        if self.script not in SCRIPTS:
            found.append(f"unknown script {self.script!r} (one of {', '.join(SCRIPTS)})")
        for status in sorted(self.statuses or ()):
            if status not in STATUSES:
                found.append(f"unknown status {status!r} (one of {', '.join(STATUSES)})")
        return found

    def wants(self, article) -> bool:
        if not article.is_article and not self.include_non_articles:
            return False
        return self.statuses is None or article.status in self.statuses
