"""`import --format jsonl` validates the whole file before it writes anything.

A real export of a real project (the seeds, edited) is damaged field by field and line by
line; every damaged file must be refused with a message naming the file, the line and the
field, and leave the project file's bytes as they were.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.cli import main
from editor_app.export import ExportOptions, export_project
from editor_app.ingest.jsonl_read import read_export
from editor_app.storage import Project, import_paths
from tests.conftest import SEEDS, chunk_segmenter, run_cli

# The record whose fields are damaged: an edited news article of the second document.
EDITED_TITLE = "改过的标题"
# Keys the history of the source project gives and a rebuilt project cannot have.
HISTORY_KEYS = ("project", "editors", "last_changed")


def _edit(project: Project) -> None:
    """Text, metadata, roles, statuses, a split and a non-article, in both documents."""
    first = [row["id"] for row in project.articles.rows(1)]
    text = project.articles.get(first[0]).corrected_text
    project.articles.replace_text(first[0], text.replace(",", "，", 3) + "\n\n补记一句。")
    project.articles.set_status(first[0], "edited")
    project.articles.set_status(first[1], "reviewed")
    project.articles.set_status(first[2], "approved")
    project.articles.set_role(1, project.articles.get(first[1]).start_line, "kicker")
    project.articles.split(first[3], project.articles.get(first[3]).end_line)
    second = [row["id"] for row in project.articles.rows(2)]
    target = project.articles.get(second[1])
    project.articles.replace_text(
        second[1], "导语。\n" + target.corrected_text[4:] + "\n新的一段。"
    )
    project.articles.set_field(second[1], "title", EDITED_TITLE)
    project.articles.set_field(second[1], "reporters", "张三、李四")
    project.articles.set_field(second[1], "truncated", True)
    last = project.articles.get(second[-1])
    project.articles.mark_non_article(2, last.start_line, last.end_line, "boilerplate")


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """The seed issues imported (by the stable test segmenter) and edited, closed."""
    path = tmp_path_factory.mktemp("source") / "source.qingyang"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("editor_app.ingest.analysis.segment", chunk_segmenter)
        with Project.create(path, editor="importer") as project:
            import_paths(project, [SEEDS], workers=1)
    with Project.open(path, editor="editor", backups=False) as project:
        _edit(project)
    return path


@pytest.fixture(scope="module")
def export_lines(source, tmp_path_factory) -> list[bytes]:
    """The lines of the source's JSONL export, non-articles included."""
    out = tmp_path_factory.mktemp("export") / "export.jsonl"
    with Project.open(source, read_only=True) as project:
        export_project(project, out, "jsonl", ExportOptions(include_non_articles=True))
    return out.read_bytes().splitlines(keepends=True)


@pytest.fixture(scope="module")
def empty_project(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("empty") / "empty.qingyang"
    Project.create(path, editor="tester").close()
    return path.read_bytes()


@pytest.fixture(scope="module")
def target_line(export_lines) -> int:
    """The index of the edited article of the second document, whose fields get damaged."""
    records = [json.loads(line) for line in export_lines]
    (index,) = [i for i, r in enumerate(records) if r["title"] == EDITED_TITLE]
    record = records[index]
    assert record["document"]["id"] == 2 and record["provenance"]["corrected_text"]
    assert record["paragraphs"] and record["provenance"]["line_roles"]
    assert record["reporters"] and record["editors"] and record["provenance"]["alignment"]
    return index


class Workspace:
    """A fresh empty project and a JSONL file beside it; imports run in-process."""

    def __init__(self, folder: Path, empty: bytes) -> None:
        self.folder = folder
        self.project = folder / "target.qingyang"
        self.jsonl = folder / "export.jsonl"
        self.empty = empty
        self.reset()

    def reset(self) -> None:
        for suffix in ("-wal", "-shm"):
            Path(f"{self.project}{suffix}").unlink(missing_ok=True)
        self.project.write_bytes(self.empty)

    def run(self, data: bytes, *extra: str) -> tuple[int, str]:
        """Import `data` as export.jsonl; (exit status, stderr)."""
        self.jsonl.write_bytes(data)
        stderr = io.StringIO()
        argv = ["import", str(self.project), str(self.jsonl), *extra, "--format", "jsonl"]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
            status = main([*argv, "--editor", "tester"])
        return status, stderr.getvalue()

    def assert_refused(self, data: bytes, line: int | None, *fragments: str) -> str:
        status, stderr = self.run(data)
        assert status == 1, stderr
        assert str(self.jsonl) in stderr
        if line is not None:
            assert f"export.jsonl: line {line}: " in stderr
        for fragment in fragments:
            assert fragment in stderr
        self.assert_untouched()
        return stderr

    def assert_imported(self, data: bytes, articles: int) -> None:
        status, stderr = self.run(data)
        assert status == 0, stderr
        with Project.open(self.project, read_only=True) as project:
            assert project.db.execute("SELECT count(*) FROM articles").fetchone()[0] == articles

    def assert_untouched(self) -> None:
        """The file's bytes as they were, and nothing written beside them either."""
        assert self.project.read_bytes() == self.empty, "a refused import changed the project"
        with Project.open(self.project, read_only=True) as project:
            assert project.documents.count() == 0
            assert project.db.execute("SELECT count(*) FROM operations").fetchone()[0] == 0


@pytest.fixture
def workspace(tmp_path, empty_project) -> Workspace:
    return Workspace(tmp_path, empty_project)


def _dump(record) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


def _replace_line(lines: list[bytes], index: int, data: bytes) -> bytes:
    return b"".join([*lines[:index], data, *lines[index + 1 :]])


def _name(path: tuple) -> str:
    """("paragraphs", 0, "text") -> "paragraphs[0].text", as the messages name fields."""
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else key)
    return text


