"""Opening operations for the services: one per user action, checked writable, signed."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager

from editor_app.storage.journal import Journal

LABELS = {
    "split": "拆分文章",
    "merge": "合并文章",
    "move_boundary": "移动边界",
    "set_role": "设置行角色",
    "set_field": "修改字段",
    "replace_text": "修改正文",
    "mark_non_article": "标记非文章",
    "set_status": "设置状态",
    "mark_document_reviewed": "本期标为已审",
    "move_title": "标题移至文首",
    "group": "批量修改",
    "relocate_image": "重新指定页面图像",
}


class Edits:
    """Every service that writes opens its operations here, through the project's journal."""

    def __init__(self, journal: Journal, editor: str, require_writable: Callable[[], None]):
        self.journal = journal
        self.editor = editor
        self.require_writable = require_writable

    @contextmanager
    def operation(self, action: str, label: str | None = None, **target):
        """Open one operation; every write inside it is one undo step."""
        self.require_writable()
        with self.journal.operation(
            action, label or LABELS.get(action, action), self.editor, **target
        ) as result:
            yield result
