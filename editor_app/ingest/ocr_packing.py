"""How a project stores an OCR file and its line boxes: packed for the file, unpacked to read.

The file itself is kept compressed (zlib), a tenth of its size for ALTO; `unpack_source`
gives its bytes back as they were. A compressed file is told from a file kept as it is
(by a project of the first OCR imports) by its first byte: zlib's is 0x78 ('x'), while an
OCR file starts with '<', white space or a byte order mark.

Apart from the readers, so that opening a project's geometry loads no XML parser.
"""

from __future__ import annotations

import zlib

import orjson

# Level 1 packs ALTO to 12 % at 160 MB/s, a tenth of the parse's time; level 6 to 9 %
# at 50 MB/s, as long as the parse itself.
COMPRESSION_LEVEL = 1


def pack_source(data: bytes) -> bytes:
    return zlib.compress(data, COMPRESSION_LEVEL)


def unpack_source(stored: bytes) -> bytes:
    """The OCR file's bytes from their stored form, compressed or not."""
    return zlib.decompress(stored) if stored[:1] == b"x" else bytes(stored)


def pack_line_boxes(line_boxes) -> str:
    """Per raw line, its paragraph's line boxes flattened: `[[x0, y0, x1, y1, x0, …], [], …]`."""
    return orjson.dumps([[v for box in boxes for v in box] for boxes in line_boxes]).decode()


def unpack_line_boxes(packed: str) -> list[list[tuple[int, int, int, int]]]:
    return [
        [tuple(flat[i : i + 4]) for i in range(0, len(flat), 4)] for flat in orjson.loads(packed)
    ]