def _set(record: dict, path: tuple, value=None, *, delete: bool = False) -> dict:
    record = json.loads(json.dumps(record))
    holder = record
    for key in path[:-1]:
        holder = holder[key]
    if delete:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return record


# -- a valid export ------------------------------------------------------------------------


def _comparable(data: bytes) -> list[dict]:
    records = [json.loads(line) for line in data.splitlines()]
    return [{k: v for k, v in r.items() if k not in HISTORY_KEYS} for r in records]


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(),
        ExportOptions(include_non_articles=True),
        ExportOptions(statuses=frozenset({"edited", "approved"})),
    ],
    ids=["articles", "everything", "some-statuses"],
)
def test_every_export_passes_validation_and_round_trips(source, tmp_path, options):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    with Project.open(source, read_only=True) as project:
        export_project(project, first, "jsonl", options)
    copy = tmp_path / "copy.qingyang"
    Project.create(copy, editor="tester").close()
    assert main(["import", str(copy), str(first), "--format", "jsonl", "--editor", "t"]) == 0
    with Project.open(copy, read_only=True) as project:
        assert project.checks.problems() == []
        export_project(project, second, "jsonl", options)
    assert _comparable(second.read_bytes()) == _comparable(first.read_bytes())


@pytest.mark.parametrize("script", ["s", "t", "tw", "hk"])
def test_an_export_in_another_script_passes_validation(source, tmp_path, script):
    """Converted metadata cannot come back exactly; the export is still a valid one."""
    out = tmp_path / "converted.jsonl"
    with Project.open(source, read_only=True) as project:
        export_project(
            project, out, "jsonl", ExportOptions(include_non_articles=True, script=script)
        )
    documents = read_export(out).documents
    assert [d.document.id for d in documents] == [1, 2]
    copy = tmp_path / "copy.qingyang"
    Project.create(copy, editor="tester").close()
    assert main(["import", str(copy), str(out), "--format", "jsonl", "--editor", "t"]) == 0
    with Project.open(copy, read_only=True) as project:
        assert project.checks.problems() == [] and project.documents.count() == 2


@pytest.mark.parametrize(
    "damage",
    [lambda data: data.replace(b"\n", b"\r\n"), lambda data: data.rstrip(b"\n")],
    ids=["crlf", "no-final-newline"],
)
def test_harmless_line_endings_are_accepted(workspace, export_lines, damage):
    status, stderr = workspace.run(damage(b"".join(export_lines)))
    assert status == 0, stderr
    with Project.open(workspace.project, read_only=True) as project:
        assert project.documents.count() == 2 and project.checks.problems() == []


