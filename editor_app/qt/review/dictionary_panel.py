"""The project dictionary: known misreads (wrong → right, a note), added and removed.

Each entry is one operation of `project.suggestions`: adding one makes a suggestion at
every occurrence in the project, removing one takes its suggestions away again. The
list is read from the project whenever a change names the dictionary (an undo too), so
it never says other than the file.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.qt.review.running import Runner, direct_runner

WRONG_ROLE = Qt.ItemDataRole.UserRole


class DictionaryPanel(QWidget):
    """The entries of the project dictionary, with fields to add one and a way to remove."""

    changed = Signal(object)  # the OpResult of an entry added or removed
    leave = Signal()  # Escape: the editor goes back to the text

    def __init__(self, project=None, parent=None, *, run: Runner | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.run = run or direct_runner(self)
        self._build()
        self.retranslate()
        self.refresh()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.entries = QTreeWidget(self)
        self.entries.setObjectName("dictionaryEntries")
        self.entries.setColumnCount(3)
        self.entries.setRootIsDecorated(False)
        self.entries.setUniformRowHeights(True)
        self.entries.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.entries.installEventFilter(self)
        layout.addWidget(self.entries, 1)
        grid = QGridLayout()
        self.wrong_edit = self._edit("dictionaryWrong")
        self.right_edit = self._edit("dictionaryRight")
        self.note_edit = self._edit("dictionaryNote")
        self.wrong_label, self.right_label, self.note_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        for row, (label, edit) in enumerate(
            (
                (self.wrong_label, self.wrong_edit),
                (self.right_label, self.right_edit),
                (self.note_label, self.note_edit),
            )
        ):
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
        self.add_button = self._button(self.add_entry)
        self.remove_button = self._button(self.remove_selected)
        grid.addWidget(self.add_button, 0, 2)
        grid.addWidget(self.remove_button, 1, 2)
        layout.addLayout(grid)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        self.entries.currentItemChanged.connect(self._update_buttons)
        for edit in (self.wrong_edit, self.right_edit):
            edit.textChanged.connect(self._update_buttons)

    def _edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.returnPressed.connect(self.add_entry)
        return edit

    def _button(self, slot) -> QPushButton:
        button = QPushButton(self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Project dictionary"))
        self.entries.setHeaderLabels([self.tr("Wrong"), self.tr("Right"), self.tr("Note")])
        self.wrong_label.setText(self.tr("&Wrong:"))
        self.right_label.setText(self.tr("&Right:"))
        self.note_label.setText(self.tr("N&ote:"))
        self.wrong_edit.setPlaceholderText(self.tr("as the scan misreads it"))
        self.right_edit.setPlaceholderText(self.tr("as it should read"))
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave.emit()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:
        """Delete in the list removes the current entry."""
        if (
            watched is self.entries
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    # -- public -------------------------------------------------------------------------------

    def set_project(self, project) -> None:
        self.project = project
        self.message_label.clear()
        self.refresh()

    def refresh(self) -> None:
        """List the dictionary as the project holds it, keeping the current entry."""
        current = self.current_wrong()
        rows = self.project.suggestions.dictionary() if self.project is not None else []
        self.entries.clear()
        for row in rows:
            item = QTreeWidgetItem([row["wrong"], row["right"], row["note"] or ""])
            item.setData(0, WRONG_ROLE, row["wrong"])
            self.entries.addTopLevelItem(item)
            if row["wrong"] == current:
                self.entries.setCurrentItem(item)
        self._update_buttons()

    def follow(self, result) -> None:
        """After any change: read the list again when the change names the dictionary."""
        change = getattr(result, "change", None)
        if change is not None and change.dictionary:
            self.refresh()

    def current_wrong(self) -> str | None:
        item = self.entries.currentItem()
        return item.data(0, WRONG_ROLE) if item is not None else None

    def listed(self) -> list[tuple[str, str, str]]:
        """The entries as shown: (wrong, right, note)."""
        return [
            tuple(self.entries.topLevelItem(i).text(c) for c in range(3))
            for i in range(self.entries.topLevelItemCount())
        ]

    def add_entry(self):
        """wrong → right (with its note) into the dictionary: one undo step."""
        wrong, right = self.wrong_edit.text(), self.right_edit.text()
        if not self._addable():
            self._say(self.tr("Type the wrong and the right form; they must differ."))
            return None
        result = self.run(
            self.project.suggestions.add_dictionary_entry, wrong, right, self.note_edit.text()
        )
        if result is None:
            return None
        for edit in (self.wrong_edit, self.right_edit, self.note_edit):
            edit.clear()
        self.wrong_edit.setFocus()
        self._after(result)
        made = result.value if isinstance(result.value, int) else 0
        self._say(self.tr("Entry added; %1 suggestions made.").replace("%1", str(made)))
        return result

    def remove_selected(self):
        """Remove the current entry and the suggestions it made: one undo step."""
        wrong = self.current_wrong()
        if wrong is None or not self._writable():
            return None
        result = self.run(self.project.suggestions.remove_dictionary_entry, wrong)
        if result is None:
            return None
        self._after(result)
        self._say(self.tr("Entry %1 removed.").replace("%1", wrong))
        return result

    # -- helpers ------------------------------------------------------------------------------

    def _after(self, result) -> None:
        self.changed.emit(result)
        self.refresh()

    def _say(self, text: str) -> None:
        self.message_label.setText(text)

    def _writable(self) -> bool:
        return self.project is not None and not self.project.read_only

    def _addable(self) -> bool:
        wrong, right = self.wrong_edit.text(), self.right_edit.text()
        return self._writable() and bool(wrong and right and wrong != right)

    def _update_buttons(self, *_args) -> None:
        self.add_button.setEnabled(self._addable())
        self.remove_button.setEnabled(self._writable() and self.current_wrong() is not None)
