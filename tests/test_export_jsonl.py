"""JSONL export of a corrected project: one article per line, the corrections in it."""

from __future__ import annotations

import json

from editor_app.export import export_project
from tests import test_export_support
from tests.test_export_support import ADDED, DOC, LEAD_EDIT, by_id, export_lines

corrected = test_export_support.corrected  # the shared fixture


def test_one_line_per_article_in_document_and_line_order(corrected, tmp_path):
    project = corrected.project
    lines = export_lines(project, tmp_path)
    expected = [
        a.id
        for d in project.documents.ids()
        for a in project.articles.of_document(d)
        if a.is_article
    ]
    assert [line["id"] for line in lines] == expected
    for document_id in project.documents.ids():
        orders = [line["order"] for line in lines if line["document"]["id"] == document_id]
        assert orders == list(range(1, len(orders) + 1))


def test_corrections_are_in_the_export_and_the_raw_text_is_not_altered(corrected, tmp_path):
    project = corrected.project
    lines = by_id(export_lines(project, tmp_path))
    a = lines[corrected.a]
    assert LEAD_EDIT[1] in a["text"] and LEAD_EDIT[0] not in a["text"]
    assert a["paragraphs"][-1]["text"] == ADDED
    assert a["status"] == "edited"
    b = lines[corrected.b]
    assert (b["title"], b["reporters"], b["status"]) == ("改过的标题", ["张三", "李四"], "approved")
    assert b["flags"] == {"truncated": True, "lost_text": False}
    assert lines[corrected.c]["status"] == "reviewed"
    assert corrected.d_second in lines
    assert {
        d: project.documents.raw_text(d) for d in project.documents.ids()
    } == corrected.raw_before
    assert a["provenance"]["raw_text"] == project.documents.raw_span(
        project.articles.get(corrected.a)
    )


def test_headings_and_bylines_are_metadata_not_paragraphs(corrected, tmp_path):
    project = corrected.project
    a = by_id(export_lines(project, tmp_path))[corrected.a]
    lines = project.documents.lines(DOC)
    title, byline = lines[2].text.strip(), lines[4].text.strip()
    assert a["title"] == title
    texts = [p["text"] for p in a["paragraphs"]]
    assert title not in texts and byline not in texts
    assert a["text"] == "\n".join(texts)
    assert all(p["role"] in ("body", "subhead") for p in a["paragraphs"])


def test_subheads_are_paragraphs_marked_as_such(corrected, tmp_path):
    c = by_id(export_lines(corrected.project, tmp_path))[corrected.c]
    assert [p["line"] for p in c["paragraphs"] if p["role"] == "subhead"] == [23]


def test_paragraphs_are_stripped_of_indentation(fresh_project, tmp_path, stable_segmenter):
    from editor_app.storage import import_paths

    source = tmp_path / "indent.txt"
    source.write_text("标题\n\n\u3000\u3000第一段。 \n\n  第二段。\n", encoding="utf-8")
    import_paths(fresh_project, [source], workers=1)
    (line,) = export_lines(fresh_project, tmp_path)
    assert [p["text"] for p in line["paragraphs"]] == ["第一段。", "第二段。"]
    raw = fresh_project.documents.raw_text(1)
    assert [raw[p["raw_start"] : p["raw_end"]] for p in line["paragraphs"]] == [
        "第一段。",
        "第二段。",
    ]


def test_editors_and_last_change_come_from_the_log(corrected, tmp_path):
    project = corrected.project
    lines = by_id(export_lines(project, tmp_path))
    b = lines[corrected.b]
    assert b["editors"] == ["tester"]
    last = max(
        op.time for op in project.undo.operations(limit=1000) if op.article_id == corrected.b
    )
    assert b["last_changed"] == last
    untouched = [line for line in lines.values() if line["document"]["id"] == 2][0]
    assert (untouched["editors"], untouched["last_changed"]) == ([], None)


def test_an_undone_edit_leaves_its_editor_out(corrected, tmp_path):
    project = corrected.project
    project.editor = "second"
    project.articles.set_field(corrected.c, "note", "看一下")
    project.undo.undo()
    c = by_id(export_lines(project, tmp_path))[corrected.c]
    assert c["editors"] == ["tester"]
    assert c["note"] == ""
    assert (
        c["last_changed"]
        > by_id(export_lines(project, tmp_path, "b.jsonl"))[corrected.b]["last_changed"]
    )


def test_document_metadata_and_project_id(corrected, tmp_path):
    project = corrected.project
    line = export_lines(project, tmp_path)[0]
    document = project.documents.get(DOC)
    assert line["document"]["sha256"] == document.sha256
    assert line["document"]["file_name"] == document.file_name
    assert line["document"]["publication"] == "通州时讯"
    assert line["document"]["raw_length"] == len(document.text)
    assert line["project"] == project.project_id
    assert line["schema"].startswith("qingyang-article/")


def test_keys_are_sorted_and_text_is_not_escaped(corrected, tmp_path):
    out = tmp_path / "out.jsonl"
    export_project(corrected.project, out, "jsonl")
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert "\\u" not in first
    data = json.loads(first)
    assert list(data) == sorted(data)


def test_non_articles_only_on_request(corrected, tmp_path):
    project = corrected.project
    plain = export_lines(project, tmp_path)
    assert all(line["kind"] not in ("boilerplate", "noise") for line in plain)
    full = export_lines(project, tmp_path, "all.jsonl", include_non_articles=True)
    (boiler,) = [line for line in full if line["kind"] == "boilerplate"]
    assert boiler["paragraphs"] and {p["role"] for p in boiler["paragraphs"]} == {"boilerplate"}
    assert len(full) == len(plain) + 1


def test_status_filter(corrected, tmp_path):
    project = corrected.project
    approved = export_lines(project, tmp_path, statuses=frozenset({"approved"}))
    assert [line["id"] for line in approved] == [corrected.b]
    done = export_lines(project, tmp_path, "r.jsonl", statuses=frozenset({"reviewed", "approved"}))
    assert sorted(line["id"] for line in done) == sorted([corrected.b, corrected.c])
    assert [line["order"] for line in done] == [1, 2]


def test_document_filter(corrected, tmp_path):
    lines = export_lines(corrected.project, tmp_path, document_ids=(2,))
    assert lines and {line["document"]["id"] for line in lines} == {2}


def test_progress_is_reported_per_document(corrected, tmp_path):
    calls = []
    export_project(
        corrected.project,
        tmp_path / "out.jsonl",
        "jsonl",
        progress=lambda done, total, name: calls.append((done, total, name)),
    )
    names = [d.file_name for d in map(corrected.project.documents.get, (1, 2))]
    assert calls == [(1, 2, names[0]), (2, 2, names[1])]
