"""Fixtures and helpers of the export tests (no tests of its own).

The seed project under the stable segmenter: document 1's non-blank lines are the odd ones
from 3, four per article (title + three body lines): A = 3–9, B = 11–17, C = 19–25,
D = 27–33. The corrections below touch A to D and the end of document 2.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from editor_app.export import ExportOptions, export_project

DOC = 1
LEAD_EDIT = ("昨天下午,", "昨天下午，")  # line 7 of A
ADDED = "补记一句。"


@dataclass
class Corrected:
    project: object
    a: int
    b: int
    c: int
    d: int
    d_second: int
    raw_before: dict


def line_text(project, document_id: int, number: int) -> str:
    return project.documents.lines(document_id)[number - 1].text


@pytest.fixture
def corrected(project) -> Corrected:
    """The seed project after replace_text, set_field, set_role, set_status and split."""
    raw_before = {d: project.documents.raw_text(d) for d in project.documents.ids()}
    a, b, c, d = (row["id"] for row in project.articles.rows(DOC)[:4])
    text = project.articles.get(a).corrected_text
    assert LEAD_EDIT[0] in text
    text = text.replace(*LEAD_EDIT, 1)
    line9 = line_text(project, DOC, 9)
    text = text.replace(line9, line9 + "\n\n" + ADDED, 1)
    project.articles.replace_text(a, text)
    project.articles.set_role(DOC, 5, "byline")
    project.articles.set_field(b, "title", "改过的标题")
    project.articles.set_field(b, "reporters", "张三、李四")
    project.articles.set_field(b, "truncated", True)
    project.articles.set_status(b, "approved")
    project.articles.set_status(c, "reviewed")
    project.articles.set_role(DOC, 23, "subhead")
    d_second = project.articles.split(d, 31).value
    last = project.documents.lines(2)
    tail = [line.number for line in last if not line.is_blank][-2:]
    project.articles.mark_non_article(2, tail[0], tail[1], "boilerplate")
    return Corrected(project, a, b, c, d, d_second, raw_before)


def export_lines(project, tmp_path: Path, name: str = "out.jsonl", **options) -> list[dict]:
    out = tmp_path / name
    export_project(project, out, "jsonl", ExportOptions(**options))
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def by_id(lines: list[dict]) -> dict[int, dict]:
    return {line["id"]: line for line in lines}


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
