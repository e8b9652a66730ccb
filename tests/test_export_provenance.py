"""Provenance: every exported character can be traced back to its raw offset."""

from __future__ import annotations

from pathlib import Path

from editor_app.model.alignment import RunMap, compose, diff_runs
from tests import test_export_support
from tests.test_export_support import ADDED, DOC, LEAD_EDIT, by_id, export_lines

corrected = test_export_support.corrected  # the shared fixture
REPO = Path(__file__).resolve().parent.parent


def covered(alignment) -> set[int]:
    return {t + i for t, _r, n in alignment for i in range(n)}


def test_every_run_points_at_the_same_raw_characters(corrected, tmp_path):
    project = corrected.project
    raws = {d: project.documents.raw_text(d) for d in project.documents.ids()}
    for line in export_lines(project, tmp_path, include_non_articles=True):
        raw, text = raws[line["document"]["id"]], line["text"]
        for t, r, n in line["provenance"]["alignment"]:
            assert text[t : t + n] == raw[r : r + n]


def test_unedited_paragraphs_are_their_raw_offsets(corrected, tmp_path):
    project = corrected.project
    raws = {d: project.documents.raw_text(d) for d in project.documents.ids()}
    unedited = [
        line
        for line in export_lines(project, tmp_path)
        if line["provenance"]["corrected_text"] is None
    ]
    assert len(unedited) > 10
    for line in unedited:
        raw = raws[line["document"]["id"]]
        for paragraph in line["paragraphs"]:
            assert raw[paragraph["raw_start"] : paragraph["raw_end"]] == paragraph["text"]
            lines = project.documents.lines(line["document"]["id"])
            assert paragraph["text"] in lines[paragraph["line"] - 1].text
        # Unedited text is covered by runs, all but the newlines that join paragraphs.
        assert len(covered(line["provenance"]["alignment"])) == len(line["text"]) - max(
            len(line["paragraphs"]) - 1, 0
        )


def test_edited_characters_have_no_run_and_the_rest_map_exactly(corrected, tmp_path):
    project = corrected.project
    a = by_id(export_lines(project, tmp_path))[corrected.a]
    text, runs = a["text"], a["provenance"]["alignment"]
    missing = sorted(set(range(len(text))) - covered(runs))
    unmapped = "".join(text[i] for i in missing if text[i] != "\n")
    assert unmapped == LEAD_EDIT[1][-1] + ADDED


def test_edited_paragraphs_find_their_raw_lines(corrected, tmp_path):
    project = corrected.project
    a = by_id(export_lines(project, tmp_path))[corrected.a]
    raw = project.documents.raw_text(DOC)
    lead = a["paragraphs"][0]
    assert lead["line"] == 7 and LEAD_EDIT[1] in lead["text"]
    assert raw[lead["raw_start"] : lead["raw_end"]] == project.documents.lines(DOC)[6].text.strip()
    added = a["paragraphs"][-1]
    assert added["text"] == ADDED
    assert added["line"] == 9 and added["raw_start"] == added["raw_end"]


def test_provenance_carries_the_span_and_roles(corrected, tmp_path):
    project = corrected.project
    for line in export_lines(project, tmp_path):
        span = line["provenance"]
        article = project.articles.get(line["id"])
        assert (span["raw_start"], span["raw_end"]) == (article.start_offset, article.end_offset)
        assert (span["start_line"], span["end_line"]) == (article.start_line, article.end_line)
        roles = project.documents.line_roles(article.document_id)
        assert dict(span["line_roles"]) == {
            n: r for n, r in roles.items() if article.start_line <= n <= article.end_line
        }
        expected = None if article.corrected_text == span["raw_text"] else article.corrected_text
        assert span["corrected_text"] == expected


def test_split_halves_keep_their_own_offsets(corrected, tmp_path):
    project = corrected.project
    lines = by_id(export_lines(project, tmp_path))
    first, second = lines[corrected.d], lines[corrected.d_second]
    assert first["provenance"]["raw_end"] < second["provenance"]["raw_start"]
    assert second["paragraphs"][0]["line"] == 31


# -- the alignment helpers ----------------------------------------------------------------


def test_diff_runs_and_mapping():
    raw = "ab,cd\nef"
    text = "ab，cd\nXef"
    runs = diff_runs(text, raw)
    assert all(text[a : a + n] == raw[b : b + n] for a, b, n in runs)
    mapping = RunMap(runs)
    assert mapping.source_start(3) == 3  # "c"
    assert mapping.source_start(7) == 6  # the inserted "X" sits where "ef" starts
    assert mapping.source_end(len(text)) == len(raw)
    assert mapping.clip(3, 5, base=100) == [(0, 103, 2)]


def test_compose_carries_runs_through_a_length_change():
    # "U盘" became "隨身碟": one character longer; the text after it keeps its runs.
    outer = [(0, 0, 2), (5, 4, 3)]  # converted -> original
    inner = [(0, 50, 7)]  # original -> raw
    assert compose(outer, inner) == [(0, 50, 2), (5, 54, 3)]


def random_edit(rng, text: str) -> str:
    """A few replacements, insertions, deletions and joined lines, like an editor's day."""
    chars = list(text)
    for _ in range(rng.randrange(1, 12)):
        if not chars:
            break
        at = rng.randrange(len(chars))
        action = rng.randrange(4)
        if action == 0:
            chars[at] = "，"
        elif action == 1:
            chars.insert(at, "插")
        elif action == 2:
            del chars[at : at + rng.randrange(1, 6)]
        elif chars[at] == "\n":
            del chars[at]
    return "".join(chars)


def test_diff_runs_are_exact_and_ordered_for_random_edits():
    import random

    rng = random.Random(11)
    seed = (REPO / "seeds").glob("*.txt")
    texts = [p.read_text(encoding="utf-8")[:3000] for p in sorted(seed)]
    for _ in range(200):
        raw = rng.choice(texts)
        start = rng.randrange(len(raw) // 2)
        raw = raw[start : start + rng.randrange(50, 1500)]
        edited = random_edit(rng, raw)
        runs = diff_runs(edited, raw)
        assert all(edited[a : a + n] == raw[b : b + n] for a, b, n in runs)
        assert all(
            a1 + n1 <= a2 and b1 + n1 <= b2
            for (a1, b1, n1), (a2, b2, _) in zip(runs, runs[1:], strict=False)
        )
        # Everything the editor did not touch keeps its run.
        assert sum(n for _a, _b, n in runs) >= len(raw) - 12 * 6
