"""File → Export…: format, target, which articles, which script."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from editor_app.export import ExportOptions
from editor_app.model import STATUSES
from editor_app.qt.labels import status_name

SUFFIXES = {"jsonl": ".jsonl", "csv": ".csv", "tei": ".xml", "txt": ""}


class ExportDialog(QDialog):
    def __init__(self, project_path: Path, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the corpus"))
        self.project_path = Path(project_path)
        self.format = QComboBox(self)
        for code, text in self._format_texts().items():
            self.format.addItem(text, code)
        self.target = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_target)
        target_row = QWidget(self)
        row = QHBoxLayout(target_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        self.statuses = {status: QCheckBox(status_name(status), self) for status in STATUSES}
        status_row = QWidget(self)
        boxes = QHBoxLayout(status_row)
        boxes.setContentsMargins(0, 0, 0, 0)
        for box in self.statuses.values():
            box.setChecked(True)
            boxes.addWidget(box)
        self.script = QComboBox(self)
        for code, text in self._script_texts().items():
            self.script.addItem(text, code)
        self.non_articles = QCheckBox(self.tr("Include boilerplate and noise"), self)
        form = QFormLayout(self)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Export to:"), target_row)
        form.addRow(self.tr("Articles with status:"), status_row)
        form.addRow(self.tr("Script:"), self.script)
        form.addRow("", self.non_articles)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept_if_ready)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._suggest_target)
        self._suggest_target()

    def _format_texts(self) -> dict[str, str]:
        return {
            "jsonl": self.tr("JSON Lines (one article a line)"),
            "csv": self.tr("CSV table"),
            "tei": self.tr("TEI P5 XML"),
            "txt": self.tr("Plain text (a folder, one file per article)"),
        }

    def _script_texts(self) -> dict[str, str]:
        return {
            "keep": self.tr("As corrected"),
            "s": self.tr("Simplified"),
            "t": self.tr("Traditional"),
            "tw": self.tr("Traditional (Taiwan)"),
            "hk": self.tr("Traditional (Hong Kong)"),
        }

    def chosen_format(self) -> str:
        return self.format.currentData()

    def target_path(self) -> Path:
        return Path(self.target.text().strip())

    def options(self) -> ExportOptions:
        chosen = frozenset(s for s, box in self.statuses.items() if box.isChecked())
        return ExportOptions(
            statuses=None if len(chosen) == len(self.statuses) else chosen,
            script=self.script.currentData(),
            include_non_articles=self.non_articles.isChecked(),
        )

    def _suggest_target(self) -> None:
        stem = self.project_path.with_suffix("")
        current = self.target.text().strip()
        if not current or Path(current).with_suffix("") == stem.with_name(stem.name + "-corpus"):
            name = stem.name + "-corpus" + SUFFIXES[self.chosen_format()]
            self.target.setText(str(stem.with_name(name)))

    def _choose_target(self) -> None:
        if self.chosen_format() == "txt":
            path = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"))
        else:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to file"), self.target.text()
            )
        if path:
            self.target.setText(path)

    def _accept_if_ready(self) -> None:
        if self.target.text().strip() and any(b.isChecked() for b in self.statuses.values()):
            self.accept()
