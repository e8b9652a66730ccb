"""What an import did: the documents it stored, the files it skipped and why."""

from __future__ import annotations

from dataclasses import dataclass, field

DUPLICATE = "already in the project (same content)"


@dataclass(slots=True)
class ImportReport:
    """Paths are as given, in valid text: bytes of a name that are not UTF-8 read `\\xe9`."""

    imported: list[tuple[str, int]] = field(default_factory=list)  # (path, document id)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    bytes_read: int = 0
    cancelled: bool = False
    interrupted: bool = False  # stopped by Ctrl-C: what is listed here is stored
    found: int = 0  # files the import set out to read
    escaped_names: list[str] = field(default_factory=list)  # imported under an escaped name

    def summary(self) -> str:
        text = f"imported {len(self.imported)}, skipped {len(self.skipped)}"
        return text + (" (cancelled)" if self.cancelled else "")

    def refused(self) -> list[tuple[str, str]]:
        """The skipped files that were refused: not merely in the project already."""
        return [(path, reason) for path, reason in self.skipped if reason != DUPLICATE]

    def interruption(self) -> str:
        """`interrupted: imported 120 of 300 documents; not imported: 180`."""
        text = f"interrupted: imported {len(self.imported)} of {self.found} documents"
        if self.skipped:
            text += f" ({len(self.skipped)} skipped)"
        rest = self.found - len(self.imported) - len(self.skipped)
        return text + f"; not imported: {max(rest, 0)}"


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped an import; `report` holds what was stored before it."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(report.interruption())
        self.report = report
