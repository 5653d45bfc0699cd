"""The lifecycle funnel: how many contacts are in each lifecycle status, as horizontal bars."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from segments.fields import LIFECYCLE_STATUSES
from ui.segments.labels import value_label
from ui.style import named
from workspace.money import format_number

COLORS = {
    "cold": "#8fa6c7",
    "warm": "#f2b84b",
    "hot": "#e4572e",
    "active": "#2e9e5b",
    "passive": "#8cc084",
    "inactive": "#b3b9c4",
    "very_inactive": "#6e7685",
}
"""Bar colours: blue-grey (never bought) through warm to green (buying) and grey (lapsed)."""

ROW_HEIGHT = 26
LABEL_GAP = 10


class LifecycleChart(QWidget):
    """Horizontal bars of contacts per lifecycle status, in funnel order, counts at the end.

    Signals:
        status_clicked(str): a bar was clicked (its status, e.g. ``hot``).
    """

    status_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[str, int] | None = None
        self._bars: dict[str, QRectF] = {}
        self._tips: dict[str, str] = {}
        self.setMinimumHeight(self._wanted_height())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)

    def set_counts(self, counts: dict[str, int] | None) -> None:
        """Show ``counts`` (status → contacts); None shows "loading"."""
        self._counts = dict(counts) if counts is not None else None
        self.update()

    def counts(self) -> dict[str, int] | None:
        """The counts shown."""
        return dict(self._counts) if self._counts is not None else None

    def bar_rect(self, status: str) -> QRectF:
        """Where the bar of ``status`` was last drawn (for clicks and tests)."""
        return self._bars.get(status, QRectF())

    def _title(self) -> str:
        return self.tr("Contacts by lifecycle status")

    def _wanted_height(self) -> int:
        return 34 + ROW_HEIGHT * len(LIFECYCLE_STATUSES) + 8

    def sizeHint(self) -> QSize:
        return QSize(420, self._wanted_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor("#1d2433"))
        painter.drawText(QRectF(0, 0, self.width(), 24),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._title())
        painter.setFont(self.font())
        if self._counts is None:
            painter.setPen(QColor("#5f6b7c"))
            painter.drawText(QRectF(0, 30, self.width(), ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignLeft, self.tr("Counting…"))
            return
        metrics = QFontMetrics(self.font())
        labels = {s: value_label(s) for s in LIFECYCLE_STATUSES}
        label_width = max(metrics.horizontalAdvance(t) for t in labels.values()) + LABEL_GAP
        locale = QLocale()
        lang = "ru" if locale.language() == QLocale.Language.Russian else "en"
        numbers = {s: format_number(self._counts.get(s, 0), lang) for s in LIFECYCLE_STATUSES}
        number_width = max(metrics.horizontalAdvance(t) for t in numbers.values()) + LABEL_GAP
        top = 34.0
        room = max(20.0, self.width() - label_width - number_width - 4)
        biggest = max(self._counts.values(), default=0) or 1
        total = sum(self._counts.values()) or 1
        self._bars = {}
        for i, status in enumerate(LIFECYCLE_STATUSES):
            y = top + i * ROW_HEIGHT
            value = self._counts.get(status, 0)
            painter.setPen(QColor("#3a4456"))
            painter.drawText(QRectF(0, y, label_width - LABEL_GAP, ROW_HEIGHT - 6),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             labels[status])
            track = QRectF(label_width, y + 2, room, ROW_HEIGHT - 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#f1f3f6"))
            painter.drawRoundedRect(track, 4, 4)
            width = room * value / biggest
            bar = QRectF(label_width, y + 2, max(width, 2.0 if value else 0.0), ROW_HEIGHT - 10)
            painter.setBrush(QColor(COLORS[status]))
            painter.drawRoundedRect(bar, 4, 4)
            self._bars[status] = track
            painter.setPen(QColor("#1d2433"))
            painter.drawText(QRectF(label_width + room + 4, y, number_width, ROW_HEIGHT - 6),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             numbers[status])
            self._tips[status] = self.tr("{0}: {1} contacts ({2}%)").format(
                labels[status], numbers[status], round(100 * value / total))

    def _status_at(self, x: float, y: float) -> str:
        for status, rect in self._bars.items():
            if rect.adjusted(-200, -3, 200, 3).contains(x, y):
                return status
        return ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        status = self._status_at(event.position().x(), event.position().y())
        self.setToolTip(self._tips.get(status, ""))
        self.setCursor(Qt.CursorShape.PointingHandCursor if status
                       else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        status = self._status_at(event.position().x(), event.position().y())
        if status and event.button() == Qt.MouseButton.LeftButton:
            self.status_clicked.emit(status)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
        super().changeEvent(event)


class ChartPane(QWidget):
    """The lifecycle chart with its hint under it (the hint's text: the page's)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.chart = LifecycleChart()
        self.hint = named(QLabel(), "hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.chart)
        layout.addWidget(self.hint)
        layout.addStretch(1)
