"""Gold pages for the join model: raw text with its answer, from gold directories or an archive.

The same pages, keys and digest as the segmenter's training data (a page's key is
`GROUP/NAME`, GROUP the directory's name), read here because cleanup and segmentation are
peers that never import each other.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

from editor_app.model import normalise_newlines

GOLD_SUFFIX = ".gold.json"
ARCHIVE_SUFFIXES = (".tar.xz", ".txz")
_DATE = re.compile(r"(?<![0-9])(20[0-9]{6})(?![0-9])")


class JoinCorpusError(Exception):
    """Training data that cannot be read; the message names the file."""


@dataclass(frozen=True, slots=True)
class GoldPage:
    key: str
    text_bytes: bytes
    gold_bytes: bytes

    @property
    def group(self) -> str:
        return self.key.split("/", 1)[0]

    @property
    def text(self) -> str:
        return normalise_newlines(self.text_bytes.decode("utf-8-sig"))

    @property
    def gold(self) -> dict:
        return json.loads(self.gold_bytes.decode("utf-8"))

    @property
    def date(self) -> str:
        """The page's date from its name (the whole key when it carries none)."""
        found = _DATE.search(self.key)
        return found.group(1) if found else self.key


def load_gold_pages(sources: list[str | Path]) -> list[GoldPage]:
    """Pages of every directory or archive, sorted by key; a key given twice is an error."""
    pages: dict[str, GoldPage] = {}
    for source in sources:
        path = Path(source)
        found = _read_archive(path) if path.name.endswith(ARCHIVE_SUFFIXES) else _read_dir(path)
        for page in found:
            if page.key in pages:
                raise JoinCorpusError(f"{path}: page {page.key} given twice")
            pages[page.key] = page
    return [pages[key] for key in sorted(pages)]


def _read_dir(root: Path) -> list[GoldPage]:
    """NAME.gold.json with its raw file beside it or in ../seeds."""
    if not root.is_dir():
        raise JoinCorpusError(f"{root}: not a directory or a .tar.xz archive")
    pages = []
    for gold_path in sorted(root.glob(f"*{GOLD_SUFFIX}")):
        gold_bytes = gold_path.read_bytes()
        source = _source_name(gold_path, gold_bytes)
        candidates = (root / source, root.parent / "seeds" / source)
        raw = next((c for c in candidates if c.is_file()), None)
        if raw is None:
            raise JoinCorpusError(f"{gold_path}: raw file {source} not found")
        pages.append(GoldPage(f"{root.name}/{source}", raw.read_bytes(), gold_bytes))
    if not pages:
        raise JoinCorpusError(f"{root}: no *{GOLD_SUFFIX} files")
    return pages


def _source_name(gold_path: Path, gold_bytes: bytes) -> str:
    try:
        source = json.loads(gold_bytes.decode("utf-8")).get("source")
    except ValueError as error:
        raise JoinCorpusError(f"{gold_path}: not valid JSON: {error}") from error
    return source or gold_path.name[: -len(GOLD_SUFFIX)]


def _read_archive(path: Path) -> list[GoldPage]:
    try:
        with tarfile.open(path, "r:xz") as archive:
            files = {
                m.name: archive.extractfile(m).read() for m in archive.getmembers() if m.isfile()
            }
    except (OSError, tarfile.TarError, lzma.LZMAError) as error:
        raise JoinCorpusError(f"{path}: cannot read archive: {error}") from error
    pages = []
    for name, gold_bytes in sorted(files.items()):
        if not name.endswith(GOLD_SUFFIX):
            continue
        raw_name = name[: -len(GOLD_SUFFIX)] + ".txt"
        if raw_name not in files:
            raise JoinCorpusError(f"{path}: {name} has no {raw_name}")
        pages.append(GoldPage(raw_name, files[raw_name], gold_bytes))
    return pages


def digest(pages: list[GoldPage]) -> str:
    """sha256 of the pages' keys and bytes, the same as the segmenter's training digest."""
    total = hashlib.sha256()
    for page in sorted(pages, key=lambda p: p.key):
        total.update(page.key.encode("utf-8") + b"\0")
        total.update(hashlib.sha256(page.text_bytes).digest())
        total.update(hashlib.sha256(page.gold_bytes).digest())
    return total.hexdigest()
