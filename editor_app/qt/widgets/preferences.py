"""Preferences: the editor's name, the language, the font, the backup folder and how often
the project's model learns from the reviewed documents."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from editor_app.qt.i18n import LANGUAGES


class PreferencesDialog(QDialog):
    def __init__(self, preferences, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.editor_name = QLineEdit(preferences.editor_name, self)
        self.editor_name.setObjectName("prefEditorName")
        self.language = QComboBox(self)
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))
        self.font = QFontComboBox(self)
        if preferences.font_family:
            self.font.setCurrentFont(QFont(preferences.font_family))
        self.backup_folder = QLineEdit(preferences.backup_folder, self)
        self.backup_folder.setPlaceholderText(self.tr("beside the project file"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_folder)
        folder_row = QWidget(self)
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.backup_folder)
        row.addWidget(browse)
        self.learn_every = QSpinBox(self)
        self.learn_every.setObjectName("prefLearnEvery")
        self.learn_every.setRange(0, 1000)
        self.learn_every.setSpecialValueText(self.tr("only when asked"))
        self.learn_every.setPrefix(self.tr("after every "))
        self.learn_every.setSuffix(self.tr(" newly reviewed documents"))
        self.learn_every.setValue(preferences.learn_every)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Editor's name"), self.editor_name)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Font"), self.font)
        form.addRow(self.tr("Backup folder"), folder_row)
        form.addRow(self.tr("Learn from reviewed documents"), self.learn_every)
        form.addRow(buttons)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"))
        if folder:
            self.backup_folder.setText(folder)

    def store(self, preferences) -> None:
        preferences.editor_name = self.editor_name.text().strip()
        preferences.language = self.language.currentData()
        preferences.font_family = self.font.currentFont().family()
        preferences.backup_folder = self.backup_folder.text().strip()
        preferences.learn_every = self.learn_every.value()