def test_an_import_of_known_documents_leaves_the_project_as_it_was(workspace, export_lines):
    data = b"".join(export_lines)
    assert workspace.run(data)[0] == 0
    before = workspace.project.read_bytes()
    with Project.open(workspace.project, read_only=True) as project:
        operations = project.db.execute("SELECT count(*) FROM operations").fetchone()[0]
    status, stderr = workspace.run(data)
    assert status == 0, stderr
    with Project.open(workspace.project, read_only=True) as project:
        assert project.db.execute("SELECT count(*) FROM operations").fetchone()[0] == operations
    assert workspace.project.read_bytes() == before


# -- each field damaged ----------------------------------------------------------------------

STR = ("kicker", "title", "subtitle", "dateline", "section", "note", "text")
NAMES = ("reporters", "correspondents", "interns", "editors")
DOCUMENT_TEXT = ("publication", "date", "page", "edition")
# path -> what it holds; every field the export writes, a list through its first item.
FIELDS: dict[tuple, str] = {
    ("schema",): "enum",
    ("project",): "str",
    ("id",): "id",
    ("order",): "id",
    ("kind",): "enum",
    ("status",): "enum",
    **{(name,): "str" for name in STR},
    **{(name,): "list" for name in NAMES},
    ("reporters", 0): "str",
    ("editors", 0): "str",
    ("script",): "str",
    ("last_changed",): "str|null",
    ("flags",): "object",
    ("flags", "truncated"): "bool",
    ("flags", "lost_text"): "bool",
    ("document",): "object",
    ("document", "id"): "id",
    ("document", "file_name"): "str",
    ("document", "sha256"): "str",
    **{("document", name): "str" for name in DOCUMENT_TEXT},
    ("document", "raw_length"): "offset",
    ("document", "line_count"): "id",
    ("paragraphs",): "list",
    ("paragraphs", 0): "object",
    ("paragraphs", 0, "role"): "enum",
    ("paragraphs", 0, "text"): "str",
    ("paragraphs", 0, "raw_start"): "offset",
    ("paragraphs", 0, "raw_end"): "offset",
    ("paragraphs", 0, "line"): "id",
    ("provenance",): "object",
    ("provenance", "start_line"): "id",
    ("provenance", "end_line"): "id",
    ("provenance", "raw_start"): "offset",
    ("provenance", "raw_end"): "offset",
    ("provenance", "raw_text"): "str",
    ("provenance", "corrected_text"): "str|null",
    ("provenance", "line_roles"): "list",
    ("provenance", "line_roles", 0): "list",
    ("provenance", "line_roles", 0, 0): "id",
    ("provenance", "line_roles", 0, 1): "enum",
    ("provenance", "alignment"): "list",
    ("provenance", "alignment", 0, 0): "offset",
    ("provenance", "alignment", 0, 1): "offset",
    ("provenance", "alignment", 0, 2): "offset",
}
WRONG_TYPES = {
    "str": [12345, None, ["x"]],
    "str|null": [12345, ["x"]],
    "id": ["12", 1.5, None, True],
    "offset": ["12", 1.5, None],
    "bool": [1, "true", None],
    "enum": [7, None],
    "list": ["x", {"a": 1}, None],
    "object": [[1], "x", None],
}
OUT_OF_RANGE = {"id": [0, -3, 2**53, 10**30], "offset": [-1, 2**53, 10**30]}
UNKNOWN_ENUM = {
    ("schema",): "qingyang-article/2",
    ("kind",): "x",
    ("status",): "1.5",
    ("paragraphs", 0, "role"): "not-a-role",
    ("provenance", "line_roles", 0, 1): "not-a-role",
}


def _field_damage() -> list:
    cases = []
    for path, kind in FIELDS.items():
        if not isinstance(path[-1], int):
            cases.append(pytest.param(path, "missing", None, id=f"{_name(path)}-missing"))
        values = WRONG_TYPES[kind] + OUT_OF_RANGE.get(kind, [])
        values += [UNKNOWN_ENUM[path]] if path in UNKNOWN_ENUM else []
        cases += [pytest.param(path, "value", v, id=f"{_name(path)}={v!r}") for v in values]
    return cases


@pytest.mark.parametrize("path, how, value", _field_damage())
def test_a_damaged_field_is_refused_by_line_and_field(
    workspace, export_lines, target_line, path, how, value
):
    record = json.loads(export_lines[target_line])
    damaged = _set(record, path, value, delete=how == "missing")
    data = _replace_line(export_lines, target_line, _dump(damaged))
    workspace.assert_refused(data, target_line + 1, _name(path))


