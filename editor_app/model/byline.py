"""Who wrote an article: reporters, correspondents (通讯员) and interns (实习记者)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Byline:
    dateline: str = ""
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    interns: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.dateline or self.reporters or self.correspondents or self.interns)
