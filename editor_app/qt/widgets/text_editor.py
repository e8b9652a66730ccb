"""The corrected text of the selected article, committed as one operation per pause.

Typing is not an operation per keystroke: the text is committed when the editor loses
focus, after a pause in typing, or on Escape (which also hands focus back to the raw text).
"""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QPlainTextEdit,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor_app.qt.diff_view import raw_diff_html

PAUSE_MS = 1500


class CorrectedTextEdit(QPlainTextEdit):
    """A plain text editor that reports when the editor leaves it or pauses."""

    left = Signal()
    escaped = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class CorrectedTextPane(QWidget):
    text_committed = Signal(int, str)  # article id, text
    leave_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.article_id: int | None = None
        self.raw_span = ""
        self.baseline = ""
        self._loading = False
        self._keeping_typing = False
        self._escaping = False
        self.diff_toggle = QCheckBox(self)
        self.diff_toggle.setObjectName("diffToggle")
        self.editor = CorrectedTextEdit(self)
        self.editor.setObjectName("correctedText")
        self.diff = QTextBrowser(self)
        self.diff.setObjectName("diffView")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.diff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.diff_toggle)
        layout.addWidget(self.stack)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(self.commit)
        self.editor.textChanged.connect(self._typed)
        self.editor.left.connect(self._left)
        self.editor.escaped.connect(self._escape)
        self.diff_toggle.toggled.connect(self._show_diff)
        self.retranslate()

    def retranslate(self) -> None:
        self.diff_toggle.setText(self.tr("Show differences from the raw text"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, article_id: int | None, text: str, raw_span: str) -> None:
        """Show an article's text; unchanged text keeps the cursor where it is."""
        self.pause.stop()
        typing_kept = self._keeping_typing and article_id == self.article_id
        self.article_id, self.raw_span, self.baseline = article_id, raw_span, text
        if not typing_kept and self.editor.toPlainText() != text:
            self._loading = True
            self.editor.setPlainText(text)
            self._loading = False
        self.editor.setEnabled(article_id is not None)
        if self.diff_toggle.isChecked():
            self._show_diff(True)

    @contextmanager
    def keeping_typing(self):
        """Reloads inside keep the editor's text of the same article; only the baseline
        follows the stored text, so the next commit tries the unsaved typing again."""
        self._keeping_typing = True
        try:
            yield
        finally:
            self._keeping_typing = False

    def _typed(self) -> None:
        if not self._loading:
            self.pause.start()

    def commit(self) -> None:
        """Hand pending typing to the window as one edit (no-op when nothing changed)."""
        self.pause.stop()
        text = self.editor.toPlainText()
        if self.article_id is None or text == self.baseline:
            return
        self.baseline = text
        self.text_committed.emit(self.article_id, text)

    def _left(self) -> None:
        if not self._escaping:  # Escape has just committed (or tried to)
            self.commit()

    def _escape(self) -> None:
        self.commit()
        self._escaping = True
        try:
            self.leave_requested.emit()
        finally:
            self._escaping = False

    def _show_diff(self, on: bool) -> None:
        if on:
            self.commit()
            self.diff.setHtml(raw_diff_html(self.raw_span, self.editor.toPlainText()))
        self.stack.setCurrentWidget(self.diff if on else self.editor)

    def set_editable(self, editable: bool) -> None:
        self.editor.setReadOnly(not editable)
