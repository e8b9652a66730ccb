"""The learning's two quiet widgets: its progress in the status bar, its offer above the text.

Neither is a dialog: the editor goes on working while the model learns, and answers the
offer to re-propose whenever it suits (or never: it stays until answered).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QWidget,
)


class LearningStatus(QWidget):
    """What runs in the background ("Learning from 5 reviewed documents…"), its progress, Stop."""

    stop_clicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("learningStatus")
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(140)
        self.bar.setTextVisible(False)
        self.stop = QToolButton(self)
        self.stop.setObjectName("stopLearning")
        self.stop.clicked.connect(self.stop_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.stop):
            row.addWidget(widget)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.stop.setText(self.tr("Stop"))
        self.stop.setToolTip(self.tr("Stop learning; nothing is changed"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def begin(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.show()

    def advance(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))


class OfferBar(QFrame):
    """The offer ("3 untouched documents would be proposed differently…"): Re-propose, Not now."""

    accepted = Signal()
    declined = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reproposeOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#reproposeOffer { background: #fff8dc; }")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.accept_button.setObjectName("acceptRepropose")
        self.decline_button = QPushButton(self)
        self.decline_button.setObjectName("declineRepropose")
        self.accept_button.clicked.connect(self.accepted)
        self.decline_button.clicked.connect(self.declined)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.message, 1)
        row.addWidget(self.accept_button)
        row.addWidget(self.decline_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.accept_button.setText(self.tr("Re-&propose"))
        self.decline_button.setText(self.tr("Not &now"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
