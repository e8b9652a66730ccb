"""The core names a status, a kind and a line's role in Chinese for the history; the window
names them through its translations. Both must say the same word."""

from __future__ import annotations

import pytest

from editor_app.model.fields import KINDS, STATUSES
from editor_app.model.roles import ROLES
from editor_app.qt.i18n import install_language
from editor_app.qt.labels import kind_name, role_name, status_name
from editor_app.storage import value_word


@pytest.fixture
def chinese(qapp):
    install_language("zh_CN")
    yield
    install_language("en")


def test_the_history_and_the_window_name_each_value_alike(chinese):
    assert [value_word("status", s) for s in STATUSES] == [status_name(s) for s in STATUSES]
    assert [value_word("kind", k) for k in KINDS] == [kind_name(k) for k in KINDS]
    assert [value_word("role", r) for r in ROLES] == [role_name(r) for r in ROLES]
