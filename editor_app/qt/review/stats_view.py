"""Project statistics: counts as tables, changes per editor per day as a small bar chart."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.qt.labels import kind_name, rule_name, status_name

PALETTE = ("#2980b9", "#c0392b", "#27ae60", "#8e44ad", "#e67e22", "#16a085", "#7f8c8d")
CHART_DAYS = 30  # the chart shows the most recent days; the table beside it shows all


@dataclass(frozen=True, slots=True)
class Bar:
    editor: str
    day: str
    count: int
    rect: QRectF


def chart_days(per_editor: dict[str, dict[str, int]], limit: int = CHART_DAYS) -> list[str]:
    days = sorted({day for days in per_editor.values() for day in days})
    return days[-limit:]


def layout_bars(per_editor: dict[str, dict[str, int]], area: QRectF) -> list[Bar]:
    """Grouped bars: one group per day, one bar per editor, heights scaled to the largest."""
    days = chart_days(per_editor)
    editors = sorted(per_editor)
    if not days or not editors:
        return []
    top = max(per_editor[e].get(d, 0) for e in editors for d in days) or 1
    group = area.width() / len(days)
    width = max(1.0, group * 0.8 / len(editors))
    bars = []
    for i, day in enumerate(days):
        for j, editor in enumerate(editors):
            count = per_editor[editor].get(day, 0)
            height = area.height() * count / top
            x = area.left() + i * group + group * 0.1 + j * width
            rect = QRectF(x, area.bottom() - height, width, height)
            bars.append(Bar(editor, day, count, rect))
    return bars


def editor_colour(editors: list[str], editor: str) -> QColor:
    return QColor(PALETTE[sorted(editors).index(editor) % len(PALETTE)])


class ChangesChart(QWidget):
    """Changes per editor per day, drawn with QPainter (QtCharts is not available)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.per_editor: dict[str, dict[str, int]] = {}
        self.setMinimumHeight(160)

    def sizeHint(self) -> QSize:
        return QSize(520, 220)

    def set_data(self, per_editor: dict[str, dict[str, int]]) -> None:
        self.per_editor = {e: dict(days) for e, days in per_editor.items()}
        self.setToolTip(self._summary())
        self.update()

    def bars(self) -> list[Bar]:
        return layout_bars(self.per_editor, self._plot_area())

    def _plot_area(self) -> QRectF:
        return QRectF(36, 24, max(10, self.width() - 48), max(10, self.height() - 48))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.per_editor:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No changes yet"))
            return
        area = self._plot_area()
        self._draw_axes(painter, area)
        editors = list(self.per_editor)
        for bar in self.bars():
            painter.fillRect(bar.rect, editor_colour(editors, bar.editor))
        self._draw_legend(painter, editors)
        painter.end()

    def _draw_axes(self, painter: QPainter, area: QRectF) -> None:
        painter.setPen(QPen(self.palette().text().color()))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        days = chart_days(self.per_editor)
        top = max((c for days_ in self.per_editor.values() for c in days_.values()), default=0)
        painter.drawText(QRectF(0, area.top() - 8, 32, 16), Qt.AlignmentFlag.AlignRight, str(top))
        label_box = QRectF(area.left(), area.bottom() + 4, area.width(), 16)
        painter.drawText(label_box, Qt.AlignmentFlag.AlignLeft, days[0][5:])
        if len(days) > 1:
            painter.drawText(label_box, Qt.AlignmentFlag.AlignRight, days[-1][5:])

    def _draw_legend(self, painter: QPainter, editors: list[str]) -> None:
        x = 40.0
        for editor in sorted(editors):
            painter.fillRect(QRectF(x, 6, 10, 10), editor_colour(editors, editor))
            painter.drawText(QRectF(x + 14, 2, 140, 18), Qt.AlignmentFlag.AlignLeft, editor)
            x += 24 + painter.fontMetrics().horizontalAdvance(editor)

    def _summary(self) -> str:
        lines = []
        for editor in sorted(self.per_editor):
            total = sum(self.per_editor[editor].values())
            lines.append(f"{editor}: {total}")
        return "\n".join(lines)


