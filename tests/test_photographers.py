"""Photographers (摄影): read from photo credits, stored, edited, exported, searched, undone.

And the field registry (model/fields.py) agrees with what a project file holds and with
what the JSONL import and the TEI schema accept.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from lxml import etree
from sqlite_utils import Database

from editor_app.export import ExportOptions, export_project
from editor_app.export.records import ExportArticle
from editor_app.ingest.jsonl_schema import ArticleRecord, Flags
from editor_app.model import fields
from editor_app.model.article import Article
from editor_app.segmentation import segment, segment_by_rules
from editor_app.segmentation.bylines import photo_credit
from editor_app.segmentation.datelines import dateline_photographers
from editor_app.storage import Project, import_paths
from editor_app.storage.schema import APPLICATION_ID, MIGRATION_NAMES, migrations

ROOT = Path(__file__).resolve().parents[1]
PAGE = """春到梅花谷

　　本报宁波2月25日电（记者 王五）2月24日，浙江省宁波市奉化区溪口镇新建村“梅花谷”的千余株梅花竞相开放，“染红”了附近的山头，引得游客纷至沓来。

　　当地依托梅花资源发展乡村旅游，带动村民增收致富。今年以来，村里举办了摄影展和婚纱摄影活动。

　　刘振清  张  敏摄影报道（影像中国）
"""
CREDITED = ["刘振清", "张敏"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("刘振清  张  敏摄影报道（影像中国）", ("刘振清", "张敏")),
        ("本报记者  贺  勇摄", ("贺勇",)),
        ("郑家裕摄(人民视觉)", ("郑家裕",)),
        ("图为沙漠美景。新华社记者赵戈摄", ("赵戈",)),
        ("游客在梅林中赏花（见上图，新华社记者刘颖 摄）", ("刘颖",)),
        ("王鸿义 摄影", ("王鸿义",)),
        ("本报记者 谷业凯 陈晓航摄影报道", ("谷业凯", "陈晓航")),
        ("罗马尼亚举办摄影展庆祝新中国成立", ()),
        ("不时有电影、电视剧、婚纱摄影", ()),
        ("文学、戏剧、书法、摄影", ()),
        ("（2月6日摄）", ()),
        ("（无人机拍摄）", ()),
        ("本版摄影：史家民  版式设计：蔡华伟", ()),
    ],
)
def test_a_photo_credit_names_its_photographers_and_nothing_else_does(line, names):
    assert photo_credit(line) == names


def test_a_dateline_can_credit_a_photo_report():
    assert dateline_photographers("本报讯（记者 张三摄影报道）今天上午，") == ("张三",)
    assert dateline_photographers("本报讯（记者 张三）今天上午，") == ()


def test_both_segmenters_credit_the_photographers_and_change_nothing_else():
    for propose in (segment, segment_by_rules):
        (story,) = propose(PAGE).segments
        assert (story.start, story.end, story.reporters) == (1, 7, ["王五"])
        assert story.photographers == CREDITED


@pytest.fixture
def project(tmp_path):
    page = tmp_path / "rmrb-20190226-06.txt"
    page.write_text(PAGE, encoding="utf-8")
    opened = Project.create(tmp_path / "photos.qingyang", editor="甲")
    import_paths(opened, [page], workers=1)
    yield opened
    opened.close()


def exported(project, tmp_path: Path, format: str):
    out = tmp_path / f"out.{format}"
    export_project(project, out, format, ExportOptions())
    if format == "txt":
        return "".join(p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.txt")))
    return out.read_text(encoding="utf-8-sig")


def test_photographers_go_from_a_page_to_every_export_and_back_by_undo(project, tmp_path):
    (article_id,) = project.documents.ids()  # one document, one story
    assert project.articles.get(article_id).photographers == CREDITED
    as_the_form_sends = "刘振清 张敏、欧阳晓光"
    project.articles.set_field(article_id, "photographers", as_the_form_sends)
    named = [*CREDITED, "欧阳晓光"]
    assert project.articles.get(article_id).photographers == named

    (line,) = exported(project, tmp_path, "jsonl").splitlines()
    assert json.loads(line)["photographers"] == named
    (row,) = csv.DictReader(io.StringIO(exported(project, tmp_path, "csv")))
    assert row["photographers"] == "刘振清、张敏、欧阳晓光"
    assert "记者 王五\n摄影 刘振清、张敏、欧阳晓光\n" in exported(project, tmp_path, "txt")
    tei = etree.fromstring(exported(project, tmp_path, "tei").encode())
    authors = tei.iterfind(".//{http://www.tei-c.org/ns/1.0}author")
    assert [(a.get("role"), a.text) for a in authors][1:] == [("photographer", n) for n in named]

    hits = project.search.find("欧阳晓光")
    assert [(h.article_id, h.field) for h in hits] == [(article_id, "photographers")]
    project.undo.undo()
    assert project.articles.get(article_id).photographers == CREDITED
    assert project.search.find("欧阳晓光") == []
    assert project.checks.problems() == []


def test_a_name_replaced_by_search_is_still_a_list(project):
    (article_id,) = project.documents.ids()
    hits = project.search.replace_preview("张敏", "张 敏 李四")
    project.search.apply_replace([h for h in hits if h.field == "photographers"])
    assert project.articles.get(article_id).photographers == ["刘振清", "张", "敏", "李四"]


def test_the_registry_and_a_fresh_project_have_the_same_columns(project):
    present = [row[1] for row in project.db.execute("PRAGMA table_info(articles)")]
    assert sorted(present) == sorted((*fields.SPAN_COLUMNS, *fields.COLUMNS))
    assert set(fields.SPAN_COLUMNS).isdisjoint(fields.COLUMNS)


def test_the_model_and_the_export_hold_every_field():
    article = set(Article.__dataclass_fields__)
    stored_as_text = {"corrected_text"}  # the Article holds the text itself, as `text`
    assert article == {*fields.SPAN_COLUMNS, *fields.COLUMNS, "text"} - stored_as_text
    assert set(fields.names_of(fields.EXPORTED)) <= set(ExportArticle.__dataclass_fields__)


def test_the_jsonl_import_reads_every_key_the_export_writes():
    keys = {f.jsonl for f in fields.FIELDS if f.jsonl}
    top = {key for key in keys if "." not in key}
    assert top <= set(ArticleRecord.__struct_fields__)
    assert {key.split(".")[1] for key in keys - top} == set(Flags.__struct_fields__)


def test_the_tei_schema_allows_every_author_role():
    schema = (ROOT / "resources" / "tei" / "qingyang-tei.rng").read_text(encoding="utf-8")
    author = schema[schema.index('<element name="author">') :]
    allowed = re.findall(r"<value>(\w+)</value>", author[: author.index("</element>")])
    assert allowed == [f.tei[1] for f in fields.FIELDS if f.tei and f.tei[0] == "author"]


def test_a_file_from_before_photographers_is_upgraded_and_searched_as_before(tmp_path):
    path = tmp_path / "old.qingyang"
    version = MIGRATION_NAMES.index("0008_photographers")
    db = Database(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db, stop_before=MIGRATION_NAMES[version])
    db.execute(f"PRAGMA user_version = {version}")
    db["documents"].insert({"id": 1, "file_name": "old.txt", "sha256": "a", "raw_text": PAGE})
    db["articles"].insert(
        {"id": 1, "document_id": 1, "start_line": 1, "end_line": 7, "start_offset": 0}
        | {"end_offset": len(PAGE) - 1, "title": "春到梅花谷", "reporters": '["王五"]'}
    )
    db.close()
    with Project.open(path, editor="乙") as project:
        assert project.schema_version == len(MIGRATION_NAMES)  # every later migration ran too
        assert project.articles.get(1).photographers == []  # proposed for pages imported later
        assert [h.field for h in project.search.find("王五")] == ["reporters", "text"]
        project.articles.set_field(1, "photographers", ["刘振清"])
        assert [h.field for h in project.search.find("刘振清")] == ["photographers", "text"]
        problems = project.checks.problems()
        assert not [p for p in problems if "schema" in p or "search index" in p]
