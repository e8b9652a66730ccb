"""`python -m editor_app cleanup` through a real subprocess."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

# The word list comes from jieba's dictionary; until jieba is a declared dependency a
# machine without it skips the tests that need words.
needs_words = pytest.mark.skipif(
    importlib.util.find_spec("jieba") is None, reason="jieba not installed"
)

REPO = Path(__file__).resolve().parents[1]
PAGE = (
    "旧厂房变身文化街区\n\n"
    "本报讯(记者 林晓)近日,城东一处旧厂房改造完成,成为市民休闲的新去处,街区里开设了书店、咖啡馆等特色活\n\n"
    "动场所。违纪入员受到处分。\n"
)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "cleanup", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def write(tmp_path: Path, name: str, text: str = PAGE) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@needs_words
def test_one_file_as_json(tmp_path):
    result = run(write(tmp_path, "page.txt"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == "page.txt"
    rules = {s["rule"] for s in data["suggestions"]}
    assert {"punctuation", "lookalike"} <= rules
    comma = next(s for s in data["suggestions"] if s["before"] == ",")
    assert comma["after"] == "，" and comma["line"] == 3 and comma["pattern"] == ",→，"
    for item in data["suggestions"]:
        assert {
            "rule",
            "line",
            "column",
            "before",
            "after",
            "reason",
            "confidence",
            "pattern",
        } <= set(item)


def test_several_files_give_one_json_object_per_line(tmp_path):
    first, second = write(tmp_path, "a.txt"), write(tmp_path, "b.txt", "第一段。\n")
    result = run(first, second, "--json", "--rule", "punctuation")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["a.txt", "b.txt"]
    assert {s["rule"] for s in json.loads(lines[0])["suggestions"]} == {"punctuation"}
    assert json.loads(lines[1])["suggestions"] == []


@needs_words
def test_readable_listing(tmp_path):
    result = run(write(tmp_path, "page.txt"), "--rule", "lookalike")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("page.txt: 1 suggestion(s)")
    assert "“入” → “人”" in result.stdout


def test_missing_file_fails_with_a_message(tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert "nope.txt" in result.stderr


def test_unknown_rule_is_bad_usage(tmp_path):
    result = run(write(tmp_path, "page.txt"), "--rule", "spelling")
    assert result.returncode == 2
