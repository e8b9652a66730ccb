"""A moved page image pointed to again: its path and sha256 recorded as one undoable step,
from the project's documents service and from `relocate-image` on the command line."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from editor_app.storage import OperationError, Project, import_paths
from tests.conftest import run_cli
from tests.ocr.pages import IMAGE, TESSERACT


def imported_without_image(tmp_path: Path) -> Path:
    """A project of the ALTO page whose image was never beside it."""
    folder = tmp_path / "ocr"
    folder.mkdir()
    shutil.copy(TESSERACT["alto"], folder)
    path = tmp_path / "page.qingyang"
    with Project.create(path, editor="tester") as project:
        import_paths(project, [folder], workers=1)
    return path


def moved_image(tmp_path: Path) -> Path:
    folder = tmp_path / "scans"
    folder.mkdir()
    return Path(shutil.copy(IMAGE, folder / "page-1.png"))


def test_relocating_records_the_path_and_sha256_and_undoes(tmp_path):
    path, image = imported_without_image(tmp_path), moved_image(tmp_path)
    with Project.open(path) as project:
        assert not project.documents.geometry(1).image_found
        result = project.documents.relocate_image(1, str(image))
        assert result.change.documents == {1} and "document_sources" in result.change.tables
    with Project.open(path) as project:
        geometry = project.documents.geometry(1)
        assert geometry.image_found
        assert Path(geometry.image_file).resolve() == image.resolve()
        assert geometry.image_sha256 == hashlib.sha256(IMAGE.read_bytes()).hexdigest()
        assert project.undo.undo_label() == "重新指定页面图像"
        project.undo.undo()
        assert not project.documents.geometry(1).image_found
        assert project.documents.geometry(1).image_path == "two-columns.png"


def test_an_image_beside_the_ocr_file_is_named_from_its_folder(tmp_path):
    path = imported_without_image(tmp_path)
    image = Path(shutil.copy(IMAGE, tmp_path / "ocr" / "scan.png"))
    with Project.open(path) as project:
        project.documents.relocate_image(1, str(image))
        assert project.documents.page(1)["image"] == "scan.png"


def test_what_is_no_image_and_a_text_document_are_refused(tmp_path, project_file):
    path = imported_without_image(tmp_path)
    not_an_image = tmp_path / "notes.png"
    not_an_image.write_text("这不是图像", encoding="utf-8")
    with Project.open(path) as project:
        with pytest.raises(OperationError, match="not a PNG, JPEG or TIFF"):
            project.documents.relocate_image(1, str(not_an_image))
        with pytest.raises(OperationError, match="cannot read"):
            project.documents.relocate_image(1, str(tmp_path / "gone.png"))
        assert project.undo.undo_label() is None
    with (
        Project.open(project_file) as project,
        pytest.raises(OperationError, match="no OCR page image"),
    ):
        project.documents.relocate_image(1, str(IMAGE))


def test_relocate_image_on_the_command_line(tmp_path):
    path, image = imported_without_image(tmp_path), moved_image(tmp_path)
    done = run_cli("relocate-image", path, "--document", "1", image)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("重新指定页面图像: document 1 → ")
    with Project.open(path, read_only=True) as project:
        assert project.documents.geometry(1).image_found
    again = run_cli("relocate-image", path, "--document", "1", image)
    assert again.returncode == 0 and again.stdout.startswith("nothing changed")
    refused = run_cli("relocate-image", path, "--document", "1", tmp_path / "ocr")
    assert refused.returncode == 1 and "cannot read" in refused.stderr
    assert run_cli("undo", path).returncode == 0
    with Project.open(path, read_only=True) as project:
        assert not project.documents.geometry(1).image_found
