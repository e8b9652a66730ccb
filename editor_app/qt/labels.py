"""Display names for core values (roles, kinds, statuses, operation labels), translated."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

ROLE_NAMES = {
    "kicker": QT_TRANSLATE_NOOP("Labels", "kicker"),
    "title": QT_TRANSLATE_NOOP("Labels", "title"),
    "subtitle": QT_TRANSLATE_NOOP("Labels", "subtitle"),
    "byline": QT_TRANSLATE_NOOP("Labels", "byline"),
    "subhead": QT_TRANSLATE_NOOP("Labels", "subhead"),
    "body": QT_TRANSLATE_NOOP("Labels", "body"),
    "boilerplate": QT_TRANSLATE_NOOP("Labels", "boilerplate"),
    "noise": QT_TRANSLATE_NOOP("Labels", "noise"),
}
KIND_NAMES = {
    "news": QT_TRANSLATE_NOOP("Labels", "news"),
    "feature": QT_TRANSLATE_NOOP("Labels", "feature"),
    "commentary": QT_TRANSLATE_NOOP("Labels", "commentary"),
    "interview": QT_TRANSLATE_NOOP("Labels", "interview"),
    "brief": QT_TRANSLATE_NOOP("Labels", "brief"),
    "photo": QT_TRANSLATE_NOOP("Labels", "photo"),
    "other": QT_TRANSLATE_NOOP("Labels", "other"),
}
STATUS_NAMES = {
    "proposed": QT_TRANSLATE_NOOP("Labels", "proposed"),
    "edited": QT_TRANSLATE_NOOP("Labels", "edited"),
    "reviewed": QT_TRANSLATE_NOOP("Labels", "reviewed"),
    "approved": QT_TRANSLATE_NOOP("Labels", "approved"),
}
# The core logs operation labels in Chinese; the English UI shows these instead.
OPERATION_NAMES = {
    "拆分文章": QT_TRANSLATE_NOOP("Labels", "split article"),
    "合并文章": QT_TRANSLATE_NOOP("Labels", "merge articles"),
    "移动边界": QT_TRANSLATE_NOOP("Labels", "move boundary"),
    "设置行角色": QT_TRANSLATE_NOOP("Labels", "set line role"),
    "修改字段": QT_TRANSLATE_NOOP("Labels", "change field"),
    "修改正文": QT_TRANSLATE_NOOP("Labels", "edit text"),
    "标记非文章": QT_TRANSLATE_NOOP("Labels", "mark non-article"),
    "设置状态": QT_TRANSLATE_NOOP("Labels", "set status"),
    "标题移至文首": QT_TRANSLATE_NOOP("Labels", "move title to head"),
    "批量修改": QT_TRANSLATE_NOOP("Labels", "batch edit"),
    "接受建议": QT_TRANSLATE_NOOP("Labels", "accept suggestions"),
    "拒绝建议": QT_TRANSLATE_NOOP("Labels", "reject suggestions"),
}
ROLE_COLOURS = {
    "kicker": "#8e44ad",
    "title": "#c0392b",
    "subtitle": "#e67e22",
    "byline": "#2980b9",
    "subhead": "#16a085",
    "body": "#bdc3c7",
    "boilerplate": "#7f8c8d",
    "noise": "#34495e",
}


def _translate(names: dict[str, str], value: str) -> str:
    source = names.get(value)
    return QCoreApplication.translate("Labels", source) if source else value


def role_name(role: str) -> str:
    return _translate(ROLE_NAMES, role)


def kind_name(kind: str) -> str:
    return _translate({**KIND_NAMES, **ROLE_NAMES}, kind)


def status_name(status: str) -> str:
    return _translate(STATUS_NAMES, status)


def operation_name(label: str) -> str:
    """The UI-language name of a logged operation label (unknown labels as they are)."""
    return _translate(OPERATION_NAMES, label)


def role_colour(role: str | None) -> QColor:
    return QColor(ROLE_COLOURS.get(role or "", "#ecf0f1"))
