"""Training pages: raw text with its gold answer, read from gold directories or an archive.

A page's key is `GROUP/NAME` (GROUP is the directory name: `train`, `dev`, `ocr-train`, `gold`
for the seeds), so a directory and its archived copy give the same pages and the same digest.
"""

from __future__ import annotations

import hashlib
import io
import json
import lzma
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

from editor_app.model import normalise_newlines
from editor_app.model.layout import PageLayout

GOLD_SUFFIX = ".gold.json"
# A page read by OCR may carry its geometry (`PageLayout` as JSON) beside its raw text.
LAYOUT_SUFFIX = ".layout.json"
ARCHIVE_SUFFIXES = (".tar.xz", ".txz")
_DATE = re.compile(r"(?<![0-9])(20[0-9]{6})(?![0-9])")


class CorpusError(Exception):
    """Training data that cannot be read; the message names the file."""


@dataclass(frozen=True, slots=True)
class Page:
    key: str
    text_bytes: bytes
    gold_bytes: bytes
    layout_bytes: bytes = b""  # `NAME.layout.json`, when the page has geometry

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
    def layout(self) -> PageLayout | None:
        return PageLayout.from_json(self.layout_bytes) if self.layout_bytes else None

    @property
    def date(self) -> str:
        """The page's date from its name (the whole name when it carries none)."""
        found = _DATE.search(self.key)
        return found.group(1) if found else self.key


def load_pages(sources: list[str | Path]) -> list[Page]:
    """Pages of every directory or archive, sorted by key; duplicate keys are an error."""
    pages: dict[str, Page] = {}
    for source in sources:
        path = Path(source)
        found = read_archive(path) if is_archive(path) else read_directory(path)
        for page in found:
            if page.key in pages:
                raise CorpusError(f"{path}: page {page.key} given twice")
            pages[page.key] = page
    return [pages[key] for key in sorted(pages)]


def is_archive(path: Path) -> bool:
    return path.name.endswith(ARCHIVE_SUFFIXES)


def read_directory(root: Path) -> list[Page]:
    """Pairs NAME.gold.json with its raw file, beside it or in ../seeds."""
    if not root.is_dir():
        raise CorpusError(f"{root}: not a directory or a .tar.xz archive")
    pages = []
    for gold_path in sorted(root.glob(f"*{GOLD_SUFFIX}")):
        gold_bytes = gold_path.read_bytes()
        source = _source_name(gold_path, gold_bytes)
        for candidate in (root / source, root.parent / "seeds" / source):
            if candidate.is_file():
                layout = candidate.with_name(Path(source).stem + LAYOUT_SUFFIX)
                layout_bytes = layout.read_bytes() if layout.is_file() else b""
                key = f"{root.name}/{source}"
                pages.append(Page(key, candidate.read_bytes(), gold_bytes, layout_bytes))
                break
        else:
            raise CorpusError(f"{gold_path}: raw file {source} not found")
    if not pages:
        raise CorpusError(f"{root}: no *{GOLD_SUFFIX} files")
    return pages


def _source_name(gold_path: Path, gold_bytes: bytes) -> str:
    try:
        source = json.loads(gold_bytes.decode("utf-8")).get("source")
    except ValueError as error:
        raise CorpusError(f"{gold_path}: not valid JSON: {error}") from error
    return source or gold_path.name[: -len(GOLD_SUFFIX)]


def read_archive(path: Path) -> list[Page]:
    """Pages of an archive written by `write_archive`."""
    try:
        with tarfile.open(path, "r:xz") as archive:
            files = {
                m.name: archive.extractfile(m).read() for m in archive.getmembers() if m.isfile()
            }
    except (OSError, tarfile.TarError, lzma.LZMAError) as error:
        raise CorpusError(f"{path}: cannot read archive: {error}") from error
    pages = []
    for name, gold_bytes in sorted(files.items()):
        if not name.endswith(GOLD_SUFFIX):
            continue
        raw_name = name[: -len(GOLD_SUFFIX)] + ".txt"
        if raw_name not in files:
            raise CorpusError(f"{path}: {name} has no {raw_name}")
        layout = files.get(name[: -len(GOLD_SUFFIX)] + LAYOUT_SUFFIX, b"")
        pages.append(Page(raw_name, files[raw_name], gold_bytes, layout))
    return pages


def digest(pages: list[Page]) -> str:
    """sha256 naming the pages' keys and bytes, independent of where they were read from."""
    total = hashlib.sha256()
    for page in sorted(pages, key=lambda p: p.key):
        total.update(page.key.encode("utf-8") + b"\0")
        total.update(hashlib.sha256(page.text_bytes).digest())
        total.update(hashlib.sha256(page.gold_bytes).digest())
        if page.layout_bytes:  # pages without geometry keep the digest they had
            total.update(hashlib.sha256(page.layout_bytes).digest())
    return total.hexdigest()


def archive_bytes(pages: list[Page]) -> bytes:
    """A deterministic .tar.xz of the pages: sorted names, fixed times, owners and modes."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        members = []
        for page in pages:
            stem = page.key.removesuffix(".txt")
            members.append((stem + ".txt", page.text_bytes))
            members.append((stem + GOLD_SUFFIX, page.gold_bytes))
            if page.layout_bytes:
                members.append((stem + LAYOUT_SUFFIX, page.layout_bytes))
        for name, data in sorted(members):
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            archive.addfile(info, io.BytesIO(data))
    return lzma.compress(buffer.getvalue(), preset=9 | lzma.PRESET_EXTREME)


def write_archive(pages: list[Page], out: str | Path) -> int:
    """Write the archive; returns its size in bytes."""
    data = archive_bytes(pages)
    Path(out).write_bytes(data)
    return len(data)