# Values of the right type that contradict the rest of the record or of the file.
CONTRADICTIONS = [
    (("provenance", "start_line"), 99999, "lies outside document"),
    (("provenance", "end_line"), 99999, "lies outside document"),
    (("provenance", "raw_start"), 99999, "lies outside document"),
    (("provenance", "raw_end"), 99999, "lies outside document"),
    (("provenance", "end_line"), 1, "comes before start_line"),
    (("provenance", "raw_text"), "短", "but raw_start"),
    (("provenance", "line_roles", 0, 0), 99999, "lies outside the article's lines"),
    (("paragraphs", 0, "line"), 1, "lies outside the article's lines"),
    (("paragraphs", 0, "raw_start"), 0, "lies outside the article's raw text"),
    (("paragraphs", 0, "raw_end"), 99999, "lies outside the article's raw text"),
    (("provenance", "alignment", 0, 0), 99999, "lies past the text"),
    (("provenance", "alignment", 0, 1), 99999, "lies outside the article's raw text"),
    (("text",), "另一段文字", "paragraphs"),
    (("order",), 99, "in raw order"),
    (("document", "raw_length"), 99999, "for the same document"),
    (("document", "line_count"), 99999, "for the same document"),
    (("document", "file_name"), "other.txt", "for the same document"),
]


@pytest.mark.parametrize(
    "path, value, problem", CONTRADICTIONS, ids=[f"{_name(p)}={v!r}" for p, v, _ in CONTRADICTIONS]
)
def test_a_contradicting_value_is_refused_by_line_and_field(
    workspace, export_lines, target_line, path, value, problem
):
    record = json.loads(export_lines[target_line])
    data = _replace_line(export_lines, target_line, _dump(_set(record, path, value)))
    workspace.assert_refused(data, target_line + 1, _name(path), problem)


# -- structural damage -----------------------------------------------------------------------

DEEP = "[" * 10_000 + "]" * 10_000


def _nested(line: bytes, where: str) -> bytes:
    """The record with 10,000 nested arrays in one place."""
    text = line.decode("utf-8").rstrip("\n")
    if where == "line":
        return DEEP.encode() + b"\n"
    if where == "unknown-field":
        return (text[:-1] + ',"zz":' + DEEP + "}\n").encode()
    return text.replace(f'"{where}":', f'"{where}":{DEEP},"{where}-":', 1).encode() + b"\n"


@pytest.mark.parametrize(
    "where, field",
    [
        ("line", "not an article"),
        ("note", "note"),
        ("reporters", "reporters[0]"),
        ("provenance", "provenance"),
        ("alignment", "provenance.alignment[0][0]"),
        ("unknown-field", "zz"),
    ],
)
def test_deep_nesting_is_refused_without_recursion(workspace, export_lines, where, field):
    last = len(export_lines) - 1
    data = _replace_line(export_lines, last, _nested(export_lines[last], where))
    workspace.assert_refused(data, last + 1, field)


