"""A page rendered here and read by tesseract: its hOCR and ALTO import as the same project.

Skipped where tesseract or its chi_sim data is missing (.ci/run installs both).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from editor_app.storage import Project, import_paths
from tests.ocr.render_page import render


def _tesseract_with_chinese() -> bool:
    if shutil.which("tesseract") is None:
        return False
    listed = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, check=False
    )
    return "chi_sim" in listed.stdout.split()


pytestmark = pytest.mark.skipif(
    not _tesseract_with_chinese(), reason="tesseract with chi_sim is not installed"
)


def _project_of(tmp_path, source) -> tuple[str, list]:
    with Project.create(tmp_path / f"{source.name}.qingyang", editor="tester") as project:
        report = import_paths(project, [source], workers=1)
        assert len(report.imported) == 1, report.skipped
        articles = [(a.start_line, a.end_line, a.title) for a in project.exports.articles(1)]
        return project.documents.raw_text(1), articles


def test_tesseract_hocr_and_alto_of_a_rendered_page_import_alike(tmp_path):
    image = tmp_path / "page.png"
    render(str(image))
    subprocess.run(
        ["tesseract", str(image), str(tmp_path / "page"), "-l", "chi_sim", "hocr", "alto"],
        capture_output=True,
        check=True,
    )
    hocr = _project_of(tmp_path, tmp_path / "page.hocr")
    alto = _project_of(tmp_path, tmp_path / "page.xml")
    assert hocr == alto
    raw, articles = hocr
    assert raw.count("\n\n") >= 1 and "公园" in raw
    assert articles
