"""Compiled tables in the user's cache folder: read back while the sources stay the same."""

from __future__ import annotations

import os
import sys

import pytest

from editor_app.model import lexicon
from editor_app.support import table_cache


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    folder = tmp_path / "cache" / "qingyang"
    monkeypatch.setattr(table_cache, "cache_dir", lambda: folder)
    return folder


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG is for Linux and BSD")
def test_the_cache_folder_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert table_cache.cache_dir() == tmp_path / "qingyang"


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("词语 10\n", encoding="utf-8")
    return path


def counting_build(result):
    calls = []

    def build():
        calls.append(1)
        return result

    return build, calls


def test_a_table_is_built_once_then_read_back(cache_home, source):
    build, calls = counting_build(({"词语": 10}, frozenset({"词语"})))
    first = table_cache.cached("t", [source], build)
    second = table_cache.cached("t", [source], build)
    assert first == second == ({"词语": 10}, frozenset({"词语"}))
    assert len(calls) == 1
    assert len(list(cache_home.glob("t-*.marshal"))) == 1


def test_a_changed_source_builds_again_and_drops_the_stale_file(cache_home, source):
    build, calls = counting_build({"a": 1})
    table_cache.cached("t", [source], build)
    source.write_text("词语 10\n新词 5\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))
    table_cache.cached("t", [source], build)
    assert len(calls) == 2
    assert len(list(cache_home.glob("t-*.marshal"))) == 1


def test_two_installs_keep_a_file_each(cache_home, tmp_path, source):
    other = tmp_path / "other" / "words.txt"
    other.parent.mkdir()
    other.write_text("词语 10\n", encoding="utf-8")
    build, calls = counting_build({"a": 1})
    for _ in range(2):
        table_cache.cached("t", [source], build)
        table_cache.cached("t", [other], build)
    assert len(calls) == 2
    assert len(list(cache_home.glob("t-*.marshal"))) == 2


def test_a_damaged_cache_file_is_rebuilt(cache_home, source):
    build, calls = counting_build({"a": 1})
    table_cache.cached("t", [source], build)
    (stored,) = cache_home.glob("t-*.marshal")
    stored.write_bytes(stored.read_bytes()[:3])
    assert table_cache.cached("t", [source], build) == {"a": 1}
    assert len(calls) == 2


def test_an_unwritable_cache_folder_still_gives_the_table(tmp_path, monkeypatch, source):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setattr(table_cache, "cache_dir", lambda: blocker / "qingyang")
    build, calls = counting_build({"a": 1})
    assert table_cache.cached("t", [source], build) == {"a": 1}
    assert table_cache.cached("t", [source], build) == {"a": 1}
    assert len(calls) == 2


def test_the_cached_lexicon_equals_the_parsed_one(cache_home):
    lexicon._tables.cache_clear()
    try:
        built = lexicon._tables()  # builds and stores
        lexicon._tables.cache_clear()
        assert lexicon._tables() == built == lexicon._build_tables()
        assert list(cache_home.glob("lexicon-*.marshal"))
    finally:
        lexicon._tables.cache_clear()
