"""Generate an archive of varied issues from the sample pages, deterministically.

Articles of the seed pages are shuffled between issues, their paragraphs shuffled
within each article's body, and digits and some characters varied, so that every
generated issue is different and nothing is deduplicated away.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from editor_app.model import LineIndex
from editor_app.segmentation import segment

# Common surname characters to vary names with (any Chinese character would do).
_VARIANTS = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"


@dataclass(slots=True)
class Piece:
    """A segment of a seed page as blocks of text (one block per non-empty line)."""

    blocks: list[str]
    is_article: bool
    heading_count: int


def seed_pieces(seed_dir: Path) -> list[Piece]:
    pieces = []
    for path in sorted(Path(seed_dir).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = LineIndex(text)
        for seg in segment(text).segments:
            blocks = [
                lines[n - 1].text
                for n in range(seg.start, seg.end + 1)
                if not lines[n - 1].is_blank
            ]
            head = sum(1 for n in seg.roles if n < seg.start + 4)
            pieces.append(Piece(blocks, seg.is_article, max(head, 1)))
    return pieces


def _vary(text: str, rng: random.Random) -> str:
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch.isdigit() and rng.random() < 0.5:
            chars[i] = str(rng.randrange(10))
        elif ch in _VARIANTS and rng.random() < 0.3:
            chars[i] = rng.choice(_VARIANTS)
    return "".join(chars)


def _article_blocks(piece: Piece, rng: random.Random) -> list[str]:
    head, body = piece.blocks[: piece.heading_count + 1], piece.blocks[piece.heading_count + 1 :]
    if len(body) > 2:
        tail = body[1:]
        rng.shuffle(tail)
        body = body[:1] + tail
    return [_vary(block, rng) for block in head + body]


def generate_issue(pieces: list[Piece], rng: random.Random, target_chars: int) -> str:
    articles = [p for p in pieces if p.is_article]
    others = [p for p in pieces if not p.is_article]
    blocks: list[str] = []
    while sum(len(b) for b in blocks) < target_chars:
        blocks += _article_blocks(rng.choice(articles), rng)
    if others:
        blocks += rng.choice(others).blocks
    return "\n\n" + "\n\n".join(blocks) + "\n"


def generate_archive(
    seed_dir: Path, out_dir: Path, issues: int, *, seed: int = 2023, target_chars: int = 9000
) -> list[Path]:
    """Write `issues` files named like `daily-YYYYMMDD-01.txt`; same seed, same files."""
    rng = random.Random(seed)
    pieces = seed_pieces(seed_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    first_day = date(2013, 1, 1)
    paths = []
    for number in range(issues):
        day = first_day + timedelta(days=number)
        path = out_dir / f"daily-{day:%Y%m%d}-01.txt"
        path.write_text(generate_issue(pieces, rng, target_chars), encoding="utf-8")
        paths.append(path)
    return paths
