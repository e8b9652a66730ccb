"""The selected article's metadata; each finished edit asks for one operation.

One row per field the registry (model/fields.py) shows, in its order, under its label:
a line for texts and names, a list for choices, a box for flags.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from editor_app.model import STATUSES, fields
from editor_app.model.article import KINDS, LIST_FIELDS
from editor_app.qt.labels import field_label, kind_name, status_name

_CHOICES = {"kind": (KINDS, kind_name), "status": (STATUSES, status_name)}


class ArticleForm(QWidget):
    field_edited = Signal(str, object)  # field name, new value
    status_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}
        self.flags: dict[str, QCheckBox] = {}
        self.loaded: dict[str, object] = {}
        self.row_labels = {}
        for field in fields.SHOWN:
            widget = self._widget(field)
            widget.setObjectName(f"field_{field.name}")
            self.layout_.addRow(field.name, widget)
            self.row_labels[field.name] = self.layout_.labelForField(widget)
        self.kind, self.status = self.combos["kind"], self.combos["status"]
        self.truncated, self.lost_text = self.flags["truncated"], self.flags["lost_text"]
        self.retranslate()
        self.setEnabled(False)

    def _widget(self, field: fields.Field) -> QWidget:
        name = field.name
        if field.kind == fields.CHOICE:
            combo = self.combos[name] = QComboBox(self)
            combo.activated.connect(lambda index, name=name: self._chosen(name, index))
            return combo
        if field.kind == fields.FLAG:
            box = self.flags[name] = QCheckBox(self)
            box.clicked.connect(lambda on, name=name: self.field_edited.emit(name, on))
            return box
        edit = self.edits[name] = QLineEdit(self)
        edit.editingFinished.connect(lambda name=name: self._text_finished(name))
        return edit

    def field_names(self) -> dict[str, str]:
        return {name: field_label(name) for name in self.row_labels}

    def retranslate(self) -> None:
        for name, text in self.field_names().items():
            self.row_labels[name].setText(text)
        self.truncated.setText(self.tr("breaks off; continuation not here"))
        self.lost_text.setText(self.tr("text lost in the source"))
        for name, (values, label) in _CHOICES.items():
            self._fill_combo(self.combos[name], values, label)
        for name in LIST_FIELDS:
            self.edits[name].setPlaceholderText(self.tr("names, separated by spaces"))

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
        for name, combo in self.combos.items():
            value = getattr(article, name, _CHOICES[name][0][0])
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        for name, box in self.flags.items():
            box.setChecked(bool(getattr(article, name, False)))

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

    def _chosen(self, name: str, index: int) -> None:
        value = self.combos[name].itemData(index)
        if fields.field(name).editable:
            self.field_edited.emit(name, value)
        else:  # the status has an operation of its own
            self.status_chosen.emit(value)

    def set_editable(self, editable: bool) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(not editable)
        for widget in (*self.combos.values(), *self.flags.values()):
            widget.setEnabled(editable)
