"""Display names for core values (roles, kinds, statuses, operation labels), translated."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from editor_app.model import fields

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
RULE_NAMES = {
    "join": QT_TRANSLATE_NOOP("Labels", "join paragraphs"),
    "punctuation": QT_TRANSLATE_NOOP("Labels", "punctuation"),
    "traditional": QT_TRANSLATE_NOOP("Labels", "traditional character"),
    "lookalike": QT_TRANSLATE_NOOP("Labels", "look-alike"),
    "dictionary": QT_TRANSLATE_NOOP("Labels", "project dictionary"),
    "whitespace": QT_TRANSLATE_NOOP("Labels", "white space"),
    "noise": QT_TRANSLATE_NOOP("Labels", "noise line"),
}
# Stored column names that are no article field, as the history and the search results
# show them; an article field's label is in model/fields.py, in both languages.
FIELD_NAMES = {
    "start_line": QT_TRANSLATE_NOOP("Labels", "first line"),
    "end_line": QT_TRANSLATE_NOOP("Labels", "last line"),
    "role": QT_TRANSLATE_NOOP("Labels", "role"),
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
    "本期标为已审": QT_TRANSLATE_NOOP("Labels", "mark issue reviewed"),
    "标题移至文首": QT_TRANSLATE_NOOP("Labels", "move title to head"),
    "批量修改": QT_TRANSLATE_NOOP("Labels", "batch edit"),
    "接受建议": QT_TRANSLATE_NOOP("Labels", "accept suggestions"),
    "拒绝建议": QT_TRANSLATE_NOOP("Labels", "reject suggestions"),
    "导入文件": QT_TRANSLATE_NOOP("Labels", "import files"),
    "重新指定页面图像": QT_TRANSLATE_NOOP("Labels", "locate page image"),
}
# Labels the core builds with details in them, by action key: the English UI shows these.
ACTION_NAMES = {
    "replace": QT_TRANSLATE_NOOP("Labels", "replace %1 occurrences"),
    "revert": QT_TRANSLATE_NOOP("Labels", "revert: %1"),
    "dict_add": QT_TRANSLATE_NOOP("Labels", "dictionary entry %1"),
    "dict_remove": QT_TRANSLATE_NOOP("Labels", "remove dictionary entry %1"),
    "accept": QT_TRANSLATE_NOOP("Labels", "accept suggestions"),
    "reject": QT_TRANSLATE_NOOP("Labels", "reject suggestions"),
    "import": QT_TRANSLATE_NOOP("Labels", "import files"),
    "repropose": QT_TRANSLATE_NOOP("Labels", "re-propose: %1 documents, %2 boundaries"),
}
# How each of those labels reads in Chinese: its action key and its detail (the %1).
LABEL_PATTERNS = (
    ("replace", re.compile(r"^替换 (\d+) 处$")),
    ("revert", re.compile(r"^还原：(.*)$", re.DOTALL)),
    ("dict_add", re.compile(r"^词典：(.*)$", re.DOTALL)),
    ("dict_remove", re.compile(r"^删除词典：(.*)$", re.DOTALL)),
    ("accept", re.compile(r"^接受")),
    ("reject", re.compile(r"^拒绝")),
    ("repropose", re.compile(r"^重新提议：(\d+) 篇文档，(\d+) 处边界$")),
)
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
# One colour per kind of suggestion, marking it in the raw and the article text: the
# Okabe–Ito palette, told apart with every common colour-vision deficiency and dark enough
# to read as an underline on white; the tooltip and the note under the text name the kind.
RULE_COLOURS = {
    "punctuation": "#0072b2",  # blue
    "lookalike": "#d55e00",  # vermillion
    "dictionary": "#cc79a7",  # reddish purple
    "traditional": "#e69f00",  # orange
    "join": "#009e73",  # bluish green
    "whitespace": "#56b4e9",  # sky blue
    "noise": "#666666",  # grey
}
OTHER_RULE_COLOUR = "#000000"


def _translate(names: dict[str, str], value: str) -> str:
    source = names.get(value)
    return QCoreApplication.translate("Labels", source) if source else value


def role_name(role: str) -> str:
    return _translate(ROLE_NAMES, role)


def kind_name(kind: str) -> str:
    return _translate({**KIND_NAMES, **ROLE_NAMES}, kind)


def status_name(status: str) -> str:
    return _translate(STATUS_NAMES, status)


def rule_name(rule: str) -> str:
    return _translate(RULE_NAMES, rule)


def field_label(name: str) -> str:
    """An article field's label in the UI language, as the form heads its row: `Reporters`."""
    return fields.label(name, chinese=_chinese_ui())


def field_name(column: str) -> str:
    """A column's name in the UI language within a line of text: `reporters`, `first line`.

    An article field's label (the text's for "text"), else the column's own name.
    """
    name = "corrected_text" if column == "text" else column
    if name in fields.BY_NAME:
        label = field_label(name)
        return label[:1].lower() + label[1:]  # English in running text; Chinese as it is
    return _translate(FIELD_NAMES, column)


def operation_name(label: str, action: str | None = None) -> str:
    """The UI-language name of a logged operation label (unknown labels as they are).

    `action` is the operation's action key where the caller knows it; without it the
    action is read from the label's form.
    """
    if _chinese_ui():
        return label  # the core's labels are Chinese, with their details
    if label in OPERATION_NAMES:
        return _translate(OPERATION_NAMES, label)
    for key, pattern in LABEL_PATTERNS:
        found = pattern.match(label)
        if found is not None and (action is None or action == key):
            return _named_action(key, *found.groups())
    if action in ACTION_NAMES and action not in dict(LABEL_PATTERNS):
        return _named_action(action, "")
    return label


def chinese_ui() -> bool:
    """Whether the UI speaks Chinese, in which the core's own wording shows as it is."""
    return _chinese_ui()


def _chinese_ui() -> bool:
    source = OPERATION_NAMES["拆分文章"]
    return QCoreApplication.translate("Labels", source) != source


def _named_action(action: str, detail: str = "", *more: str) -> str:
    if action == "revert":
        detail = operation_name(detail)
    text = QCoreApplication.translate("Labels", ACTION_NAMES[action]).replace("%1", detail)
    for number, value in enumerate(more, start=2):
        text = text.replace(f"%{number}", value)
    return text.strip()


def role_colour(role: str | None) -> QColor:
    return QColor(ROLE_COLOURS.get(role or "", "#ecf0f1"))


def rule_colour(rule: str | None) -> QColor:
    """The colour a kind of suggestion is marked in (black for a kind without one)."""
    return QColor(RULE_COLOURS.get(rule or "", OTHER_RULE_COLOUR))
