"""The selected article's metadata; each finished edit asks for one operation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from editor_app.model import STATUSES
from editor_app.model.article import KINDS, LIST_FIELDS, TEXT_FIELDS
from editor_app.qt.labels import kind_name, status_name


class ArticleForm(QWidget):
    field_edited = Signal(str, object)  # field name, new value
    status_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        self.loaded: dict[str, object] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"field_{name}")
            edit.editingFinished.connect(lambda name=name: self._text_finished(name))
            self.edits[name] = edit
        self.kind = QComboBox(self)
        self.kind.setObjectName("field_kind")
        self.kind.activated.connect(self._kind_chosen)
        self.status = QComboBox(self)
        self.status.setObjectName("field_status")
        self.status.activated.connect(self._status_chosen)
        self.truncated = QCheckBox(self)
        self.truncated.setObjectName("field_truncated")
        self.truncated.clicked.connect(lambda on: self.field_edited.emit("truncated", on))
        self.lost_text = QCheckBox(self)
        self.lost_text.setObjectName("field_lost_text")
        self.lost_text.clicked.connect(lambda on: self.field_edited.emit("lost_text", on))
        self._build_rows()
        self.retranslate()
        self.setEnabled(False)

    def _build_rows(self) -> None:
        self.row_labels = {}
        widgets = [
            *((n, self.edits[n]) for n in TEXT_FIELDS[:-1]),
            ("kind", self.kind),
            ("status", self.status),
            ("truncated", self.truncated),
            ("lost_text", self.lost_text),
            ("note", self.edits["note"]),
        ]
        for name, widget in widgets:
            self.layout_.addRow(name, widget)
            self.row_labels[name] = self.layout_.labelForField(widget)

    def field_names(self) -> dict[str, str]:
        return {
            "kicker": self.tr("Kicker"),
            "title": self.tr("Title"),
            "subtitle": self.tr("Subtitle"),
            "dateline": self.tr("Dateline"),
            "reporters": self.tr("Reporters"),
            "correspondents": self.tr("Correspondents"),
            "interns": self.tr("Interns"),
            "section": self.tr("Section"),
            "kind": self.tr("Kind"),
            "status": self.tr("Status"),
            "truncated": self.tr("Truncated"),
            "lost_text": self.tr("Lost text"),
            "note": self.tr("Note"),
        }

    def retranslate(self) -> None:
        for name, text in self.field_names().items():
            self.row_labels[name].setText(text)
        self.truncated.setText(self.tr("breaks off; continuation not here"))
        self.lost_text.setText(self.tr("text lost in the source"))
        self._fill_combo(self.kind, KINDS, kind_name)
        self._fill_combo(self.status, STATUSES, status_name)
        self.edits["reporters"].setPlaceholderText(self.tr("names, separated by spaces"))

    @staticmethod
    def _fill_combo(combo: QComboBox, values, name) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value in values:
            combo.addItem(name(value), value)
        if current is not None:
            combo.setCurrentIndex(combo.findData(current))
        combo.blockSignals(False)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- values -----------------------------------------------------------------------------

    def load(self, article) -> None:
        """Show an article (model.Article) or nothing (None)."""
        self.setEnabled(article is not None)
        self.loaded = {}
        for name, edit in self.edits.items():
            value = getattr(article, name) if article is not None else ""
            text = " ".join(value) if name in LIST_FIELDS else str(value)
            self.loaded[name] = text
            if edit.text() != text:
                edit.setText(text)
            edit.setCursorPosition(0)
        for combo, value in (
            (self.kind, getattr(article, "kind", "news")),
            (self.status, getattr(article, "status", "proposed")),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.truncated.setChecked(bool(getattr(article, "truncated", False)))
        self.lost_text.setChecked(bool(getattr(article, "lost_text", False)))

    def commit(self) -> None:
        """Hand a field still being typed in to the window, as editingFinished would."""
        focused = QApplication.focusWidget()
        for name, edit in self.edits.items():
            if edit is focused:
                self._text_finished(name)

    def _text_finished(self, name: str) -> None:
        text = self.edits[name].text().strip()
        if not self.isEnabled() or text == self.loaded.get(name):
            return
        self.loaded[name] = text
        value = text.replace("、", " ").split() if name in LIST_FIELDS else text
        self.field_edited.emit(name, value)

    def _kind_chosen(self, index: int) -> None:
        self.field_edited.emit("kind", self.kind.itemData(index))

    def _status_chosen(self, index: int) -> None:
        self.status_chosen.emit(self.status.itemData(index))

    def set_editable(self, editable: bool) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(not editable)
        for widget in (self.kind, self.status, self.truncated, self.lost_text):
            widget.setEnabled(editable)
