"""How the window starts: the language with no preference saved, the editor's name."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QInputDialog

from editor_app.qt.app import start
from editor_app.qt.i18n import system_language
from tests.conftest import REPO, cli_env
from tests.qt.conftest import SEEDS, make_project, press
from tests.qt.keyboard import CTRL

# Starts the window as `main` does, reports what it shows, and leaves without the event loop.
STARTUP = """
import json, sys
from editor_app.qt.app import application, start
app = application()
window = start(sys.argv[1:-1])
app.processEvents()
print(json.dumps({
    "shown": window.raw_view.toPlainText()[:40],
    "loaded": sorted(set(json.loads(sys.argv[-1])) & set(sys.modules)),
    "language": window.language,
    "file_menu": window.menus["file"].title(),
    "split": window.actions["split"].text(),
    "editor": window.project.editor,
}))
window.close_project()
"""


# What the window loads only when first needed (the cleanup rules, with the lexicon's
# tables and the join models, for a dictionary entry or a rule; the trainer for a learned
# model), so that it opens sooner. An import and an export load what they need at start:
# loaded on their background threads while the progress dialog opens, they held the GUI
# thread up to 150 ms.
LOADED_ON_FIRST_USE = [
    "editor_app.cleanup.registry",
    "editor_app.segmentation.learned.holdout",
    "editor_app.segmentation.learned.training",
]


def start_window(tmp_path, project, **environment) -> dict:
    """`main`'s startup in a fresh process under this environment, no settings saved but
    the editor's name."""
    config = tmp_path / "config"
    (config / "Qingyang").mkdir(parents=True, exist_ok=True)
    (config / "Qingyang" / "Qingyang.conf").write_text("[editor]\nname=tester\n")
    env = {k: v for k, v in cli_env().items() if not k.startswith(("LC_", "LANG"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(config),
        XDG_DATA_HOME=str(tmp_path / "data"),
        **environment,
    )
    done = subprocess.run(
        [sys.executable, "-c", STARTUP, str(project), json.dumps(LOADED_ON_FIRST_USE)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "environment",
    [{"LANG": "C"}, {"LC_ALL": "POSIX"}, {}, {"LANG": "de_DE.UTF-8"}],
    ids=["LANG=C", "LC_ALL=POSIX", "no locale", "German"],
)
def test_starts_in_chinese_unless_the_locale_asks_for_english(tmp_path, environment):
    project = make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt")
    shown = start_window(tmp_path, project, **environment)
    assert shown["language"] == "zh_CN"
    assert shown["file_menu"] == "文件(&F)"
    assert shown["split"] == "在光标行拆分文章"


def test_an_english_locale_starts_in_english(tmp_path):
    project = make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt")
    shown = start_window(tmp_path, project, LANG="en_GB.UTF-8")
    assert shown["language"] == "en"
    assert shown["file_menu"] == "&File"


@pytest.mark.parametrize(
    ("locale", "language"),
    [("C", "zh_CN"), ("zh_TW", "zh_CN"), ("fr_FR", "zh_CN"), ("en_US", "en")],
)
def test_system_language(locale, language):
    assert system_language(QLocale(locale)) == language


def test_the_environment_names_the_editor_without_a_question(
    qtbot, tmp_path, monkeypatch, preferences
):
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a) or ("", False))
    monkeypatch.setenv("QINGYANG_EDITOR", "柴福娟")
    preferences.editor_name = ""  # the first run: no name saved yet
    window = start([str(make_project(tmp_path, SEEDS / "004_353c17634c82fe70.txt"))], preferences)
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert asked == []
    press(qtbot, window, Qt.Key.Key_R, CTRL)  # mark reviewed: a change that carries the name
    assert window.project.editor == "柴福娟"
    assert "柴福娟" in window.project.history.editors()
    assert preferences.editor_name == ""  # a later run without the variable still asks
    window.close_project()


def test_the_window_shows_a_project_before_loading_the_rules_and_the_trainer(tmp_path):
    """The cleanup rules and the trainer load when first used: opening a project does not
    wait for them."""
    project = make_project(tmp_path, *sorted(SEEDS.glob("*.txt")))
    shown = start_window(tmp_path, project)
    assert shown["shown"].strip()  # the first document's raw text is on screen
    assert shown["loaded"] == []
