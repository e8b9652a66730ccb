"""`python -m editor_app segment` and `evaluate` through a real subprocess."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGE = (
    "旧厂房变身文化街区\n\n本报讯(记者 林晓)近日，城东一处旧厂房改造完成，成为市民休闲新去处。\n\n"
    "新能源公交线路开通\n\n本报讯（记者 周末 通讯员 孙可）昨天，本市首条新能源公交线路开通。\n\n"
    "责编:赵一\n"
)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_segment_one_file_pretty_json(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    result = run("segment", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == "page.txt"
    assert [a["start"] for a in data["articles"]] == [1, 5]
    second = data["articles"][1]
    assert second["reporters"] == ["周末"] and second["correspondents"] == ["孙可"]
    assert second["dateline"] == "本报讯" and second["roles"] == {"5": "title"}
    assert 0 < second["confidence"] <= 1 and second["reason"]
    assert data["non_articles"][0]["kind"] == "boilerplate"


def test_segment_several_files_gives_json_lines(tmp_path):
    paths = []
    for name in ("a.txt", "b.txt"):
        path = tmp_path / name
        path.write_text(PAGE, encoding="utf-8")
        paths.append(str(path))
    result = run("segment", *paths, "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["source"] for row in rows] == ["a.txt", "b.txt"]


def test_segment_outline_without_json(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    result = run("segment", str(path))
    assert result.returncode == 0
    assert "新能源公交线路开通" in result.stdout


def test_segment_missing_file_fails_naming_it(tmp_path):
    missing = tmp_path / "nope.txt"
    result = run("segment", str(missing))
    assert result.returncode == 1
    assert "nope.txt" in result.stderr


def test_segment_without_files_is_bad_usage():
    assert run("segment").returncode == 2


def test_evaluate_directory(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    gold = {
        "source": "page.txt",
        "articles": [
            {
                "kind": "news",
                "start": 1,
                "end": 3,
                "title": "旧厂房变身文化街区",
                "reporters": ["林晓"],
                "roles": {"1": "title"},
            },
            {
                "kind": "news",
                "start": 5,
                "end": 7,
                "title": "新能源公交线路开通",
                "reporters": ["周末"],
                "roles": {"5": "title"},
            },
        ],
        "non_articles": [{"kind": "boilerplate", "start": 9, "end": 9}],
    }
    (tmp_path / "page.gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    result = run("evaluate", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["overall"]["boundary_f1"] == 1.0
    assert report["overall"]["title_acc"] == 1.0
    assert str(tmp_path) in report["directories"]
    table = run("evaluate", str(tmp_path))
    assert "boundary_f1" in table.stdout


def test_evaluate_not_a_directory(tmp_path):
    result = run("evaluate", str(tmp_path / "missing"))
    assert result.returncode == 1
    assert "missing" in result.stderr
