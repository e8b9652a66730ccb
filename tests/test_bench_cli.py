"""`bench --json` gives every figure outside tools read, as numbers (values are not judged)."""

from __future__ import annotations

import json
import subprocess
import sys

KEYS = [
    "issues",
    "raw_mb",
    "import_mb_s",
    "import_peak_mb",
    "ocr_import_mb_s",
    "open_s",
    "window_s",
    "switch_article_ms",
    "switch_document_ms",
    "edit_ms_median",
    "edit_ms_p99",
    "undo_ms_median",
    "search_short_ms",
    "search_long_ms",
    "search_rare_ms",
    "export_jsonl_mb_s",
    "size_ratio",
    "longest_stall_ms",
    "one_line_import_s",
    "analysis_growth",
]
FLOORS = ("cat_mb_s", "sqlite_utils_insert_mb_s", "grep_ms", "json_dumps_mb_s", "alto_parse_mb_s")


def test_bench_json_has_every_figure(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "editor_app",
            "bench",
            "--issues",
            "4",
            "--json",
            "--work",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["issues"] == 4
    for key in KEYS:
        assert isinstance(result[key], (int, float)), (key, result.get(key), result)
    for key in FLOORS:
        assert isinstance(result["floors"][key], (int, float)), key