# name -> (the damaged line made from the valid one, a fragment of the message)
LINE_DAMAGE = {
    "truncated": (lambda line: line[: len(line) // 2] + b"\n", "not JSON"),
    "extra-bracket": (lambda line: line.rstrip(b"\n") + b"}\n", "not JSON"),
    "array-around-object": (lambda line: b"[" + line.rstrip(b"\n") + b"]\n", "object"),
    "array": (lambda line: b"[1, 2, 3]\n", "not an article"),
    "null": (lambda line: b"null\n", "not an article"),
    "non-utf8-byte": (lambda line: line.replace("改".encode(), b"\xff", 1), "not UTF-8"),
    "nan": (lambda line: line.replace(b'"order":', b'"order":NaN,"o":'), "not JSON"),
    "lone-surrogate": (lambda line: line.replace(b'"note":"', b'"note":"\\ud800', 1), "not JSON"),
    "unknown-field": (lambda line: _dump({**json.loads(line), "zzz": 1}), "zzz"),
}


@pytest.mark.parametrize("name", LINE_DAMAGE)
def test_a_damaged_line_is_refused_by_number(workspace, export_lines, target_line, name):
    damage, fragment = LINE_DAMAGE[name]
    data = _replace_line(export_lines, target_line, damage(export_lines[target_line]))
    workspace.assert_refused(data, target_line + 1, fragment)


# name -> (the damaged file made from the valid lines, the line named, a fragment)
FILE_DAMAGE = {
    "empty": (lambda lines: b"", None, "empty"),
    "blank-only": (lambda lines: b"\n  \n\n", None, "empty"),
    "bom-only": (lambda lines: b"\xef\xbb\xbf\n", None, "empty"),
}


@pytest.mark.parametrize("name", FILE_DAMAGE)
def test_a_damaged_file_is_refused(workspace, export_lines, name):
    damage, line, fragment = FILE_DAMAGE[name]
    workspace.assert_refused(damage(export_lines), line, fragment)


# What an editor or a spreadsheet may add to a file without harming a record in it.
HARMLESS = {
    "bom": lambda lines: b"\xef\xbb\xbf" + b"".join(lines),
    "blank-line-inside": lambda lines: b"".join([*lines[:3], b"\n", *lines[3:]]),
    "blank-line-at-end": lambda lines: b"".join([*lines, b"  \n"]),
}


@pytest.mark.parametrize("name", HARMLESS)
def test_what_an_editor_adds_around_the_records_is_passed_over(workspace, export_lines, name):
    workspace.assert_imported(HARMLESS[name](export_lines), len(export_lines))


@pytest.mark.parametrize("seed", range(8))
def test_random_bytes_are_refused(workspace, export_lines, seed):
    rng = random.Random(seed)
    junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))
    workspace.assert_refused(junk, None, "line 1: ")
    workspace.assert_refused(b"".join(export_lines) + junk, len(export_lines) + 1)


def _retitled(record: dict, new_id: int) -> dict:
    return {**record, "id": new_id, "title": "另一篇"}


def test_a_duplicate_document_with_other_raw_text_is_refused(workspace, export_lines):
    record = json.loads(export_lines[1])
    raw = record["provenance"]["raw_text"]
    other = "".join("\n" if char == "\n" else "乙" for char in raw)
    twin = _set(_retitled(record, 999), ("provenance", "raw_text"), other)
    workspace.assert_refused(
        b"".join(export_lines) + _dump(twin),
        len(export_lines) + 1,
        "overlaps the article on line 2",
    )


def test_a_repeated_article_id_is_refused(workspace, export_lines):
    data = b"".join(export_lines) + export_lines[1]
    workspace.assert_refused(data, len(export_lines) + 1, "id: article", "on line 2 already")


def test_two_documents_under_one_id_are_refused(workspace, export_lines):
    last = len(export_lines) - 1
    record = json.loads(export_lines[last])
    stranger = _set(_retitled(record, 999), ("document", "sha256"), "0" * 64)
    data = b"".join(export_lines) + _dump(stranger)
    workspace.assert_refused(data, len(export_lines) + 1, "document.id", "a different document")


def test_spans_that_overlap_by_lines_are_refused(workspace, export_lines):
    """The third article moved up by line numbers only, onto the last line of the second."""
    moved = json.loads(export_lines[2])
    span = moved["provenance"]
    shift = span["start_line"] - json.loads(export_lines[1])["provenance"]["end_line"]
    span["start_line"] -= shift
    span["end_line"] -= shift
    span["line_roles"] = [[line - shift, role] for line, role in span["line_roles"]]
    for paragraph in moved["paragraphs"]:
        paragraph["line"] -= shift
    data = _replace_line(export_lines, 2, _dump(moved))
    workspace.assert_refused(data, 3, "provenance.start_line", "overlaps the article on line 2")


def test_a_document_too_short_for_its_lines_is_refused(workspace, export_lines):
    """Consistent on every line, but 10,000 more lines than characters left for them."""
    records = [json.loads(line) for line in export_lines]
    for record in records:
        if record["document"]["id"] == 1:
            record["document"]["line_count"] += 10_000
    last = max(i for i, r in enumerate(records) if r["document"]["id"] == 1)
    data = b"".join(_dump(r) for r in records)
    workspace.assert_refused(data, last + 1, "document.raw_length", "line breaks do not fit")


