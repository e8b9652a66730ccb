"""What loads on first use: package names that load their module, lxml with the first OCR file."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO, cli_env

FIRST_USE = """
import sys
import editor_app.cleanup as cleanup
before = "editor_app.cleanup.registry" in sys.modules
rules = cleanup.RULES
print(before, "editor_app.cleanup.registry" in sys.modules, "punctuation" in rules)
"""


def test_a_rule_table_loads_the_rules_when_first_named():
    done = subprocess.run(
        [sys.executable, "-c", FIRST_USE], capture_output=True, text=True, env=cli_env(), cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True"]


@pytest.mark.parametrize(
    "package", ["editor_app.storage", "editor_app.export", "editor_app.cleanup"]
)
def test_a_name_no_module_holds_is_an_attribute_error(package):
    module = __import__(package, fromlist=["_"])
    with pytest.raises(AttributeError, match="no_such_name"):
        module.no_such_name  # noqa: B018
    assert not hasattr(module, "no_such_name")


TEXT_IMPORT = """
import sys
from editor_app.ingest.analysis import analyse_file
result = analyse_file(sys.argv[1])
print(bool(result.articles), "lxml" in sys.modules)
"""


def test_a_text_file_is_analysed_without_loading_an_xml_parser():
    """lxml loads with the first OCR file: each process of a text import is 4 MB smaller."""
    seed = sorted((REPO / "seeds").glob("*.txt"))[0]
    done = subprocess.run(
        [sys.executable, "-c", TEXT_IMPORT, str(seed)],
        capture_output=True,
        text=True,
        env=cli_env(),
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False"]
