"""The editor's name is asked once, kept in the settings, and carried by every change."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QWidget

from editor_app.qt.app import ask_editor_name_once
from editor_app.qt.settings import Preferences


def test_asked_on_the_first_run_only(tmp_path, qtbot, monkeypatch):
    asked = []

    def answer(*args, **kwargs):
        asked.append(kwargs.get("text"))
        return "  柴福娟 ", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    preferences = Preferences(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_editor_name_once(parent, preferences) == "柴福娟"
    assert ask_editor_name_once(parent, preferences) == "柴福娟"
    assert len(asked) == 1
    again = Preferences(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert again.editor_name == "柴福娟"


def test_a_cancelled_question_falls_back_to_the_login_name(tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setenv("QINGYANG_EDITOR", "登录名")
    preferences = Preferences(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_editor_name_once(parent, preferences) == "登录名"