def test_nothing_is_written_when_a_later_file_is_damaged(workspace, export_lines):
    """The first document in one valid file, the second in a file with a bad last line."""
    split = [json.loads(line)["document"]["id"] for line in export_lines].index(2)
    good = workspace.folder / "good.jsonl"
    good.write_bytes(b"".join(export_lines[:split]))
    workspace.jsonl.write_bytes(b"".join(export_lines[split:]) + b"{}\n")
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = main(
            ["import", str(workspace.project), str(good), str(workspace.jsonl), "--format", "jsonl"]
        )
    bad_line = len(export_lines) - split + 1
    assert status == 1
    assert f"export.jsonl: line {bad_line}: not an article" in stderr.getvalue()
    workspace.assert_untouched()


# -- random damage ---------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value, prefix=()):
    """Every place inside a decoded record, lists through their items."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):
            yield from _paths(item, (*prefix, index))


@st.composite
def damaged_files(draw, lines: list[bytes]) -> tuple[bytes, int]:
    """The export with one line damaged: a value replaced or removed, or its bytes changed."""
    index = draw(st.integers(0, len(lines) - 1))
    line = lines[index]
    if draw(st.booleans()):
        record = json.loads(line)
        path = draw(st.sampled_from([p for p in _paths(record) if p]))
        if draw(st.booleans()) and not isinstance(path[-1], int):
            record = _set(record, path, delete=True)
        else:
            record = _set(record, path, draw(json_values))
        damaged = _dump(record)
    else:
        start = draw(st.integers(0, len(line) - 1))
        end = draw(st.integers(start, min(len(line), start + 8)))
        damaged = line[:start] + draw(st.binary(max_size=8)) + line[end:]
    return _replace_line(lines, index, damaged), index + 1


@pytest.fixture(scope="module")
def random_workspace(tmp_path_factory, empty_project) -> Workspace:
    return Workspace(tmp_path_factory.mktemp("random"), empty_project)


@settings(
    derandomize=True,
    deadline=None,
    max_examples=120,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_randomly_damaged_export_is_imported_whole_or_refused_by_line(
    random_workspace, export_lines, data
):
    workspace = random_workspace
    damaged, line = data.draw(damaged_files(export_lines))
    workspace.reset()
    status, stderr = workspace.run(damaged)
    if status == 0:
        with Project.open(workspace.project, read_only=True) as project:
            assert project.checks.problems() == []
            assert project.documents.count() == 2
        return
    assert status == 1
    assert f"{workspace.jsonl}: line " in stderr, stderr
    assert "Traceback" not in stderr
    workspace.assert_untouched()


# -- in a real process -----------------------------------------------------------------------


def test_cli_in_a_process_refuses_a_damaged_line_and_imports_a_valid_file(
    workspace, export_lines, target_line
):
    record = json.loads(export_lines[target_line])
    damaged = _replace_line(export_lines, target_line, _dump({**record, "kind": "x"}))
    workspace.jsonl.write_bytes(damaged)
    done = run_cli("import", workspace.project, workspace.jsonl, "--format", "jsonl")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"export.jsonl: line {target_line + 1}: kind: 'x' is not one of" in done.stderr
    workspace.assert_untouched()
    workspace.jsonl.write_bytes(b"".join(export_lines))
    done = run_cli("import", workspace.project, workspace.jsonl, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert "imported 2" in done.stdout


def test_cli_in_a_process_refuses_deep_nesting(workspace):
    workspace.jsonl.write_bytes(b'{"schema":"qingyang-article/1","note":' + DEEP.encode() + b"}\n")
    done = run_cli("import", workspace.project, workspace.jsonl, "--format", "jsonl")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "export.jsonl: line 1: note: expected `str`, got `array`" in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_cli_in_a_process_refuses_a_fifo_without_waiting(workspace):
    fifo = workspace.folder / "pipe.jsonl"
    os.mkfifo(fifo)
    done = run_cli("import", workspace.project, fifo, "--format", "jsonl")
    assert done.returncode == 1 and f"{fifo}: not a regular file" in done.stderr
    workspace.assert_untouched()


def test_a_folder_is_not_a_jsonl_export(workspace):
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = main(
            ["import", str(workspace.project), str(workspace.folder), "--format", "jsonl"]
        )
    assert status == 1 and "not a regular file" in stderr.getvalue()
