"""What a user would compare our figures with: the bare tools on the same data."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path


def cat_mb_s(files: list[Path], raw_mb: float) -> float:
    started = time.perf_counter()
    with open("/dev/null", "wb") as sink:
        for path in files:
            sink.write(path.read_bytes())
    return raw_mb / (time.perf_counter() - started)


def sqlite_utils_insert_mb_s(files: list[Path], raw_mb: float, work: Path) -> float:
    """`sqlite-utils insert` of the raw files into one table."""
    records = work / "floor-records.jsonl"
    with open(records, "w", encoding="utf-8") as out:
        for path in files:
            out.write(
                json.dumps({"name": path.name, "text": path.read_text(encoding="utf-8")}) + "\n"
            )
    database = work / "floor.db"
    database.unlink(missing_ok=True)
    command = [
        str(Path(sys.executable).with_name("sqlite-utils")),
        "insert",
        str(database),
        "raw",
        str(records),
        "--nl",
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    records.unlink()
    return raw_mb / seconds


def lxml_parse_mb_s(files: list[Path], raw_mb: float) -> float:
    """lxml parsing the ALTO pages, in one process, per MB of the raw text they hold."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, huge_tree=True, collect_ids=False)
    started = time.perf_counter()
    for path in files:
        etree.fromstring(path.read_bytes(), parser)
    return raw_mb / (time.perf_counter() - started)


def grep_ms(folder: Path, needle: str) -> float:
    grep = shutil.which("grep") or "grep"
    started = time.perf_counter()
    subprocess.run([grep, "-r", "-F", "-c", needle, str(folder)], capture_output=True)
    return (time.perf_counter() - started) * 1000


def json_dumps_mb_s(records: list[dict], raw_mb: float, out: Path) -> float:
    started = time.perf_counter()
    with open(out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return raw_mb / (time.perf_counter() - started)
