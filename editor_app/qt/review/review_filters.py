"""Article-list filters for review (the review shortcuts are the desk session's)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QWidget

from editor_app.model.article import UNCERTAIN_BELOW

NO_LIMIT = -1  # SQLite reads a negative LIMIT as "all rows"


# -- the filter bar -----------------------------------------------------------------------------


class ReviewFilterBar(QWidget):
    """All / not yet reviewed / changed by an editor / uncertain: emits the article ids."""

    MODES = ("all", "not_reviewed", "changed_by", "uncertain")
    articles_filtered = Signal(list)  # article ids in document and line order

    def __init__(self, project=None, parent=None) -> None:
        super().__init__(parent)
        self.project = None
        self.document_id: int | None = None
        self.mode_combo = QComboBox(self)
        for mode in self.MODES:
            self.mode_combo.addItem("", mode)
        self.editor_combo = QComboBox(self)
        self.threshold_spin = QDoubleSpinBox(self)
        self.threshold_spin.setRange(0.0, 1.0)
        self.threshold_spin.setSingleStep(0.05)
        self.threshold_spin.setDecimals(2)
        self.threshold_spin.setValue(UNCERTAIN_BELOW)
        self.retranslate()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.mode_combo, self.editor_combo, self.threshold_spin):
            row.addWidget(widget)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.editor_combo.currentIndexChanged.connect(self.apply)
        self.threshold_spin.valueChanged.connect(self.apply)
        self._show_inputs()
        if project is not None:
            self.set_project(project)

    def retranslate(self) -> None:
        for index, text in enumerate(self._mode_texts()):
            self.mode_combo.setItemText(index, text)
        self.threshold_spin.setPrefix(self.tr("confidence < "))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _mode_texts(self) -> list[str]:
        return [
            self.tr("All articles"),
            self.tr("Not yet reviewed"),
            self.tr("Changed by…"),
            self.tr("Uncertain"),
        ]

    def set_project(self, project) -> None:
        self.project = project
        self.refresh_editors()
        self.apply()

    def set_document(self, document_id: int | None) -> None:
        """Filter within one document, or the whole project (None)."""
        self.document_id = document_id
        self.apply()

    def set_mode(self, mode: str) -> None:
        self.mode_combo.setCurrentIndex(self.MODES.index(mode))

    def mode(self) -> str:
        return self.mode_combo.currentData()

    def refresh_editors(self) -> None:
        kept = self.editor_combo.currentText()
        self.editor_combo.blockSignals(True)
        self.editor_combo.clear()
        self.editor_combo.addItems(self.project.history.editors() if self.project else [])
        self.editor_combo.setCurrentIndex(max(0, self.editor_combo.findText(kept)))
        self.editor_combo.blockSignals(False)

    def filter_arguments(self) -> dict:
        """The keyword arguments of `project.history.filtered_article_rows` for the current choice."""
        arguments: dict = {"document_id": self.document_id, "limit": NO_LIMIT}
        mode = self.mode()
        if mode == "not_reviewed":
            arguments["not_reviewed"] = True
        elif mode == "changed_by":
            arguments["changed_by"] = self.editor_combo.currentText() or None
        elif mode == "uncertain":
            arguments["uncertain_below"] = self.threshold_spin.value()
        return arguments

    def article_ids(self) -> list[int]:
        if self.project is None:
            return []
        if self.mode() == "changed_by" and not self.editor_combo.currentText():
            return []
        rows = self.project.history.filtered_article_rows(**self.filter_arguments())
        return [row["id"] for row in rows]

    def apply(self) -> list[int]:
        ids = self.article_ids()
        self.articles_filtered.emit(ids)
        return ids

    def _mode_changed(self) -> None:
        self._show_inputs()
        self.apply()

    def _show_inputs(self) -> None:
        self.editor_combo.setVisible(self.mode() == "changed_by")
        self.threshold_spin.setVisible(self.mode() == "uncertain")