class StatsDialog(QDialog):
    """What `project.history.stats()` says, read-only; Refresh reads it again."""

    refreshed = Signal()  # the figures on show are new

    def __init__(self, project=None, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.background = None  # set by use_background: the figures are then read off it
        self.reader = None
        self.stats: dict = {}
        self._build()
        self.retranslate()
        if project is not None:
            self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.documents_label = QLabel(self)
        self.reviewed_documents_label = QLabel(self)
        self.articles_label = QLabel(self)
        self.non_articles_label = QLabel(self)
        figures = (
            self.documents_label,
            self.reviewed_documents_label,
            self.articles_label,
            self.non_articles_label,
        )
        self.row_labels = [QLabel(self) for _ in figures]
        for name, label in zip(self.row_labels, figures, strict=True):
            form.addRow(name, label)
        layout.addLayout(form)
        self.tabs = tabs = QTabWidget(self)
        self.status_table = self._table(2)
        self.kind_table = self._table(2)
        self.non_article_table = self._table(2)
        self.suggestion_table = self._table(2)
        segments = self._side_by_side(self.status_table, self.kind_table, self.non_article_table)
        tabs.addTab(segments, "")
        tabs.addTab(self.suggestion_table, "")
        tabs.addTab(self._changes_tab(), "")
        layout.addWidget(tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.refresh_button = QPushButton(self)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _side_by_side(self, *widgets) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        for widget in widgets:
            row.addWidget(widget)
        return box

    def _changes_tab(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        self.chart = ChangesChart(box)
        self.changes_table = self._table(1)
        column.addWidget(self.chart)
        column.addWidget(self.changes_table, 1)
        return box

    def _table(self, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Project statistics"))
        names = (
            self.tr("Documents:"),
            self.tr("Fully reviewed documents:"),
            self.tr("Articles:"),
            self.tr("Non-article segments (boilerplate, noise):"),
        )
        for label, name in zip(self.row_labels, names, strict=True):
            label.setText(name)
        # Each table is one whole split into parts: articles by status, articles by kind,
        # non-article segments by kind; its rows add up to the figure above.
        self.status_table.setHorizontalHeaderLabels([self.tr("Status"), self.tr("Articles")])
        self.kind_table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Articles")])
        self.non_article_table.setHorizontalHeaderLabels(
            [self.tr("Non-article kind"), self.tr("Segments")]
        )
        self.suggestion_table.setHorizontalHeaderLabels(
            [self.tr("Rule"), self.tr("Open suggestions")]
        )
        for index, text in enumerate(
            (self.tr("Articles"), self.tr("Suggestions"), self.tr("Changes"))
        ):
            self.tabs.setTabText(index, text)
        self.refresh_button.setText(self.tr("Refresh"))
        if self.stats:
            self._fill_tables(self.stats)
        else:
            self.changes_table.setHorizontalHeaderLabels([self.tr("Day")])
        self.chart.update()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_project(self, project) -> None:
        self.project = project
        self.refresh()

    def use_background(self, background, reader) -> None:
        """Read the figures on a pool thread (`background.start`) through `reader.read`."""
        self.background = background
        self.reader = reader

    def refresh(self) -> None:
        """Read the figures again: here, or in the background when use_background was called."""
        if self.background is None or self.reader is None:
            self.show_stats(self.project.history.stats())
            return
        self.refresh_button.setEnabled(False)
        reader = self.reader
        self.background.start(
            lambda _progress, _cancelled: reader.read(lambda project: project.history.stats()),
            finished=self.show_stats,
            failed=lambda _message: self.refresh_button.setEnabled(True),
        )

    def show_stats(self, stats: dict) -> None:
        self.refresh_button.setEnabled(True)
        self.stats = stats
        self.documents_label.setText(str(stats["documents"]))
        self.reviewed_documents_label.setText(str(stats["documents_fully_reviewed"]))
        self.articles_label.setText(str(stats["articles"]))
        self.non_articles_label.setText(str(stats["non_articles"]))
        self.chart.set_data(stats["changes_per_editor_per_day"])
        self._fill_tables(stats)
        self.refreshed.emit()

    def _fill_tables(self, stats: dict) -> None:
        self._fill_counts(self.status_table, stats["articles_by_status"], status_name)
        self._fill_counts(self.kind_table, stats["articles_by_kind"], kind_name)
        self._fill_counts(self.non_article_table, stats["non_articles_by_kind"], kind_name)
        self._fill_counts(self.suggestion_table, stats["open_suggestions_by_rule"], rule_name)
        self._fill_changes(stats["changes_per_editor_per_day"])

    @staticmethod
    def _fill_counts(table: QTableWidget, counts: dict, name) -> None:
        """Counts by value, named in the UI language; sorted by the stored value."""
        table.setRowCount(len(counts))
        for row, (value, number) in enumerate(sorted(counts.items())):
            table.setItem(row, 0, QTableWidgetItem(name(value)))
            table.setItem(row, 1, _number_item(number))

    def _fill_changes(self, per_editor: dict[str, dict[str, int]]) -> None:
        editors = sorted(per_editor)
        days = sorted({day for days in per_editor.values() for day in days}, reverse=True)
        table = self.changes_table
        table.setColumnCount(1 + len(editors))
        table.setHorizontalHeaderLabels([self.tr("Day"), *editors])
        table.setRowCount(len(days))
        for row, day in enumerate(days):
            table.setItem(row, 0, QTableWidgetItem(day))
            for column, editor in enumerate(editors, start=1):
                table.setItem(row, column, _number_item(per_editor[editor].get(day, 0)))


def _number_item(number: int) -> QTableWidgetItem:
    item = QTableWidgetItem(str(number))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item
