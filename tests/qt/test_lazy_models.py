"""The document and article lists load in pages, never every row at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from editor_app.qt.models import article_list, document_list
from editor_app.qt.models.article_list import ArticleListModel
from editor_app.qt.models.document_list import DocumentListModel
from editor_app.storage import Project


class CountingDocuments:
    """A stand-in for `project.documents` with the two queries the document list uses,
    counting rows handed out."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.rows_read = 0

    def count(self) -> int:
        return self.total

    def rows(self, *, offset: int = 0, limit: int = -1) -> list[dict]:
        end = self.total if limit < 0 else min(self.total, offset + limit)
        rows = [
            {
                "id": n + 1,
                "file_name": f"p{n}.txt",
                "publication": "",
                "date": "",
                "page": "",
                "articles": 3,
                "reviewed": 1,
            }
            for n in range(offset, end)
        ]
        self.rows_read += len(rows)
        return rows


class CountingProject:
    def __init__(self, total: int) -> None:
        self.documents = CountingDocuments(total)


def test_document_list_reads_one_page_until_asked_for_more(qapp):
    project = CountingProject(total=document_list.PAGE_SIZE * 3 + 7)
    documents = project.documents
    model = DocumentListModel()
    model.set_project(project)
    assert model.rowCount() == document_list.PAGE_SIZE == documents.rows_read
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == documents.total == documents.rows_read
    assert model.data(model.index(documents.total - 1, 3)) == "1/3"


def test_article_list_shows_rows_a_page_at_a_time(qapp):
    rows = [
        {
            "id": n,
            "document_id": 1,
            "start_line": n,
            "end_line": n,
            "kind": "news",
            "kicker": "",
            "title": f"第{n}篇",
            "subtitle": "",
            "status": "proposed",
            "truncated": 0,
            "lost_text": 0,
            "confidence": 1.0,
            "reason": "",
        }
        for n in range(1, article_list.PAGE_SIZE + 31)
    ]
    model = ArticleListModel()
    model.set_rows(1, rows)
    assert model.rowCount() == article_list.PAGE_SIZE
    assert model.row_of(rows[-1]["id"]) == len(rows) - 1  # jumping to a late row fetches it
    assert model.rowCount() == len(rows)


@pytest.mark.parametrize("documents", [3])
def test_document_list_on_a_real_project(tmp_path, qapp, documents):
    from editor_app.storage import import_paths

    folder = tmp_path / "issues"
    folder.mkdir()
    for n in range(documents):
        (folder / f"issue-2020010{n + 1}-0{n + 1}.txt").write_text(
            f"\n第{n}期标题\n\n本报讯（记者 王{n}）正文第{n}段。\n", encoding="utf-8"
        )
    with Project.create(tmp_path / "lazy.qingyang", editor="t") as project:
        import_paths(project, [folder], workers=1)
        model = DocumentListModel()
        model.set_project(project)
        assert model.rowCount() == documents
        assert [model.data(model.index(r, 1)) for r in range(documents)] == [
            "2020-01-01",
            "2020-01-02",
            "2020-01-03",
        ]
