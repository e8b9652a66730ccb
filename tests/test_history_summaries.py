"""The history as an editor reads it, from the core and the `history` command alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor_app.storage import Project, import_paths, item_text
from tests.conftest import run_cli

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_0568ddfa57c73b20.txt"


@pytest.fixture
def desk_day(tmp_path):
    """A rule accepted in one step, one suggestion rejected, a title edited; then closed."""
    path = tmp_path / "day.qingyang"
    project = Project.create(path, editor="甲")
    import_paths(project, [SEED], workers=1)
    document_id = project.documents.ids()[0]
    accepted = project.suggestions.accept(rule="punctuation", document_id=document_id).value
    rejected = project.suggestions.find(rule="lookalike")[0]
    project.suggestions.reject([rejected.id])
    article = project.articles.of_document(document_id)[0]
    project.articles.set_field(article.id, "title", "新的标题")
    ops = project.history.entries(limit=3)
    summaries = project.history.summaries(ops)
    items = project.history.items(ops[2])
    project.close()
    return {
        "path": path,
        "ops": ops,
        "summaries": [summaries[op.id] for op in ops],
        "items": items,
        "accepted": accepted,
        "rejected": rejected,
        "old_title": article.title,
    }


def test_each_step_says_what_it_did_and_on_which_article(desk_day):
    title, reject, rule = desk_day["summaries"]  # newest first
    assert title.what == "修改字段"
    assert title.target == f"{SEED.name} › 《新的标题》"
    # the title first; its line in the text, corrected with it, is the second item
    assert title.detail == f"主题：{desk_day['old_title']} → 新的标题（共 2 项）"
    one = desk_day["rejected"]
    assert reject.what == "拒绝 1 条形近字建议"
    assert reject.target.startswith(f"{SEED.name} › 《") and "全部项目" not in reject.target
    assert f"〔{one.before}→{one.after}〕" in reject.detail
    count = desk_day["accepted"]
    assert rule.what == f"接受 {count} 条标点全角建议"
    assert [(g.rule, g.status, g.count) for g in rule.groups] == [
        ("punctuation", "accepted", count)
    ]
    assert rule.target.startswith(f"{SEED.name} › 《") and "篇文章" in rule.target
    suggestions = [i for i in desk_day["items"] if i.kind == "suggestion"]
    assert len(suggestions) == count and all(i.title for i in suggestions)
    assert all(item_text(i).startswith("标点全角：") for i in suggestions)


def test_the_history_command_gives_the_same_summaries(desk_day):
    done = run_cli("history", str(desk_day["path"]), "--json", "--limit", "3")
    listed = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(e["summary"], e["on"], e["detail"]) for e in listed] == [
        (s.what, s.target, s.detail) for s in desk_day["summaries"]
    ]
    assert [e["items"] for e in listed] == [s.item_count for s in desk_day["summaries"]]
    text = run_cli("history", str(desk_day["path"]), "--limit", "3", "--items").stdout
    lines = text.splitlines()
    first = desk_day["summaries"][0]
    assert lines[0].split(" · ")[2:] == [first.what, first.target, first.detail]
    assert sum(line.startswith(" " * 8) for line in lines) == sum(
        s.item_count for s in desk_day["summaries"]
    )


def test_a_status_kind_or_role_change_reads_by_name_not_by_stored_word(tmp_path):
    path = tmp_path / "names.qingyang"
    with Project.create(path, editor="甲") as project:
        import_paths(project, [SEED], workers=1)
        article = project.articles.of_document(1)[0]
        project.articles.set_status(article.id, "reviewed")
        project.articles.set_field(article.id, "kind", "commentary")
        project.articles.set_role(1, article.start_line, "body")
    lines = run_cli("history", str(path), "--limit", "3").stdout.splitlines()
    role, kind, status = (line.split(" · ")[-1] for line in lines)
    assert status == "状态：待审 → 已审"
    assert kind == "类型：消息 → 评论"
    assert role.startswith(f"第 {article.start_line} 行：主题 → 正文")
