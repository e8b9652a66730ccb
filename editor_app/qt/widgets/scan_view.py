"""The page scan: the image in OCR page coordinates, zoomed and panned, with outlines drawn
over it (the article's lines, the cursor's line, the current suggestion's word).

The scene's units are the OCR file's page coordinates, so a box read from the project is
drawn as it is, whatever size the image was read at.

The page is painted from QImages, never made into a QPixmap: a preview as wide as a few
views, then the full resolution once the editor zooms in past the preview (the view asks
for it with `full_wanted`). Each is read and converted off the GUI thread
(`scan_image.read_scan`), so showing a page costs the GUI thread only the painting.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QKeySequence, QPainter, QPen, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
)

from editor_app.qt.keymap import SCAN_KEYS

ZOOM_STEP = 1.25
ZOOM_LIMITS = (0.02, 8.0)  # view pixels per page unit
BACKGROUND = QColor("#8a8a8a")
# Each overlay: its outline, its fill, and how high it lies over the image.
ARTICLE, LINE, WORD = "article", "line", "word"
OVERLAYS = {
    ARTICLE: (QColor("#2c6fbb"), QColor(0, 0, 0, 0), 1),
    LINE: (QColor(0, 0, 0, 0), QColor(255, 214, 90, 90), 2),
    WORD: (QColor("#d35400"), QColor(0, 0, 0, 0), 3),
}


class PageItem(QGraphicsItem):
    """The page image over the page's rectangle: the preview, or the full resolution when
    it is read and the view shows the page finer than the preview has pixels."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.area = QRectF()
        self.preview: QImage | None = None
        self.full: QImage | None = None

    def set_preview(self, preview: QImage | None, area: QRectF) -> None:
        """A new page (None: none), its full resolution not read yet."""
        self.prepareGeometryChange()
        self.preview, self.full, self.area = preview, None, QRectF(area)
        self.update()

    def set_full(self, image: QImage) -> None:
        self.full = image
        self.update()

    def preview_density(self) -> float:
        """The preview's pixels per page unit."""
        if self.preview is None or self.area.width() <= 0:
            return 0.0
        return self.preview.width() / self.area.width()

    def boundingRect(self) -> QRectF:
        return self.area

    def paint(self, painter, option, _widget=None) -> None:
        if self.preview is None:
            return
        image = self.preview
        scale = painter.worldTransform().m11() * painter.device().devicePixelRatioF()
        if self.full is not None and scale > self.preview_density():
            image = self.full
        exposed = option.exposedRect.intersected(self.area)
        across = image.width() / self.area.width()
        down = image.height() / self.area.height()
        source = QRectF(
            exposed.x() * across,
            exposed.y() * down,
            exposed.width() * across,
            exposed.height() * down,
        )
        painter.drawImage(exposed, image, source)


