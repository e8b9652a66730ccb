"""A new article field is one registry entry plus its migration.

A program registers a text field, 图片说明 (photo caption), and a migration that adds its
column, before it imports the rest of editor_app; the model, the exports, the JSONL
import, the form and the project file then carry it with no other change. It runs in a
fresh interpreter: the registry is read once, as the modules are imported.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CAPTION = "梅花谷游人如织"
PAGE = """春到梅花谷

　　本报宁波2月25日电（记者 王五）2月24日，浙江省宁波市奉化区溪口镇新建村“梅花谷”的千余株梅花竞相开放。

　　当地依托梅花资源发展乡村旅游，带动村民增收致富。
"""

EXTENSION = """
import json
import sys
from pathlib import Path

from editor_app.model import fields

fields.register(
    fields.Field(
        "photo_caption",
        fields.TEXT,
        "图片说明",
        "Photo caption",
        editable=True,
        shown=True,
        searched=True,
        jsonl="photo_caption",
        csv="photo_caption",
        optional_in_jsonl=True,
    )
)

from editor_app.storage import schema


@schema.migration("0009_photo_caption")
def photo_caption(db):
    schema.add_article_field(db, "photo_caption")


from PySide6.QtWidgets import QApplication

from editor_app.export import ExportOptions, export_project
from editor_app.export.records import ExportArticle
from editor_app.ingest.jsonl_schema import ArticleRecord
from editor_app.model import Article
from editor_app.qt.i18n import install_language
from editor_app.qt.widgets.article_form import ArticleForm
from editor_app.storage import Project, import_jsonl, import_paths

folder, caption = Path(sys.argv[1]), sys.argv[2]
app = QApplication([])
install_language("zh_CN")
seen = {
    "article": list(Article.__dataclass_fields__),
    "export_article": list(ExportArticle.__dataclass_fields__),
    "record": list(ArticleRecord.__struct_fields__),
    "form": ArticleForm().field_names(),
    "columns": list(fields.COLUMNS),
}
with Project.create(folder / "captions.qingyang", editor="甲") as project:
    import_paths(project, [folder / "rmrb-20190226-06.txt"], workers=1)
    (article_id,) = [row["id"] for row in project.articles.rows(1)]
    seen["imported"] = project.articles.get(article_id).photo_caption
    project.articles.set_field(article_id, "photo_caption", caption)
    seen["edited"] = project.articles.get(article_id).photo_caption
    seen["table"] = [row[1] for row in project.db.execute("PRAGMA table_info(articles)")]
    seen["found"] = [hit.field for hit in project.search.find(caption[-4:])]
    seen["problems"] = project.checks.problems()
    for format in ("jsonl", "csv"):
        export_project(project, folder / f"out.{format}", format, ExportOptions())
with Project.create(folder / "rebuilt.qingyang", editor="乙") as rebuilt:
    import_jsonl(rebuilt, folder / "out.jsonl")
    (article,) = rebuilt.articles.of_document(1)
    seen["rebuilt"] = article.photo_caption
print(json.dumps(seen, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def extended(tmp_path_factory) -> tuple[dict, Path]:
    """What the extended program saw, and the folder of its project and exports."""
    folder = tmp_path_factory.mktemp("extended")
    (folder / "rmrb-20190226-06.txt").write_text(PAGE, encoding="utf-8")
    env = os.environ | {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", EXTENSION, str(folder), CAPTION],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1]), folder


def test_every_class_and_list_of_fields_has_the_new_one(extended):
    seen, _ = extended
    for place in ("article", "export_article", "record", "columns"):
        assert "photo_caption" in seen[place], place
    assert seen["form"]["photo_caption"] == "图片说明"
    assert seen["table"][-1] == "photo_caption"


def test_the_new_field_is_stored_edited_searched_and_exported(extended):
    seen, folder = extended
    assert seen["imported"] == ""  # the segmenter does not propose it
    assert seen["edited"] == CAPTION
    assert seen["found"] == ["photo_caption"]
    assert seen["problems"] == []
    (line,) = (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["photo_caption"] == CAPTION
    (row,) = csv.DictReader(io.StringIO((folder / "out.csv").read_text(encoding="utf-8-sig")))
    assert row["photo_caption"] == CAPTION
    assert seen["rebuilt"] == CAPTION  # the JSONL import reads it back


def test_a_field_cannot_be_registered_once_the_classes_are_made():
    from editor_app.model import Article, fields

    assert "photo_caption" not in Article.__dataclass_fields__  # this interpreter's registry
    with pytest.raises(RuntimeError, match="register fields before"):
        fields.register(fields.Field("photo_caption", fields.TEXT, "图片说明", "Photo caption"))
