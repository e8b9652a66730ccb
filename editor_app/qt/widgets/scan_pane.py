"""The pane beside the raw text: the page scan, or why it cannot be shown and a way to point
to the image again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from editor_app.qt.scan_image import CHANGED, MISSING, ScanImage
from editor_app.qt.widgets.scan_view import ScanView


class ScanPane(QStackedWidget):
    """Shows the `view`, or a notice: loading, missing, changed or unreadable."""

    locate_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("scanPane")
        self.view = ScanView(self)
        self.notice_page = QWidget(self)
        self.notice = QLabel(self.notice_page)
        self.notice.setObjectName("scanNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.locate = QPushButton(self.notice_page)
        self.locate.setObjectName("locateImage")
        self.locate.clicked.connect(self.locate_requested)
        column = QVBoxLayout(self.notice_page)
        column.addStretch(1)
        column.addWidget(self.notice)
        column.addWidget(self.locate, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        self.addWidget(self.view)
        self.addWidget(self.notice_page)
        self.problem: ScanImage | None = None  # what the notice says, or None
        self.retranslate()

    def show_scan(self, scan: ScanImage) -> None:
        """The image when it was read, else what went wrong."""
        if scan.image is not None:
            width, height = scan.size
            self.view.show_page(scan.image, width, height, full=scan.is_full)
            self.problem = None
            self.setCurrentWidget(self.view)
            return
        self.view.show_page(None, 0, 0)
        self.problem = scan
        self.retranslate()
        self.setCurrentWidget(self.notice_page)

    def show_loading(self) -> None:
        self.view.show_page(None, 0, 0)
        self.problem = ScanImage(None)
        self.retranslate()
        self.setCurrentWidget(self.notice_page)

    def retranslate(self) -> None:
        self.locate.setText(self.tr("Locate image…"))
        scan = self.problem
        self.locate.setVisible(scan is not None and bool(scan.problem))
        self.notice.setText(self._message(scan) if scan is not None else "")

    def _message(self, scan: ScanImage) -> str:
        if not scan.problem:
            return self.tr("Reading the page image…")
        if scan.problem == MISSING:
            if not scan.looked_at:
                return self.tr("The OCR file names no page image, and none lies beside it.")
            return self.tr("The page image was not found. Looked for:\n%1").replace(
                "%1", "\n".join(scan.looked_at)
            )
        if scan.problem == CHANGED:
            return self.tr(
                "The page image at\n%1\nis not the one imported: its content has changed."
            ).replace("%1", scan.path)
        return self.tr("The page image\n%1\ncannot be read.").replace("%1", scan.path)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