class ScanView(QGraphicsView):
    """Drag to pan; Ctrl+wheel, Ctrl+= and Ctrl+- zoom; Ctrl+0 fits the page's width."""

    clicked = Signal(QPointF)  # a click (not a drag) on the page, in page coordinates
    full_wanted = Signal()  # zoomed in past the preview: the full resolution is to be read

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("scanView")
        self.setScene(QGraphicsScene(self))
        self.page = PageItem()
        self.scene().addItem(self.page)
        self.has_full = True  # no finer image to read than the one shown
        self._full_asked = False
        self.overlays: dict[str, list[QGraphicsRectItem]] = {name: [] for name in OVERLAYS}
        self.fitting = True  # keep the page's width in the pane until the editor zooms
        self._pressed_at = None
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(BACKGROUND)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._keys = {QKeySequence(key.keys): key.name for key in SCAN_KEYS}

    # -- the page ---------------------------------------------------------------------------

    def show_page(self, image, width: int, height: int, *, full: bool = True) -> None:
        """Show an image (a QImage ready to paint) as a page of width × height units; None
        clears it. `full`: the image has every pixel there is, else it is a preview and a
        zoom past it asks for the rest."""
        self.clear_overlays()
        if image is None:
            self.page.set_preview(None, QRectF())
            self.scene().setSceneRect(QRectF())
            return
        area = QRectF(0, 0, width or image.width(), height or image.height())
        self.page.set_preview(image, area)
        self.has_full, self._full_asked = full, False
        self.scene().setSceneRect(area)
        self.fitting = True
        self.fit_width()
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def show_full(self, image) -> None:
        """The full resolution of the page shown, painted once the zoom is past the preview."""
        self.page.set_full(image)
        self.has_full = True

    def has_page(self) -> bool:
        return self.page.preview is not None

    def past_preview(self) -> bool:
        """Whether the view shows the page finer than the preview has pixels."""
        density = self.page.preview_density()
        return density > 0 and self.zoom * self.devicePixelRatioF() > density

    def _zoom_changed(self) -> None:
        if self.has_page() and not self.has_full and not self._full_asked and self.past_preview():
            self._full_asked = True
            self.full_wanted.emit()

    # -- overlays ---------------------------------------------------------------------------

    def clear_overlays(self) -> None:
        for name in OVERLAYS:
            self.outline(name, [])

    def outline(self, overlay: str, boxes) -> None:
        """Draw these boxes (x0, y0, x1, y1 in page units) as the overlay, replacing it."""
        scene = self.scene()
        for item in self.overlays[overlay]:
            scene.removeItem(item)
        outline, fill, height = OVERLAYS[overlay]
        pen = QPen(outline, 2)
        pen.setCosmetic(True)  # as thick at every zoom
        items = []
        for x0, y0, x1, y1 in boxes:
            item = QGraphicsRectItem(QRectF(x0, y0, x1 - x0, y1 - y0))
            item.setPen(pen if outline.alpha() else QPen(Qt.PenStyle.NoPen))
            item.setBrush(QBrush(fill))
            item.setZValue(height)
            scene.addItem(item)
            items.append(item)
        self.overlays[overlay] = items

    def boxes(self, overlay: str) -> list[tuple[int, int, int, int]]:
        """The boxes an overlay draws, in page units."""
        return [tuple(round(v) for v in item.rect().getCoords()) for item in self.overlays[overlay]]

    def bring_into_view(self, boxes) -> None:
        """Scroll so that these boxes are in view (no move when they already are)."""
        if not boxes:
            return
        area = QRectF()
        for x0, y0, x1, y1 in boxes:
            area = area.united(QRectF(x0, y0, x1 - x0, y1 - y0))
        self.ensureVisible(area, 24, 24)

    # -- zoom -------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """View pixels per page unit."""
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        low, high = ZOOM_LIMITS
        wanted = max(low, min(high, self.zoom * factor))
        self.fitting = False
        self.setTransform(QTransform.fromScale(wanted, wanted))
        self._zoom_changed()

    def fit_width(self) -> None:
        """The page's whole width in the pane."""
        width = self.sceneRect().width()
        if width <= 0:
            return
        self.fitting = True
        room = self.viewport().width() - 2
        scale = max(ZOOM_LIMITS[0], room / width)
        self.setTransform(QTransform.fromScale(scale, scale))
        self._zoom_changed()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit_width()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP ** (event.angleDelta().y() / 120))
            event.accept()
            return
        super().wheelEvent(event)

    # -- keys: the scan's own, before the window's shortcuts --------------------------------

    def _key_name(self, event) -> str | None:
        return self._keys.get(QKeySequence(event.keyCombination()))

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._key_name(event):
            event.accept()  # ours while the scan has the focus, not the text's zoom
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        name = self._key_name(event)
        if name == "zoom_in":
            self.zoom_by(ZOOM_STEP)
        elif name == "zoom_out":
            self.zoom_by(1 / ZOOM_STEP)
        elif name == "fit_width":
            self.fit_width()
        else:
            super().keyPressEvent(event)

    # -- clicks, told from drags ------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        self._pressed_at = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed_at = self._pressed_at, None
        if pressed is None or event.button() != Qt.MouseButton.LeftButton:
            return
        moved = (event.position() - pressed).manhattanLength()
        if moved < QApplication.startDragDistance() and self.has_page():
            self.clicked.emit(self.mapToScene(event.position().toPoint()))
